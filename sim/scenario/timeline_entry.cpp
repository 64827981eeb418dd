// read_timeline_entry: every key of a timeline action, its rules against the scenario (device types, gateway
// groups, the run's duration, one whole-type action per type) and its defaults.
#include "sim/scenario/timeline_entry.hpp"

#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/did_you_mean.hpp"
#include "sim/scenario/enum_tables.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/sections.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

namespace {

// Actions that act on a whole device type once.
bool whole_type(ActionKind k) { return k == ActionKind::RevokeDeviceType || k == ActionKind::Qualify; }

// The keys that time a scenario's action: a live action takes effect once, at the instant it is taken in.
constexpr const char* kTimingKeys[] = {"at", "repeat", "every"};

void refuse_timing_keys(const Field& item) {
  if (!item.is_map()) return;  // MapReader says what is wrong with it
  for (auto it = item.node().begin(); it != item.node().end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) continue;
    for (const char* timing : kTimingKeys) {
      if (key.Scalar() != timing) continue;
      throw ScenarioError(item.file(), source_ref(key.Mark()),
                          item.path() + "." + timing + ": a live action takes effect at the current simulated "
                          "instant, once: it has no 'at', 'repeat' or 'every'");
    }
  }
}

}  // namespace

Action read_timeline_entry(const Field& item, const Scenario& s, const std::optional<LiveEntry>& live) {
  std::vector<std::string> keys = {"action", "device_type", "fraction", "count", "device", "target", "for",
                                   "gateway_group"};
  if (live) {
    refuse_timing_keys(item);
  } else {
    keys.insert(keys.begin(), "at");
    keys.insert(keys.end() - 1, {"repeat", "every"});
  }
  const MapReader m(item, std::move(keys));
  Action a;
  a.where = item.where();
  a.at = live ? live->now : read_time_in_run(m.require("at"), s);
  const Field action = m.require("action");
  a.kind = action.as_enum("action", action_names());
  const std::string kind(to_string(a.kind));
  const bool outage = a.kind == ActionKind::Outage;

  auto refuse = [&](const char* key, const std::string& why) {
    if (auto f = m.get(key)) f->fail_key("'" + std::string(key) + "' does not apply to " + why);
  };
  const bool gateway_outage =
      outage && m.has("target") && m.get("target")->node().IsScalar() && m.get("target")->node().Scalar() == "gateways";
  if (outage) {
    refuse("device_type", "an outage (it stops an actor or gateways)");
    if (!gateway_outage) {
      for (const char* key : {"fraction", "count"}) refuse(key, "an outage of a cloud actor (only of gateways)");
      refuse("gateway_group", "an outage of a cloud actor (only of gateways)");
    }
    if (!m.has("target"))
      action.fail_key("an outage needs 'target' (network_server, application_server, ingest or gateways)");
    if (!m.has("for")) action.fail_key("an outage needs 'for' (how long the actor is down, e.g. 5min)");
  } else {
    for (const char* key : {"target", "for", "gateway_group"}) refuse(key, "a " + kind + " action (outages only)");
  }
  if (auto f = m.get("device")) {  // one device by its index, instead of a share of a type
    if (outage || whole_type(a.kind)) refuse("device", "a " + kind + " action (it does not act on single devices)");
    for (const char* key : {"device_type", "fraction", "count"})
      if (auto other = m.get(key)) other->fail_key("'" + std::string(key) + "' does not go with 'device' (one device)");
    const std::uint64_t capacity = s.device_capacity();
    if (capacity == 0) f->fail("the fleet has no devices");
    a.device = f->as_u32(0, static_cast<std::uint32_t>(capacity - 1));
  }
  if (whole_type(a.kind)) {
    for (const char* key : {"fraction", "count", "repeat", "every"}) {
      refuse(key, "a " + kind + " action (it acts once on a whole device type)");
    }
    if (!m.has("device_type")) action.fail_key("a " + kind + " action needs 'device_type'");
  }

  std::uint64_t eligible = s.device_count();
  std::string population = "the fleet has " + std::to_string(eligible) + " devices";
  if (auto f = m.get("device_type")) {
    const models::DeviceTypeConfig& t = referenced_device_type(*f, s);
    a.device_type = t.name;
    eligible = t.count;
    population = "device type '" + t.name + "' has " + std::to_string(eligible) + " devices";
    if (a.kind == ActionKind::Qualify && t.qualified) {
      f->fail("device type '" + t.name + "' is already qualified (qualified: true)");
    }
    if (whole_type(a.kind)) {
      for (const auto& prior : s.timeline) {
        if (live && prior.at > live->now) continue;  // not yet: it will change nothing
        if (prior.kind == a.kind && prior.device_type == a.device_type) {
          f->fail("device type '" + t.name + "' already gets " + kind + " at line " + std::to_string(prior.where.line));
        }
      }
      if (live && live->earlier != nullptr) {
        for (const auto& prior : *live->earlier) {
          if (prior.kind == a.kind && prior.device_type == a.device_type) {
            f->fail("device type '" + t.name + "' already got " + kind + " (a live action at " +
                    format_duration(prior.at) + ")");
          }
        }
      }
    }
  }
  if (gateway_outage) {
    std::uint64_t gateways = 0;
    for (const auto& g : s.world.gateways) gateways += g.count;
    population = "the topology has " + std::to_string(gateways) + " gateways";
    if (auto f = m.get("gateway_group")) {
      const std::string name = f->as_name();
      const models::GatewayGroupConfig* group = nullptr;
      std::vector<std::string> names;
      for (const auto& g : s.world.gateways) {
        names.push_back(g.name);
        if (g.name == name) group = &g;
      }
      if (group == nullptr) f->fail("no gateway group is called '" + name + "'" + suggestion(name, names));
      a.gateway_group = name;
      gateways = group->count;
      population = "gateway group '" + name + "' has " + std::to_string(gateways) + " gateways";
    }
    eligible = gateways;
    if (eligible == 0) action.fail_key("an outage of gateways needs a topology with gateways");
  }
  if (auto f = m.get("fraction")) {
    a.fraction = f->as_probability();
    if (a.fraction <= 0 || a.fraction > 1) f->fail("must be in (0, 1] (e.g. 0.2 or 20%)");
  }
  if (auto f = m.get("count")) {
    a.count = f->as_u32(1, kMaxDevices);
    if (*a.count > eligible) f->fail("count " + std::to_string(*a.count) + " exceeds the devices acted on: " + population);
  }
  if (outage) {
    a.target = m.get("target")->as_enum("outage target", outage_target_names());
    const Field for_field = *m.get("for");
    a.duration = for_field.as_duration();
    if (a.duration == 0) for_field.fail("must be greater than 0");
  }

  const auto repeat = m.get("repeat");
  const auto every = m.get("every");
  if (repeat) a.repeat = repeat->as_u32(1, 1'000'000);
  if (every) {
    if (a.repeat == 1) every->fail_key("'every' needs 'repeat' greater than 1");
    a.every = every->as_duration();
    if (a.every == 0) every->fail("must be greater than 0");
  } else if (a.repeat > 1) {
    repeat->fail("repeat " + std::to_string(a.repeat) + " needs 'every' (the time between repetitions)");
  }
  if (a.repeat > 1) {
    if (a.repeat - 1 > (s.duration - a.at) / a.every) {
      every->fail("repeating " + std::to_string(a.repeat) + " times every " + format_duration(a.every) + " from " +
                  format_duration(a.at) + " runs past the end of the run (" + format_duration(s.duration) + ")");
    }
    if (outage && a.every < a.duration) {
      every->fail("repeated outages would overlap: every (" + format_duration(a.every) + ") is shorter than for (" +
                  format_duration(a.duration) + ")");
    }
  }
  if (outage) {
    const SimTime last_start = a.at + (a.repeat - 1) * a.every;
    if (last_start + a.duration > s.duration) {
      m.get("for")->fail("the outage starting at " + format_duration(last_start) + " would last past the end of the run (" +
                         format_duration(s.duration) + ")");
    }
  }
  return a;
}

}  // namespace st::scenario
