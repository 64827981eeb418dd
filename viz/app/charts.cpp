#include "app/charts.hpp"

#include <QBarSet>
#include <QFont>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QPen>
#include <algorithm>
#include <chrono>
#include <cmath>

namespace st::dash {

using viz::Link;
using viz::State;

namespace {
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

void style_chart(QChart* c, const QString& title) {
  c->setTitle(title);
  QFont f = c->titleFont();
  f.setPointSizeF(11);
  f.setBold(true);
  c->setTitleFont(f);
  c->setAnimationOptions(QChart::NoAnimation);
  c->setBackgroundRoundness(0);
  c->setMargins(QMargins(6, 2, 6, 2));
  c->legend()->setAlignment(Qt::AlignBottom);
  QFont lf = c->legend()->font();
  lf.setPointSizeF(8.5);
  c->legend()->setFont(lf);
  c->legend()->setMarkerShape(QLegend::MarkerShapeRectangle);
}

QValueAxis* make_axis(QChart* c, Qt::Alignment where, const QString& title) {
  auto* a = new QValueAxis;
  a->setTitleText(title);
  QFont f = a->titleFont();
  f.setPointSizeF(9);
  f.setBold(false);
  a->setTitleFont(f);
  QFont lf = a->labelsFont();
  lf.setPointSizeF(8.5);
  a->setLabelsFont(lf);
  a->setTickType(QValueAxis::TicksDynamic);
  a->setTickAnchor(0);
  a->setGridLineColor(QColor(225, 225, 225));
  a->setMinorGridLineVisible(false);
  c->addAxis(a, where);
  return a;
}

// A range from 0 to a round number above `top` (or to `top` itself: a time axis ends with the run), ticks at
// about `ticks` round steps.
void set_round_range(QValueAxis* a, double top, int ticks, bool round_up = true) {
  if (!(top > 0)) top = 1;
  const double step = viz::nice_step(top / ticks);
  const double hi = round_up ? std::ceil(top / step - 1e-9) * step : top;
  // Never a moment with a small step over a large range (thousands of ticks to lay out): grow the step
  // before the range, shrink the range before the step.
  if (step > a->tickInterval()) {
    a->setTickInterval(step);
    a->setRange(0, hi);
  } else {
    a->setRange(0, hi);
    a->setTickInterval(step);
  }
  a->setLabelFormat(step >= 1 ? "%.0f" : step >= 0.1 ? "%.1f" : "%.2f");
}

void attach(QChart* c, QAbstractSeries* s, QValueAxis* x, QValueAxis* y) {
  c->addSeries(s);
  s->attachAxis(x);
  s->attachAxis(y);
}

QString link_label(Link l) { return qs(viz::to_string(l)).toUpper(); }

// The CDF of sorted values as a step line (up, then along), in percent; at most about 1,000 points.
QList<QPointF> cdf_steps(const std::vector<double>& sorted) {
  QList<QPointF> points;
  double prev = 0;
  for (const auto& [x, f] : viz::cdf(sorted, 1000)) {
    points.append(QPointF(x, prev * 100));
    points.append(QPointF(x, f * 100));
    prev = f;
  }
  return points;
}
}  // namespace

QColor state_color(State s) {
  switch (s) {
    case State::Created: return QColor(0xa0, 0xa7, 0xb0);       // grey
    case State::Associated: return QColor(0x4e, 0x79, 0xa7);    // blue
    case State::Registered: return QColor(0x59, 0xa1, 0x4f);    // green
    case State::Deregistered: return QColor(0xf2, 0x8e, 0x2b);  // orange
    case State::Blocked: return QColor(0xe1, 0x57, 0x59);       // red
    case State::Rejected: return QColor(0x8e, 0x5a, 0xa8);      // purple
    case State::None: break;
  }
  return QColor(0, 0, 0);
}

QColor link_color(Link l) {
  switch (l) {
    case Link::Ble: return QColor(0x1f, 0x6f, 0xb4);
    case Link::Fsk: return QColor(0xe0, 0x6c, 0x00);
    case Link::Css: return QColor(0x2c, 0xa0, 0x2c);
    case Link::Other: break;
  }
  return QColor(0x70, 0x70, 0x70);
}

QString format_time(double seconds, const viz::TimeUnit& unit) {
  const double v = seconds / unit.seconds;
  const int decimals = unit.seconds == 1 ? (v < 100 ? 1 : 0) : (v < 10 ? 2 : 1);
  return QString::number(v, 'f', decimals) + " " + unit.name;
}

QString format_count(std::uint64_t n) { return QLocale(QLocale::English).toString(static_cast<qulonglong>(n)); }

// ---------------------------------------------------------------------------------------------------------

StateChart::StateChart(QWidget* parent) : chart_(new QChart) {
  style_chart(chart_, "Device states over time");
  x_ = make_axis(chart_, Qt::AlignBottom, "simulated time (min)");
  y_ = make_axis(chart_, Qt::AlignLeft, "devices");
  for (std::size_t i = 0; i < viz::kStateCount; ++i) {
    const State s = static_cast<State>(i);
    upper_[i] = new QLineSeries;
    lower_[i] = new QLineSeries;
    area_[i] = new QAreaSeries(upper_[i], i == 0 ? nullptr : lower_[i]);
    area_[i]->setName(qs(viz::to_string(s)));
    area_[i]->setColor(state_color(s));
    area_[i]->setBorderColor(state_color(s).darker(125));
    QPen pen(state_color(s).darker(125));
    pen.setWidthF(1.0);
    area_[i]->setPen(pen);
    attach(chart_, area_[i], x_, y_);
  }
  for (std::size_t i = 0; i < viz::kStateCount; ++i) {
    base_[i] = new QLineSeries;
    QPen pen(state_color(static_cast<State>(i)).darker(170));
    pen.setWidthF(1.6);
    pen.setStyle(Qt::DashLine);
    base_[i]->setPen(pen);
    attach(chart_, base_[i], x_, y_);
    base_[i]->setVisible(false);
    for (QLegendMarker* m : chart_->legend()->markers(base_[i])) m->setVisible(false);
  }
  // The legend lists the areas top-down in the stacking order (created at the bottom of the stack).
  view_ = new ChartView(chart_, "state-distribution", parent);
  view_->set_anchor(area_[0]);
  set_round_range(x_, 120, 8);
  set_round_range(y_, 100, 5);
}

void StateChart::update_data(const viz::RunData& run) {
  const double duration = run.duration();
  const double old_unit = unit_.seconds;
  unit_ = viz::time_unit_for(duration);
  if (base_run_ != nullptr && unit_.seconds != old_unit) set_baseline(base_run_, base_label_);  // in the new unit
  x_->setTitleText(QString("simulated time (%1)").arg(unit_.name));
  set_round_range(x_, std::max({duration, base_duration_, 1.0}) / unit_.seconds, 8, false);
  const auto idx = viz::thin_indices(run.states.size(), 2000);
  std::array<QList<QPointF>, viz::kStateCount> up, low;
  std::uint64_t top = 1;
  for (std::size_t k : idx) {
    const viz::StatesSample& s = run.states[k];
    const double x = s.t / unit_.seconds;
    double base = 0;
    for (std::size_t i = 0; i < viz::kStateCount; ++i) {
      low[i].append(QPointF(x, base));
      base += static_cast<double>(s.count[i]);
      up[i].append(QPointF(x, base));
    }
    top = std::max(top, s.total());
  }
  for (std::size_t i = 0; i < viz::kStateCount; ++i) {
    upper_[i]->replace(up[i]);
    lower_[i]->replace(low[i]);
  }
  // Headroom above the fleet for the timeline labels.
  set_round_range(y_, static_cast<double>(std::max({top, run.hello.devices, base_top_})) * 1.22, 6);
  std::vector<Mark> marks;
  for (const auto& a : viz::timeline_marks(run))
    marks.push_back({a.t / unit_.seconds, qs(a.action), QColor(70, 70, 70), Qt::DashLine});
  view_->set_marks(std::move(marks));
}

void StateChart::set_baseline(const viz::RunData* base, const QString& label) {
  base_run_ = base;
  base_label_ = label;
  base_duration_ = 0;
  base_top_ = 0;
  if (base == nullptr || base->states.empty()) {
    for (QLineSeries* l : base_) {
      l->clear();
      l->setVisible(false);
    }
    return;
  }
  std::array<QList<QPointF>, viz::kStateCount> up;
  std::uint64_t top = 1;
  for (const std::size_t k : viz::thin_indices(base->states.size(), 2000)) {
    const viz::StatesSample& s = base->states[k];
    double edge = 0;
    for (std::size_t i = 0; i < viz::kStateCount; ++i) {
      edge += static_cast<double>(s.count[i]);
      up[i].append(QPointF(s.t / unit_.seconds, edge));
    }
    top = std::max(top, s.total());
  }
  for (std::size_t i = 0; i < viz::kStateCount; ++i) {
    base_[i]->replace(up[i]);
    base_[i]->setVisible(true);
    const auto markers = chart_->legend()->markers(base_[i]);
    for (QLegendMarker* m : markers) m->setVisible(i == viz::kStateCount - 1);  // one legend entry for all
  }
  base_[viz::kStateCount - 1]->setName(QString("dashed: %1").arg(label));
  base_duration_ = base->duration();
  base_top_ = std::max<std::uint64_t>(top, base->hello.devices);
  if (base_duration_ / unit_.seconds > x_->max()) set_round_range(x_, base_duration_ / unit_.seconds, 8, false);
  if (static_cast<double>(base_top_) * 1.22 > y_->max()) set_round_range(y_, static_cast<double>(base_top_) * 1.22, 6);
}

void StateChart::update_cursor(const viz::RunData& run, double t) {
  (void)run;
  view_->set_cursor(t / unit_.seconds, "t = " + format_time(t, unit_));
}

// ---------------------------------------------------------------------------------------------------------

LatencyCharts::LatencyCharts(QWidget* parent) : hist_(new QChart), cdf_(new QChart) {
  style_chart(hist_, "Handshake latency (successful registrations)");
  style_chart(cdf_, "Handshake latency CDF");
  hist_x_ = make_axis(hist_, Qt::AlignBottom, "handshake latency (ms)");
  hist_y_ = make_axis(hist_, Qt::AlignLeft, "handshakes per bin");
  cdf_x_ = make_axis(cdf_, Qt::AlignBottom, "handshake latency (ms)");
  cdf_y_ = make_axis(cdf_, Qt::AlignLeft, "handshakes ≤ x (%)");
  for (std::size_t i = 0; i < 2; ++i) {
    const QColor c = link_color(kLinks[i]);
    hist_upper_[i] = new QLineSeries;
    hist_area_[i] = new QAreaSeries(hist_upper_[i]);
    QColor fill = c;
    fill.setAlpha(95);
    hist_area_[i]->setColor(fill);
    QPen pen(c);
    pen.setWidthF(1.6);
    hist_area_[i]->setPen(pen);
    hist_area_[i]->setBorderColor(c);
    attach(hist_, hist_area_[i], hist_x_, hist_y_);
    cdf_line_[i] = new QLineSeries;
    QPen lp(c);
    lp.setWidthF(2.0);
    cdf_line_[i]->setPen(lp);
    attach(cdf_, cdf_line_[i], cdf_x_, cdf_y_);
    base_cdf_[i] = new QLineSeries;
    QPen bp(c.darker(140));
    bp.setWidthF(1.8);
    bp.setStyle(Qt::DashLine);
    base_cdf_[i]->setPen(bp);
    attach(cdf_, base_cdf_[i], cdf_x_, cdf_y_);
    base_cdf_[i]->setVisible(false);
    for (QLegendMarker* m : cdf_->legend()->markers(base_cdf_[i])) m->setVisible(false);
  }
  set_round_range(cdf_y_, 100, 5);
  set_round_range(hist_x_, 1000, 8);
  set_round_range(cdf_x_, 1000, 8);
  hist_view_ = new ChartView(hist_, "latency-histogram", parent);
  cdf_view_ = new ChartView(cdf_, "latency-cdf", parent);
  hist_view_->set_anchor(hist_area_[0]);
  cdf_view_->set_anchor(cdf_line_[0]);
}

void LatencyCharts::set_baseline(const viz::RunData* base, const QString& label) {
  base_hi_ = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    const std::vector<double> v = base == nullptr ? std::vector<double>{} : viz::success_latencies(*base, kLinks[i]);
    const bool show = !v.empty();
    base_cdf_[i]->replace(cdf_steps(v));
    base_cdf_[i]->setVisible(show);
    for (QLegendMarker* m : cdf_->legend()->markers(base_cdf_[i])) m->setVisible(show);
    if (!show) continue;
    const viz::Percentiles p = viz::percentiles(v);
    base_cdf_[i]->setName(QString("%1, %2: p50 %3 · p95 %4 ms")
                              .arg(label, link_label(kLinks[i]), QString::number(p.p50, 'f', 0), QString::number(p.p95, 'f', 0)));
    base_hi_ = std::max(base_hi_, p.p99 * 1.1);
  }
  if (base == nullptr) base_hi_ = 0;
  if (base_hi_ > cdf_x_->max()) set_round_range(cdf_x_, base_hi_, 8, false);
}

void LatencyCharts::update(const viz::RunData& run, double t) {
  // The bins and the axes come from every handshake so far: they stay put while the cursor moves.
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch()).count();
  const bool stale = cached_count_ != run.handshakes.size();
  // Sorting millions of latencies ten times a second would not stay fluid while a large live run streams in.
  if (stale && (run.handshakes.size() < 200000 || cached_count_ > run.handshakes.size() || now_ms - cached_at_ms_ >= 2000)) {
    cached_count_ = run.handshakes.size();
    cached_at_ms_ = now_ms;
    std::vector<double> all;
    for (std::size_t i = 0; i < 2; ++i) {
      all_[i] = viz::success_latencies(run, kLinks[i]);
      all.insert(all.end(), all_[i].begin(), all_[i].end());
    }
    std::sort(all.begin(), all.end());
    range_ = viz::auto_bins(all, 48);
    ymax_ = 1;
    for (std::size_t i = 0; i < 2; ++i)
      for (auto c : viz::histogram(all_[i], range_).counts) ymax_ = std::max(ymax_, static_cast<double>(c));
  }
  const viz::BinRange range = range_;
  // At the latest time, the cached set (in a large live run at most 2 s old).
  const bool everything = run.handshakes.empty() || t >= run.handshakes.back().end_s;
  std::array<std::vector<double>, 2> at;
  if (!everything)
    for (std::size_t i = 0; i < 2; ++i) at[i] = viz::success_latencies(run, kLinks[i], t);
  set_round_range(hist_x_, range.hi(), 8, false);
  set_round_range(cdf_x_, std::max(range.hi(), base_hi_), 8, false);
  set_round_range(hist_y_, ymax_ * 1.3, 5);
  hist_->setTitle(QString("Handshake latency, successful registrations (bins of %1 ms)").arg(range.width));

  std::vector<Mark> marks;
  for (std::size_t i = 0; i < 2; ++i) {
    const Link link = kLinks[i];
    const auto& v = everything ? all_[i] : at[i];
    const viz::Percentiles p = viz::percentiles(v);
    const viz::Histogram h = viz::histogram(v, range);
    QList<QPointF> steps;
    steps.reserve(static_cast<qsizetype>(h.counts.size() * 2 + 2));
    for (std::size_t b = 0; b < h.counts.size(); ++b) {
      const double x0 = range.lo + range.width * static_cast<double>(b);
      const double c = static_cast<double>(h.counts[b] + (b + 1 == h.counts.size() ? h.overflow : 0));
      steps.append(QPointF(x0, c));
      steps.append(QPointF(x0 + range.width, c));
    }
    hist_upper_[i]->replace(steps);
    cdf_line_[i]->replace(cdf_steps(v));
    const QString name =
        p.count == 0 ? QString("%1: none").arg(link_label(link))
                     : QString("%1: %2 ok · p50 %3 · p95 %4 · p99 %5 ms")
                           .arg(link_label(link), format_count(p.count), QString::number(p.p50, 'f', 0),
                                QString::number(p.p95, 'f', 0), QString::number(p.p99, 'f', 0));
    hist_area_[i]->setName(name);
    cdf_line_[i]->setName(name);
    if (p.count == 0) continue;
    const QColor c = link_color(link);
    marks.push_back({p.p50, link_label(link) + " p50", c, Qt::DashLine});
    marks.push_back({p.p95, link_label(link) + " p95", c, Qt::DashDotLine});
    marks.push_back({p.p99, link_label(link) + " p99", c, Qt::DotLine});
  }
  hist_view_->set_marks(marks);
  cdf_view_->set_marks(std::move(marks));
}

// ---------------------------------------------------------------------------------------------------------

namespace {
const char* const kGroups[] = {"sent", "delivered", "rejected", "dropped"};
QColor group_color(int g) {
  switch (g) {
    case 0: return QColor(0x8c, 0x8c, 0x8c);
    case 1: return state_color(State::Registered);
    case 2: return state_color(State::Blocked);
    default: return state_color(State::Deregistered);
  }
}
}  // namespace

CountersChart::CountersChart(QWidget* parent) : chart_(new QChart) {
  style_chart(chart_, "Uplinks");
  series_ = new QHorizontalStackedBarSeries;
  series_->setBarWidth(0.7);
  for (int g = 0; g < 4; ++g) {
    auto* set = new QBarSet(kGroups[g]);
    set->setColor(group_color(g));
    set->setBorderColor(group_color(g).darker(120));
    series_->append(set);
  }
  chart_->addSeries(series_);
  categories_ = new QBarCategoryAxis;
  QFont lf = categories_->labelsFont();
  lf.setPointSizeF(8.5);
  categories_->setLabelsFont(lf);
  categories_->setGridLineVisible(false);
  chart_->addAxis(categories_, Qt::AlignLeft);
  series_->attachAxis(categories_);
  values_ = make_axis(chart_, Qt::AlignBottom, "uplink messages");
  series_->attachAxis(values_);
  view_ = new ChartView(chart_, "uplink-counters", parent);
  view_->set_anchor(series_);
}

void CountersChart::update(const viz::RunData& run, double t) {
  const viz::TimeUnit unit = viz::time_unit_for(run.duration());
  const viz::CountersSample* c = viz::counters_at(run, t);
  viz::CountersSample zero;
  zero.t = 0;
  const auto bars = viz::uplink_bars(c != nullptr ? *c : zero);
  QString title = QString("Uplinks at t = %1").arg(format_time(c != nullptr ? c->t : t, unit));
  if (c == nullptr && !run.counters.empty())
    title = QString("Uplinks: counters known only from t = %1").arg(format_time(run.counters.front().t, unit));
  chart_->setTitle(title);

  // Top-down: sent, delivered, rejected by cause, dropped by cause (a horizontal bar chart lists its first
  // category at the bottom).
  QStringList labels;
  std::array<QList<qreal>, 4> values;
  double top = 1;
  for (auto it = bars.rbegin(); it != bars.rend(); ++it) {
    labels.append(QString("%1 (%2)").arg(qs(it->label), format_count(it->value)));
    const int g = static_cast<int>(std::find(std::begin(kGroups), std::end(kGroups), it->group) - std::begin(kGroups));
    for (int k = 0; k < 4; ++k) values[static_cast<std::size_t>(k)].append(k == g ? static_cast<qreal>(it->value) : 0.0);
    top = std::max(top, static_cast<double>(it->value));
  }
  if (categories_->categories() != labels) {
    categories_->clear();
    categories_->append(labels);
  }
  const auto sets = series_->barSets();
  for (int k = 0; k < 4; ++k) {
    QBarSet* set = sets[k];
    if (set->count() != values[static_cast<std::size_t>(k)].size()) {
      set->remove(0, set->count());
      set->append(values[static_cast<std::size_t>(k)]);
    } else {
      for (int i = 0; i < set->count(); ++i) set->replace(i, values[static_cast<std::size_t>(k)][i]);
    }
  }
  // The largest bar at the cursor sets the scale (the rejected and dropped ones are small beside it).
  double final_top = 1;
  if (!run.counters.empty()) final_top = static_cast<double>(std::max<std::uint64_t>(run.counters.back().uplinks_sent, 1));
  set_round_range(values_, std::max(top, final_top) * 1.05, 6);
}

}  // namespace st::dash
