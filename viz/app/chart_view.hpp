// ChartView: a QChartView that draws marks over its plot (vertical lines with labels: timeline actions,
// percentiles, the time cursor), stacking labels in rows so none overlap, and exports its chart to PNG or
// SVG (context menu).
#pragma once
#include <QChartView>
#include <QColor>
#include <QString>
#include <optional>
#include <vector>

namespace st::dash {

struct Mark {
  double x = 0;  // in the units of the chart's x axis
  QString label;
  QColor color = QColor(60, 60, 60);
  Qt::PenStyle style = Qt::DashLine;
};

class ChartView : public QChartView {
  Q_OBJECT
 public:
  // `name` names the exported files (state-distribution.png, ...).
  ChartView(QChart* chart, QString name, QWidget* parent = nullptr);

  const QString& name() const { return name_; }
  // The series whose axes map the marks' x values (any series attached to the x axis).
  void set_anchor(QAbstractSeries* series) { anchor_ = series; }
  void set_marks(std::vector<Mark> marks);
  void set_cursor(std::optional<double> x, QString label = {});

  bool export_png(const QString& file, QString* error);
  bool export_svg(const QString& file, QString* error);

 protected:
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  void contextMenuEvent(QContextMenuEvent* event) override;

 private:
  QString name_;
  QAbstractSeries* anchor_ = nullptr;
  std::vector<Mark> marks_;
  std::optional<double> cursor_;
  QString cursor_label_;
};

}  // namespace st::dash
