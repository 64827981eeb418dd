#include "model/aggregate.hpp"

#include <algorithm>
#include <cmath>

namespace st::viz {

namespace {
template <class T>
const T* last_at_or_before(const std::vector<T>& v, double t) {
  auto it = std::upper_bound(v.begin(), v.end(), t, [](double x, const T& s) { return x < s.t; });
  return it == v.begin() ? nullptr : &*(it - 1);
}
}  // namespace

const StatesSample* states_at(const RunData& run, double t) { return last_at_or_before(run.states, t); }
const CountersSample* counters_at(const RunData& run, double t) { return last_at_or_before(run.counters, t); }

std::vector<std::size_t> thin_indices(std::size_t n, std::size_t max_points) {
  std::vector<std::size_t> out;
  if (n == 0) return out;
  if (max_points < 2) max_points = 2;
  if (n <= max_points) {
    out.resize(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = i;
    return out;
  }
  out.reserve(max_points);
  for (std::size_t k = 0; k < max_points; ++k) out.push_back(k * (n - 1) / (max_points - 1));
  return out;
}

std::vector<double> success_latencies(const RunData& run, Link link, double until) {
  std::vector<double> v;
  auto end = std::upper_bound(run.handshakes.begin(), run.handshakes.end(), until,
                              [](double x, const Handshake& h) { return x < h.end_s; });
  for (auto it = run.handshakes.begin(); it != end; ++it)
    if (it->success && it->link == link) v.push_back(it->latency_ms);
  std::sort(v.begin(), v.end());
  return v;
}

double percentile(std::span<const double> sorted, int p) {
  if (sorted.empty()) return 0.0;
  const std::size_t n = sorted.size();
  const std::size_t pp = static_cast<std::size_t>(std::clamp(p, 0, 100));
  const std::size_t rank = (pp * n + 99) / 100;
  const std::size_t i = rank < 1 ? 0 : rank - 1;
  return sorted[std::min(i, n - 1)];
}

Percentiles percentiles(std::span<const double> sorted) {
  return {sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)};
}

double nice_step(double x) {
  if (!(x > 0) || !std::isfinite(x)) return 1;
  const double e = std::pow(10.0, std::floor(std::log10(x)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * e >= x * (1 - 1e-12)) return m * e;
  return 10 * e;
}

BinRange auto_bins(std::span<const double> sorted, std::size_t target_bins) {
  if (target_bins == 0) target_bins = 1;
  BinRange r;
  if (sorted.empty()) {
    r.width = nice_step(1000.0 / static_cast<double>(target_bins));
    r.bins = static_cast<std::size_t>(std::ceil(1000.0 / r.width));
    return r;
  }
  const double max = sorted.back();
  const double p99 = percentile(sorted, 99);
  double top = max > 4 * p99 && p99 > 0 ? p99 : max;
  if (!(top > 0)) top = 1;
  r.lo = std::min(0.0, std::floor(sorted.front()));
  r.width = nice_step((top - r.lo) / static_cast<double>(target_bins));
  r.bins = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((top - r.lo) / r.width - 1e-9)));
  if (r.lo < 0) {  // negative values (not latencies): start on a bin edge
    r.lo = std::floor(r.lo / r.width) * r.width;
    r.bins = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((top - r.lo) / r.width - 1e-9)));
  }
  return r;
}

Histogram histogram(std::span<const double> values, const BinRange& range) {
  Histogram h;
  h.range = range;
  h.counts.assign(range.bins, 0);
  const double hi = range.hi();
  for (double v : values) {
    if (v < range.lo) {
      ++h.underflow;
    } else if (v > hi) {
      ++h.overflow;
    } else {
      auto i = static_cast<std::size_t>((v - range.lo) / range.width);
      if (i >= range.bins) i = range.bins - 1;  // v == hi
      ++h.counts[i];
    }
  }
  return h;
}

std::vector<std::pair<double, double>> cdf(std::span<const double> sorted, std::size_t max_points) {
  std::vector<std::pair<double, double>> out;
  const std::size_t n = sorted.size();
  if (n == 0) return out;
  const double dn = static_cast<double>(n);
  for (std::size_t i : thin_indices(n, max_points)) {
    // the fraction of values <= sorted[i]: past the last equal value
    if (!out.empty() && out.back().first == sorted[i]) continue;
    const auto past = std::upper_bound(sorted.begin() + static_cast<std::ptrdiff_t>(i), sorted.end(), sorted[i]);
    out.emplace_back(sorted[i], static_cast<double>(past - sorted.begin()) / dn);
  }
  return out;
}

TimeUnit time_unit_for(double duration_s) {
  if (duration_s < 600) return {1, "s"};
  if (duration_s < 48 * 3600) return {60, "min"};
  return {3600, "h"};
}

std::vector<TimelineAction> timeline_marks(const RunData& run) {
  if (!run.has_hello || run.hello.timeline.empty()) return run.notice_marks;
  // The scenario's timeline (known from the start), and the actions it does not list as they happen: what-if
  // actions applied live, and the repetitions of repeated actions.
  std::vector<TimelineAction> marks = run.hello.timeline;
  for (const TimelineAction& n : run.notice_marks) {
    const bool listed = std::any_of(run.hello.timeline.begin(), run.hello.timeline.end(), [&](const TimelineAction& a) {
      return std::fabs(a.t - n.t) < 1e-6 && (a.action == n.action || (a.action == "outage" && n.action.starts_with("outage")));
    });
    if (!listed) marks.push_back(n);
  }
  std::stable_sort(marks.begin(), marks.end(), [](const TimelineAction& a, const TimelineAction& b) { return a.t < b.t; });
  return marks;
}

std::vector<CounterBar> uplink_bars(const CountersSample& c) {
  std::vector<CounterBar> out;
  out.push_back({"sent", "sent", c.uplinks_sent});
  out.push_back({"delivered", "delivered", c.uplinks_delivered});
  if (c.uplinks_rejected_by_cause.empty()) out.push_back({"rejected", "rejected", c.uplinks_rejected});
  for (const auto& [cause, n] : c.uplinks_rejected_by_cause) out.push_back({"rejected: " + cause, "rejected", n});
  if (c.uplinks_dropped_by_cause.empty()) out.push_back({"dropped", "dropped", c.uplinks_dropped});
  for (const auto& [cause, n] : c.uplinks_dropped_by_cause) out.push_back({"dropped: " + cause, "dropped", n});
  return out;
}

}  // namespace st::viz
