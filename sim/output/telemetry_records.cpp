// hello and end records; times are exact seconds as in every other record.
#include "sim/output/telemetry_records.hpp"

#include <cstdio>
#include <vector>

#include "sim/output/number_format.hpp"
#include "sim/scenario/enum_tables.hpp"
#include "sim/scenario/units.hpp"

namespace st::output {

namespace {

std::string percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g%%", fraction * 100.0);
  return buf;
}

std::string detail(const scenario::Action& a) {
  std::vector<std::string> parts;
  if (a.kind == scenario::ActionKind::Outage) {
    parts.push_back("target: " + std::string(models::to_string(a.target)));
    if (a.gateway_group) parts.push_back("gateway_group: " + *a.gateway_group);
  }
  if (a.device_type) parts.push_back("device_type: " + *a.device_type);
  if (a.device) {
    parts.push_back("device: " + std::to_string(*a.device));  // one device: no share
  } else if (a.count) {
    parts.push_back("count: " + std::to_string(*a.count));
  } else if (a.fraction != 1.0) {
    parts.push_back("fraction: " + percent(a.fraction));
  }
  if (a.kind == scenario::ActionKind::Outage) parts.push_back("for: " + scenario::format_duration(a.duration));
  if (a.repeat > 1) {
    parts.push_back("repeat: " + std::to_string(a.repeat));
    parts.push_back("every: " + scenario::format_duration(a.every));
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

nlohmann::ordered_json hello_record(const scenario::Scenario& s) {
  nlohmann::ordered_json j;
  j["type"] = "hello";
  j["version"] = 1;
  j["scenario"] = s.name;
  j["seed"] = s.world.seed;
  j["duration_s"] = seconds_json(s.duration);
  j["sample_interval_s"] = seconds_json(s.sample_interval);
  j["devices"] = s.device_count();
  j["device_types"] = nlohmann::ordered_json::array();
  for (const auto& t : s.world.device_types) j["device_types"].push_back(t.name);
  j["timeline"] = nlohmann::ordered_json::array();
  for (const auto& a : s.timeline) {
    nlohmann::ordered_json e;
    e["t"] = seconds_json(a.at);
    e["action"] = models::to_string(a.kind);
    e["detail"] = detail(a);
    j["timeline"].push_back(e);
  }
  return j;
}

std::string end_record(SimTime t, const nlohmann::ordered_json& summary) {
  nlohmann::ordered_json j;
  j["type"] = "end";
  j["t"] = seconds_json(t);
  j["summary"] = summary;
  return j.dump();
}

}  // namespace st::output
