#include "app/sweep_plot.hpp"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFont>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPen>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "model/sweep_series.hpp"

namespace st::dash {

using viz::SweepAxisKind;

namespace {

QString qs(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// The project's font (fonts-dejavu-core), so that the images do not depend on what else is installed.
QFont plot_font(qreal points, bool bold = false) {
  QFont f(QStringLiteral("DejaVu Sans"));
  f.setPointSizeF(points);
  f.setBold(bold);
  return f;
}

constexpr double kRangeMargin = 0.06;  // of the data's span, each side
constexpr double kCapHalfWidth = 0.01;  // of the x axis's span (in its scale: log10 for a log axis)

void style_axis(QAbstractAxis* a, const QString& title) {
  a->setTitleText(title);
  a->setTitleFont(plot_font(9.5));
  a->setLabelsFont(plot_font(8.5));
  a->setGridLineColor(QColor(225, 225, 225));
}

// printf format with as many decimals as the axis's tick step needs.
QString label_format(const QValueAxis* a) {
  const double step = (a->max() - a->min()) / std::max(1, a->tickCount() - 1);
  const int decimals = step > 0 ? std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 9) : 0;
  return QStringLiteral("%.%1f").arg(decimals);
}

// A value axis over [low, high] with a margin, ending on round numbers.
QValueAxis* make_value_axis(double low, double high, int ticks) {
  auto* a = new QValueAxis;
  const double span = high - low;
  const double pad = span > 0 ? kRangeMargin * span : (high != 0 ? 0.1 * std::abs(high) : 1.0);
  a->setTickCount(ticks);
  // Figures that are never negative (counts, ratios) keep their axis at 0 and above.
  a->setRange(low >= 0 ? std::max(0.0, low - pad) : low - pad, high + pad);
  a->applyNiceNumbers();
  a->setLabelFormat(label_format(a));
  return a;
}

// A logarithmic x axis drawn in log10 space, labelled and gridded at the swept values themselves (Qt's log axis
// labels powers of ten only: a sweep over 50..2000 would show 100 and 1000).
QCategoryAxis* make_log_axis(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  auto* a = new QCategoryAxis;
  const double low = std::log10(values.front()), high = std::log10(values.back());
  const double pad = kRangeMargin * (high - low);
  a->setRange(low - pad, high + pad);
  a->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  for (double v : values) a->append(QString::asprintf("%g", v), std::log10(v));
  return a;
}

// The x axis, where a point goes on it, and the half width of a confidence bar's caps.
struct XAxis {
  QAbstractAxis* axis = nullptr;
  SweepAxisKind kind = SweepAxisKind::Linear;
  double cap = 0;  // in the axis's own scale (log10 for a log axis)
  double at(double x) const { return kind == SweepAxisKind::Log ? std::log10(x) : x; }
};

XAxis make_x_axis(const viz::SweepXAxis& x) {
  XAxis out;
  out.kind = x.kind;
  if (x.kind == SweepAxisKind::Category) {
    auto* a = new QBarCategoryAxis;
    for (const std::string& c : x.categories) a->append(qs(c));
    out.axis = a;
    out.cap = kCapHalfWidth * static_cast<double>(x.categories.size());  // the axis spans -0.5 .. n - 0.5
    return out;
  }
  const auto [lo, hi] = std::minmax_element(x.positions.begin(), x.positions.end());
  if (x.kind == SweepAxisKind::Log) {
    auto* a = make_log_axis(x.positions);
    out.axis = a;
    out.cap = kCapHalfWidth * (a->max() - a->min());
    return out;
  }
  auto* a = make_value_axis(*lo, *hi, 6);
  out.axis = a;
  out.cap = kCapHalfWidth * (a->max() - a->min());
  return out;
}

void attach(QChart* chart, QLineSeries* series, QAbstractAxis* x, QAbstractAxis* y) {
  chart->addSeries(series);
  series->attachAxis(x);
  series->attachAxis(y);
}

// A confidence bar: low to high at x, with caps, drawn as one line (the low cap's right half twice).
QLineSeries* make_bar(double x, double low, double high, const XAxis& axis, const QColor& colour) {
  auto* bar = new QLineSeries;
  bar->append(x - axis.cap, low);
  bar->append(x + axis.cap, low);
  bar->append(x, low);
  bar->append(x, high);
  bar->append(x - axis.cap, high);
  bar->append(x + axis.cap, high);
  QPen pen(colour, 1.5);
  pen.setCapStyle(Qt::FlatCap);
  bar->setPen(pen);
  return bar;
}

}  // namespace

QColor sweep_series_colour(std::size_t i) {
  static const QColor kColours[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0xe1, 0x57, 0x59),
                                    QColor(0x76, 0xb7, 0xb2), QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                                    QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7), QColor(0x9c, 0x75, 0x5f),
                                    QColor(0xba, 0xb0, 0xac)};
  return kColours[i % std::size(kColours)];
}

QChart* make_sweep_chart(const viz::SweepSummary& s, std::size_t figure, const QString& title) {
  auto chart = std::make_unique<QChart>();
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->setBackgroundRoundness(0);
  chart->setBackgroundBrush(Qt::white);
  chart->setMargins(QMargins(8, 4, 16, 4));
  chart->setTitle(title);
  chart->setTitleFont(plot_font(12, true));
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->legend()->setFont(plot_font(9));
  chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);

  const viz::SweepXAxis x = viz::sweep_x_axis(s);
  const XAxis x_axis = make_x_axis(x);
  style_axis(x_axis.axis, qs(s.parameters.front()));
  chart->addAxis(x_axis.axis, Qt::AlignBottom);
  const auto range = viz::figure_range(s, figure);
  QValueAxis* y_axis = make_value_axis(range ? range->low : 0, range ? range->high : 1, 6);
  style_axis(y_axis, qs(s.figures[figure]));
  chart->addAxis(y_axis, Qt::AlignLeft);

  const std::vector<viz::SweepSeries> series = viz::sweep_series(s, x);
  std::vector<QLineSeries*> bars;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const QColor colour = sweep_series_colour(i);
    auto* line = new QLineSeries;
    line->setName(series[i].label.empty() ? qs(s.figures[figure]) : qs(series[i].label));
    line->setPen(QPen(colour, 2));
    line->setColor(colour);
    line->setPointsVisible(true);
    line->setMarkerSize(4.5);  // Qt draws it as the radius
    for (const std::size_t p : series[i].points) {
      const viz::FigureStats& f = s.points[p].figures[figure];
      if (f.n == 0 || !f.mean) continue;
      line->append(x_axis.at(x.positions[p]), *f.mean);
      if (f.has_bar()) bars.push_back(make_bar(x_axis.at(x.positions[p]), *f.ci95_low, *f.ci95_high, x_axis, colour));
    }
    attach(chart.get(), line, x_axis.axis, y_axis);
  }
  for (QLineSeries* bar : bars) {
    attach(chart.get(), bar, x_axis.axis, y_axis);
    for (QLegendMarker* m : chart->legend()->markers(bar)) m->setVisible(false);
  }
  chart->legend()->setVisible(s.parameters.size() > 1);
  return chart.release();
}

QImage render_sweep_figure(const viz::SweepSummary& s, std::size_t figure, const QString& title, QSize size) {
  QChartView view(make_sweep_chart(s, figure, title));  // the view owns the chart
  view.setFrameShape(QFrame::NoFrame);
  view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  view.setRenderHint(QPainter::Antialiasing);
  view.resize(size);
  view.show();
  QApplication::processEvents();
  QApplication::processEvents();
  QImage image(size, QImage::Format_RGB32);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  view.render(&painter);
  painter.end();
  view.hide();
  return image;
}

}  // namespace st::dash
