// The dashboard's charts, each fed from aggregates of RunData (never one series per device):
// the state distribution over time (stacked areas, timeline actions and the cursor marked on the time axis),
// the handshake latency per link as a histogram and as a CDF (p50/p95/p99 marked and in the legend), and the
// uplink counters at the cursor (delivered, rejected and dropped by cause).
#pragma once
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QValueAxis>
#include <array>

#include "app/chart_view.hpp"
#include "model/aggregate.hpp"
#include "model/run_data.hpp"

namespace st::dash {

// Colours that tell the states (and links) apart, also in print.
QColor state_color(viz::State s);
QColor link_color(viz::Link l);
// "42.5 min", "90 s", "3.25 h".
QString format_time(double seconds, const viz::TimeUnit& unit);
QString format_count(std::uint64_t n);

class StateChart {
 public:
  explicit StateChart(QWidget* parent);
  ChartView* view() const { return view_; }
  // Rebuilds the areas from the samples (thinned to at most 2,000 points) and the timeline marks.
  void update_data(const viz::RunData& run);
  void update_cursor(const viz::RunData& run, double t);
  // A run to compare with (nullptr: none; it must outlive its use here): the upper edge of each of its stacked
  // states as a dashed line, named `label` in the legend. The axes take in both runs.
  void set_baseline(const viz::RunData* base, const QString& label);

 private:
  QChart* chart_;
  ChartView* view_;
  QValueAxis* x_;
  QValueAxis* y_;
  std::array<QLineSeries*, viz::kStateCount> upper_{}, lower_{}, base_{};
  const viz::RunData* base_run_ = nullptr;  // the baseline (its owner outlives it here, or clears it)
  QString base_label_;
  double base_duration_ = 0;    // the baseline's extent, kept in the axes
  std::uint64_t base_top_ = 0;
  std::array<QAreaSeries*, viz::kStateCount> area_{};
  viz::TimeUnit unit_;
};

class LatencyCharts {
 public:
  explicit LatencyCharts(QWidget* parent);
  ChartView* histogram_view() const { return hist_view_; }
  ChartView* cdf_view() const { return cdf_view_; }
  // Successful handshakes that ended at or before t.
  void update(const viz::RunData& run, double t);
  // A run to compare with (nullptr: none): its CDF per link, dashed, over its whole run.
  void set_baseline(const viz::RunData* base, const QString& label);
  // A new run: forget the cached latencies.
  void invalidate() {
    cached_count_ = static_cast<std::size_t>(-1);
    cached_at_ms_ = 0;
  }

 private:
  static constexpr viz::Link kLinks[] = {viz::Link::Ble, viz::Link::Fsk};
  QChart* hist_;
  QChart* cdf_;
  ChartView* hist_view_;
  ChartView* cdf_view_;
  QValueAxis *hist_x_, *hist_y_, *cdf_x_, *cdf_y_;
  std::array<QLineSeries*, 2> hist_upper_{};
  std::array<QAreaSeries*, 2> hist_area_{};
  std::array<QLineSeries*, 2> cdf_line_{}, base_cdf_{};
  double base_hi_ = 0;  // the baseline's latency axis extent
  // Every handshake so far, per link (recomputed when more arrive): the bins and axes.
  std::size_t cached_count_ = static_cast<std::size_t>(-1);
  std::int64_t cached_at_ms_ = 0;  // when (steady clock): large runs recompute at most every 2 s
  std::array<std::vector<double>, 2> all_;
  viz::BinRange range_;
  double ymax_ = 1;
};

class CountersChart {
 public:
  explicit CountersChart(QWidget* parent);
  ChartView* view() const { return view_; }
  void update(const viz::RunData& run, double t);

 private:
  QChart* chart_;
  ChartView* view_;
  QHorizontalStackedBarSeries* series_;
  QBarCategoryAxis* categories_;
  QValueAxis* values_;
};

}  // namespace st::dash
