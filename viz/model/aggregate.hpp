// Aggregates the dashboard plots: never one series per device, so a million-device run stays fluid.
#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/run_data.hpp"

namespace st::viz {

inline constexpr double kForever = std::numeric_limits<double>::infinity();

// The last sample at or before t (nullptr when none is).
const StatesSample* states_at(const RunData& run, double t);
const CountersSample* counters_at(const RunData& run, double t);

// At most max_points samples, evenly spread, always the first and the last (indices into run.states).
std::vector<std::size_t> thin_indices(std::size_t n, std::size_t max_points);

// Latencies (ms) of the successful handshakes over `link` that ended at or before `until`, sorted.
std::vector<double> success_latencies(const RunData& run, Link link, double until = kForever);

// Nearest rank, as the twin computes it: rank = ceil(p * n / 100) in integers, value = sorted[rank - 1];
// 0 when there is no value.
double percentile(std::span<const double> sorted, int p);

struct Percentiles {
  std::size_t count = 0;
  double p50 = 0, p95 = 0, p99 = 0;
};
Percentiles percentiles(std::span<const double> sorted);

// Fixed bins [lo + i*width, lo + (i+1)*width); the last bin includes its upper edge.
struct BinRange {
  double lo = 0, width = 1;
  std::size_t bins = 1;
  double hi() const { return lo + width * static_cast<double>(bins); }
};
// From 0 to a round number above the largest value (or above p99 when a few outliers are more than four times
// p99: they go to the overflow count), in round widths (1, 2, 2.5 or 5 x 10^k), about target_bins bins.
BinRange auto_bins(std::span<const double> sorted, std::size_t target_bins = 40);
// A round step >= x: 1, 2, 2.5 or 5 x 10^k.
double nice_step(double x);

struct Histogram {
  BinRange range;
  std::vector<std::uint64_t> counts;
  std::uint64_t underflow = 0, overflow = 0;
};
Histogram histogram(std::span<const double> values, const BinRange& range);

// The empirical CDF of sorted values as (value, fraction of values <= value) points; at most max_points of
// them (evenly spread in rank, the last always included).
std::vector<std::pair<double, double>> cdf(std::span<const double> sorted, std::size_t max_points = 1000);

// The unit of the time axis for a run of this length: s (under 10 min), min (under 48 h), h.
struct TimeUnit {
  double seconds = 60;
  const char* name = "min";
};
TimeUnit time_unit_for(double duration_s);

// The actions to mark on the time axis: hello.timeline (live runs) with the notices it does not list (what-if
// actions, repetitions), else the notices of the timeline (and outage starts) seen in the events (replays).
std::vector<TimelineAction> timeline_marks(const RunData& run);

// Uplink counters as bars: sent, delivered, rejected by cause, dropped by cause.
struct CounterBar {
  std::string label;
  std::string group;  // "sent", "delivered", "rejected", "dropped"
  std::uint64_t value = 0;
};
std::vector<CounterBar> uplink_bars(const CountersSample& c);

}  // namespace st::viz
