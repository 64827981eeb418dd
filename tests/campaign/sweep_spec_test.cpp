// The sweep file reader: parameters (values, ranges with units), seeds, figures, and every refusal at its
// FILE:LINE:COL; the plan's grid order, run ids and the ranks' shares.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "sim/campaign/sweep_plan.hpp"
#include "sim/campaign/sweep_spec.hpp"
#include "sim/scenario/scenario_error.hpp"

namespace st::campaign {
namespace {

const std::string kDir = std::string(ST_SOURCE_DIR) + "/tests/campaign/";
const std::string kFile = kDir + "inline.yaml";  // resolves small-base.yaml beside it

const std::string kHead = "sweep: {name: t, scenario: small-base.yaml}\n";  // line 1

SweepSpec read(const std::string& rest) { return read_sweep_text(kHead + rest, kFile); }

TEST(SweepSpec, ReadsTheShippedTestSweep) {
  const SweepSpec s = read_sweep_file(kDir + "small-sweep.yaml");
  EXPECT_EQ(s.name, "small");
  EXPECT_EQ(std::filesystem::path(s.scenario_file), std::filesystem::path(kDir + "small-base.yaml"));
  ASSERT_EQ(s.parameters.size(), 2u);
  EXPECT_EQ(s.parameters[1].name, "period");
  EXPECT_EQ(s.parameters[1].key, "fleet.device_types.sensors.traffic.uplink_period");
  EXPECT_EQ(s.parameters[1].values, (std::vector<std::string>{"1min", "4min"}));
  EXPECT_EQ(s.seeds, (std::vector<std::uint64_t>{3, 4}));
  ASSERT_GE(s.figures.size(), 2u);
  EXPECT_EQ(s.figures[1].kind, FigureKind::Ratio);
  EXPECT_EQ(s.figures[1].denominator, "uplinks.sent");
}

TEST(SweepSpec, RangesKeepTheirUnitAndSeedsCountFromOne) {
  const SweepSpec s = read(
      "parameters:\n"
      "  - {key: timeline.0.at, range: {from: 10min, to: 50min, step: 20min}}\n"
      "  - {name: p, key: a.b, range: {from: 0.5, to: 1, step: 0.25}}\n"
      "seeds: 3\n"
      "figures:\n"
      "  - value: uplinks.sent\n"
      "  - {name: lost, value: radio.lost_by_cause.collision, missing: 0}\n");
  EXPECT_EQ(s.parameters[0].name, "timeline.0.at");
  EXPECT_EQ(s.parameters[0].values, (std::vector<std::string>{"10min", "30min", "50min"}));
  EXPECT_EQ(s.parameters[1].values, (std::vector<std::string>{"0.5", "0.75", "1"}));
  EXPECT_EQ(s.seeds, (std::vector<std::uint64_t>{1, 2, 3}));
  EXPECT_EQ(s.figures[0].name, "uplinks.sent");
  EXPECT_FALSE(s.figures[0].missing);
  EXPECT_EQ(s.figures[1].missing, 0.0);
}

struct Refusal {
  std::string name;
  std::string rest;  // after the sweep line (line 2 on)
  int line;
  int column;
  std::string cause;
};

const std::string kOkFigures = "figures: [{value: uplinks.sent}]\n";
const std::string kOkParams = "parameters: [{key: a.b, values: [1, 2]}]\n";

class SweepSpecRefuses : public ::testing::TestWithParam<Refusal> {};

TEST_P(SweepSpecRefuses, AtItsPlace) {
  const Refusal& r = GetParam();
  try {
    read(r.rest);
    FAIL() << "accepted";
  } catch (const scenario::ScenarioError& e) {
    EXPECT_EQ(e.file(), kFile);
    EXPECT_EQ(e.line(), r.line) << e.what();
    EXPECT_EQ(e.column(), r.column) << e.what();
    EXPECT_NE(e.cause().find(r.cause), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SweepSpecRefuses,
    ::testing::Values(
        Refusal{"UnknownKey", kOkParams + kOkFigures + "seed: 3\n", 4, 1, "did you mean 'seeds'"},
        Refusal{"NoParameters", "parameters: []\n" + kOkFigures, 2, 13, "at least one parameter"},
        Refusal{"ValuesAndRange", "parameters: [{key: a, values: [1], range: {from: 1, to: 2, step: 1}}]\n" + kOkFigures,
                2, 36, "values or a range, not both"},
        Refusal{"ValueTwice", "parameters: [{key: a, values: [1, 1]}]\n" + kOkFigures, 2, 35, "listed twice"},
        Refusal{"ValueWithComma", "parameters: [{key: a, values: ['1,5']}]\n" + kOkFigures, 2, 32, "','"},
        Refusal{"RangeUnits", "parameters: [{key: a, range: {from: 1min, to: 2s, step: 1s}}]\n" + kOkFigures, 2, 47,
                "unit 's' is not from's 'min'"},
        Refusal{"RangeStep", "parameters: [{key: a, range: {from: 1, to: 2, step: 0}}]\n" + kOkFigures, 2, 53, "> 0"},
        Refusal{"BadPath", "parameters: [{key: a..b, values: [1]}]\n" + kOkFigures, 2, 20, "not a dotted path"},
        Refusal{"NameTaken", "parameters: [{name: seed, key: a, values: [1]}]\n" + kOkFigures, 2, 14, "is taken"},
        Refusal{"SeedTwice", kOkParams + kOkFigures + "seeds: [4, 4]\n", 4, 12, "listed twice"},
        Refusal{"RatioOfThree", kOkParams + "figures: [{name: r, ratio: [a, b, c]}]\n", 3, 28, "[numerator, denominator]"},
        Refusal{"FigureWithoutValue", kOkParams + "figures: [{name: r}]\n", 3, 11, "needs value"},
        Refusal{"FigureNamedAsParameter", kOkParams + "figures: [{name: a.b, value: x}]\n", 3, 11, "is taken"}),
    [](const ::testing::TestParamInfo<Refusal>& p) { return p.param.name; });

TEST(SweepSpec, AMissingBaseScenarioIsNamed) {
  try {
    read_sweep_text("sweep: {name: t, scenario: nowhere.yaml}\n" + kOkParams + kOkFigures, kFile);
    FAIL() << "accepted";
  } catch (const scenario::ScenarioError& e) {
    EXPECT_EQ(e.line(), 1);
    EXPECT_EQ(e.column(), 28);
    EXPECT_NE(e.cause().find("no such scenario file"), std::string::npos) << e.what();
  }
}

TEST(SweepPlan, GridWithTheLastParameterFastestThenSeeds) {
  const SweepSpec s = read(
      "parameters:\n"
      "  - {name: n, key: a, values: [1, 2, 3]}\n"
      "  - {name: m, key: b.c, values: [x, y]}\n"
      "seeds: [7, 9]\n" +
      kOkFigures);
  const SweepPlan plan = plan_sweep(s);
  ASSERT_EQ(plan.points.size(), 6u);
  EXPECT_EQ(plan.points[1].values, (std::vector<std::string>{"1", "y"}));
  EXPECT_EQ(plan.points[5].values, (std::vector<std::string>{"3", "y"}));
  EXPECT_EQ(plan.points[2].overrides[1].key, "b.c");
  EXPECT_EQ(plan.points[2].overrides[1].value, "x");
  ASSERT_EQ(plan.runs.size(), 12u);
  EXPECT_EQ(plan.runs[0].id, "p000-s7");
  EXPECT_EQ(plan.runs[3].id, "p001-s9");
  EXPECT_EQ(plan.runs[11].point, 5u);
  EXPECT_EQ(plan.runs[11].seed, 9u);
}

TEST(SweepPlan, RanksShareEveryRunExactlyOnce) {
  const SweepSpec s = read("parameters: [{key: a, range: {from: 1, to: 7, step: 1}}]\nseeds: 3\n" + kOkFigures);
  const SweepPlan plan = plan_sweep(s);
  for (int ranks : {1, 2, 5, 40}) {
    std::multiset<std::size_t> seen;
    for (int r = 0; r < ranks; ++r) {
      for (const auto& run : share_of(plan, r, ranks)) seen.insert(run.index);
    }
    EXPECT_EQ(seen.size(), plan.runs.size()) << ranks << " ranks";
    EXPECT_EQ(std::set<std::size_t>(seen.begin(), seen.end()).size(), plan.runs.size()) << ranks << " ranks";
  }
  EXPECT_EQ(share_of(plan, 1, 2).front().id, plan.runs[1].id);
}

}  // namespace
}  // namespace st::campaign
