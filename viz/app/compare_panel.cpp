#include "app/compare_panel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include "model/run_compare.hpp"

namespace st::dash {

namespace {
QString number(const std::optional<double>& v, int decimals, bool sign = false) {
  if (!v) return QString("–");
  QString s = QLocale(QLocale::English).toString(*v, 'f', decimals);
  if (sign && *v > 0) s.prepend('+');
  return s;
}
}  // namespace

ComparePanel::ComparePanel(QWidget* parent) : QWidget(parent) {
  setObjectName("compare");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  title_ = new QLabel(this);
  title_->setWordWrap(true);
  title_->setTextFormat(Qt::RichText);
  layout->addWidget(title_);
  table_ = new QTableWidget(0, 5, this);
  table_->setObjectName("compare-table");
  table_->setHorizontalHeaderLabels({tr("key figure"), tr("this run"), tr("baseline"), tr("difference"), tr("change")});
  table_->verticalHeader()->setVisible(false);
  table_->verticalHeader()->setDefaultSectionSize(20);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  for (int c = 1; c < 5; ++c) table_->horizontalHeader()->resizeSection(c, 130);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  layout->addWidget(table_, 1);
  update(viz::RunData(), nullptr, {}, {});
}

int ComparePanel::rows() const { return table_->rowCount(); }

void ComparePanel::update(const viz::RunData& run, const viz::RunData* base, const QString& run_label,
                          const QString& base_label) {
  if (base == nullptr) {
    title_->setText(tr("<b>Nothing to compare with.</b> File &gt; Compare with a run directory… (or "
                       "<tt>--compare DIR</tt>) overlays a second run (a baseline) on the state chart and the latency "
                       "CDF, and lists the differences of the key figures here."));
    table_->setRowCount(0);
    return;
  }
  if (!run.end || !base->end) {
    title_->setText(tr("<b>%1</b> against <b>%2</b>: the key figures come from each run's summary, written at its "
                       "end (a live run: once it has ended).")
                        .arg(run_label.toHtmlEscaped(), base_label.toHtmlEscaped()));
    table_->setRowCount(0);
    return;
  }
  title_->setText(tr("<b>%1</b> (this run) against <b>%2</b> (baseline): green is better, red worse.")
                      .arg(run_label.toHtmlEscaped(), base_label.toHtmlEscaped()));
  const auto diffs = viz::compare_key_figures(run.end->summary, base->end->summary);
  table_->setRowCount(static_cast<int>(diffs.size()));
  for (std::size_t i = 0; i < diffs.size(); ++i) {
    const viz::FigureDiff& d = diffs[i];
    const int r = static_cast<int>(i);
    auto cell = [&](int c, const QString& text) {
      auto* item = new QTableWidgetItem(text);
      if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(r, c, item);
      return item;
    };
    cell(0, QString::fromStdString(d.name))->setToolTip(QString::fromStdString("summary.json " + d.path));
    cell(1, number(d.run, d.decimals));
    cell(2, number(d.baseline, d.decimals));
    auto* diff = cell(3, number(d.difference(), d.decimals, true));
    const auto rel = d.relative();
    auto* change = cell(4, rel ? number(*rel * 100, 1, true) + " %" : QString("–"));
    if (const auto delta = d.difference(); delta && *delta != 0) {
      const bool better = (*delta > 0) == d.higher_is_better;
      const QColor c = better ? QColor(0x2a, 0x7a, 0x2a) : QColor(0xc0, 0x20, 0x20);
      diff->setForeground(c);
      change->setForeground(c);
    }
  }
}

}  // namespace st::dash
