// Scenario overrides (`run --set`, a sweep's points): a value set at a key path before the file is read, list
// items by name or index, settings the file leaves out, and errors that name the path or the file's own line.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "sim/scenario/scenario_loader.hpp"

namespace st::scenario {
namespace {

const std::string kText =
    "scenario: {name: t, duration: 1h}\n"          // 1
    "fleet:\n"                                      // 2
    "  device_types:\n"                             // 3
    "    - name: tracker\n"                         // 4
    "      count: 10\n"                             // 5
    "      qualified: true\n"                       // 6
    "    - name: tag\n"                             // 7
    "      count: 20\n"                             // 8
    "      qualified: true\n"                       // 9
    "timeline:\n"                                   // 10
    "  - {at: 10min, action: deregister}\n";        // 11

Scenario load(const std::vector<Override>& overrides) { return load_scenario_text(kText, "t.yaml", overrides); }

TEST(ScenarioOverride, ParsesKeyEqualsValue) {
  const Override o = parse_override("fleet.device_types.tag.count=500");
  EXPECT_EQ(o.key, "fleet.device_types.tag.count");
  EXPECT_EQ(o.value, "500");
  EXPECT_EQ(parse_override("a=b=c").value, "b=c");
  EXPECT_THROW(parse_override("no-equals"), std::invalid_argument);
  EXPECT_THROW(parse_override("=5"), std::invalid_argument);
}

TEST(ScenarioOverride, SetsListItemsByNameAndByIndex) {
  const Scenario s = load({{"fleet.device_types.tag.count", "500"}, {"fleet.device_types.0.count", "7"},
                           {"timeline.0.at", "25min"}});
  EXPECT_EQ(s.world.device_types[0].count, 7u);
  EXPECT_EQ(s.world.device_types[1].count, 500u);
  EXPECT_EQ(s.timeline.at(0).at, 25 * kMinute);
}

TEST(ScenarioOverride, AddsASettingOrSectionTheFileLeavesOut) {
  const Scenario s = load({{"fleet.device_types.tag.traffic.uplink_period", "1min"}, {"scenario.seed", "99"}});
  EXPECT_EQ(s.world.device_types[1].traffic.uplink_period, kMinute);
  EXPECT_EQ(s.world.device_types[0].traffic.uplink_period, 5 * kMinute);
  EXPECT_EQ(s.world.seed, 99u);
}

TEST(ScenarioOverride, ABadValueIsReportedWhereTheFileHoldsIt) {
  try {
    load({{"fleet.device_types.tag.count", "-3"}});
    FAIL() << "a negative count was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line(), 8);
    EXPECT_EQ(e.column(), 14);
    EXPECT_NE(e.cause().find("-3"), std::string::npos) << e.what();
  }
}

TEST(ScenarioOverride, APathThatLeadsNowhereNamesIt) {
  auto cause_of = [](const std::vector<Override>& o) {
    try {
      load(o);
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(cause_of({{"fleet.device_types.tga.count", "1"}}),
            "t.yaml:0:0: --set fleet.device_types.tga.count: no item of fleet.device_types is called 'tga' (did you mean 'tag'?)");
  EXPECT_EQ(cause_of({{"fleet.device_types.5.count", "1"}}),
            "t.yaml:0:0: --set fleet.device_types.5.count: fleet.device_types has 2 items, no item 5");
  EXPECT_EQ(cause_of({{"fleet.device_types.tag.count.x", "1"}}),
            "t.yaml:0:0: --set fleet.device_types.tag.count.x: fleet.device_types.tag.count is a single value, it "
            "has no 'x'");
  EXPECT_EQ(cause_of({{"fleet..count", "1"}}), "t.yaml:0:0: --set fleet..count: a key path has no empty parts");
  // A key the reader does not know is refused by the reader, with its did-you-mean.
  EXPECT_NE(cause_of({{"fleet.device_types.tag.cuont", "1"}}).find("did you mean 'count'"), std::string::npos);
}

}  // namespace
}  // namespace st::scenario
