#include "sim/output/radio_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <vector>

#include "hw_models/energy/energy_account.hpp"
#include "models/channel/link_type.hpp"
#include "sim/output/expectation_check.hpp"
#include "sim/output/number_format.hpp"
#include "sim/scenario/counter_names.hpp"

namespace st::output {

namespace {
using Json = nlohmann::ordered_json;

// A number with a fixed count of decimals (locale-free, so outputs stay byte-identical).
Json fixed(double v, int decimals) {
  if (!std::isfinite(v)) return nullptr;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return Json::parse(buf);
}

std::string link_names(std::span<const models::LinkType> links) {
  std::string s;
  for (models::LinkType l : links) {
    if (!s.empty()) s += '+';
    s += models::to_string(l);
  }
  return s;
}
}  // namespace

void RadioReport::frame(const metrics::RadioFrameRecord& r) {
  RadioTally& t = radio_[models::link_index(r.link)][r.uplink ? 0 : 1];
  t.seen = true;
  ++t.frames;
  t.airtime += r.end - r.start;
  if (r.outcome == models::FrameOutcome::Received) ++t.received;
  else ++t.lost[static_cast<std::size_t>(r.outcome)];
}

Json RadioReport::radio_section(const std::map<std::string, std::uint64_t>& counters) const {
  // Names in alphabetical order, as the sections list them: links, directions, loss causes.
  std::vector<models::LinkType> links_by_name(models::kLinks.begin(), models::kLinks.end());
  std::sort(links_by_name.begin(), links_by_name.end(),
            [](models::LinkType a, models::LinkType b) { return models::to_string(a) < models::to_string(b); });
  std::vector<models::FrameOutcome> losses_by_name;
  for (std::size_t o = 1; o < models::kFrameOutcomeCount; ++o) losses_by_name.push_back(static_cast<models::FrameOutcome>(o));
  std::sort(losses_by_name.begin(), losses_by_name.end(),
            [](models::FrameOutcome a, models::FrameOutcome b) { return models::to_string(a) < models::to_string(b); });
  Json j;
  std::uint64_t frames = 0, received = 0;
  std::array<std::uint64_t, models::kFrameOutcomeCount> lost{};
  Json links = Json::object();
  for (const models::LinkType link : links_by_name) {
    const auto& dirs = radio_[models::link_index(link)];
    if (!dirs[0].seen && !dirs[1].seen) continue;
    Json l = Json::object();
    std::uint64_t lf = 0, lr = 0;
    for (const std::size_t dir : {std::size_t{1}, std::size_t{0}}) {  // "downlink" before "uplink"
      const RadioTally& t = dirs[dir];
      if (!t.seen) continue;
      Json d;
      d["frames"] = t.frames;
      d["received"] = t.received;
      d["delivery_ratio"] = fixed(t.frames ? static_cast<double>(t.received) / static_cast<double>(t.frames) : 0.0, 4);
      d["airtime_s"] = seconds_json(t.airtime);
      Json c = Json::object();
      for (const models::FrameOutcome o : losses_by_name) {
        const std::uint64_t n = t.lost[static_cast<std::size_t>(o)];
        if (n == 0) continue;
        c[std::string(models::to_string(o))] = n;
        lost[static_cast<std::size_t>(o)] += n;
      }
      d["lost_by_cause"] = c;
      l[dir == 0 ? "uplink" : "downlink"] = d;
      lf += t.frames;
      lr += t.received;
    }
    l["delivery_ratio"] = fixed(lf ? static_cast<double>(lr) / static_cast<double>(lf) : 0.0, 4);
    links[std::string(models::to_string(link))] = l;
    frames += lf;
    received += lr;
  }
  j["frames"] = frames;
  j["received"] = received;
  j["delivery_ratio"] = fixed(frames ? static_cast<double>(received) / static_cast<double>(frames) : 0.0, 4);
  Json c = Json::object();
  for (const models::FrameOutcome o : losses_by_name)
    if (lost[static_cast<std::size_t>(o)] > 0) c[std::string(models::to_string(o))] = lost[static_cast<std::size_t>(o)];
  j["lost_by_cause"] = c;
  j["by_link"] = links;
  // Uplink radio frames (retransmissions included) and how many were received, per device type.
  Json types = Json::object();
  const std::string sent = std::string(scenario::kRadioUplinksByType) + ".";
  const std::string got = std::string(scenario::kRadioUplinksReceivedByType) + ".";
  for (auto it = counters.lower_bound(sent); it != counters.end() && it->first.rfind(sent, 0) == 0; ++it) {
    const std::string type = it->first.substr(sent.size());
    const auto r = counters.find(got + type);
    const std::uint64_t type_received = r == counters.end() ? 0 : r->second;
    types[type] = {{"frames", it->second},
                   {"received", type_received},
                   {"delivery_ratio", fixed(static_cast<double>(type_received) / static_cast<double>(it->second), 4)}};
  }
  j["uplinks_by_type"] = types;
  return j;
}

void RadioReport::gateway(const metrics::GatewayRecord& r) {
  Gateway g{r, std::string(r.group_name), link_names(r.links)};
  g.record.group_name = {};
  g.record.links = {};
  gateways_.push_back(std::move(g));
}

Json RadioReport::gateways_section() const {
  Json j;
  j["count"] = gateways_.size();
  std::uint64_t bytes = 0, delayed = 0, dropped = 0;
  for (const Gateway& g : gateways_) {
    bytes += g.record.load.backhaul_bytes;
    delayed += g.record.load.backhaul_delayed;
    dropped += g.record.load.backhaul_dropped;
  }
  j["backhaul_bytes"] = bytes;
  j["backhaul_delayed"] = delayed;
  j["backhaul_dropped"] = dropped;
  Json groups = Json::object();
  // Gateways come in id order and a group's gateways are consecutive.
  for (std::size_t first = 0; first < gateways_.size();) {
    std::size_t end = first;
    while (end < gateways_.size() && gateways_[end].record.group == gateways_[first].record.group) ++end;
    const auto n = static_cast<std::uint32_t>(end - first);
    std::uint64_t frames = 0, max_frames = 0, b = 0, max_b = 0, devices = 0, lost = 0;
    SimTime air = 0, max_air = 0;
    std::uint32_t busiest = gateways_[first].record.gateway;
    for (std::size_t i = first; i < end; ++i) {
      const models::GatewayLoad& l = gateways_[i].record.load;
      frames += l.frames_received;
      lost += l.frames_lost;
      b += l.backhaul_bytes;
      devices += l.devices_served;
      const SimTime a = l.rx_airtime + l.tx_airtime;
      air += a;
      if (l.frames_received > max_frames) {
        max_frames = l.frames_received;
        busiest = gateways_[i].record.gateway;
      }
      max_b = std::max(max_b, l.backhaul_bytes);
      max_air = std::max(max_air, a);
    }
    Json x;
    x["gateways"] = n;
    x["links"] = gateways_[first].links;
    x["devices_served"] = devices;
    x["frames_received"] = frames;
    x["frames_lost"] = lost;
    x["frames_received_per_gateway"] = {{"mean", fixed(n ? static_cast<double>(frames) / n : 0.0, 3)},
                                        {"max", max_frames},
                                        {"busiest", busiest}};
    x["airtime_s_per_gateway"] = {{"mean", fixed(n ? to_seconds(air) / n : 0.0, 6)},
                                  {"max", fixed(to_seconds(max_air), 6)}};
    x["backhaul_bytes_per_gateway"] = {{"mean", fixed(n ? static_cast<double>(b) / n : 0.0, 3)}, {"max", max_b}};
    groups[gateways_[first].group_name] = x;
    first = end;
  }
  j["by_group"] = groups;
  return j;
}

void RadioReport::battery(const metrics::BatteryRecord& r) {
  if (types_.size() <= r.device_type) types_.resize(r.device_type + 1u);
  types_[r.device_type].battery = r;
}

void RadioReport::device_energy(const metrics::DeviceEnergyRecord& r) {
  const metrics::BatteryRecord& battery = types_.at(r.device_type).battery;
  // Alive from its manufacture (where its account starts) to the end of the run.
  const double j_used = r.charge_uc * 1e-6 * battery.voltage_v;
  total_j_ += j_used;
  const double days = r.made < r.end ? to_seconds(r.end - r.made) / 86400.0 : 0.0;
  const double mj_day = days > 0 ? j_used * 1e3 / days : 0.0;
  per_day_mj_.push_back(mj_day);
  types_[r.device_type].per_day_mj.push_back(mj_day);
  const double avg_ma = hw::average_current_ma(r.charge_uc, r.made < r.end ? r.end - r.made : 0);
  lifetime_days_.push_back(battery.capacity_mah > 0 && avg_ma > 0 ? battery.capacity_mah / avg_ma / 24.0
                                                                  : std::numeric_limits<double>::infinity());
}

Json RadioReport::energy_section(const std::vector<std::string>& type_names, std::uint64_t registrations) const {
  Json j;
  Json types = Json::object();
  for (std::size_t t = 0; t < types_.size(); ++t) {
    const std::vector<double>& type_day = types_[t].per_day_mj;
    double sum = 0;
    for (double v : type_day) sum += v;
    Json x;
    x["battery_mah"] = fixed(types_[t].battery.capacity_mah, 1);
    x["baseline_ua"] = fixed(types_[t].battery.baseline_ma * 1e3, 3);
    x["per_device_per_day_mj"] = {{"mean", fixed(type_day.empty() ? 0.0 : sum / static_cast<double>(type_day.size()), 3)},
                                  {"p95", fixed(percentile(type_day, 95), 3)}};
    types[type_names.at(t)] = x;
  }
  double sum = 0;
  for (double v : per_day_mj_) sum += v;
  j["devices"] = per_day_mj_.size();
  j["total_j"] = fixed(total_j_, 3);
  j["per_device_per_day_mj"] = {{"mean", fixed(per_day_mj_.empty() ? 0.0 : sum / static_cast<double>(per_day_mj_.size()), 3)},
                                {"p95", fixed(percentile(per_day_mj_, 95), 3)}};
  // Registration energy: radio and MCU charge of every registration message and its crypto.
  const double reg_j = types_.empty() ? 0.0 : totals_.registration_charge_uc * 1e-6 * types_[0].battery.voltage_v;
  j["registration_energy_j"] = fixed(reg_j, 6);
  j["per_registration_mj"] = fixed(registrations ? reg_j * 1e3 / static_cast<double>(registrations) : 0.0, 3);
  std::vector<double> finite;
  for (double v : lifetime_days_)
    if (std::isfinite(v)) finite.push_back(v);
  double lsum = 0;
  for (double v : finite) lsum += v;
  j["battery_lifetime_days"] = {{"mean", fixed(finite.empty() ? 0.0 : lsum / static_cast<double>(finite.size()), 1)},
                                {"p5", fixed(percentile(finite, 5), 1)}};
  j["depleted_devices"] = totals_.depleted_devices;
  j["by_type"] = types;
  return j;
}

void RadioReport::write_gateways_csv(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << "gateway,group,x_m,y_m,links,devices_served,frames_received,frames_lost,frames_sent,rx_airtime_s,"
         "tx_airtime_s,backhaul_bytes,backhaul_delayed,backhaul_wait_s,backhaul_dropped,reach_ble_m,reach_fsk_m,reach_css_m\n";
  char xy[64];
  for (const Gateway& g : gateways_) {
    const models::GatewayLoad& l = g.record.load;
    std::snprintf(xy, sizeof xy, "%.1f,%.1f", g.record.x_m, g.record.y_m);
    out << g.record.gateway << ',' << g.group_name << ',' << xy << ',' << g.links << ',' << l.devices_served << ','
        << l.frames_received << ',' << l.frames_lost << ',' << l.frames_sent << ',' << format_seconds(l.rx_airtime)
        << ',' << format_seconds(l.tx_airtime) << ',' << l.backhaul_bytes << ',' << l.backhaul_delayed << ','
        << format_seconds(l.backhaul_wait) << ',' << l.backhaul_dropped;
    for (const double reach : g.record.reach_m) {  // empty: not one of its links
      std::snprintf(xy, sizeof xy, ",%.1f", reach);
      out << (reach > 0 ? xy : ",");
    }
    out << '\n';
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace st::output
