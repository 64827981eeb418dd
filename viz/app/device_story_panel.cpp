#include "app/device_story_panel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/charts.hpp"

namespace st::dash {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
QString pct(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? QString("–") : QString::number(100.0 * static_cast<double>(part) / static_cast<double>(whole), 'f', 1) + "%";
}
}  // namespace

DeviceStoryPanel::DeviceStoryPanel(QWidget* parent) : QWidget(parent) {
  setObjectName("device-story");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  facts_ = new QLabel(this);
  facts_->setTextFormat(Qt::RichText);
  facts_->setWordWrap(true);
  facts_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  facts_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(facts_);
  act_ = new QPushButton(tr("What-if on this device…"), this);
  act_->setObjectName("story-act");
  act_->setToolTip(tr("Revoke or de-register this device in the live run (the What-if panel)"));
  connect(act_, &QPushButton::clicked, this, [this] {
    if (device_ != viz::kNoIndex) Q_EMIT act_on(device_);
  });
  layout->addWidget(act_, 0, Qt::AlignLeft);
  entries_ = new QTableWidget(0, 3, this);
  entries_->setHorizontalHeaderLabels({tr("time"), tr("what"), tr("detail")});
  entries_->verticalHeader()->setVisible(false);
  entries_->verticalHeader()->setDefaultSectionSize(19);
  entries_->horizontalHeader()->setStretchLastSection(true);
  entries_->horizontalHeader()->resizeSection(0, 72);
  entries_->horizontalHeader()->resizeSection(1, 110);
  entries_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  entries_->setSelectionBehavior(QAbstractItemView::SelectRows);
  entries_->setAlternatingRowColors(true);
  entries_->setWordWrap(false);
  layout->addWidget(entries_, 1);
  clear();
}

void DeviceStoryPanel::clear() {
  device_ = viz::kNoIndex;
  facts_->setText(tr("<b>No device chosen.</b><br>Click a device on the map, or double click an event of one in the "
                     "event log."));
  entries_->setRowCount(0);
  act_->setVisible(false);
}

void DeviceStoryPanel::show_story(const viz::DeviceStory& s, double cursor, double duration) {
  device_ = s.device;
  act_->setVisible(true);
  const viz::TimeUnit unit = viz::time_unit_for(duration);
  QString html = tr("<b style='font-size:12pt'>Device %1</b>").arg(s.device);
  if (!s.device_type.empty()) html += " &nbsp;·&nbsp; " + qs(s.device_type).toHtmlEscaped();
  html += "<table cellspacing=0 cellpadding=1>";
  auto row = [&html](const QString& k, const QString& v) { html += "<tr><td><i>" + k + "</i>&nbsp;&nbsp;</td><td>" + v + "</td></tr>"; };
  row(tr("SMSN"), s.smsn.empty() ? tr("not made yet") : "<tt>" + qs(s.smsn.substr(0, 16)) + "…</tt>");
  row(tr("state at %1").arg(format_time(cursor, unit)),
      s.state ? "<b>" + QString::fromUtf8(viz::to_string(*s.state).data()) + "</b>" : tr("not made"));
  if (s.placed) {
    QString where = QString("x %1 m, y %2 m").arg(s.x_m, 0, 'f', 1).arg(s.y_m, 0, 'f', 1);
    row(tr("position"), where);
    if (!s.homes.empty()) {
      QStringList homes;
      for (const auto& [link, g] : s.homes) homes << QString("%1: gateway %2").arg(qs(link)).arg(g);
      row(tr("home"), homes.join(", "));
    }
  }
  row(tr("handshakes"), tr("%1 succeeded, %2 failed").arg(s.handshakes_succeeded).arg(s.handshakes_failed));
  if (s.tally) {
    const viz::DeviceTally& t = *s.tally;
    row(tr("uplinks (run)"), tr("%1 sent: %2 delivered (%3), %4 rejected, %5 dropped")
                                 .arg(t.uplinks_sent).arg(t.uplinks_delivered).arg(pct(t.uplinks_delivered, t.uplinks_sent))
                                 .arg(t.uplinks_rejected).arg(t.uplinks_dropped));
    QStringList fates;
    for (std::size_t i = 0; i < t.frames_by_outcome.size() && i < s.frame_outcomes.size(); ++i)
      if (t.frames_by_outcome[i] > 0) fates << QString("%1 %2").arg(t.frames_by_outcome[i]).arg(qs(s.frame_outcomes[i]));
    row(tr("radio frames (run)"), tr("%1 up, %2 down: %3").arg(t.frames_up).arg(t.frames_down)
                                      .arg(fates.isEmpty() ? tr("none") : fates.join(", ")));
    row(tr("battery (run)"), t.battery_used_pct < 0
                                 ? tr("%1 mAh drawn (mains powered)").arg(t.charge_mah, 0, 'f', 3)
                                 : tr("%1 mAh drawn, %2% of its capacity").arg(t.charge_mah, 0, 'f', 3).arg(t.battery_used_pct, 0, 'f', 2));
  } else {
    row(tr("traffic"), tr("per-device totals come with the run directory's devices.csv (at the run's end)"));
  }
  html += "</table>";
  facts_->setText(html);
  entries_->setRowCount(static_cast<int>(s.entries.size()));
  for (std::size_t i = 0; i < s.entries.size(); ++i) {
    const auto& e = s.entries[i];
    const int r = static_cast<int>(i);
    entries_->setItem(r, 0, new QTableWidgetItem(format_time(e.t, unit)));
    entries_->setItem(r, 1, new QTableWidgetItem(qs(e.what)));
    entries_->setItem(r, 2, new QTableWidgetItem(qs(e.detail)));
  }
  if (!s.entries.empty()) entries_->scrollToBottom();
}

}  // namespace st::dash
