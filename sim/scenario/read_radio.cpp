// The radio parts of a scenario: the physical layer of `topology:` (propagation, capture, noise), a gateway
// group's radio keys (placement, powers, demodulators, backhaul caps) and a device type's `radio:` map.
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "sim/scenario/enum_tables.hpp"
#include "sim/scenario/radio_sections.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/settings_reader.hpp"

namespace st::scenario {

namespace {

constexpr double kMaxDistance = 1'000'000.0;  // 1000 km: anything farther is absurd for Sidewalk

channel::Position read_position(const Field& f) {
  const auto items = f.as_list();
  if (items.size() != 2) f.fail("a position is a list of two distances [x, y], e.g. [0m, 250m]");
  const double x = items[0].as_distance(), y = items[1].as_distance();
  items[0].in_range(std::fabs(x), 0, kMaxDistance, "+-1000km");
  items[1].in_range(std::fabs(y), 0, kMaxDistance, "+-1000km");
  return {x, y};
}

double read_positive_distance(const Field& f) { return f.in_range(f.as_distance(), 0.01, kMaxDistance, "1cm..1000km"); }

channel::PathLossModel read_propagation(const Field& f, double frequency_hz, const channel::PathLossModel& dflt) {
  const MapReader m(f, {"model", "exponent", "shadowing", "reference_distance", "environment", "base_height",
                        "mobile_height"});
  const std::vector<std::pair<std::string, channel::PathLossKind>> kinds = {
      {"log_distance", channel::PathLossKind::LogDistance},
      {"free_space", channel::PathLossKind::FreeSpace},
      {"okumura_hata", channel::PathLossKind::OkumuraHata}};
  const channel::PathLossKind kind = m.get("model") ? m.get("model")->as_enum("propagation model", kinds) : dflt.kind;
  const double sigma = m.get("shadowing") ? m.get("shadowing")->in_range(m.get("shadowing")->as_decibels(), 0, 30, "0dB..30dB")
                                          : dflt.shadowing_sigma_db;
  const auto only_for = [&](const char* key, const char* model) {
    if (auto x = m.get(key)) x->fail_key(std::string("'") + key + "' applies only to model " + model);
  };
  switch (kind) {
    case channel::PathLossKind::FreeSpace:
      only_for("exponent", "log_distance");
      only_for("reference_distance", "log_distance");
      only_for("environment", "okumura_hata");
      only_for("base_height", "okumura_hata");
      only_for("mobile_height", "okumura_hata");
      return channel::PathLossModel::free_space(frequency_hz, sigma);
    case channel::PathLossKind::LogDistance: {
      only_for("environment", "okumura_hata");
      only_for("base_height", "okumura_hata");
      only_for("mobile_height", "okumura_hata");
      const double n = m.get("exponent") ? m.get("exponent")->in_range(m.get("exponent")->as_number(), 1.0, 8.0, "1..8")
                                         : (dflt.kind == channel::PathLossKind::LogDistance ? dflt.exponent : 3.5);
      const double d0 = m.get("reference_distance") ? read_positive_distance(*m.get("reference_distance")) : 1.0;
      return channel::PathLossModel::log_distance(n, sigma, frequency_hz, d0);
    }
    case channel::PathLossKind::OkumuraHata: {
      only_for("exponent", "log_distance");
      only_for("reference_distance", "log_distance");
      const std::vector<std::pair<std::string, channel::HataEnvironment>> envs = {
          {"urban", channel::HataEnvironment::UrbanSmallMedium},
          {"urban_large", channel::HataEnvironment::UrbanLarge},
          {"suburban", channel::HataEnvironment::Suburban},
          {"open", channel::HataEnvironment::Open}};
      const auto env = m.get("environment") ? m.get("environment")->as_enum("environment", envs)
                                            : channel::HataEnvironment::Suburban;
      const double hb = m.get("base_height") ? m.get("base_height")->in_range(m.get("base_height")->as_distance(), 1, 300, "1m..300m") : 30.0;
      const double hm = m.get("mobile_height") ? m.get("mobile_height")->in_range(m.get("mobile_height")->as_distance(), 0.5, 20, "0.5m..20m") : 1.5;
      return channel::PathLossModel::okumura_hata(env, frequency_hz, hb, hm, sigma);
    }
  }
  return dflt;
}

// A TX current table: [[14dBm, 45mA], [20dBm, 90mA], ...], powers strictly increasing.
std::vector<hw::TxCurrentPoint> read_tx_table(const Field& f) {
  std::vector<hw::TxCurrentPoint> table;
  for (const auto& item : f.as_list()) {
    const auto pair = item.as_list();
    if (pair.size() != 2) item.fail("a TX current point is [power, current], e.g. [20dBm, 90mA]");
    const double p = pair[0].in_range(pair[0].as_power_dbm(), -40, 30, "-40dBm..30dBm");
    const double c = pair[1].in_range(pair[1].as_current_ma(), 0, 2000, "0mA..2A");
    if (!table.empty() && p <= table.back().power_dbm) pair[0].fail("powers must increase along the table");
    table.push_back({p, c});
  }
  if (table.empty()) f.fail("a TX current table needs at least one [power, current] point");
  return table;
}

void read_sx1262(const Field& f, hw::Sx1262Profile& x) {
  // Only what a run uses: the device sleeps warm between operations (its sleep current is the device's
  // sleep_current), wakes warm, synthesises, then transmits or receives.
  const MapReader m(f, with_keys(setting_keys_of<hw::Sx1262Profile>(), {"tx_current"}));
  read_settings(m, x);
  if (auto v = m.get("tx_current")) x.tx_current = read_tx_table(*v);
}

void read_nrf52840(const Field& f, hw::Nrf52840BleProfile& x) {
  const MapReader m(f, with_keys({"tx_current"}, setting_keys_of<hw::Nrf52840BleProfile>()));
  if (auto v = m.get("tx_current")) x.tx_current = read_tx_table(*v);
  read_settings(m, x);
}

}  // namespace

models::PlacementConfig read_placement(const Field& f, std::uint64_t count, bool allow_near_gateways) {
  const std::string pattern = [&] {
    const MapReader probe(f, {"pattern", "spacing", "columns", "origin", "center", "radius", "inner_radius", "from",
                              "to", "angle", "points"});
    return probe.require("pattern").scalar("a placement pattern");
  }();
  models::PlacementConfig p;
  p.near_gateways = false;
  channel::PlacementSpec& s = p.spec;
  const auto centre = [&](const MapReader& m) {
    if (auto c = m.get("center")) return read_position(*c);
    if (auto c = m.get("origin")) return read_position(*c);
    return channel::Position{};
  };
  if (pattern == "near_gateways") {
    if (!allow_near_gateways) f.fail("pattern 'near_gateways' is for device types, not gateways");
    const MapReader m(f, {"pattern", "radius"});
    p.near_gateways = true;
    p.near_radius_m = m.get("radius") ? read_positive_distance(*m.get("radius")) : 25.0;
  } else if (pattern == "grid") {
    const MapReader m(f, {"pattern", "spacing", "columns", "origin"});
    s.kind = channel::PlacementKind::Grid;
    s.spacing_m = read_positive_distance(m.require("spacing"));
    if (auto c = m.get("columns")) s.columns = c->as_u32(1, 10'000'000);
    s.origin = centre(m);
  } else if (pattern == "disc") {
    const MapReader m(f, {"pattern", "radius", "center"});
    s.kind = channel::PlacementKind::Disc;
    s.radius_m = read_positive_distance(m.require("radius"));
    s.origin = centre(m);
  } else if (pattern == "annulus") {
    const MapReader m(f, {"pattern", "radius", "inner_radius", "center"});
    s.kind = channel::PlacementKind::Annulus;
    s.radius_m = read_positive_distance(m.require("radius"));
    s.inner_radius_m = m.require("inner_radius").as_distance();
    if (s.inner_radius_m < 0 || s.inner_radius_m >= s.radius_m)
      m.require("inner_radius").fail("must be at least 0m and less than the radius");
    s.origin = centre(m);
  } else if (pattern == "ring") {
    const MapReader m(f, {"pattern", "radius", "center", "angle"});
    s.kind = channel::PlacementKind::Ring;
    s.radius_m = read_positive_distance(m.require("radius"));
    s.origin = centre(m);
    if (auto a = m.get("angle")) s.angle_rad = a->in_range(a->as_number(), -360, 360, "-360..360 (degrees)") * std::numbers::pi / 180.0;
  } else if (pattern == "line") {
    const MapReader m(f, {"pattern", "from", "to", "origin", "angle"});
    s.kind = channel::PlacementKind::Line;
    s.d0_m = m.require("from").as_distance();
    s.d1_m = read_positive_distance(m.require("to"));
    if (s.d0_m < 0 || s.d0_m > s.d1_m) m.require("from").fail("must be at least 0m and at most 'to'");
    s.origin = centre(m);
    if (auto a = m.get("angle")) s.angle_rad = a->in_range(a->as_number(), -360, 360, "-360..360 (degrees)") * std::numbers::pi / 180.0;
  } else if (pattern == "list") {
    const MapReader m(f, {"pattern", "points"});
    s.kind = channel::PlacementKind::Explicit;
    const Field pts = m.require("points");
    for (const auto& item : pts.as_list()) s.points.push_back(read_position(item));
    if (s.points.size() < count) {
      pts.fail("lists " + std::to_string(s.points.size()) + " positions for " + std::to_string(count) +
               " gateways or devices");
    }
  } else {
    std::vector<std::pair<std::string, int>> names = {{"grid", 0}, {"disc", 0}, {"annulus", 0}, {"ring", 0},
                                                     {"line", 0}, {"list", 0}};
    if (allow_near_gateways) names.emplace_back("near_gateways", 0);
    const MapReader m(f, {"pattern", "spacing", "columns", "origin", "center", "radius", "inner_radius", "from", "to",
                          "angle", "points"});
    (void)m.require("pattern").as_enum("placement pattern", names);
  }
  return p;
}

std::vector<std::string> topology_radio_keys() {
  return with_keys({"radio", "propagation"}, setting_keys_of<models::RadioWorldConfig>());
}

void read_topology_radio(const MapReader& m, models::RadioWorldConfig& r) {
  if (auto radio = m.get("radio")) {
    const std::vector<std::pair<std::string, bool>> modes = {{"physical", true}, {"explicit", false}};
    r.physical = radio->as_enum("radio model", modes);
  }
  if (auto p = m.get("propagation")) {
    const MapReader pm(*p, {"sub_ghz", "ble"});
    if (auto s = pm.get("sub_ghz")) r.subghz = read_propagation(*s, 915e6, r.subghz);
    if (auto b = pm.get("ble")) r.ble = read_propagation(*b, 2.44e9, r.ble);
  }
  read_settings(m, r);
}

std::vector<std::string> gateway_radio_keys() {
  return with_keys({"placement"}, setting_keys_of<models::GatewayRadioConfig>());
}

void read_gateway_radio(const MapReader& g, std::uint32_t count, models::GatewayRadioConfig& r) {
  if (auto p = g.get("placement")) r.placement = read_placement(*p, count, false);
  read_settings(g, r);
}

void read_device_radio(const Field& f, models::DeviceRadioConfig& r, std::uint64_t count) {
  const MapReader m(f, with_keys({"placement", "fsk_rate", "css_rate", "sx1262", "nrf52840"},
                                 setting_keys_of<models::DeviceRadioConfig>()));
  if (auto x = m.get("sx1262")) read_sx1262(*x, r.sx1262);
  if (auto x = m.get("nrf52840")) read_nrf52840(*x, r.nrf52840);
  if (auto p = m.get("placement")) r.placement = read_placement(*p, count, true);
  const auto rate = [&](const char* key, LinkType link) {
    const Field x = *m.get(key);
    const std::string name = x.scalar("a data rate");
    if (auto v = channel::data_rate_from_string(link, name)) return *v;
    std::vector<std::pair<std::string, int>> names;
    for (const auto& spec : channel::kDataRates)
      if (spec.link == link) names.emplace_back(std::string(spec.name), 0);
    (void)x.as_enum(std::string(to_string(link)) + " rate", names);
    return channel::DataRate::Fsk50k;
  };
  if (m.get("fsk_rate")) r.fsk_rate = rate("fsk_rate", LinkType::Fsk);
  if (m.get("css_rate")) r.css_rate = rate("css_rate", LinkType::Css);
  read_settings(m, r);
}

}  // namespace st::scenario
