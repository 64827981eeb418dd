// Every validation rule of the scenario loader, table-driven: a small inline YAML text, the exact line and
// column the error must point at (1-based), and a substring of its cause.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/scenario/scenario_loader.hpp"

namespace st::scenario {
namespace {

struct ErrorCase {
  std::string name;
  std::string yaml;
  int line;
  int column;
  std::string cause;
};

// Building blocks with known line counts.
const std::string kRun = "scenario: {name: t, duration: 1h}\n";  // 1 line
const std::string kFleet =                                         // 3 lines
    "fleet:\n"
    "  device_types:\n"
    "    - {name: tracker, count: 10, qualified: true}\n";
const std::string kBase = kRun + kFleet;  // 4 lines: what follows starts at line 5

// A device type written in block style; `extra` starts at line 7, its keys at column 7.
std::string device_type(const std::string& extra) {
  return kRun + "fleet:\n  device_types:\n    - name: tracker\n      count: 10\n      qualified: true\n" + extra;
}
// `extra` starts at line 3 (inside `topology:`).
std::string topology(const std::string& extra) { return kRun + "topology:\n" + extra + kFleet; }
// `extra` starts at line 6 (inside `cloud:`), its keys at column 3.
std::string cloud(const std::string& extra) { return kBase + "cloud:\n" + extra; }
// Timeline items start at line 6: "  - at: ..." (keys at column 5).
std::string timeline(const std::string& items) { return kBase + "timeline:\n" + items; }
// Expectation items start at line 6: "  - state: ..." (keys at column 5).
std::string expect(const std::string& items) { return kBase + "expect:\n" + items; }

std::vector<ErrorCase> cases() {
  return {
      // ---- the file as a whole ----
      {"Empty", "", 1, 1, "the scenario file is empty"},
      {"OnlyComments", "# nothing here\n\n   # still nothing\n", 1, 1, "the scenario file is empty"},
      {"OnlyDocumentMarker", "---\n", 1, 1, "the scenario file is empty"},
      {"InvalidUtf8", "scenario: {name: \xff}\n", 1, 1, "not a text file (invalid UTF-8 at byte offset 17)"},
      {"TruncatedUtf8", "scenario: {name: caf\xc3}\n", 1, 1, "invalid UTF-8 at byte offset 20"},
      {"YamlSyntax", "scenario: [1\n", 2, 1, "YAML syntax error: end of sequence flow not found"},
      {"YamlUndefinedAlias", "scenario: *nothing\n", 1, 11, "YAML syntax error"},
      {"TopLevelList", "- scenario\n- fleet\n", 1, 1, "a scenario file is a map of sections"},
      {"TopLevelScalar", "hello\n", 1, 1, "a scenario file is a map of sections"},
      {"SecondDocument", kBase + "---\nscenario: {}\n", 6, 1, "a scenario file holds one YAML document"},
      {"UnknownSection", kBase + "fleeet: {}\n", 5, 1, "unknown section 'fleeet' (did you mean 'fleet'?)"},
      {"UnknownSectionNoSuggestion", kBase + "weather: {}\n", 5, 1,
       "unknown section 'weather' (allowed: scenario, topology, fleet, cloud, timeline, expect)"},
      {"DuplicateSection", kBase + "fleet: {}\n", 5, 1, "duplicate key 'fleet' in the top level (first defined at line 2)"},
      {"MissingScenarioSection", kFleet, 1, 1, "missing required section 'scenario'"},
      {"MissingFleetSection", kRun, 1, 1, "missing required section 'fleet'"},
      {"SectionWithoutValue", "scenario:\n" + kFleet, 1, 1, "'scenario' has no value"},

      // ---- scenario: ----
      {"ScenarioIsAList", "scenario: [a, b]\n" + kFleet, 1, 11, "scenario: expected a map"},
      {"UnknownKeySuggests", "scenario:\n  name: t\n  duraton: 1h\n" + kFleet, 3, 3,
       "unknown key 'duraton' in 'scenario' (did you mean 'duration'?)"},
      {"UnknownKeyListsAllowed", "scenario: {name: t, duration: 1h, colour: red}\n" + kFleet, 1, 35,
       "unknown key 'colour' in 'scenario' (allowed: name, description, seed, duration, sample_interval)"},
      {"DuplicateKey", "scenario:\n  name: t\n  duration: 1h\n  name: u\n" + kFleet, 4, 3,
       "duplicate key 'name' in 'scenario' (first defined at line 2)"},
      {"KeyWithoutValue", "scenario:\n  name:\n  duration: 1h\n" + kFleet, 2, 3, "'scenario.name' has no value"},
      {"MissingName", "scenario:\n  duration: 1h\n" + kFleet, 1, 1, "missing required key 'name' in 'scenario'"},
      {"MissingDuration", "scenario: {name: t}\n" + kFleet, 1, 1, "missing required key 'duration' in 'scenario'"},
      {"NameWithSpace", "scenario: {name: \"a b\", duration: 1h}\n" + kFleet, 1, 18, "may only contain letters"},
      {"DescriptionList", "scenario: {name: t, duration: 1h, description: [a]}\n" + kFleet, 1, 48,
       "scenario.description: expected a text, got a list"},
      {"SeedNegative", "scenario: {name: t, duration: 1h, seed: -1}\n" + kFleet, 1, 41, "must not be negative"},
      {"SeedNotANumber", "scenario: {name: t, duration: 1h, seed: abc}\n" + kFleet, 1, 41,
       "expected a whole number, got 'abc'"},
      {"SeedTooLarge", "scenario: {name: t, duration: 1h, seed: 18446744073709551616}\n" + kFleet, 1, 41,
       "absurdly large"},
      {"DurationZero", "scenario: {name: t, duration: 0}\n" + kFleet, 1, 31, "scenario.duration: must be greater than 0"},
      {"DurationMissingUnit", "scenario: {name: t, duration: 2}\n" + kFleet, 1, 31, "missing unit in '2'"},
      {"DurationUnknownUnit", "scenario: {name: t, duration: 2hrs}\n" + kFleet, 1, 31,
       "unknown time unit 'hrs' in '2hrs'"},
      {"DurationNegative", "scenario: {name: t, duration: -2h}\n" + kFleet, 1, 31, "must not be negative"},
      {"DurationTooLong", "scenario: {name: t, duration: 400d}\n" + kFleet, 1, 31, "longest run allowed (365d)"},
      {"DurationAMap", "scenario: {name: t, duration: {h: 1}}\n" + kFleet, 1, 31, "expected a time"},
      {"SampleIntervalLongerThanRun", "scenario: {name: t, duration: 1h, sample_interval: 2h}\n" + kFleet, 1, 52,
       "must not be longer than the run (1h)"},
      {"SampleIntervalZero", "scenario: {name: t, duration: 1h, sample_interval: 0s}\n" + kFleet, 1, 52,
       "must be greater than 0"},
      {"SampleIntervalTooManyRows", "scenario: {name: t, duration: 365d, sample_interval: 1s}\n" + kFleet, 1, 54,
       "states.csv would get 31536000 rows"},

      // ---- topology: ----
      {"TopologyUnknownKey", topology("  gatways: []\n"), 3, 3,
       "unknown key 'gatways' in 'topology' (did you mean 'gateways'?)"},
      {"GatewaysNotAList", topology("  gateways: {name: g}\n"), 3, 13, "topology.gateways: expected a list, got a map"},
      {"GatewayMissingLinks", topology("  gateways:\n    - name: g\n      count: 2\n"), 4, 7,
       "missing required key 'links' in 'topology.gateways[0]'"},
      {"GatewayMissingName", topology("  gateways:\n    - links: [ble]\n"), 4, 7, "missing required key 'name'"},
      {"GatewayCountZero", topology("  gateways:\n    - {name: g, count: 0, links: [ble]}\n"), 4, 24,
       "must be at least 1, got 0"},
      {"GatewayCountAbsurd", topology("  gateways:\n    - {name: g, count: 99999999, links: [ble]}\n"), 4, 24,
       "absurdly large"},
      {"GatewayLinksEmpty", topology("  gateways:\n    - {name: g, links: []}\n"), 4, 24, "must name at least one link"},
      {"GatewayLinkUnknown", topology("  gateways:\n    - {name: g, links: [ble, lora]}\n"), 4, 30,
       "unknown link 'lora' (expected one of: ble, fsk, css)"},
      {"GatewayLinkDuplicate", topology("  gateways:\n    - {name: g, links: [ble, ble]}\n"), 4, 30,
       "duplicate link 'ble'"},
      {"GatewayLinksNotAList", topology("  gateways:\n    - {name: g, links: ble}\n"), 4, 24, "expected a list"},
      {"GatewayDuplicateName", topology("  gateways:\n    - {name: g, links: [ble]}\n    - {name: g, links: [fsk]}\n"), 5,
       14, "duplicate gateway name 'g' (first defined at line 4)"},
      {"GatewayBadName", topology("  gateways:\n    - {name: \"g 1\", links: [ble]}\n"), 4, 14, "may only contain"},
      {"GatewayEmptyEntry", topology("  gateways:\n    - {name: g, links: [ble]}\n    -\n"), 3, 3,
       "topology.gateways[1] is an empty list entry"},
      {"DistributionUnknownKind",
       topology("  gateways:\n    - name: g\n      links: [ble]\n      backhaul_latency: {dist: gaussian, mean: 3ms}\n"), 6,
       32, "unknown distribution 'gaussian' (expected one of: constant, uniform, exponential, lognormal, normal)"},
      {"DistributionForeignParameter",
       topology("  gateways:\n    - name: g\n      links: [ble]\n      backhaul_latency: {dist: exponential, median: 3ms}\n"),
       6, 45, "'median' is not a parameter of the exponential distribution (it takes: mean)"},
      {"DistributionMissingParameter",
       topology("  gateways:\n    - name: g\n      links: [ble]\n      backhaul_latency: {dist: lognormal, median: 3ms}\n"),
       6, 26, "the lognormal distribution needs 'sigma'"},
      {"DistributionMissingDist",
       topology("  gateways:\n    - name: g\n      links: [ble]\n      backhaul_latency: {mean: 3ms}\n"), 6, 7,
       "missing required key 'dist'"},
      {"DistributionUniformReversed",
       topology("  gateways:\n    - name: g\n      links: [ble]\n      backhaul_latency: {dist: uniform, min: 5ms, max: 1ms}\n"),
       6, 56, "must not be less than min"},
      {"DistributionTimeWithoutUnit",
       topology("  gateways:\n    - name: g\n      links: [ble]\n      backhaul_latency: {dist: exponential, mean: 30}\n"), 6,
       51, "missing unit in '30'"},
      {"DistributionExponentialZeroMean",
       topology("  gateways:\n    - name: g\n      links: [ble]\n      backhaul_latency: {dist: exponential, mean: 0s}\n"), 6,
       51, "must be greater than 0"},
      {"DistributionNegativeSigma",
       topology("  gateways:\n    - name: g\n      links: [ble]\n"
                "      backhaul_latency: {dist: lognormal, median: 3ms, sigma: -1}\n"),
       6, 63, "sigma must not be negative"},
      {"LatencyAList", topology("  gateways:\n    - name: g\n      links: [ble]\n      backhaul_latency: [1ms]\n"), 6, 25,
       "expected a time (e.g. 30ms) or a distribution map"},
      {"LinkModelUnknownLink", topology("  link_model: {lora: {loss: 1%}}\n"), 3, 16,
       "unknown key 'lora' in 'topology.link_model' (allowed: ble, fsk, css)"},
      {"LinkModelUnknownKey", topology("  link_model:\n    ble: {latncy: 4ms}\n"), 4, 11,
       "unknown key 'latncy' in 'topology.link_model.ble' (did you mean 'latency'?)"},
      {"LossNotBelowOne", topology("  link_model:\n    ble: {loss: 100%}\n"), 4, 17, "must be in [0, 1)"},
      {"LossNegative", topology("  link_model:\n    ble: {loss: -0.1}\n"), 4, 17, "must be in [0, 1)"},
      {"LossUnknownUnit", topology("  link_model:\n    ble: {loss: 2dB}\n"), 4, 17, "unknown fraction unit 'dB'"},
      {"DeviceTypeUnreachable",
       kRun + "topology:\n  gateways:\n    - {name: g, links: [ble]}\n"
              "fleet:\n  device_types:\n    - {name: tracker, count: 10, qualified: true, links: [fsk]}\n",
       7, 58, "no gateway group offers any link of device type 'tracker'"},
      {"DeviceTypeCannotRegisterThroughGateways",
       kRun + "topology:\n  gateways:\n    - {name: g, links: [css]}\n"
              "fleet:\n  device_types:\n    - {name: tracker, count: 10, qualified: true, links: [fsk, css]}\n",
       7, 58, "registers through a gateway, but no gateway group offers ble or fsk"},

      // ---- fleet: ----
      {"FleetMissingDeviceTypes", kRun + "fleet: {}\n", 2, 1, "missing required key 'device_types' in 'fleet'"},
      {"FleetNoDeviceTypes", kRun + "fleet:\n  device_types: []\n", 3, 17, "must define at least one device type"},
      {"DeviceTypeNotAMap", kRun + "fleet:\n  device_types:\n    - tracker\n", 4, 7, "expected a map"},
      {"DeviceTypeMissingCount", kRun + "fleet:\n  device_types:\n    - name: tracker\n      qualified: true\n", 4, 7,
       "missing required key 'count' in 'fleet.device_types[0]'"},
      {"DeviceTypeCountZero", kRun + "fleet:\n  device_types:\n    - {name: tracker, count: 0, qualified: true}\n", 4,
       30, "must be at least 1, got 0"},
      {"DeviceTypeCountAbsurd",
       kRun + "fleet:\n  device_types:\n    - {name: tracker, count: 20000000, qualified: true}\n", 4, 30,
       "absurdly large (at most 10000000)"},
      {"DeviceTypeCountNotANumber", kRun + "fleet:\n  device_types:\n    - {name: tracker, count: ten, qualified: true}\n",
       4, 30, "expected a whole number, got 'ten'"},
      {"DeviceTypeCountFractional",
       kRun + "fleet:\n  device_types:\n    - {name: tracker, count: 1.5, qualified: true}\n", 4, 30,
       "expected a whole number, got 1.5"},
      {"DeviceTypeCountNegative", kRun + "fleet:\n  device_types:\n    - {name: tracker, count: -3, qualified: true}\n",
       4, 30, "must not be negative"},
      {"FleetTotalAbsurd",
       kRun + "fleet:\n  device_types:\n    - {name: a1, count: 6000000, qualified: true}\n"
              "    - {name: a2, count: 6000000, qualified: true}\n",
       3, 3, "the fleet has 12000000 devices in all"},
      {"DeviceTypeDuplicateName",
       kRun + "fleet:\n  device_types:\n    - {name: tracker, count: 1, qualified: true}\n"
              "    - {name: tracker, count: 2, qualified: true}\n",
       5, 14, "duplicate device type name 'tracker' (first defined at line 4)"},
      {"DeviceTypeUnknownKey", device_type("      cont: 5\n"), 7, 7,
       "unknown key 'cont' in 'fleet.device_types[0]' (did you mean 'count'?)"},
      {"DeviceTypeDuplicateKey", device_type("      count: 5\n"), 7, 7,
       "duplicate key 'count' in 'fleet.device_types[0]' (first defined at line 5)"},
      {"StageUnknown", device_type("      stage: prodution\n"), 7, 14,
       "unknown stage 'prodution' (did you mean 'production'?)"},
      {"FlowUnknown", device_type("      flow: mass\n"), 7, 13,
       "unknown flow 'mass' (expected one of: mass_production, prototyping)"},
      {"PrototypeNeedsPrototypingFlow", device_type("      stage: prototype\n      flow: mass_production\n"), 8, 13,
       "a prototype device type is provisioned with the prototyping flow"},
      {"PrototypingFlowNeedsPrototypeStage", device_type("      flow: prototyping\n"), 7, 13,
       "the prototyping flow is only for stage prototype"},
      {"DeveloperBadName", device_type("      developer: \"a b\"\n"), 7, 18, "may only contain"},
      {"LinksOnlyCss", device_type("      links: [css]\n"), 7, 14, "needs ble or fsk"},
      {"LinksDuplicate", device_type("      links: [fsk, css, fsk]\n"), 7, 25, "duplicate link 'fsk'"},
      {"RegisterViaUnknown", device_type("      register_via: phone\n"), 7, 21,
       "unknown registration path 'phone' (expected one of: gateway, mobile_app)"},
      {"MobileAppNeedsBle", device_type("      links: [fsk]\n      register_via: mobile_app\n"), 8, 21,
       "registration through the mobile app runs over ble"},
      {"CurveUnknown", device_type("      curve: ed25519\n"), 7, 14, "unknown curve 'ed25519'"},
      {"McuCoreUnknown", device_type("      mcu: {core: cortex-m0}\n"), 7, 19,
       "unknown MCU core 'cortex-m0' (did you mean 'cortex-m4'?)"},
      {"McuCoreUnknownNoSuggestion", device_type("      mcu: {core: esp32}\n"), 7, 19,
       "unknown MCU core 'esp32' (known cores: cortex-m4, cortex-m33)"},
      {"McuClockUnknownUnit", device_type("      mcu: {clock: 64Mhz}\n"), 7, 20,
       "unknown frequency unit 'Mhz' in '64Mhz' (did you mean 'MHz'?)"},
      {"McuClockZero", device_type("      mcu: {clock: 0Hz}\n"), 7, 20, "must be greater than 0"},
      {"McuClockAbsurd", device_type("      mcu: {clock: 5GHz}\n"), 7, 20, "absurd"},
      {"McuNotAMap", device_type("      mcu: cortex-m4\n"), 7, 12, "expected a map with keys core, clock"},
      {"ManufactureAtEndOfRun", device_type("      manufacture: {at: 1h}\n"), 7, 25,
       "would start at or after the end of the run"},
      {"ManufactureOverPastEnd", device_type("      manufacture: {at: 30min, over: 40min}\n"), 7, 38,
       "manufacturing would end at 70min, after the end of the run (1h)"},
      {"RegisterAutoNotBool", device_type("      register: {auto: yes}\n"), 7, 24, "expected true or false, got 'yes'"},
      {"RegisterDelayUnknownUnit", device_type("      register: {delay: 30secs}\n"), 7, 25,
       "unknown time unit 'secs'"},
      {"TrafficUnknownKey", device_type("      traffic: {period: 5min}\n"), 7, 17,
       "unknown key 'period' in 'fleet.device_types[0].traffic'"},
      {"PayloadTooLarge", device_type("      traffic: {payload: 300B}\n"), 7, 26,
       "payload 300B exceeds the largest Sidewalk frame payload (255B)"},
      {"PayloadMissingUnit", device_type("      traffic: {payload: 19}\n"), 7, 26, "missing unit in '19'"},
      {"PayloadUnknownUnit", device_type("      traffic: {payload: 19b}\n"), 7, 26,
       "unknown size unit 'b' in '19b' (did you mean 'B'?)"},
      {"PayloadZero", device_type("      traffic: {payload: 0B}\n"), 7, 26, "must be at least 1B"},
      {"PayloadFractional", device_type("      traffic: {payload: 1.5B}\n"), 7, 26, "not a whole number of bytes"},
      {"UplinkPeriodZero", device_type("      traffic: {uplink_period: 0s}\n"), 7, 32, "must be greater than 0"},
      {"TtlNegative", device_type("      traffic: {ttl: -1h}\n"), 7, 22, "must not be negative"},
      {"QueueLimitNotANumber", device_type("      traffic: {queue_limit: many}\n"), 7, 30, "expected a whole number"},
      {"DakLimitOnProduction", device_type("      dak_signature_limit: 5\n"), 7, 7,
       "'dak_signature_limit' applies to preproduction device types only (this one is production)"},
      {"QualifiedNotBool", kRun + "fleet:\n  device_types:\n    - {name: tracker, count: 1, qualified: 1}\n", 4, 44,
       "expected true or false, got '1'"},
      {"ProductionNeverQualified", kRun + "fleet:\n  device_types:\n    - {name: tracker, count: 1}\n", 4, 7,
       "production device type 'tracker' is never qualified"},

      // ---- cloud: ----
      {"CloudNotAMap", kBase + "cloud: 5\n", 5, 8, "cloud: expected a map"},
      {"CloudUnknownKey", cloud("  ingest_latncy: 2s\n"), 6, 3,
       "unknown key 'ingest_latncy' in 'cloud' (did you mean 'ingest_latency'?)"},
      {"CloudLatencyAList", cloud("  ingest_latency: [2s]\n"), 6, 19, "expected a time (e.g. 30ms) or a distribution"},
      {"CloudLatencyBadUnit", cloud("  network_server_latency: 20 ms ms\n"), 6, 27, "unknown time unit 'ms ms'"},
      {"IngestFaultRateOutOfRange", cloud("  ingest_fault_rate: 1.5\n"), 6, 22, "must be in [0, 1)"},
      {"PrototypeLimitZero", cloud("  prototype_limit: 0\n"), 6, 20, "must be at least 1, got 0"},
      {"HandshakeTimeoutZero", cloud("  handshake_timeout: 0s\n"), 6, 22, "must be greater than 0"},
      {"AckTimeoutMissingUnit", cloud("  ack_timeout: 5\n"), 6, 16, "missing unit in '5'"},
      {"BackoffMaxBelowInitial", cloud("  backoff: {initial: 10s, max: 5s}\n"), 6, 32,
       "the backoff maximum (5s) must not be less than its initial value (10s)"},
      {"BackoffUnknownKey", cloud("  backoff: {start: 1s}\n"), 6, 13,
       "unknown key 'start' in 'cloud.backoff' (allowed: initial, max)"},
      {"DestinationBufferNegative", cloud("  destination_buffer: -1\n"), 6, 23, "must not be negative"},

      // ---- timeline: ----
      {"TimelineNotAList", kBase + "timeline: {at: 1min}\n", 5, 11, "timeline: expected a list, got a map"},
      {"ActionMissingAt", timeline("  - action: deregister\n"), 6, 5, "missing required key 'at' in 'timeline[0]'"},
      {"ActionMissingAction", timeline("  - at: 1min\n"), 6, 5, "missing required key 'action' in 'timeline[0]'"},
      {"ActionAfterEnd", timeline("  - at: 2h\n    action: deregister\n"), 6, 9,
       "2h is after the end of the run (duration 1h)"},
      {"ActionNegativeTime", timeline("  - at: -1min\n    action: deregister\n"), 6, 9, "must not be negative"},
      {"ActionUnknownKind", timeline("  - at: 1min\n    action: deregistr\n"), 7, 13,
       "unknown action 'deregistr' (did you mean 'deregister'?)"},
      {"ActionUnknownKey", timeline("  - at: 1min\n    action: deregister\n    fracton: 10%\n"), 8, 5,
       "unknown key 'fracton' in 'timeline[0]' (did you mean 'fraction'?)"},
      {"ActionUndefinedDeviceType", timeline("  - at: 1min\n    action: deregister\n    device_type: trackr\n"), 8, 18,
       "undefined device type 'trackr' (did you mean 'tracker'?)"},
      {"ActionUndefinedDeviceTypeListsTypes", timeline("  - at: 1min\n    action: deregister\n    device_type: lamp\n"),
       8, 18, "undefined device type 'lamp' (defined device types: tracker)"},
      {"RevokeDeviceTypeNeedsDeviceType", timeline("  - at: 1min\n    action: revoke_device_type\n"), 7, 5,
       "a revoke_device_type action needs 'device_type'"},
      {"QualifyNeedsDeviceType", timeline("  - at: 1min\n    action: qualify\n"), 7, 5,
       "a qualify action needs 'device_type'"},
      {"FractionOnWholeTypeAction",
       timeline("  - at: 1min\n    action: revoke_device_type\n    device_type: tracker\n    fraction: 50%\n"), 9, 5,
       "'fraction' does not apply to a revoke_device_type action"},
      {"RepeatedTypeRevocation",
       timeline("  - at: 1min\n    action: revoke_device_type\n    device_type: tracker\n"
                "  - at: 2min\n    action: revoke_device_type\n    device_type: tracker\n"),
       11, 18, "already gets revoke_device_type at line 6"},
      {"QualifyAlreadyQualified", timeline("  - at: 1min\n    action: qualify\n    device_type: tracker\n"), 8, 18,
       "device type 'tracker' is already qualified"},
      {"FractionZero", timeline("  - at: 1min\n    action: deregister\n    fraction: 0\n"), 8, 15, "must be in (0, 1]"},
      {"FractionAboveOne", timeline("  - at: 1min\n    action: deregister\n    fraction: 150%\n"), 8, 15,
       "must be in (0, 1]"},
      {"CountZero", timeline("  - at: 1min\n    action: revoke_device\n    count: 0\n"), 8, 12,
       "must be at least 1, got 0"},
      {"CountAboveFleet", timeline("  - at: 1min\n    action: revoke_device\n    count: 11\n"), 8, 12,
       "count 11 exceeds the devices acted on: the fleet has 10 devices"},
      {"OutageNeedsTarget", timeline("  - at: 1min\n    action: outage\n    for: 1min\n"), 7, 5,
       "an outage needs 'target'"},
      {"OutageNeedsFor", timeline("  - at: 1min\n    action: outage\n    target: ingest\n"), 7, 5,
       "an outage needs 'for'"},
      {"OutageUnknownTarget", timeline("  - at: 1min\n    action: outage\n    target: gateway\n    for: 1min\n"), 8, 13,
       "unknown outage target 'gateway' (did you mean 'gateways'?)"},
      {"OutageZeroLength", timeline("  - at: 1min\n    action: outage\n    target: ingest\n    for: 0s\n"), 9, 10,
       "must be greater than 0"},
      {"OutagePastEnd", timeline("  - at: 55min\n    action: outage\n    target: ingest\n    for: 10min\n"), 9, 10,
       "the outage starting at 55min would last past the end of the run (1h)"},
      {"OutageRejectsDeviceType",
       timeline("  - at: 1min\n    action: outage\n    device_type: tracker\n    target: ingest\n    for: 1min\n"), 8, 5,
       "'device_type' does not apply to an outage"},
      {"TargetOnlyForOutages", timeline("  - at: 1min\n    action: deregister\n    target: ingest\n"), 8, 5,
       "'target' does not apply to a deregister action (outages only)"},
      {"RepeatNeedsEvery", timeline("  - at: 1min\n    action: deregister\n    repeat: 3\n"), 8, 13,
       "repeat 3 needs 'every'"},
      {"RepeatZero", timeline("  - at: 1min\n    action: deregister\n    repeat: 0\n"), 8, 13, "must be at least 1"},
      {"EveryNeedsRepeat", timeline("  - at: 1min\n    action: deregister\n    every: 5min\n"), 8, 5,
       "'every' needs 'repeat' greater than 1"},
      {"RepetitionsPastEnd", timeline("  - at: 30min\n    action: deregister\n    repeat: 3\n    every: 20min\n"), 9, 12,
       "repeating 3 times every 20min from 30min runs past the end of the run (1h)"},
      {"RepeatedOutagesOverlap",
       timeline("  - at: 1min\n    action: outage\n    target: ingest\n    for: 10min\n    repeat: 2\n    every: 5min\n"), 11,
       12, "repeated outages would overlap"},
      {"LastRepeatedOutagePastEnd",
       timeline("  - at: 15min\n    action: outage\n    target: ingest\n    for: 10min\n    repeat: 3\n    every: 20min\n"), 9,
       10, "the outage starting at 55min would last past the end of the run"},

      // ---- expect: ----
      {"ExpectNotAList", kBase + "expect: {state: registered}\n", 5, 9, "expect: expected a list, got a map"},
      {"ExpectNoKind", expect("  - min: 1\n"), 6, 5, "an expectation needs one of 'state', 'handshake_latency', 'counter' or 'ratio'"},
      {"ExpectTwoKinds", expect("  - state: registered\n    counter: registrations\n    min: 1\n"), 7, 5,
       "an expectation checks one thing: it has both 'state' and 'counter'"},
      {"ExpectUnknownState", expect("  - state: registred\n    min: 1\n"), 6, 12,
       "unknown device state 'registred' (did you mean 'registered'?)"},
      {"ExpectAtAfterEnd", expect("  - state: registered\n    at: 2h\n    min: 1\n"), 7, 9, "after the end of the run"},
      {"ExpectAtNotATime", expect("  - state: registered\n    at: finish\n    min: 1\n"), 7, 9, "expected a time like"},
      {"ExpectNoBounds", expect("  - state: registered\n"), 6, 5, "an expectation needs a bound"},
      {"ExpectMixedBounds", expect("  - state: registered\n    min: 1\n    max_fraction: 50%\n"), 8, 5,
       "count bounds (min, max, equals) or fraction bounds (min_fraction, max_fraction), not both"},
      {"ExpectEqualsWithMin", expect("  - counter: registrations\n    min: 1\n    equals: 2\n"), 8, 5,
       "'equals' cannot be combined with 'min' or 'max'"},
      {"ExpectMaxBelowMin", expect("  - counter: registrations\n    min: 5\n    max: 2\n"), 8, 10,
       "the maximum must not be less than the minimum"},
      {"ExpectUnreachableMin", expect("  - state: registered\n    min: 11\n"), 7, 10,
       "11 devices can never be reached: the fleet has 10 devices"},
      {"ExpectUnreachableMinOfType", expect("  - state: registered\n    device_type: tracker\n    equals: 12\n"), 8, 13,
       "device type 'tracker' has 10 devices"},
      {"ExpectUndefinedDeviceType", expect("  - state: registered\n    device_type: trakcer\n    min: 1\n"), 7, 18,
       "undefined device type 'trakcer' (did you mean 'tracker'?)"},
      {"ExpectFractionOutOfRange", expect("  - state: blocked\n    min_fraction: 2\n"), 7, 19, "must be in [0, 1]"},
      {"ExpectFractionReversed", expect("  - state: blocked\n    min_fraction: 50%\n    max_fraction: 10%\n"), 8, 19,
       "the maximum must not be less than the minimum"},
      {"ExpectUnknownPercentile", expect("  - handshake_latency: p90\n    max: 3s\n"), 6, 24,
       "unknown percentile 'p90'"},
      {"ExpectLatencyWithoutUnit", expect("  - handshake_latency: p95\n    max: 3\n"), 7, 10, "missing unit in '3'"},
      {"ExpectLatencyRejectsDeviceType", expect("  - handshake_latency: p95\n    device_type: tracker\n    max: 3s\n"), 7,
       5, "'device_type' does not apply to a handshake_latency expectation"},
      {"ExpectLatencyRejectsFraction", expect("  - handshake_latency: p95\n    max_fraction: 5%\n"), 7, 5,
       "'max_fraction' does not apply to a handshake_latency expectation"},
      {"ExpectUnknownCounter", expect("  - counter: uplink_sent\n    min: 1\n"), 6, 14,
       "unknown counter 'uplink_sent' (did you mean 'uplinks_sent'?)"},
      {"ExpectCounterBadCause", expect("  - counter: uplinks_rejected.Replay\n    min: 1\n"), 6, 14,
       "must be a lowercase snake_case identifier"},
      {"ExpectCounterEmptyCause", expect("  - counter: refusals.\n    min: 1\n"), 6, 14,
       "must be a lowercase snake_case identifier"},
      {"ExpectCounterNoPerCause", expect("  - counter: uplinks_sent.replay\n    min: 1\n"), 6, 14,
       "unknown per-cause counter 'uplinks_sent'"},
      {"ExpectCounterNegative", expect("  - counter: registrations\n    min: -1\n"), 7, 10, "must not be negative"},
      {"ExpectCounterRejectsAt", expect("  - counter: registrations\n    at: 5min\n    max: 1\n"), 7, 5,
       "'at' does not apply to a counter expectation"},
      {"ExpectUnknownKey", expect("  - counter: registrations\n    maximum: 1\n"), 7, 5,
       "unknown key 'maximum' in 'expect[0]'"},
  };
}

class LoaderErrors : public testing::TestWithParam<ErrorCase> {};

TEST_P(LoaderErrors, PointsAtTheOffendingSpot) {
  const ErrorCase& c = GetParam();
  try {
    load_scenario_text(c.yaml, "case.yaml");
    FAIL() << "loaded without an error:\n" << c.yaml;
  } catch (const ScenarioError& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.file(), "case.yaml");
    EXPECT_EQ(e.line(), c.line) << what;
    EXPECT_EQ(e.column(), c.column) << what;
    EXPECT_NE(e.cause().find(c.cause), std::string::npos) << what << "\n  expected cause containing: " << c.cause;
    EXPECT_EQ(what, "case.yaml:" + std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " + e.cause());
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, LoaderErrors, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<ErrorCase>& param_info) { return param_info.param.name; });

// Every case's text becomes valid when the offending snippet is removed: the base texts themselves load.
TEST(LoaderErrorsBase, BuildingBlocksLoad) {
  EXPECT_NO_THROW(load_scenario_text(kBase, "base.yaml"));
  EXPECT_NO_THROW(load_scenario_text(device_type(""), "base.yaml"));
  EXPECT_NO_THROW(load_scenario_text(topology("  gateways: []\n"), "base.yaml"));
  EXPECT_NO_THROW(load_scenario_text(cloud("  ack_timeout: 5s\n"), "base.yaml"));
  EXPECT_NO_THROW(load_scenario_text(timeline("  - {at: 1min, action: deregister}\n"), "base.yaml"));
  EXPECT_NO_THROW(load_scenario_text(expect("  - {state: registered, min: 1}\n"), "base.yaml"));
}

TEST(LoaderErrorsText, NulByteIsNotText) {
  const std::string text = kBase + std::string("x: \0\n", 5);
  try {
    load_scenario_text(text, "bin.yaml");
    FAIL() << "a NUL byte was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), "bin.yaml:1:1: not a text file (NUL byte at byte offset " +
                                         std::to_string(kBase.size() + 3) + ")");
  }
}

}  // namespace
}  // namespace st::scenario
