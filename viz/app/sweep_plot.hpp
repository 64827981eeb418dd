// The chart of one figure of a sweep (sidewalk-sweep-plot): its mean by the first parameter, one line per
// combination of the other parameters, 95% confidence bars; rendered into an image of a fixed size.
#pragma once
#include <QColor>
#include <QImage>
#include <QSize>
#include <QString>
#include <cstddef>

#include "model/sweep_summary.hpp"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace st::dash {

// The colour of the i-th series (ten colours, then again from the first).
QColor sweep_series_colour(std::size_t i);

// The chart of `figure` (an index into s.figures), titled `title`; the caller owns it.
QChart* make_sweep_chart(const viz::SweepSummary& s, std::size_t figure, const QString& title);

// That chart drawn on white, `size` pixels; needs a QApplication.
QImage render_sweep_figure(const viz::SweepSummary& s, std::size_t figure, const QString& title, QSize size);

}  // namespace st::dash
