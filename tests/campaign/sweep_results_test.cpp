// A sweep's results: figures read from a summary.json (paths, ratios, missing values, a path to an object),
// their exact text, the statistics (Student's t intervals checked against published quantiles), the two
// tables, and sweep.json guarding a folder against another sweep's runs.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "sim/campaign/figure_values.hpp"
#include "sim/campaign/statistics.hpp"
#include "sim/campaign/sweep_manifest.hpp"
#include "sim/campaign/sweep_tables.hpp"
#include "tests/support/text_file.hpp"

namespace st::campaign {
namespace {

const nlohmann::json kSummary = nlohmann::json::parse(R"({
  "duration_s": 3600,
  "uplinks": {"sent": 200, "delivered": 150},
  "radio": {"frames": 0, "lost_by_cause": {"collision": 4},
            "by_link": {"css": {"uplink": {"airtime_s": 36.5}}}},
  "handshakes": {"latency_ms": {"p95": 1234.567}},
  "list": [10, 20]
})");

Figure value(const std::string& path, std::optional<double> missing = std::nullopt) {
  Figure f;
  f.name = path;
  f.path = path;
  f.missing = missing;
  return f;
}
Figure ratio(const std::string& a, const std::string& b) {
  Figure f;
  f.name = "r";
  f.kind = FigureKind::Ratio;
  f.path = a;
  f.denominator = b;
  return f;
}

TEST(FigureValues, PathsRatiosAndMissingValues) {
  const auto v = read_figures(kSummary, {value("uplinks.sent"), value("handshakes.latency_ms.p95"),
                                         ratio("uplinks.delivered", "uplinks.sent"),
                                         ratio("radio.by_link.css.uplink.airtime_s", "duration_s"),
                                         value("radio.lost_by_cause.gateway_busy"),
                                         value("radio.lost_by_cause.gateway_busy", 0.0),
                                         ratio("uplinks.sent", "radio.frames"), value("list.1"), value("list.2")});
  EXPECT_EQ(v[0], 200.0);
  EXPECT_EQ(v[1], 1234.567);
  EXPECT_EQ(v[2], 0.75);
  EXPECT_DOUBLE_EQ(*v[3], 36.5 / 3600);
  EXPECT_FALSE(v[4]);
  EXPECT_EQ(v[5], 0.0);
  EXPECT_FALSE(v[6]) << "a ratio over 0 has no value";
  EXPECT_EQ(v[7], 20.0);
  EXPECT_FALSE(v[8]);
}

TEST(FigureValues, APathToAnObjectIsAnError) {
  try {
    read_figures(kSummary, {value("uplinks")});
    FAIL() << "accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "figure 'uplinks': 'uplinks' in summary.json is an object, not a number");
  }
}

TEST(FigureValues, TextRoundTripsExactly) {
  for (double x : {0.1, 1.0 / 3, 1e-12, 123456789.0, 0.0, -2.5}) {
    EXPECT_EQ(figure_from_text(figure_text(x)), x) << figure_text(x);
  }
  EXPECT_EQ(figure_text(200.0), "200");
  EXPECT_EQ(figure_text(std::nullopt), "");
  EXPECT_FALSE(figure_from_text(""));
  EXPECT_THROW(figure_from_text("1,5"), std::invalid_argument);
}

TEST(Statistics, MeanSdAndStudentTInterval) {
  // n = 3: t(0.975, 2) = 4.302652730 (tables of Student's t).
  const FigureStats s = figure_stats({1, 2, 3});
  EXPECT_EQ(s.n, 3u);
  EXPECT_DOUBLE_EQ(*s.mean, 2.0);
  EXPECT_DOUBLE_EQ(*s.sd, 1.0);
  EXPECT_NEAR(*s.ci95_high - *s.mean, 4.302652730 / std::sqrt(3.0), 1e-9);
  EXPECT_NEAR(*s.mean - *s.ci95_low, 4.302652730 / std::sqrt(3.0), 1e-9);
  // n = 10: t(0.975, 9) = 2.262157163.
  const FigureStats ten = figure_stats({2, 4, 4, 4, 5, 5, 7, 9, 1, 9});
  EXPECT_NEAR(*ten.ci95_high - *ten.mean, 2.262157163 * *ten.sd / std::sqrt(10.0), 1e-9);
  const FigureStats one = figure_stats({5});
  EXPECT_EQ(one.mean, 5.0);
  EXPECT_FALSE(one.sd);
  EXPECT_FALSE(one.ci95_low);
  EXPECT_EQ(figure_stats({}).n, 0u);
  EXPECT_FALSE(figure_stats({}).mean);
}

class SweepFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("st-campaign-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "base.yaml") << "scenario: {name: b}\n";
    spec_.name = "t";
    spec_.scenario_file = (dir_ / "base.yaml").string();
    spec_.parameters = {{"n", "fleet.x.count", {"10", "20"}, {}, {}}};
    spec_.seeds = {1, 2, 3};
    spec_.figures = {value("a"), value("b")};
    spec_.figures[0].name = "fa";
    spec_.figures[1].name = "fb";
  }
  void TearDown() override {
    if (!HasFailure()) std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  SweepSpec spec_;
};

TEST_F(SweepFiles, TablesHoldEveryRunAndEveryPointsStatistics) {
  const SweepPlan plan = plan_sweep(spec_);
  const SweepResults results{{1.0, 10.0}, {2.0, std::nullopt}, {3.0, 30.0},
                             {0.5, std::nullopt}, {0.5, std::nullopt}, {0.5, std::nullopt}};
  write_sweep_csv(dir_ / "sweep.csv", spec_, plan, results);
  write_summary_csv(dir_ / "summary.csv", spec_, plan, results);
  EXPECT_EQ(test::read(dir_ / "sweep.csv"),
            "run,point,n,seed,fa,fb\n"
            "p000-s1,0,10,1,1,10\n"
            "p000-s2,0,10,2,2,\n"
            "p000-s3,0,10,3,3,30\n"
            "p001-s1,1,20,1,0.5,\n"
            "p001-s2,1,20,2,0.5,\n"
            "p001-s3,1,20,3,0.5,\n");
  const auto rows = test::lines(test::read(dir_ / "summary.csv"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "point,n,runs,fa_n,fa_mean,fa_sd,fa_ci95_low,fa_ci95_high,fb_n,fb_mean,fb_sd,fb_ci95_low,fb_ci95_high");
  EXPECT_EQ(rows[1], "0,10,3,3,2,1,-0.4841377118,4.484137712,2,20,14.14213562,-107.0620474,147.0620474");
  EXPECT_EQ(rows[2], "1,20,3,3,0.5,0,0.5,0.5,0,,,,");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "sweep.csv.tmp"));
}

TEST_F(SweepFiles, AFolderKeepsToItsOwnSweep) {
  claim_sweep_dir(dir_ / "out", spec_);
  EXPECT_TRUE(std::filesystem::exists(dir_ / "out" / "sweep.json"));
  claim_sweep_dir(dir_ / "out", spec_);  // the same sweep again: resumes
  SweepSpec more_seeds = spec_;
  more_seeds.seeds = {1, 2, 3, 4, 5};
  more_seeds.figures.pop_back();
  EXPECT_NO_THROW(claim_sweep_dir(dir_ / "out", more_seeds));
  SweepSpec other_values = spec_;
  other_values.parameters[0].values = {"10", "30"};
  EXPECT_THROW(claim_sweep_dir(dir_ / "out", other_values), std::runtime_error);
  std::ofstream(dir_ / "base.yaml", std::ios::app) << "# changed\n";
  try {
    claim_sweep_dir(dir_ / "out", spec_);
    FAIL() << "a changed base scenario was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("the base scenario changed since"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace st::campaign
