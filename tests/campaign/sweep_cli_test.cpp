// `sidewalk-twin sweep` end to end (each run a real child process): the tables and run directories, figures
// that agree with each run's summary.json, byte-identical results for any number of jobs, resume after an
// interruption, the progress line, bad sweep files and values named in the sweep file, a folder of another
// sweep refused untouched, a failing figure; and `run --set`.
#include <nlohmann/json.hpp>

#include "tests/cli/cli_fixture.hpp"

namespace st::cli_test {
namespace {

const fs::path kCampaignDir = fs::path(ST_SOURCE_DIR) / "tests" / "campaign";

class sweepRun : public cliRun {
 protected:
  void SetUp() override {
    cliRun::SetUp();
    fs::copy_file(kCampaignDir / "small-base.yaml", dir_ / "small-base.yaml");
    write(dir_ / "sweep.yaml", read(kCampaignDir / "small-sweep.yaml"));
  }
  Result sweep(const std::string& more) {
    return twin("sweep " + quote((dir_ / "sweep.yaml").string()) + " --out " + quote((dir_ / "out").string()) + " " +
                more);
  }
  // sweep.yaml with `from` replaced by `to`.
  void edit_sweep(const std::string& from, const std::string& to) {
    std::string text = read(dir_ / "sweep.yaml");
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    write(dir_ / "sweep.yaml", text.replace(at, from.size(), to));
  }
  fs::path out() const { return dir_ / "out"; }
};

TEST_F(sweepRun, WritesBothTablesAndOneRunDirectoryPerRun) {
  const Result r = sweep("--jobs 2 --quiet --no-plots");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const auto rows = lines(read(out() / "sweep.csv"));
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(rows[0], "run,point,devices,period,seed,delivered,delivery_ratio,handshake_p95_ms,radio_frames,css_frames");
  const auto summary_rows = lines(read(out() / "summary.csv"));
  ASSERT_EQ(summary_rows.size(), 5u);
  EXPECT_EQ(summary_rows[0].substr(0, 72), "point,devices,period,runs,delivered_n,delivered_mean,delivered_sd,delive");
  EXPECT_EQ(summary_rows[4].substr(0, 13), "3,40,4min,2,2");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto cells = [&] {
      std::vector<std::string> c;
      std::stringstream in(rows[i]);
      for (std::string cell; std::getline(in, cell, ',');) c.push_back(cell);
      return c;
    }();
    const fs::path run = out() / "runs" / cells[0];
    ASSERT_TRUE(fs::exists(run / "summary.json")) << run;
    const auto s = nlohmann::json::parse(read(run / "summary.json"));
    EXPECT_EQ(std::to_string(s["seed"].get<std::uint64_t>()), cells[4]) << rows[i];
    EXPECT_EQ(std::to_string(s["devices"].get<std::uint64_t>()), cells[2]) << "the override took effect: " << rows[i];
    EXPECT_EQ(std::to_string(s["uplinks"]["delivered"].get<std::uint64_t>()), cells[5]) << rows[i];
    EXPECT_TRUE(fs::exists(out() / "logs" / (cells[0] + ".log")));
  }
  EXPECT_TRUE(fs::exists(out() / "sweep.json"));
  for (const auto& e : fs::directory_iterator(out() / "runs"))
    EXPECT_EQ(e.path().extension(), "") << "a partial run left behind: " << e.path();
}

TEST_F(sweepRun, ResultsAreTheSameForAnyNumberOfJobs) {
  ASSERT_EQ(sweep("--jobs 3 -q --no-plots").exit_code, 0);
  const Result one = twin("sweep " + quote((dir_ / "sweep.yaml").string()) + " --out " + quote((dir_ / "one").string()) +
                          " --jobs 1 -q --no-plots");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(read(out() / "sweep.csv"), read(dir_ / "one" / "sweep.csv"));
  EXPECT_EQ(read(out() / "summary.csv"), read(dir_ / "one" / "summary.csv"));
  EXPECT_EQ(read(out() / "runs" / "p002-s4" / "states.csv"), read(dir_ / "one" / "runs" / "p002-s4" / "states.csv"));
}

TEST_F(sweepRun, ResumesOnlyTheRunsThatAreNotComplete) {
  ASSERT_EQ(sweep("-q --no-plots").exit_code, 0);
  const std::string table = read(out() / "sweep.csv");
  const std::string kept_states = read(out() / "runs" / "p000-s3" / "states.csv");
  fs::remove_all(out() / "runs" / "p001-s4");  // never ran
  fs::create_directories(out() / "runs" / "p002-s3.partial");  // interrupted mid-run
  write(out() / "runs" / "p002-s3.partial" / "summary.json", "{\"cut\":");
  fs::remove_all(out() / "runs" / "p002-s3");
  const Result r = sweep("--no-plots");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("8 runs (4 points x 2 seeds; 6 resumed)"), std::string::npos) << r.out;
  EXPECT_EQ(read(out() / "sweep.csv"), table);
  EXPECT_EQ(read(out() / "runs" / "p000-s3" / "states.csv"), kept_states);
  EXPECT_FALSE(fs::exists(out() / "runs" / "p002-s3.partial"));
  EXPECT_TRUE(fs::exists(out() / "runs" / "p001-s4" / "summary.json"));
  // The progress line (stderr is not a terminal: one line per event) counts the resumed runs and the rest.
  EXPECT_NE(r.err.find("sweep small: 6/8 runs done, 2 left, 0 running, 6 resumed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("sweep small: 8/8 runs done, 0 left"), std::string::npos) << r.err;
}

TEST_F(sweepRun, ABadSweepFileIsOneLocatedLineAndNothingIsWritten) {
  edit_sweep("seeds: [3, 4]", "seeds: [3, 4]\nseedz: 2");
  const Result r = sweep("-q");
  EXPECT_EQ(r.exit_code, 2);
  const auto err = lines(r.err);
  ASSERT_EQ(err.size(), 1u) << r.err;
  EXPECT_NE(err[0].find("sweep.yaml:15:1: unknown section 'seedz' (did you mean 'seeds'?)"), std::string::npos) << err[0];
  EXPECT_FALSE(fs::exists(out()));
}

TEST_F(sweepRun, ABadValueIsNamedInTheSweepFileBeforeAnyRun) {
  edit_sweep("values: [20, 40]", "values: [20, -4]");
  const Result r = sweep("-q");
  EXPECT_EQ(r.exit_code, 2);
  const auto err = lines(r.err);
  ASSERT_EQ(err.size(), 1u) << r.err;
  EXPECT_EQ(err[0].rfind((dir_ / "sweep.yaml").string() + ":9:18: parameter 'devices' = -4: " +
                             (dir_ / "small-base.yaml").string() + ":17:14: fleet.device_types[0].count: must not be negative",
                         0),
            0u)
      << err[0];
  EXPECT_FALSE(fs::exists(out()));
}

TEST_F(sweepRun, AFolderOfAnotherSweepIsRefusedAndLeftAsItWas) {
  ASSERT_EQ(sweep("-q --no-plots").exit_code, 0);
  const auto before = snapshot(out());
  edit_sweep("values: [1min, 4min]", "values: [1min, 3min]");
  const Result r = sweep("-q --no-plots");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("holds the runs of another sweep (its parameters differ"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(out()), before);
}

TEST_F(sweepRun, AFigureThatIsNotANumberStopsTheSweepAndKeepsWhatRan) {
  edit_sweep("value: radio.frames", "value: radio");
  const Result r = sweep("--jobs 1 --no-plots");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("figure 'radio_frames': 'radio' in summary.json is an object, not a number"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("FAILED"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("run the same command again"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out() / "sweep.csv"));
  EXPECT_TRUE(fs::exists(out() / "runs" / "p000-s3" / "summary.json"));
  // Mended, the sweep resumes from the runs that completed.
  edit_sweep("value: radio\n", "value: radio.frames\n");
  const Result again = sweep("--no-plots");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("1 resumed"), std::string::npos) << again.out;
}

// A device file that is not a device passes the scenario's reader (it checks that the folder exists) and stops
// the run itself (exit 2): the sweep names the run, its values and the end of its log, and exits 2.
TEST_F(sweepRun, ARunThatFailsIsNamedWithItsLogAndTheSweepExits2) {
  fs::create_directories(dir_ / "devices");
  write(dir_ / "devices" / "probe.json", "{\"not\": \"a device\"}");
  fs::copy_file(fs::path(ST_SCENARIOS_DIR) / "real-fleet" / "profile.json", dir_ / "profile.json");
  write(dir_ / "small-base.yaml", read(dir_ / "small-base.yaml") +
                                      "    - name: probe\n      qualified: true\n      links: [fsk]\n"
                                      "      import: {devices: devices, profile: profile.json}\n");
  const Result r = sweep("--jobs 1 --no-plots");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("run p000-s3 (fleet.device_types.sensors.count=20, "
                       "fleet.device_types.sensors.traffic.uplink_period=1min, seed 3) exited 2; its log " +
                       (out() / "logs" / "p000-s3.log").string() + ":\n    "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("probe.json"), std::string::npos) << "the run's own error, from its log: " << r.err;
  EXPECT_NE(r.err.find("sweep small: 1/8 runs done, 7 left, 0 running, 1 FAILED"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("0 of 8 runs complete"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out() / "sweep.csv"));
  EXPECT_FALSE(fs::exists(out() / "runs" / "p000-s3"));
}

TEST_F(sweepRun, PlotsOnePngPerFigureWhenThePlotterIsBuilt) {
  const fs::path plotter = fs::path(ST_BINARY).parent_path() / "sidewalk-sweep-plot";
  if (!fs::exists(plotter)) GTEST_SKIP() << "built without the dashboard: no " << plotter;
  const Result r = sweep("-q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* figure : {"delivered", "delivery_ratio", "handshake_p95_ms", "radio_frames", "css_frames"}) {
    const std::string png = read(out() / "plots" / (std::string(figure) + ".png"));
    ASSERT_GT(png.size(), 1000u) << figure;
    EXPECT_EQ(png.substr(1, 3), "PNG") << figure;
  }
}

TEST_F(cliRun, RunSetOverridesAScenarioValue) {
  const std::string base = (kCampaignDir / "small-base.yaml").string();
  const Result r = twin("run " + quote(base) + " --set fleet.device_types.sensors.count=7 --set scenario.duration=5min "
                        "--out " + quote((dir_ / "run").string()) + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto s = nlohmann::json::parse(read(dir_ / "run" / "summary.json"));
  EXPECT_EQ(s["devices"], 7);
  EXPECT_EQ(s["duration_s"], 300);
  const Result bad = twin("run " + quote(base) + " --set fleet.device_types.sensorz.count=7 --out " +
                          quote((dir_ / "bad").string()));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, base + ":0:0: --set fleet.device_types.sensorz.count: no item of fleet.device_types is called "
                            "'sensorz' (did you mean 'sensors'?)\n");
  EXPECT_FALSE(fs::exists(dir_ / "bad"));
  const Result malformed = twin("validate " + quote(base) + " --set count");
  EXPECT_EQ(malformed.exit_code, 2);
  EXPECT_NE(malformed.err.find("'count' is not KEY=VALUE"), std::string::npos) << malformed.err;
  EXPECT_EQ(twin("validate " + quote(base) + " --set fleet.device_types.0.count=9").out,
            base + ": ok (small, 1 device types, 9 devices, 0 timeline actions, 0 expectations)\n");
}

}  // namespace
}  // namespace st::cli_test
