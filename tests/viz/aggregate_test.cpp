// Aggregation, checked against values computed by hand: nearest-rank percentiles (the twin's convention),
// fixed histogram bins and their automatic range, the CDF, counters and states at a time.
#include <gtest/gtest.h>

#include <numeric>

#include "model/aggregate.hpp"

namespace st::viz {
namespace {

TEST(Percentile, NearestRankByHand) {
  const std::vector<double> four{100, 200, 300, 400};
  EXPECT_EQ(percentile(four, 25), 100);  // rank ceil(1) = 1
  EXPECT_EQ(percentile(four, 26), 200);  // rank ceil(1.04) = 2
  EXPECT_EQ(percentile(four, 50), 200);  // rank 2
  EXPECT_EQ(percentile(four, 95), 400);  // rank ceil(3.8) = 4
  EXPECT_EQ(percentile(four, 99), 400);
  std::vector<double> hundred(100);
  std::iota(hundred.begin(), hundred.end(), 1.0);
  EXPECT_EQ(percentile(hundred, 7), 7);  // exactly, no floating-point rounding of the rank
  EXPECT_EQ(percentile(hundred, 95), 95);
  EXPECT_EQ(percentile(hundred, 99), 99);
  EXPECT_EQ(percentile(hundred, 100), 100);
  EXPECT_EQ(percentile(hundred, 0), 1);
  std::vector<double> ten(10);
  std::iota(ten.begin(), ten.end(), 1.0);
  const Percentiles p = percentiles(ten);
  EXPECT_EQ(p.count, 10u);
  EXPECT_EQ(p.p50, 5);   // rank 5
  EXPECT_EQ(p.p95, 10);  // rank ceil(9.5) = 10
  EXPECT_EQ(p.p99, 10);
  EXPECT_EQ(percentile(std::vector<double>{42}, 50), 42);
  EXPECT_EQ(percentile(std::vector<double>{}, 50), 0);
}

TEST(Histogram, FixedBins) {
  const BinRange r{0, 10, 3};
  EXPECT_EQ(r.hi(), 30);
  const std::vector<double> v{0, 5, 9.99, 10, 25, 30, 31, -1};
  const Histogram h = histogram(v, r);
  EXPECT_EQ(h.counts, (std::vector<std::uint64_t>{3, 1, 2}));  // [0,10) [10,20) [20,30]
  EXPECT_EQ(h.overflow, 1u);
  EXPECT_EQ(h.underflow, 1u);
}

TEST(Histogram, NiceSteps) {
  EXPECT_DOUBLE_EQ(nice_step(1), 1);
  EXPECT_DOUBLE_EQ(nice_step(1.1), 2);
  EXPECT_DOUBLE_EQ(nice_step(2.2), 2.5);
  EXPECT_DOUBLE_EQ(nice_step(25), 25);
  EXPECT_DOUBLE_EQ(nice_step(59.34), 100);
  EXPECT_DOUBLE_EQ(nice_step(0.3), 0.5);
  EXPECT_DOUBLE_EQ(nice_step(0), 1);
}

TEST(Histogram, AutoRange) {
  const std::vector<double> v{950, 1100, 1250, 2373.6};
  const BinRange r = auto_bins(v, 40);
  EXPECT_EQ(r.lo, 0);
  EXPECT_EQ(r.width, 100);  // 2373.6 / 40 = 59.3 -> 100
  EXPECT_EQ(r.bins, 24u);   // up to 2400, above the largest value
  const Histogram h = histogram(v, r);
  EXPECT_EQ(h.counts[9], 1u);
  EXPECT_EQ(h.counts[11], 1u);
  EXPECT_EQ(h.counts[12], 1u);
  EXPECT_EQ(h.counts[23], 1u);
  EXPECT_EQ(h.overflow, 0u);

  // One outlier far above p99 does not stretch the range: it is counted as overflow.
  std::vector<double> w(99, 1000.0);
  w.push_back(100000.0);
  const BinRange rw = auto_bins(w, 40);
  EXPECT_EQ(rw.width, 25);
  EXPECT_EQ(rw.hi(), 1000);
  EXPECT_EQ(histogram(w, rw).overflow, 1u);
  EXPECT_EQ(histogram(w, rw).counts.back(), 99u);  // 1000 is the last bin's upper edge

  const BinRange empty = auto_bins(std::vector<double>{}, 40);
  EXPECT_EQ(empty.hi(), 1000);
}

TEST(Cdf, StepsAndThinning) {
  const std::vector<double> v{1, 2, 2, 3};
  const auto c = cdf(v);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0], (std::pair<double, double>{1, 0.25}));
  EXPECT_EQ(c[1], (std::pair<double, double>{2, 0.75}));  // both 2s are <= 2
  EXPECT_EQ(c[2], (std::pair<double, double>{3, 1.0}));
  std::vector<double> ten(10);
  std::iota(ten.begin(), ten.end(), 1.0);
  const auto t = cdf(ten, 2);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], (std::pair<double, double>{1, 0.1}));
  EXPECT_EQ(t[1], (std::pair<double, double>{10, 1.0}));
  EXPECT_TRUE(cdf(std::vector<double>{}).empty());
  EXPECT_EQ(thin_indices(10, 4), (std::vector<std::size_t>{0, 3, 6, 9}));
  EXPECT_EQ(thin_indices(3, 4), (std::vector<std::size_t>{0, 1, 2}));
}

RunData sample_run() {
  RunData run;
  for (double t : {0.0, 60.0, 120.0}) {
    StatesSample s;
    s.t = t;
    s.count[static_cast<int>(State::Registered)] = static_cast<std::uint64_t>(t);
    run.apply(s);
    CountersSample c;
    c.t = t;
    c.uplinks_delivered = static_cast<std::uint64_t>(t) * 2;
    if (t >= 60) c.uplinks_rejected_by_cause = {{"forged", 20}, {"replay", 18}};
    run.apply(c);
  }
  auto hs = [&](const char* link, double end, double ms, bool ok) {
    HandshakeRecord h;
    h.smsn = "ab";
    h.link = link;
    h.start_s = end - ms / 1000;
    h.end_s = end;
    h.latency_ms = ms;
    h.success = ok;
    run.apply(h);
  };
  hs("fsk", 10, 1200, true);
  hs("ble", 20, 900, true);
  hs("fsk", 30, 1100, true);
  hs("fsk", 40, 10000, false);
  hs("fsk", 50, 1000, true);
  return run;
}

TEST(AtTime, LastSampleAtOrBefore) {
  const RunData run = sample_run();
  EXPECT_EQ(states_at(run, -1), nullptr);
  EXPECT_EQ(states_at(run, 0)->t, 0);
  EXPECT_EQ(states_at(run, 59.9)->t, 0);
  EXPECT_EQ(states_at(run, 60)->t, 60);
  EXPECT_EQ(states_at(run, 1e9)->t, 120);
  EXPECT_EQ(counters_at(run, 119)->uplinks_delivered, 120u);
  EXPECT_EQ(counters_at(run, 120)->uplinks_delivered, 240u);
  EXPECT_EQ(counters_at(run, -0.5), nullptr);
}

TEST(AtTime, LatenciesUpToTheCursor) {
  const RunData run = sample_run();
  EXPECT_EQ(success_latencies(run, Link::Fsk), (std::vector<double>{1000, 1100, 1200}));  // failures left out
  EXPECT_EQ(success_latencies(run, Link::Fsk, 30), (std::vector<double>{1100, 1200}));
  EXPECT_EQ(success_latencies(run, Link::Ble), (std::vector<double>{900}));
  EXPECT_TRUE(success_latencies(run, Link::Css).empty());
}

TEST(Counters, UplinkBars) {
  const RunData run = sample_run();
  const auto bars = uplink_bars(*counters_at(run, 60));
  ASSERT_EQ(bars.size(), 5u);
  EXPECT_EQ(bars[0].label, "sent");
  EXPECT_EQ(bars[1].label, "delivered");
  EXPECT_EQ(bars[1].value, 120u);
  EXPECT_EQ(bars[2].label, "rejected: forged");
  EXPECT_EQ(bars[2].value, 20u);
  EXPECT_EQ(bars[3].label, "rejected: replay");
  EXPECT_EQ(bars[4].label, "dropped");  // no cause yet: one bar of 0
  EXPECT_EQ(bars[4].value, 0u);
  EXPECT_EQ(uplink_bars(*counters_at(run, 0))[2].label, "rejected");
}

TEST(TimeAxis, UnitByRunLength) {
  EXPECT_STREQ(time_unit_for(599).name, "s");
  EXPECT_STREQ(time_unit_for(7200).name, "min");
  EXPECT_EQ(time_unit_for(7200).seconds, 60);
  EXPECT_STREQ(time_unit_for(48 * 3600).name, "h");
}

TEST(TimeAxis, MarksFromHelloOrNotices) {
  RunData run;
  EventRecord n;
  n.t = 600;
  n.kind = EventKind::Notice;
  n.actor = "timeline";
  n.cause = "register";
  run.apply(n);
  ASSERT_EQ(timeline_marks(run).size(), 1u);  // a replay: from the notices
  HelloRecord h;
  h.duration_s = 7200;
  h.timeline = {{600, "register", ""}, {3600, "outage", ""}};
  RunData live;
  live.apply(h);
  EXPECT_EQ(timeline_marks(live).size(), 2u);  // live: the whole timeline from the start
  live.apply(n);  // the scenario's own action as it happens: already marked
  EventRecord start;
  start.t = 3600;
  start.kind = EventKind::Notice;
  start.actor = "network_server";
  start.cause = "outage_start";
  live.apply(start);  // the scenario's outage: already marked
  EventRecord what_if = n;
  what_if.t = 1234.5;
  what_if.cause = "deregister";
  live.apply(what_if);  // a what-if applied live: marked too, in time order
  const auto marks = timeline_marks(live);
  ASSERT_EQ(marks.size(), 3u);
  EXPECT_DOUBLE_EQ(marks[1].t, 1234.5);
  EXPECT_EQ(marks[1].action, "deregister");
}

}  // namespace
}  // namespace st::viz
