#include "app/event_log_panel.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "app/charts.hpp"
#include "model/event_filter.hpp"

namespace st::dash {

namespace {
constexpr std::size_t kMaxLogRows = 200000;
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
}  // namespace

EventLogPanel::EventLogPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(3);
  auto* filters = new QHBoxLayout;
  filters->addWidget(new QLabel(tr("<b>Event log</b>"), this));
  device_filter_ = new QLineEdit(this);
  device_filter_->setObjectName("device-filter");
  device_filter_->setPlaceholderText(tr("device # or SMSN prefix"));
  device_filter_->setToolTip(tr("A device index (123 or #123), or the first hex digits of an SMSN (smsn:12 for a "
                                "prefix made of digits only)"));
  device_filter_->setClearButtonEnabled(true);
  device_filter_->setMinimumWidth(190);
  device_filter_->setMaximumWidth(260);
  state_filter_ = new QComboBox(this);
  state_filter_->setObjectName("state-filter");
  state_filter_->addItem(tr("any state"));
  for (std::size_t i = 0; i < viz::kStateCount; ++i)
    state_filter_->addItem(tr("into %1").arg(qs(viz::to_string(static_cast<viz::State>(i)))),
                           qs(viz::to_string(static_cast<viz::State>(i))));
  cause_filter_ = new QComboBox(this);
  cause_filter_->setObjectName("cause-filter");
  cause_filter_->addItem(tr("any cause"));
  cause_filter_->setMinimumContentsLength(22);
  cause_filter_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  kind_filter_ = new QComboBox(this);
  kind_filter_->setObjectName("kind-filter");
  kind_filter_->addItem(tr("any event"));
  for (auto k : {viz::EventKind::Transition, viz::EventKind::Refusal, viz::EventKind::Notice})
    kind_filter_->addItem(qs(viz::to_string(k)) + "s", static_cast<int>(k));
  filters->addWidget(new QLabel(tr("device:"), this));
  filters->addWidget(device_filter_);
  filters->addWidget(state_filter_);
  filters->addWidget(cause_filter_);
  filters->addWidget(kind_filter_);
  status_ = new QLabel(this);
  status_->setObjectName("log-status");
  filters->addWidget(status_, 1);
  layout->addLayout(filters);
  model_ = new EventTableModel(this);
  view_ = new QTableView(this);
  view_->setObjectName("event-log");
  view_->setModel(model_);
  view_->setAlternatingRowColors(true);
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->verticalHeader()->setVisible(false);
  view_->verticalHeader()->setDefaultSectionSize(20);
  view_->setWordWrap(false);
  auto* hh = view_->horizontalHeader();
  hh->setStretchLastSection(true);
  const int widths[] = {90, 80, 70, 150, 110, 230, 190};
  for (int c = 0; c < 7; ++c) hh->resizeSection(c, widths[c]);
  view_->setToolTip(tr("Double click a row (or press Enter) for the device's story"));
  layout->addWidget(view_);
  auto refilter = [this] { Q_EMIT filters_changed(); };
  connect(device_filter_, &QLineEdit::textChanged, this, refilter);
  connect(state_filter_, &QComboBox::currentIndexChanged, this, refilter);
  connect(cause_filter_, &QComboBox::currentIndexChanged, this, refilter);
  connect(kind_filter_, &QComboBox::currentIndexChanged, this, refilter);

  connect(view_, &QTableView::activated, this, [this](const QModelIndex& index) {
    if (run_ == nullptr || !index.isValid() || static_cast<std::size_t>(index.row()) >= model_->rows().size()) return;
    const viz::Event& e = run_->events.events[model_->rows()[static_cast<std::size_t>(index.row())]];
    if (e.device != viz::kNoIndex) Q_EMIT device_activated(e.device);
  });
}

EventLogPanel::~EventLogPanel() { forget(); }

void EventLogPanel::forget() {
  model_->set_rows(nullptr, {});
  run_ = nullptr;
  cause_count_ = static_cast<std::size_t>(-1);
}

void EventLogPanel::filter_device(std::uint32_t device) { device_filter_->setText(QString::number(device)); }

void EventLogPanel::refresh_cause_filter(const viz::RunData& run) {
  const auto& pool = run.events.causes;
  if (pool.size() == cause_count_) return;
  cause_count_ = pool.size();
  const QString current = cause_filter_->currentIndex() > 0 ? cause_filter_->currentText() : QString();
  std::vector<std::string> names = pool.names();
  std::sort(names.begin(), names.end());
  cause_filter_->blockSignals(true);
  cause_filter_->clear();
  cause_filter_->addItem(tr("any cause"));
  for (const auto& n : names) cause_filter_->addItem(QString::fromStdString(n));
  if (!current.isEmpty()) cause_filter_->setCurrentIndex(std::max(0, cause_filter_->findText(current)));
  cause_filter_->blockSignals(false);
}

void EventLogPanel::refresh(const viz::RunData* run, double cursor) {
  run_ = run;
  if (run == nullptr) {
    forget();
    return;
  }
  refresh_cause_filter(*run);
  viz::EventFilter f;
  f.until = cursor;
  std::string why;
  const auto q = viz::parse_device_query(device_filter_->text().toStdString(), &why);
  device_filter_->setStyleSheet(q ? QString() : QString("QLineEdit { border: 1px solid #d03030; }"));
  device_filter_->setToolTip(q ? tr("A device index (123 or #123), or the first hex digits of an SMSN") : QString::fromStdString(why));
  if (state_filter_->currentIndex() > 0)
    f.state = viz::state_from_string(state_filter_->currentData().toString().toStdString());
  if (cause_filter_->currentIndex() > 0) f.cause = cause_filter_->currentText().toStdString();
  if (kind_filter_->currentIndex() > 0) f.kind = static_cast<viz::EventKind>(kind_filter_->currentData().toInt());
  viz::FilterResult res;
  if (q) {
    f.device = *q;
    res = viz::filter_events(run->events, f, kMaxLogRows);
  }
  const viz::TimeUnit unit = viz::time_unit_for(run->duration());
  QString status = !q ? QString::fromStdString(why)
                      : res.truncated ? tr("the newest %1 matching events up to t = %2 (newest first)")
                                            .arg(format_count(res.rows.size()), format_time(cursor, unit))
                                      : tr("%1 matching events up to t = %2 (newest first)")
                                            .arg(format_count(res.rows.size()), format_time(cursor, unit));
  if (run->events_skipped > 0) status += tr("; %1 older events not received").arg(format_count(run->events_skipped));
  status_->setText(status);
  model_->set_rows(run, std::move(res.rows));
}

}  // namespace st::dash
