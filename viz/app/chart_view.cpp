#include "app/chart_view.hpp"

#include <QAbstractSeries>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>
#include <algorithm>

namespace st::dash {

ChartView::ChartView(QChart* chart, QString name, QWidget* parent) : QChartView(chart, parent), name_(std::move(name)) {
  setRenderHint(QPainter::Antialiasing);
  setMinimumSize(200, 150);
}

void ChartView::set_marks(std::vector<Mark> marks) {
  marks_ = std::move(marks);
  viewport()->update();
}

void ChartView::set_cursor(std::optional<double> x, QString label) {
  cursor_ = x;
  cursor_label_ = std::move(label);
  viewport()->update();
}

void ChartView::drawForeground(QPainter* p, const QRectF& rect) {
  QChartView::drawForeground(p, rect);
  if (anchor_ == nullptr || chart()->series().isEmpty()) return;
  const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
  if (plot.width() <= 1 || plot.height() <= 1) return;
  auto x_of = [&](double x) { return chart()->mapToScene(chart()->mapToPosition(QPointF(x, 0), anchor_)).x(); };

  p->save();
  p->setRenderHint(QPainter::Antialiasing, false);
  QFont font = p->font();
  font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.85));
  p->setFont(font);
  const QFontMetricsF fm(font);
  const double row_h = fm.height() + 2;

  // Lines first, then labels in rows: each label goes to the first row where it does not overlap.
  std::vector<double> row_end;  // right edge of the last label in each row
  struct Placed {
    QRectF box;
    const Mark* mark;
  };
  std::vector<Placed> placed;
  std::vector<const Mark*> sorted;
  for (const Mark& m : marks_) sorted.push_back(&m);
  std::sort(sorted.begin(), sorted.end(), [](const Mark* a, const Mark* b) { return a->x < b->x; });
  for (const Mark* m : sorted) {
    const double x = x_of(m->x);
    if (x < plot.left() - 0.5 || x > plot.right() + 0.5) continue;
    p->setPen(QPen(m->color, 1.2, m->style));
    p->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    if (m->label.isEmpty()) continue;
    const double w = fm.horizontalAdvance(m->label) + 6;
    double left = std::clamp(x + 2, plot.left(), plot.right() - w);
    std::size_t row = 0;
    while (row < row_end.size() && row_end[row] > left - 3) ++row;
    if (row == row_end.size()) row_end.push_back(0);
    row_end[row] = left + w;
    placed.push_back({QRectF(left, plot.top() + 2 + static_cast<double>(row) * row_h, w, row_h - 1), m});
  }
  for (const Placed& pl : placed) {
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(255, 255, 255, 215));
    p->drawRect(pl.box);
    p->setPen(pl.mark->color.darker(130));
    p->drawText(pl.box, Qt::AlignCenter, pl.mark->label);
  }

  if (cursor_) {
    const double x = x_of(*cursor_);
    if (x >= plot.left() - 0.5 && x <= plot.right() + 0.5) {
      const QColor c(200, 20, 60);
      p->setPen(QPen(c, 2, Qt::SolidLine));
      p->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
      if (!cursor_label_.isEmpty()) {
        const double w = fm.horizontalAdvance(cursor_label_) + 8;
        const double left = std::clamp(x - w / 2, plot.left(), plot.right() - w);
        const QRectF box(left, plot.bottom() - row_h - 2, w, row_h);
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawRect(box);
        p->setPen(Qt::white);
        p->drawText(box, Qt::AlignCenter, cursor_label_);
      }
    }
  }
  p->restore();
}

bool ChartView::export_png(const QString& file, QString* error) {
  const QPixmap pm = grab();
  if (pm.save(file, "PNG")) return true;
  if (error != nullptr) *error = "cannot write " + file;
  return false;
}

bool ChartView::export_svg(const QString& file, QString* error) {
  QSvgGenerator gen;
  gen.setFileName(file);
  gen.setSize(size());
  gen.setViewBox(QRect(QPoint(0, 0), size()));
  gen.setTitle(chart()->title());
  gen.setDescription("sidewalk-dashboard: " + name_);
  QPainter painter;
  if (!painter.begin(&gen)) {
    if (error != nullptr) *error = "cannot write " + file;
    return false;
  }
  painter.setRenderHint(QPainter::Antialiasing);
  render(&painter, QRectF(QPoint(0, 0), size()), rect());
  painter.end();
  return true;
}

void ChartView::contextMenuEvent(QContextMenuEvent* event) {
  QMenu menu(this);
  QAction* png = menu.addAction(tr("Export %1 as PNG…").arg(name_));
  menu.addAction(tr("Export %1 as SVG…").arg(name_));
  QAction* chosen = menu.exec(event->globalPos());
  if (chosen == nullptr) return;
  const bool is_png = chosen == png;
  const QString file = QFileDialog::getSaveFileName(this, chosen->text(), name_ + (is_png ? ".png" : ".svg"),
                                                    is_png ? tr("PNG image (*.png)") : tr("SVG image (*.svg)"));
  if (file.isEmpty()) return;
  QString error;
  if (!(is_png ? export_png(file, &error) : export_svg(file, &error))) QMessageBox::warning(this, tr("Export"), error);
}

}  // namespace st::dash
