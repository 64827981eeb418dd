// read_live_action: the JSON value becomes the YAML node a scenario file would give (objects become maps, numbers
// their shortest exact decimal text) and read_timeline_entry reads it; its ScenarioError's cause is the error.
#include "sim/scenario/live_action.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/timeline_entry.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

namespace {

using Json = nlohmann::ordered_json;

// A JSON number as the text a scenario file would hold: integers as they are, others in plain decimal (never an
// exponent, which the scenario's numbers do not take) with a '.', so 3.0 stays a fraction and not a whole number.
std::string number_text(const Json& j) {
  if (j.is_number_integer() || j.is_number_unsigned()) return j.dump();
  char buf[512];
  const auto r = std::to_chars(buf, buf + sizeof buf, j.get<double>(), std::chars_format::fixed);
  if (r.ec != std::errc()) return j.dump();  // beyond any range: refused as written
  std::string text(buf, r.ptr);
  if (text.find('.') == std::string::npos) text += ".0";
  return text;
}

YAML::Node to_yaml(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object: {
      YAML::Node map(YAML::NodeType::Map);
      for (const auto& member : j.items()) map[member.key()] = to_yaml(member.value());
      return map;
    }
    case Json::value_t::array: {
      YAML::Node list(YAML::NodeType::Sequence);
      for (const auto& value : j) list.push_back(to_yaml(value));
      return list;
    }
    case Json::value_t::string: return YAML::Node(j.get<std::string>());
    case Json::value_t::boolean: return YAML::Node(std::string(j.get<bool>() ? "true" : "false"));
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return YAML::Node(number_text(j));
    default: return YAML::Node(YAML::NodeType::Null);
  }
}

}  // namespace

Action read_live_action(std::string_view json, const Scenario& s, SimTime now, const std::vector<Action>& earlier) {
  static const std::string kFile = "action";  // a Field keeps a pointer to its file's name
  Json j;  // null: no action given
  if (!json.empty()) {
    j = Json::parse(json, nullptr, false);
    if (j.is_discarded()) throw LiveActionError("action: not JSON");
  }
  try {
    return read_timeline_entry(Field(kFile, to_yaml(j), std::nullopt, "action"), s, LiveEntry{now, &earlier});
  } catch (const ScenarioError& e) {
    // Causes about a value start with its path (action.fraction: ...); the others name the key in their own words.
    const std::string& cause = e.cause();
    const bool named = cause.rfind("action.", 0) == 0 || cause.rfind("action:", 0) == 0;
    throw LiveActionError(named ? cause : "action: " + cause);
  }
}

std::string live_action_json(const Action& a) {
  Json j;
  j["action"] = std::string(to_string(a.kind));
  if (a.device_type) j["device_type"] = *a.device_type;
  const bool outage = a.kind == ActionKind::Outage;
  const bool whole_type = a.kind == ActionKind::RevokeDeviceType || a.kind == ActionKind::Qualify;
  if (outage) {
    j["target"] = std::string(to_string(a.target));
    if (a.gateway_group) j["gateway_group"] = *a.gateway_group;
  }
  const bool takes_share = outage ? a.target == OutageTarget::Gateways : !whole_type;
  if (a.device) {
    j["device"] = *a.device;
  } else if (takes_share) {
    j["fraction"] = a.fraction;
    if (a.count) j["count"] = *a.count;
  }
  if (outage) j["for"] = format_duration(a.duration);
  return j.dump();
}

}  // namespace st::scenario
