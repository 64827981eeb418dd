#include "app/what_if_panel.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>
#include <set>

#include "app/charts.hpp"

namespace st::dash {

namespace {
// The scenario timeline's actions (docs/scenario-format.md), as the command names them.
const char* const kActions[] = {"deregister",  "revoke_device", "revoke_device_type", "developer_revoke", "register",
                                "qualify",     "outage",        "replay_attack",      "forge_attack"};
const char* const kTargets[] = {"gateways", "network_server", "cloud_partner", "application_server", "ingest"};
}  // namespace

WhatIfPanel::WhatIfPanel(QWidget* parent) : QWidget(parent) {
  setObjectName("what-if");
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  auto* intro = new QLabel(tr("<b>What-if</b>: apply a timeline action to the live run <i>now</i> (at the current "
                              "simulated instant). It is recorded in the run's stimuli.jsonl and replays with "
                              "<tt>--replay-stimuli</tt>."), this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  auto* form = new QFormLayout;
  action_ = new QComboBox(this);
  action_->setObjectName("what-if-action");
  for (const char* a : kActions) action_->addItem(a);
  device_type_ = new QComboBox(this);
  device_type_->setObjectName("what-if-device-type");
  amount_kind_ = new QComboBox(this);
  amount_kind_->addItems({tr("fraction"), tr("count"), tr("one device")});
  amount_kind_->setItemData(2, tr("One device by its index (as on the map and in the event log)"), Qt::ToolTipRole);
  fraction_ = new QDoubleSpinBox(this);
  fraction_->setObjectName("what-if-fraction");
  fraction_->setRange(0.1, 100);
  fraction_->setDecimals(1);
  fraction_->setSuffix(" %");
  fraction_->setValue(20);
  count_ = new QSpinBox(this);
  count_->setRange(1, 100000000);
  count_->setValue(1);
  auto* amount = new QWidget(this);
  auto* amount_row = new QHBoxLayout(amount);
  amount_row->setContentsMargins(0, 0, 0, 0);
  amount_row->addWidget(amount_kind_);
  amount_row->addWidget(fraction_, 1);
  amount_row->addWidget(count_, 1);
  device_ = new QSpinBox(this);
  device_->setObjectName("what-if-device");
  device_->setRange(0, 0x7fffffff);
  device_->setPrefix(tr("device "));
  amount_row->addWidget(device_, 1);
  target_ = new QComboBox(this);
  target_->setObjectName("what-if-target");
  for (const char* t : kTargets) target_->addItem(t);
  gateway_group_ = new QComboBox(this);
  for_ = new QLineEdit("5min", this);
  for_->setObjectName("what-if-for");
  for_->setToolTip(tr("How long the outage lasts: 90s, 5min, 2h (it must end within the run)"));
  form->addRow(tr("action"), action_);
  form->addRow(tr("device type"), device_type_);
  form->addRow(tr("how many"), amount);
  form->addRow(tr("outage of"), target_);
  form->addRow(tr("gateway group"), gateway_group_);
  form->addRow(tr("for"), for_);
  layout->addLayout(form);
  preview_ = new QLabel(this);
  preview_->setObjectName("what-if-preview");
  preview_->setWordWrap(true);
  preview_->setTextFormat(Qt::PlainText);
  preview_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  preview_->setStyleSheet("QLabel { font-family: monospace; color: #404040; }");
  layout->addWidget(preview_);
  apply_ = new QPushButton(tr("Apply now"), this);
  apply_->setObjectName("what-if-apply");
  layout->addWidget(apply_);
  layout->addWidget(new QLabel(tr("Sent and answered:"), this));
  log_ = new QListWidget(this);
  log_->setObjectName("what-if-log");
  log_->setWordWrap(true);
  log_->setTextElideMode(Qt::ElideNone);
  layout->addWidget(log_, 1);

  for (QComboBox* c : {action_, device_type_, amount_kind_, target_, gateway_group_})
    connect(c, &QComboBox::currentIndexChanged, this, [this] { update_form(); });
  connect(fraction_, &QDoubleSpinBox::valueChanged, this, [this] { update_form(); });
  connect(count_, &QSpinBox::valueChanged, this, [this] { update_form(); });
  connect(device_, &QSpinBox::valueChanged, this, [this] { update_form(); });
  connect(for_, &QLineEdit::textChanged, this, [this] { update_form(); });
  connect(apply_, &QPushButton::clicked, this, [this] {
    const std::string line = command();
    log_->addItem(tr("sent: %1").arg(QString::fromStdString(line).trimmed().replace(",\"", ", \"")));
    log_->scrollToBottom();
    Q_EMIT send(line);
  });
  update_form();
}

void WhatIfPanel::set_action(const QString& action, const QString& device_type, double fraction) {
  action_->setCurrentText(action);
  if (!device_type.isEmpty()) device_type_->setCurrentText(device_type);
  amount_kind_->setCurrentIndex(0);
  fraction_->setValue(fraction * 100);
  update_form();
}

void WhatIfPanel::set_device(std::uint32_t device) {
  const QString a = action_->currentText();
  if (a == "outage" || a == "qualify" || a == "revoke_device_type") action_->setCurrentText("revoke_device");
  amount_kind_->setCurrentIndex(2);
  device_->setValue(static_cast<int>(std::min<std::uint32_t>(device, 0x7fffffff)));
  update_form();
}

void WhatIfPanel::update_run(const viz::RunData& run, bool live) {
  live_ = live;
  if (run.hello.device_types.size() != types_shown_) {
    types_shown_ = run.hello.device_types.size();
    const QString current = device_type_->currentText();
    device_type_->blockSignals(true);
    device_type_->clear();
    device_type_->addItem(tr("every type"), QString());
    for (const auto& t : run.hello.device_types) device_type_->addItem(QString::fromStdString(t), QString::fromStdString(t));
    device_type_->setCurrentIndex(std::max(0, device_type_->findText(current)));
    device_type_->blockSignals(false);
  }
  std::set<std::string> groups;
  for (const viz::GatewayInfo& g : run.map.gateways) groups.insert(g.group);
  if (groups.size() != groups_shown_) {
    groups_shown_ = groups.size();
    gateway_group_->blockSignals(true);
    gateway_group_->clear();
    gateway_group_->addItem(tr("every group"), QString());
    for (const auto& g : groups) gateway_group_->addItem(QString::fromStdString(g), QString::fromStdString(g));
    gateway_group_->blockSignals(false);
  }
  const viz::TimeUnit unit = viz::time_unit_for(run.duration());
  for (; replies_shown_ < run.replies.size(); ++replies_shown_) {
    const viz::ReplyRecord& r = run.replies[replies_shown_];
    auto* item = new QListWidgetItem(r.ok ? tr("applied at t = %1").arg(format_time(r.t, unit))
                                          : tr("refused: %1").arg(QString::fromStdString(r.error)));
    item->setForeground(r.ok ? QColor(0x2a, 0x7a, 0x2a) : QColor(0xc0, 0x20, 0x20));
    log_->addItem(item);
  }
  if (replies_shown_ > 0) log_->scrollToBottom();
  update_form();
}

std::string WhatIfPanel::command() const {
  nlohmann::ordered_json a;
  const std::string action = action_->currentText().toStdString();
  a["action"] = action;
  const bool outage = action == "outage";
  const bool cloud_outage = outage && target_->currentText() != "gateways";
  const QString type = device_type_->currentData().toString();
  const bool whole_type = action == "revoke_device_type" || action == "qualify";
  const bool one_device = amount_kind_->currentIndex() == 2 && !outage && !whole_type;
  if (!outage && !type.isEmpty() && !one_device) a["device_type"] = type.toStdString();
  if (one_device) {
    a["device"] = device_->value();
  } else if (!whole_type && !cloud_outage) {
    if (amount_kind_->currentIndex() == 1) a["count"] = count_->value();
    else if (fraction_->value() < 100) a["fraction"] = fraction_->value() / 100.0;
  }
  if (outage) {
    a["target"] = target_->currentText().toStdString();
    const QString group = gateway_group_->currentData().toString();
    if (!cloud_outage && !group.isEmpty()) a["gateway_group"] = group.toStdString();
    a["for"] = for_->text().trimmed().toStdString();
  }
  nlohmann::ordered_json c;
  c["cmd"] = "action";
  c["action"] = std::move(a);
  return c.dump() + "\n";
}

void WhatIfPanel::update_form() {
  const QString action = action_->currentText();
  const bool outage = action == "outage";
  const bool cloud_outage = outage && target_->currentText() != "gateways";
  const bool whole_type = action == "revoke_device_type" || action == "qualify";
  if (outage && amount_kind_->currentIndex() == 2) {  // an outage takes gateways, not a device
    amount_kind_->blockSignals(true);
    amount_kind_->setCurrentIndex(0);
    amount_kind_->blockSignals(false);
  }
  const bool one_device = amount_kind_->currentIndex() == 2;
  device_type_->setEnabled(!outage && !(one_device && !whole_type));
  amount_kind_->setEnabled(!whole_type && !cloud_outage);
  fraction_->setVisible(amount_kind_->currentIndex() == 0);
  count_->setVisible(amount_kind_->currentIndex() == 1);
  device_->setVisible(one_device);
  device_->setEnabled(!whole_type && !outage);
  fraction_->setEnabled(!whole_type && !cloud_outage);
  count_->setEnabled(!whole_type && !cloud_outage);
  target_->setEnabled(outage);
  gateway_group_->setEnabled(outage && !cloud_outage);
  for_->setEnabled(outage);
  // Spaces after the separators let the label wrap the line (the command sent has none).
  preview_->setText(QString::fromStdString(command()).trimmed().replace(",\"", ", \"").replace("\":", "\": "));
  const bool needs_type = whole_type && device_type_->currentData().toString().isEmpty();
  apply_->setEnabled(live_ && !needs_type);
  apply_->setToolTip(!live_ ? tr("Only a live run (--connect, --run) takes actions")
                            : needs_type ? tr("%1 needs a device type").arg(action) : QString());
}

}  // namespace st::dash
