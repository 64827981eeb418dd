// A real run directory, written by sidewalk-twin (ctest viz.replay_run, through ST_VIZ_RUN_DIR): what the
// dashboard computes from the records agrees with what the twin wrote in summary.json.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "model/aggregate.hpp"
#include "model/run_directory_reader.hpp"

namespace st::viz {
namespace {

TEST(ReplayRun, AgreesWithTheSummary) {
  const char* dir = std::getenv("ST_VIZ_RUN_DIR");
  if (dir == nullptr) GTEST_SKIP() << "ST_VIZ_RUN_DIR not set (run through ctest viz.replay_matches_summary)";
  const RunData run = load_run_directory(dir);
  ASSERT_TRUE(run.end);
  const auto& s = run.end->summary;

  // Percentiles by link, nearest rank: the same values (3 decimals) as the twin's.
  for (Link link : {Link::Ble, Link::Fsk}) {
    const std::string name(to_string(link));
    if (!s["handshakes"]["latency_ms_by_link"].contains(name)) continue;
    const auto& want = s["handshakes"]["latency_ms_by_link"][name];
    const auto lat = success_latencies(run, link);
    const Percentiles p = percentiles(lat);
    EXPECT_EQ(p.count, want["count"].get<std::size_t>()) << name;
    EXPECT_NEAR(p.p50, want["p50"].get<double>(), 5e-4) << name;
    EXPECT_NEAR(p.p95, want["p95"].get<double>(), 5e-4) << name;
    EXPECT_NEAR(p.p99, want["p99"].get<double>(), 5e-4) << name;
  }

  // The last state sample is the final state count.
  const StatesSample* last = states_at(run, run.duration());
  ASSERT_NE(last, nullptr);
  for (std::size_t i = 0; i < kStateCount; ++i) {
    const std::string name(to_string(static_cast<State>(i)));
    EXPECT_EQ(last->count[i], s["final_states"][name].get<std::uint64_t>()) << name;
  }

  // The counters at the end are the summary's uplink counters.
  const CountersSample* c = counters_at(run, run.duration());
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->uplinks_sent, s["uplinks"]["sent"].get<std::uint64_t>());
  EXPECT_EQ(c->uplinks_delivered, s["uplinks"]["delivered"].get<std::uint64_t>());
  EXPECT_EQ(c->uplinks_rejected, s["uplinks"]["rejected"].get<std::uint64_t>());
  for (const auto& [cause, n] : c->uplinks_rejected_by_cause)
    EXPECT_EQ(n, s["uplinks"]["rejected_by_cause"][cause].get<std::uint64_t>()) << cause;

  // Every event line is stored; the timeline notices are the marks.
  EXPECT_GT(run.events.events.size(), 1000u);
  EXPECT_GE(timeline_marks(run).size(), 5u);
}

}  // namespace
}  // namespace st::viz
