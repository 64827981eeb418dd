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
// A gateway group written in block style (`name: g`, `count: 2`, `links: [ble]`); `extra` starts at line 7, its keys at
// column 7.
std::string gateway(const std::string& extra) {
  return topology("  gateways:\n    - name: g\n      count: 2\n      links: [ble]\n" + extra);
}
// A device type's radio map in block style: `extra` starts at line 8, its keys at column 9.
std::string device_radio(const std::string& extra) { return device_type("      radio:\n" + extra); }
// Two gateway groups (floodlight: 4, echo: 2) and the fleet; timeline items start at line 10 (keys at column 5).
std::string gateway_timeline(const std::string& items) {
  return kRun + "topology:\n  gateways:\n    - {name: floodlight, count: 4, links: [ble, fsk]}\n"
                "    - {name: echo, count: 2, links: [ble]}\n" + kFleet + "timeline:\n" + items;
}

std::vector<ErrorCase> cases() {
  return {
      // ---- the file as a whole ----
      {"Empty", "", 1, 1, "the scenario file is empty"},
      {"OnlyComments", "# nothing here\n\n   # still nothing\n", 1, 1, "the scenario file is empty"},
      {"OnlyDocumentMarker", "---\n", 1, 1, "the scenario file is empty"},
      // yaml-cpp 0.7 made empty documents forever from these (fuzz/scenario_fuzz found it): bounded now.
      {"StrayCommaAtTheTop", ",\n", 1, 1, "a scenario file holds one YAML document"},
      {"ScalarThenComma", "\"x\",\n", 1, 4, "a scenario file holds one YAML document"},
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
       "unknown key 'colour' in 'scenario' (allowed: name, description, seed, start, duration, sample_interval)"},
      {"DuplicateKey", "scenario:\n  name: t\n  duration: 1h\n  name: u\n" + kFleet, 4, 3,
       "duplicate key 'name' in 'scenario' (first defined at line 2)"},
      {"KeyWithoutValue", "scenario:\n  name:\n  duration: 1h\n" + kFleet, 2, 3, "'scenario.name' has no value"},
      {"MissingName", "scenario:\n  duration: 1h\n" + kFleet, 1, 1, "missing required key 'name' in 'scenario'"},
      {"MissingDuration", "scenario: {name: t}\n" + kFleet, 1, 1, "missing required key 'duration' in 'scenario'"},
      {"NameWithSpace", "scenario: {name: \"a b\", duration: 1h}\n" + kFleet, 1, 18, "may only contain letters"},
      {"DescriptionList", "scenario: {name: t, duration: 1h, description: [a]}\n" + kFleet, 1, 48,
       "scenario.description: expected a text, got a list"},
      {"SeedNegative", "scenario: {name: t, duration: 1h, seed: -1}\n" + kFleet, 1, 41, "must not be negative"},
      {"StartNotAnInstant", "scenario: {name: t, duration: 1h, start: 2026-01-01}\n" + kFleet, 1, 42,
       "is not an instant in UTC like 2026-01-01T00:00:00Z: '2026-01-01'"},
      {"StartNotADate", "scenario: {name: t, duration: 1h, start: 2026-02-30T00:00:00Z}\n" + kFleet, 1, 42,
       "is not a date of the calendar"},
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
      // ---- topology: the physical layer ----
      {"RadioModelUnknown", topology("  radio: physcal\n"), 3, 10,
       "topology.radio: unknown radio model 'physcal' (did you mean 'physical'?)"},
      {"PropagationUnknownBand", topology("  propagation:\n    lora: {model: free_space}\n"), 4, 5,
       "unknown key 'lora' in 'topology.propagation' (allowed: sub_ghz, ble)"},
      {"PropagationUnknownModel", topology("  propagation:\n    sub_ghz: {model: hata}\n"), 4, 22,
       "unknown propagation model 'hata' (expected one of: log_distance, free_space, okumura_hata)"},
      {"OkumuraHataKeyOnLogDistance", topology("  propagation:\n    sub_ghz: {model: log_distance, environment: urban}\n"),
       4, 36, "'environment' applies only to model okumura_hata"},
      {"OkumuraHataKeyOnDefaultModel", topology("  propagation:\n    ble: {base_height: 30m}\n"), 4, 11,
       "'base_height' applies only to model okumura_hata"},
      {"LogDistanceKeyOnOkumuraHata", topology("  propagation:\n    sub_ghz: {model: okumura_hata, exponent: 3}\n"), 4,
       36, "'exponent' applies only to model log_distance"},
      {"LogDistanceKeyOnFreeSpace", topology("  propagation:\n    ble: {model: free_space, reference_distance: 1m}\n"),
       4, 30, "'reference_distance' applies only to model log_distance"},
      {"OkumuraHataKeyOnFreeSpace", topology("  propagation:\n    ble: {model: free_space, mobile_height: 2m}\n"), 4, 30,
       "'mobile_height' applies only to model okumura_hata"},
      {"HataEnvironmentUnknown", topology("  propagation:\n    sub_ghz: {model: okumura_hata, environment: rural}\n"), 4,
       49, "unknown environment 'rural' (expected one of: urban, urban_large, suburban, open)"},
      {"HataBaseHeightOutOfRange", topology("  propagation:\n    sub_ghz: {model: okumura_hata, base_height: 500m}\n"), 4,
       49, "must be within 1m..300m, got '500m'"},
      {"ExponentOutOfRange", topology("  propagation:\n    sub_ghz: {exponent: 12}\n"), 4, 25, "must be within 1..8"},
      {"ShadowingMissingUnit", topology("  propagation:\n    sub_ghz: {shadowing: 6}\n"), 4, 26, "missing unit in '6'"},
      {"CaptureThresholdUnknownUnit", topology("  capture_threshold: 6dBm\n"), 3, 22,
       "unknown ratio in decibels unit 'dBm' in '6dBm' (did you mean 'dB'?) (accepted: dB)"},
      {"FadingOutOfRange", topology("  fading: 25dB\n"), 3, 11, "topology.fading: must be within 0dB..20dB, got '25dB'"},
      {"NoiseFigureNegative", topology("  noise_figure: -1dB\n"), 3, 17, "must be within 0dB..30dB"},
      {"BleScanDutyZero", topology("  ble_scan_duty: 0%\n"), 3, 18, "must be within 1%..100%"},
      {"BleIdleTimeoutMissingUnit", topology("  ble_idle_timeout: 10\n"), 3, 21, "missing unit in '10'"},

      // ---- topology: a gateway group's radio keys and placements ----
      {"PlacementUnknownPattern", gateway("      placement: {pattern: gird, spacing: 100m}\n"), 7, 28,
       "topology.gateways[0].placement.pattern: unknown placement pattern 'gird' (did you mean 'grid'?)"},
      {"PlacementMissingPattern", gateway("      placement: {radius: 1km}\n"), 7, 7,
       "missing required key 'pattern' in 'topology.gateways[0].placement'"},
      {"PlacementNotAMap", gateway("      placement: grid\n"), 7, 18, "expected a map with keys pattern"},
      {"PlacementKeyOfAnotherPattern", gateway("      placement: {pattern: disc, radius: 1km, spacing: 10m}\n"), 7, 47,
       "unknown key 'spacing' in 'topology.gateways[0].placement' (allowed: pattern, radius, center)"},
      {"PlacementGridNeedsSpacing", gateway("      placement: {pattern: grid}\n"), 7, 7,
       "missing required key 'spacing' in 'topology.gateways[0].placement'"},
      {"PlacementNearGatewaysForGateways", gateway("      placement: {pattern: near_gateways}\n"), 7, 18,
       "topology.gateways[0].placement: pattern 'near_gateways' is for device types, not gateways"},
      {"PlacementListTooShort", gateway("      placement:\n        pattern: list\n        points: [[0m, 0m]]\n"), 9, 17,
       "topology.gateways[0].placement.points: lists 1 positions for 2 gateways or devices"},
      {"PlacementListPointNotAPair", gateway("      placement: {pattern: list, points: [[0m, 0m], [1m]]}\n"), 7, 53,
       "points[1]: a position is a list of two distances [x, y]"},
      {"PlacementListPointAbsurd", gateway("      placement: {pattern: list, points: [[0m, 0m], [1m, 5000km]]}\n"), 7,
       58, "must be within +-1000km, got '5000km'"},
      {"PlacementRadiusNegative", gateway("      placement: {pattern: disc, radius: -5m}\n"), 7, 42,
       "topology.gateways[0].placement.radius: must be within 1cm..1000km, got '-5m'"},
      {"PlacementRadiusAbsurd", gateway("      placement: {pattern: ring, radius: 2000km}\n"), 7, 42,
       "must be within 1cm..1000km, got '2000km'"},
      {"PlacementSpacingZero", gateway("      placement: {pattern: grid, spacing: 0m}\n"), 7, 43,
       "must be within 1cm..1000km, got '0m'"},
      {"PlacementUnknownDistanceUnit", gateway("      placement: {pattern: grid, spacing: 25meters}\n"), 7, 43,
       "unknown distance unit 'meters' in '25meters' (accepted: m, km)"},
      {"PlacementDistanceMissingUnit", gateway("      placement: {pattern: disc, radius: 250}\n"), 7, 42,
       "missing unit in '250'"},
      {"PlacementAnnulusInnerNotBelowRadius",
       gateway("      placement: {pattern: annulus, radius: 1km, inner_radius: 1km}\n"), 7, 64,
       "inner_radius: must be at least 0m and less than the radius"},
      {"PlacementLineFromAfterTo", gateway("      placement: {pattern: line, from: 2km, to: 1km}\n"), 7, 40,
       "from: must be at least 0m and at most 'to'"},
      {"PlacementAngleOutOfRange", gateway("      placement: {pattern: ring, radius: 1km, angle: 400}\n"), 7, 54,
       "must be within -360..360 (degrees), got '400'"},
      {"PlacementGridColumnsZero", gateway("      placement: {pattern: grid, spacing: 1m, columns: 0}\n"), 7, 56,
       "must be at least 1, got 0"},
      {"GatewayTxPowerTooHigh", gateway("      tx_power: 36dBm\n"), 7, 17, "must be within -20dBm..30dBm, got '36dBm'"},
      {"GatewayTxPowerMissingUnit", gateway("      ble_tx_power: 8\n"), 7, 21, "missing unit in '8'"},
      {"GatewayDemodulatorsZero", gateway("      demodulators: 0\n"), 7, 21, "must be at least 1, got 0"},
      {"GatewayBleConnectionsAbsurd", gateway("      ble_connections: 100\n"), 7, 24, "absurdly large (at most 64)"},
      {"GatewayBackhaulRateUnknownUnit", gateway("      backhaul_rate: 80kbit\n"), 7, 22,
       "unknown data rate unit 'kbit' in '80kbit' (accepted: bps, kbps, Mbps)"},
      {"GatewayMonthlyCapNotASize", gateway("      monthly_data_cap: 500\n"), 7, 25, "missing unit in '500'"},
      {"GatewayFskSlotTooShort", gateway("      fsk_slot: 0s\n"), 7, 17, "must be within 1ms..10s"},
      {"GatewayBeaconPeriodTooLong", gateway("      beacon_period: 2min\n"), 7, 22, "must be within 100ms..1min"},

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
      {"DeviceTypeIdLength", device_type("      device_type_id: A17XHX23H06IN\n"), 7, 23,
       "a DeviceTypeId is exactly 14 letters or digits, not 'A17XHX23H06IN'"},
      {"ApidNotAlnum", device_type("      apid: pd-5\n"), 7, 13, "an APID is exactly 4 letters or digits, not 'pd-5'"},
      {"DsnPrefixTooLong", device_type("      dsn_prefix: ABCDEFGHIJKLMNOPQRSTUVWXY\n"), 7, 19,
       "a DSN prefix is at most 24 letters or digits"},
      {"DeviceTypeIdShared",
       kRun + "fleet:\n  device_types:\n    - {name: a, count: 1, qualified: true, device_type_id: A17XHX23H06INH}\n"
              "    - {name: b, count: 1, qualified: true, device_type_id: A17XHX23H06INH}\n",
       5, 60, "device type 'b' has the DeviceTypeId A17XHX23H06INH of 'a' (line 4): their devices' SMSNs would collide"},
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
       "must be within 1B..255B (the largest Sidewalk frame payload), got '300B'"},
      {"PayloadMissingUnit", device_type("      traffic: {payload: 19}\n"), 7, 26, "missing unit in '19'"},
      {"PayloadUnknownUnit", device_type("      traffic: {payload: 19b}\n"), 7, 26,
       "unknown size unit 'b' in '19b' (did you mean 'B'?)"},
      {"PayloadZero", device_type("      traffic: {payload: 0B}\n"), 7, 26, "must be within 1B..255B"},
      {"PayloadFractional", device_type("      traffic: {payload: 1.5B}\n"), 7, 26, "not a whole number of bytes"},
      {"UplinkPeriodZero", device_type("      traffic: {uplink_period: 0s}\n"), 7, 32, "must be greater than 0"},
      {"TtlNegative", device_type("      traffic: {ttl: -1h}\n"), 7, 22, "must not be negative"},
      {"QueueLimitNotANumber", device_type("      traffic: {queue_limit: many}\n"), 7, 30, "expected a whole number"},
      {"DakLimitOnProduction", device_type("      dak_signature_limit: 5\n"), 7, 7,
       "'dak_signature_limit' applies to preproduction device types only (this one is production)"},
      // ---- fleet: a device type's radio map ----
      {"DeviceRadioNotAMap", device_type("      radio: sx1262\n"), 7, 14, "fleet.device_types[0].radio: expected a map"},
      {"DeviceRadioUnknownKey", device_radio("        battry: 2400mAh\n"), 8, 9,
       "unknown key 'battry' in 'fleet.device_types[0].radio' (did you mean 'battery'?)"},
      {"DeviceFskRateGivenACssRate", device_radio("        fsk_rate: 2kbps\n"), 8, 19,
       "fleet.device_types[0].radio.fsk_rate: unknown fsk rate '2kbps' (expected one of: 50kbps, 150kbps, 250kbps)"},
      {"DeviceCssRateMisspelt", device_radio("        css_rate: 22kbs\n"), 8, 19,
       "unknown css rate '22kbs' (did you mean '22kbps'?)"},
      {"DeviceRateAsANumber", device_radio("        fsk_rate: 50000bps\n"), 8, 19, "unknown fsk rate '50000bps'"},
      {"DevicePlacementNearGatewaysUnknownKey", device_radio("        placement: {pattern: near_gateways, spacing: 5m}\n"),
       8, 45, "unknown key 'spacing' in 'fleet.device_types[0].radio.placement' (allowed: pattern, radius)"},
      {"DevicePlacementListTooShort", device_radio("        placement: {pattern: list, points: [[0m, 0m]]}\n"), 8, 44,
       "lists 1 positions for 10 gateways or devices"},
      {"DeviceNearRadiusZero", device_radio("        placement: {pattern: near_gateways, radius: 0m}\n"), 8, 53,
       "must be within 1cm..1000km, got '0m'"},
      {"DeviceTxPowerUnknownUnit", device_radio("        tx_power: 20dB\n"), 8, 19,
       "unknown power unit 'dB' in '20dB' (did you mean 'dBm'?) (accepted: dBm)"},
      {"DeviceBleTxPowerTooHigh", device_radio("        ble_tx_power: 10dBm\n"), 8, 23, "must be within -40dBm..8dBm"},
      {"DeviceFskRxSpacingTooLong", device_radio("        fsk_rx_spacing: 2min\n"), 8, 25, "must be within 1ms..1min"},
      {"DeviceCssRxIntervalZero", device_radio("        css_rx_interval: 0s\n"), 8, 26, "must be within 1ms..1h"},
      {"DeviceBatteryUnknownUnit", device_radio("        battery: 2400mah\n"), 8, 18,
       "unknown battery capacity unit 'mah' in '2400mah' (did you mean 'mAh'?) (accepted: mAh, Ah)"},
      {"DeviceBatteryNegative", device_radio("        battery: -1mAh\n"), 8, 18, "must be within 0mAh..10000Ah"},
      {"DeviceMacRetriesAbsurd", device_radio("        mac_retries: 16\n"), 8, 22, "absurdly large (at most 15)"},
      {"DeviceSleepCurrentUnknownUnit", device_radio("        sleep_current: 2uAh\n"), 8, 24,
       "unknown current unit 'uAh' in '2uAh' (did you mean 'uA'?) (accepted: nA, uA, mA, A)"},
      {"DeviceSleepCurrentTooHigh", device_radio("        sleep_current: 1A\n"), 8, 24, "must be within 0uA..100mA"},
      {"DeviceBleAdvIntervalTooShort", device_radio("        ble_adv_interval: 10ms\n"), 8, 27,
       "must be within 20ms..10s"},
      {"Sx1262UnknownKey", device_radio("        sx1262: {tx: 90mA}\n"), 8, 18,
       "unknown key 'tx' in 'fleet.device_types[0].radio.sx1262'"},
      {"Sx1262TxTableNotIncreasing", device_radio("        sx1262: {tx_current: [[20dBm, 90mA], [14dBm, 45mA]]}\n"), 8,
       47, "powers must increase along the table"},
      {"Sx1262TxTablePointNotAPair", device_radio("        sx1262: {tx_current: [[20dBm]]}\n"), 8, 31,
       "a TX current point is [power, current]"},
      {"Sx1262TxTableEmpty", device_radio("        sx1262: {tx_current: []}\n"), 8, 30,
       "a TX current table needs at least one [power, current] point"},
      {"Sx1262WarmWakeTooLong", device_radio("        sx1262: {warm_wake: 2s}\n"), 8, 29, "must be within 0s..1s"},
      {"Nrf52840RxUnknownUnit", device_radio("        nrf52840: {rx: 6mW}\n"), 8, 24, "unknown current unit 'mW'"},
      {"McuCyclesUnknownOperation", device_type("      mcu: {cycles: {x25519: 1000}}\n"), 7, 22,
       "unknown key 'x25519' in 'fleet.device_types[0].mcu.cycles'"},
      {"McuCyclesZero", device_type("      mcu: {cycles: {p256_ecdh: 0}}\n"), 7, 33, "must be at least 1, got 0"},
      {"McuActiveCurrentTooHigh", device_type("      mcu: {active_current: 2A}\n"), 7, 29, "must be within 0mA..1A"},
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
      {"GatewayOutageUnknownGroup",
       gateway_timeline("  - at: 1min\n    action: outage\n    target: gateways\n    gateway_group: floodlite\n"
                        "    for: 1min\n"),
       13, 20, "timeline[0].gateway_group: no gateway group is called 'floodlite' (did you mean 'floodlight'?)"},
      {"GatewayOutageUnknownGroupListsGroups",
       gateway_timeline("  - at: 1min\n    action: outage\n    target: gateways\n    gateway_group: lamp\n    for: 1min\n"),
       13, 20, "no gateway group is called 'lamp' (expected one of: floodlight, echo)"},
      {"GatewayOutageCountAboveGroup",
       gateway_timeline("  - at: 1min\n    action: outage\n    target: gateways\n    gateway_group: echo\n    count: 3\n"
                        "    for: 1min\n"),
       14, 12, "count 3 exceeds the devices acted on: gateway group 'echo' has 2 gateways"},
      {"GatewayOutageCountAboveTopology",
       gateway_timeline("  - at: 1min\n    action: outage\n    target: gateways\n    count: 7\n    for: 1min\n"), 13, 12,
       "the topology has 6 gateways"},
      {"GatewayOutageFractionZero",
       gateway_timeline("  - at: 1min\n    action: outage\n    target: gateways\n    fraction: 0%\n    for: 1min\n"), 13, 15,
       "must be in (0, 1]"},
      {"GatewayOutageWithoutGateways", timeline("  - at: 1min\n    action: outage\n    target: gateways\n    for: 1min\n"), 7,
       5, "an outage of gateways needs a topology with gateways"},
      {"FractionOnNetworkServerOutage",
       timeline("  - at: 1min\n    action: outage\n    target: network_server\n    fraction: 50%\n    for: 1min\n"), 9, 5,
       "'fraction' does not apply to an outage of a cloud actor (only of gateways)"},
      {"CountOnIngestOutage", timeline("  - at: 1min\n    action: outage\n    target: ingest\n    count: 1\n    for: 1min\n"), 9,
       5, "'count' does not apply to an outage of a cloud actor (only of gateways)"},
      {"GatewayGroupOnCloudOutage",
       gateway_timeline("  - at: 1min\n    action: outage\n    target: application_server\n    gateway_group: echo\n"
                        "    for: 1min\n"),
       13, 5, "'gateway_group' does not apply to an outage of a cloud actor (only of gateways)"},
      {"GatewayGroupOnlyForOutages", gateway_timeline("  - at: 1min\n    action: deregister\n    gateway_group: echo\n"), 12,
       5, "'gateway_group' does not apply to a deregister action (outages only)"},
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
      {"ExpectRatioOneCounter", expect("  - ratio: [uplinks_delivered]\n    min: 90%\n"), 6, 12,
       "expect[0].ratio: a ratio is a list of two counters [numerator, denominator]"},
      {"ExpectRatioNotAList", expect("  - ratio: uplinks_delivered\n    min: 90%\n"), 6, 12, "expected a list"},
      {"ExpectRatioUnknownCounter", expect("  - ratio: [uplinks_delivered, uplink_sent]\n    min: 90%\n"), 6, 32,
       "expect[0].ratio[1]: unknown counter 'uplink_sent' (did you mean 'uplinks_sent'?)"},
      {"ExpectRatioUnknownPerCauseCounter", expect("  - ratio: [radio_lots.collision, radio_frames]\n    max: 5%\n"), 6,
       13, "unknown per-cause counter 'radio_lots' in 'radio_lots.collision' (did you mean 'radio_lost'?)"},
      {"ExpectRatioBoundAboveOne", expect("  - ratio: [radio_frames, uplinks_sent]\n    max: 150%\n"), 7, 10,
       "must be in [0, 1] (e.g. 0.9 or 90%)"},
      {"ExpectRatioRejectsAt", expect("  - ratio: [uplinks_delivered, uplinks_sent]\n    at: 5min\n    min: 1%\n"), 7, 5,
       "'at' does not apply to a ratio expectation (only to state)"},
      {"ExpectRatioAndCounter", expect("  - ratio: [uplinks_delivered, uplinks_sent]\n    counter: radio_frames\n    min: 1\n"),
       7, 5, "an expectation checks one thing: it has both 'ratio' and 'counter'"},
      {"ExpectRadioCounterPerLinkBadCause", expect("  - counter: radio_frames.CSS\n    min: 1\n"), 6, 14,
       "must be a lowercase snake_case identifier"},
      {"ExpectUnknownRadioCounter", expect("  - counter: radio_recieved\n    min: 1\n"), 6, 14,
       "unknown counter 'radio_recieved' (did you mean 'radio_received'?)"},
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
  EXPECT_NO_THROW(load_scenario_text(gateway(""), "base.yaml"));
  EXPECT_NO_THROW(load_scenario_text(device_radio("        battery: 2400mAh\n"), "base.yaml"));
  EXPECT_NO_THROW(load_scenario_text(gateway_timeline("  - {at: 1min, action: outage, target: gateways, for: 1min}\n"),
                                     "base.yaml"));
  EXPECT_NO_THROW(load_scenario_text(expect("  - {ratio: [uplinks_delivered, uplinks_sent], min: 1%}\n"), "base.yaml"));
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
