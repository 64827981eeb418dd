// WhatIfPanel: timeline actions applied to a live run now (docs/dashboard.md, "What-if"): de-register or revoke a
// share of a type, revoke a type, qualify one, take a cloud actor or gateways down for a while. Each becomes one
// `action` command of the telemetry channel (docs/telemetry.md); the server's replies are listed under it.
#pragma once
#include <QWidget>
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/run_data.hpp"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace st::dash {

class WhatIfPanel : public QWidget {
  Q_OBJECT
 public:
  explicit WhatIfPanel(QWidget* parent = nullptr);
  // The run's device types, gateway groups and the replies so far; `live`: commands can be sent.
  void update_run(const viz::RunData& run, bool live);
  // The command the form describes, one line with its '\n'.
  std::string command() const;
  // Fills the form: an action, a device type ("" every type) and a fraction (for tests and scripted screenshots).
  void set_action(const QString& action, const QString& device_type = {}, double fraction = 1.0);
  // Acts on one device (from its story): `revoke_device` unless a per-device action is chosen.
  void set_device(std::uint32_t device);

 Q_SIGNALS:
  void send(std::string command_line);

 private:
  void update_form();

  QComboBox* action_ = nullptr;
  QComboBox* device_type_ = nullptr;
  QComboBox* amount_kind_ = nullptr;
  QDoubleSpinBox* fraction_ = nullptr;
  QSpinBox* count_ = nullptr;
  QSpinBox* device_ = nullptr;
  QComboBox* target_ = nullptr;
  QComboBox* gateway_group_ = nullptr;
  QLineEdit* for_ = nullptr;
  QLabel* preview_ = nullptr;
  QPushButton* apply_ = nullptr;
  QListWidget* log_ = nullptr;
  std::size_t replies_shown_ = 0;
  std::size_t types_shown_ = static_cast<std::size_t>(-1), groups_shown_ = static_cast<std::size_t>(-1);
  bool live_ = false;
};

}  // namespace st::dash
