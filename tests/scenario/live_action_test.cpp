// Live timeline actions (a telemetry client's `action` command, a stimuli.jsonl line): read by the timeline's own
// reader at the instant they take effect, so they are accepted and refused as a scenario's entries are, in the same
// words; `at`, `repeat` and `every` are refused by name; the JSON written for stimuli.jsonl reads back the same.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/scenario/live_action.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace st::scenario {
namespace {

// A sensor type, a production lock type the scenario qualifies at 50 min, and a city of six gateways.
const std::string kScenario = R"(scenario: {name: live, duration: 1h}
topology:
  gateways:
    - {name: city, count: 6, links: [ble, fsk]}
    - {name: port, count: 2, links: [ble]}
fleet:
  device_types:
    - {name: sensor, count: 20, qualified: true, links: [ble, fsk]}
    - {name: lock, count: 4, stage: production, links: [ble]}
timeline:
  - {at: 50min, action: qualify, device_type: lock}
  - {at: 1min, action: revoke_device_type, device_type: sensor}
)";

const Scenario& scenario() {
  static const Scenario s = load_scenario_text(kScenario, "live.yaml");
  return s;
}

// The error of a refused live action ("" when it was accepted).
std::string refusal(const std::string& json, SimTime now = 10 * kMinute, const std::vector<Action>& earlier = {}) {
  try {
    (void)read_live_action(json, scenario(), now, earlier);
    return "";
  } catch (const LiveActionError& e) {
    return e.what();
  }
}

TEST(liveAction, ADeregisterOfAShareOfADeviceType) {
  const Action a = read_live_action(R"({"action":"deregister","device_type":"sensor","fraction":0.2})", scenario(),
                                    10 * kMinute);
  EXPECT_EQ(a.kind, ActionKind::Deregister);
  EXPECT_EQ(a.device_type, "sensor");
  EXPECT_EQ(a.fraction, 0.2);
  EXPECT_FALSE(a.count);
  EXPECT_EQ(a.at, 10 * kMinute);  // it takes effect now
  EXPECT_EQ(a.repeat, 1u);
}

TEST(liveAction, AnOutageOfSomeGatewaysOfAGroup) {
  const Action a = read_live_action(
      R"({"action":"outage","target":"gateways","gateway_group":"city","fraction":"30%","for":"10min"})", scenario(),
      5 * kMinute);
  EXPECT_EQ(a.kind, ActionKind::Outage);
  EXPECT_EQ(a.target, OutageTarget::Gateways);
  EXPECT_EQ(a.gateway_group, "city");
  EXPECT_DOUBLE_EQ(a.fraction, 0.3);
  EXPECT_EQ(a.duration, 10 * kMinute);
  EXPECT_EQ(a.at, 5 * kMinute);
}

TEST(liveAction, WholeTypeActionsBeforeTheScenariosOwnAreTaken) {
  // The scenario qualifies lock at 50 min: a live qualify at 10 min comes first (the later one changes nothing).
  const Action q = read_live_action(R"({"action":"qualify","device_type":"lock"})", scenario(), 10 * kMinute);
  EXPECT_EQ(q.kind, ActionKind::Qualify);
  EXPECT_EQ(q.device_type, "lock");
  const Action r = read_live_action(R"({"action":"revoke_device_type","device_type":"lock"})", scenario(), kMinute);
  EXPECT_EQ(r.kind, ActionKind::RevokeDeviceType);
}

TEST(liveAction, RefusalsSayWhatTheScenarioReaderSaysUnderThePathAction) {
  EXPECT_EQ(refusal(R"({"action":"deregister","device_type":"sensr"})"),
            "action.device_type: undefined device type 'sensr' (did you mean 'sensor'?)");
  EXPECT_EQ(refusal(R"({"action":"deregistr"})"),
            "action.action: unknown action 'deregistr' (did you mean 'deregister'?)");
  EXPECT_EQ(refusal(R"({"action":"deregister","fraction":1.5})"), "action.fraction: must be in (0, 1] (e.g. 0.2 or 20%)");
  EXPECT_EQ(refusal(R"({"action":"deregister","fracton":0.5})"),
            "action: unknown key 'fracton' in 'action' (did you mean 'fraction'?)");
  EXPECT_EQ(refusal(R"({"action":"outage","target":"gateways","gateway_group":"cty","for":"1min"})"),
            "action.gateway_group: no gateway group is called 'cty' (did you mean 'city'?)");
  EXPECT_EQ(refusal(R"({"action":"outage","for":"1min"})"),
            "action: an outage needs 'target' (network_server, application_server, ingest or gateways)");
  EXPECT_EQ(refusal(R"({"action":"qualify","device_type":"sensor"})"),
            "action.device_type: device type 'sensor' is already qualified (qualified: true)");
  EXPECT_EQ(refusal(R"({"action":"deregister","count":2.0})"), "action.count: expected a whole number, got 2.0");
  EXPECT_EQ(refusal(R"({"action":"deregister","fraction":null})"), "action: 'action.fraction' has no value");
  // The scenario's own words, for the same mistake in a timeline entry.
  try {
    (void)load_scenario_text(kScenario + "  - {at: 2min, action: deregister, device_type: sensr}\n", "live.yaml");
    ADD_FAILURE() << "the scenario was loaded";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.cause(), "timeline[2].device_type: undefined device type 'sensr' (did you mean 'sensor'?)");
  }
}

TEST(liveAction, AtRepeatAndEveryAreRefusedByName) {
  for (const char* key : {"at", "repeat", "every"}) {
    const std::string json = std::string(R"({"action":"deregister",")") + key + R"(":"2"})";
    EXPECT_EQ(refusal(json), std::string("action.") + key +
                                 ": a live action takes effect at the current simulated instant, once: it has no "
                                 "'at', 'repeat' or 'every'");
  }
}

TEST(liveAction, SomethingElseThanAnObjectIsRefused) {
  const std::string keys = "action, device_type, fraction, count, device, target, for, gateway_group";
  EXPECT_EQ(refusal("[1, 2]"), "action: expected a map with keys " + keys + ", got a list");
  EXPECT_EQ(refusal(R"("deregister")"), "action: expected a map with keys " + keys + ", got 'deregister'");
  EXPECT_EQ(refusal(""), "action: expected a map with keys " + keys + ", got nothing");
  EXPECT_EQ(refusal("{not json"), "action: not JSON");
}

TEST(liveAction, ChecksTakeTheLiveInstantAsItsAt) {
  // An outage must end within the run (1 h): at 55 min, 10 min is too long.
  EXPECT_EQ(refusal(R"({"action":"outage","target":"network_server","for":"10min"})", 55 * kMinute),
            "action.for: the outage starting at 55min would last past the end of the run (1h)");
  EXPECT_EQ(refusal(R"({"action":"outage","target":"network_server","for":"10min"})", 45 * kMinute), "");
  // A whole-type action the scenario already did by now (sensor revoked at 1 min), or an earlier live one did.
  EXPECT_EQ(refusal(R"({"action":"revoke_device_type","device_type":"sensor"})", 2 * kMinute),
            "action.device_type: device type 'sensor' already gets revoke_device_type at line 12");
  EXPECT_EQ(refusal(R"({"action":"qualify","device_type":"lock"})", 51 * kMinute),
            "action.device_type: device type 'lock' already gets qualify at line 11");
  const std::vector<Action> earlier{
      read_live_action(R"({"action":"qualify","device_type":"lock"})", scenario(), 5 * kMinute)};
  EXPECT_EQ(refusal(R"({"action":"qualify","device_type":"lock"})", 10 * kMinute, earlier),
            "action.device_type: device type 'lock' already got qualify (a live action at 5min)");
}

TEST(liveAction, OneDeviceByItsIndex) {
  const Action a = read_live_action(R"({"action":"revoke_device","device":7})", scenario(), 10 * kMinute);
  EXPECT_EQ(a.device, 7u);
  EXPECT_FALSE(a.device_type);
  // 24 devices (20 sensors, 4 locks): indices 0..23.
  EXPECT_NE(refusal(R"({"action":"revoke_device","device":24})").find("action.device: "), std::string::npos)
      << refusal(R"({"action":"revoke_device","device":24})");
  EXPECT_EQ(refusal(R"({"action":"deregister","device":3,"device_type":"sensor"})"),
            "action: 'device_type' does not go with 'device' (one device)");
  EXPECT_EQ(refusal(R"({"action":"qualify","device_type":"lock","device":3})"),
            "action: 'device' does not apply to a qualify action (it does not act on single devices)");
}

TEST(liveAction, ItsJsonReadsBackToTheSameAction) {
  const std::vector<std::string> actions = {
      R"({"action":"deregister","device_type":"sensor","fraction":"0.001%"})",
      R"({"action":"register","count":3})",
      R"({"action":"outage","target":"gateways","gateway_group":"city","count":2,"fraction":0.5,"for":"90s"})",
      R"({"action":"outage","target":"ingest","for":"1.5min"})",
      R"({"action":"qualify","device_type":"lock"})",
      R"({"action":"forge_attack","fraction":0.123456789012345})",
      R"({"action":"revoke_device","device":23})",
  };
  for (const std::string& json : actions) {
    const Action a = read_live_action(json, scenario(), 10 * kMinute);
    const std::string written = live_action_json(a);
    const Action b = read_live_action(written, scenario(), 10 * kMinute);
    EXPECT_EQ(live_action_json(b), written) << json;
    EXPECT_EQ(b.kind, a.kind) << written;
    EXPECT_EQ(b.device_type, a.device_type) << written;
    EXPECT_EQ(b.fraction, a.fraction) << written;  // exactly
    EXPECT_EQ(b.count, a.count) << written;
    EXPECT_EQ(b.device, a.device) << written;
    EXPECT_EQ(b.target, a.target) << written;
    EXPECT_EQ(b.gateway_group, a.gateway_group) << written;
    EXPECT_EQ(b.duration, a.duration) << written;
  }
  EXPECT_EQ(live_action_json(read_live_action(actions[2], scenario(), 0)),
            R"({"action":"outage","target":"gateways","gateway_group":"city","fraction":0.5,"count":2,"for":"1.5min"})");
}

}  // namespace
}  // namespace st::scenario
