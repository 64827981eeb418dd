#include "sim/output/radio_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <vector>

#include "models/air/radio_access_network.hpp"
#include "sim/output/expectation_check.hpp"
#include "sim/output/number_format.hpp"

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

std::string link_names(const models::GatewayGroupConfig& g) {
  std::string s;
  for (auto l : g.links) {
    if (!s.empty()) s += '+';
    s += models::to_string(l);
  }
  return s;
}
}  // namespace

Json radio_section(const RunRecorder& recorder) {
  Json j;
  std::uint64_t frames = 0, received = 0;
  std::map<std::string, std::uint64_t> lost;
  Json links = Json::object();
  for (const auto& [link, dirs] : recorder.radio()) {
    Json l = Json::object();
    std::uint64_t lf = 0, lr = 0;
    for (const auto& [dir, t] : dirs) {
      Json d;
      d["frames"] = t.frames;
      d["received"] = t.received;
      d["delivery_ratio"] = fixed(t.frames ? static_cast<double>(t.received) / static_cast<double>(t.frames) : 0.0, 4);
      d["airtime_s"] = Json::parse(format_seconds(t.airtime));
      Json c = Json::object();
      for (const auto& [cause, n] : t.lost_by_cause) {
        c[cause] = n;
        lost[cause] += n;
      }
      d["lost_by_cause"] = c;
      l[dir] = d;
      lf += t.frames;
      lr += t.received;
    }
    l["delivery_ratio"] = fixed(lf ? static_cast<double>(lr) / static_cast<double>(lf) : 0.0, 4);
    links[link] = l;
    frames += lf;
    received += lr;
  }
  j["frames"] = frames;
  j["received"] = received;
  j["delivery_ratio"] = fixed(frames ? static_cast<double>(received) / static_cast<double>(frames) : 0.0, 4);
  Json c = Json::object();
  for (const auto& [cause, n] : lost) c[cause] = n;
  j["lost_by_cause"] = c;
  j["by_link"] = links;
  // Uplink radio frames (retransmissions included) and how many were received, per device type.
  Json types = Json::object();
  const std::string sent = "radio_uplinks_by_type.", got = "radio_uplinks_received_by_type.";
  for (auto it = recorder.counters().lower_bound(sent);
       it != recorder.counters().end() && it->first.rfind(sent, 0) == 0; ++it) {
    const std::string type = it->first.substr(sent.size());
    const std::uint64_t type_received = recorder.counter(got + type);
    types[type] = {{"frames", it->second},
                   {"received", type_received},
                   {"delivery_ratio", fixed(static_cast<double>(type_received) / static_cast<double>(it->second), 4)}};
  }
  j["uplinks_by_type"] = types;
  return j;
}

Json gateways_section(const world::World& w) {
  const models::GatewayPool& gp = w.gateways();
  Json j;
  j["count"] = gp.gateway_count();
  std::uint64_t bytes = 0, delayed = 0, dropped = 0;
  for (std::uint32_t g = 0; g < gp.gateway_count(); ++g) {
    bytes += gp.load(g).backhaul_bytes;
    delayed += gp.load(g).backhaul_delayed;
    dropped += gp.load(g).backhaul_dropped;
  }
  j["backhaul_bytes"] = bytes;
  j["backhaul_delayed"] = delayed;
  j["backhaul_dropped"] = dropped;
  Json groups = Json::object();
  for (std::uint32_t gi = 0; gi < gp.groups().size(); ++gi) {
    const std::uint32_t first = gp.first_of_group(gi), end = gp.end_of_group(gi);
    const std::uint32_t n = end - first;
    std::uint64_t frames = 0, max_frames = 0, b = 0, max_b = 0, devices = 0, lost = 0;
    SimTime air = 0, max_air = 0;
    std::uint32_t busiest = first;
    for (std::uint32_t g = first; g < end; ++g) {
      const models::GatewayLoad& l = gp.load(g);
      frames += l.frames_received;
      lost += l.frames_lost;
      b += l.backhaul_bytes;
      devices += l.devices_served;
      const SimTime a = l.rx_airtime + l.tx_airtime;
      air += a;
      if (l.frames_received > max_frames) {
        max_frames = l.frames_received;
        busiest = g;
      }
      max_b = std::max(max_b, l.backhaul_bytes);
      max_air = std::max(max_air, a);
    }
    Json x;
    x["gateways"] = n;
    x["links"] = link_names(gp.groups()[gi]);
    x["devices_served"] = devices;
    x["frames_received"] = frames;
    x["frames_lost"] = lost;
    x["frames_received_per_gateway"] = {{"mean", fixed(n ? static_cast<double>(frames) / n : 0.0, 3)},
                                        {"max", max_frames},
                                        {"busiest", busiest}};
    x["airtime_s_per_gateway"] = {{"mean", fixed(n ? to_seconds(air) / n : 0.0, 6)},
                                  {"max", fixed(to_seconds(max_air), 6)}};
    x["backhaul_bytes_per_gateway"] = {{"mean", fixed(n ? static_cast<double>(b) / n : 0.0, 3)}, {"max", max_b}};
    groups[gp.groups()[gi].name] = x;
  }
  j["by_group"] = groups;
  return j;
}

Json energy_section(const world::World& w, const RunRecorder& recorder, SimTime duration) {
  const models::RadioAccessNetwork* ran = w.radio();
  const models::Fleet& fleet = w.fleet();
  Json j;
  std::vector<double> per_day_mj;
  std::vector<double> lifetime_days;
  double total_j = 0;
  Json types = Json::object();
  for (std::uint16_t t = 0; t < fleet.type_count(); ++t) {
    const auto& battery = fleet.type(t).radio.battery;
    std::vector<double> type_day;
    for (std::uint32_t d = fleet.first_of_type(t); d < fleet.end_of_type(t); ++d) {
      const models::DeviceRecord& r = fleet[d];
      if (r.phase == models::Phase::Unmade) continue;
      // Alive from its manufacture (where its account starts: the provisioning schedule) to the end of the run.
      const SimTime made = models::manufacture_time(fleet.type(t), d - fleet.first_of_type(t));
      const double j_used = r.energy.energy_j(battery);
      total_j += j_used;
      const double days = made < duration ? to_seconds(duration - made) / 86400.0 : 0.0;
      const double mj_day = days > 0 ? j_used * 1e3 / days : 0.0;
      per_day_mj.push_back(mj_day);
      type_day.push_back(mj_day);
      const double avg_ma = hw::average_current_ma(r.energy.charge_uc(), made < duration ? duration - made : 0);
      lifetime_days.push_back(battery.capacity_mah > 0 && avg_ma > 0 ? battery.capacity_mah / avg_ma / 24.0
                                                                    : std::numeric_limits<double>::infinity());
    }
    double sum = 0;
    for (double v : type_day) sum += v;
    Json x;
    x["battery_mah"] = fixed(battery.capacity_mah, 1);
    x["baseline_ua"] = fixed(ran ? ran->baseline_ma(t) * 1e3 : 0.0, 3);
    x["per_device_per_day_mj"] = {{"mean", fixed(type_day.empty() ? 0.0 : sum / static_cast<double>(type_day.size()), 3)},
                                  {"p95", fixed(percentile(type_day, 95), 3)}};
    types[fleet.type(t).name] = x;
  }
  double sum = 0;
  for (double v : per_day_mj) sum += v;
  j["devices"] = per_day_mj.size();
  j["total_j"] = fixed(total_j, 3);
  j["per_device_per_day_mj"] = {{"mean", fixed(per_day_mj.empty() ? 0.0 : sum / static_cast<double>(per_day_mj.size()), 3)},
                                {"p95", fixed(percentile(per_day_mj, 95), 3)}};
  // Registration energy: radio and MCU charge of every registration message and its crypto.
  double reg_j = 0;
  if (ran != nullptr && fleet.type_count() > 0) {
    reg_j = ran->charge_by_class_uc(models::MessageClass::Registration) * 1e-6 * fleet.type(0).radio.battery.voltage_v;
  }
  j["registration_energy_j"] = fixed(reg_j, 6);
  const std::uint64_t registrations = recorder.counter("handshakes_succeeded");
  j["per_registration_mj"] = fixed(registrations ? reg_j * 1e3 / static_cast<double>(registrations) : 0.0, 3);
  std::vector<double> finite;
  for (double v : lifetime_days)
    if (std::isfinite(v)) finite.push_back(v);
  double lsum = 0;
  for (double v : finite) lsum += v;
  j["battery_lifetime_days"] = {{"mean", fixed(finite.empty() ? 0.0 : lsum / static_cast<double>(finite.size()), 1)},
                                {"p5", fixed(percentile(finite, 5), 1)}};
  j["depleted_devices"] = ran ? ran->depleted_devices() : 0;
  j["by_type"] = types;
  return j;
}

void write_gateways_csv(const std::string& path, const world::World& w) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << "gateway,group,x_m,y_m,links,devices_served,frames_received,frames_lost,frames_sent,rx_airtime_s,"
         "tx_airtime_s,backhaul_bytes,backhaul_delayed,backhaul_wait_s,backhaul_dropped\n";
  const models::GatewayPool& gp = w.gateways();
  char xy[64];
  for (std::uint32_t g = 0; g < gp.gateway_count(); ++g) {
    const models::GatewayLoad& l = gp.load(g);
    std::snprintf(xy, sizeof xy, "%.1f,%.1f", gp.position(g).x_m, gp.position(g).y_m);
    out << g << ',' << gp.group(g).name << ',' << xy << ',' << link_names(gp.group(g)) << ',' << l.devices_served
        << ',' << l.frames_received << ',' << l.frames_lost << ',' << l.frames_sent << ','
        << format_seconds(l.rx_airtime) << ',' << format_seconds(l.tx_airtime) << ',' << l.backhaul_bytes << ','
        << l.backhaul_delayed << ',' << format_seconds(l.backhaul_wait) << ',' << l.backhaul_dropped << '\n';
  }
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace st::output
