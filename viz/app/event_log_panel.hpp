// EventLogPanel: the event log: filters (device, state, cause, kind) over a table of the newest matching events at
// or before the time cursor. Activating a row that names a device asks for that device's story.
#pragma once
#include <QWidget>
#include <cstdint>
#include <memory>

#include "app/event_table_model.hpp"
#include "model/run_data.hpp"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace st::dash {

class EventLogPanel : public QWidget {
  Q_OBJECT
 public:
  explicit EventLogPanel(QWidget* parent = nullptr);
  ~EventLogPanel() override;

  // The rows of `run` up to `cursor` (the run must outlive the rows: forget() before replacing it).
  void refresh(const viz::RunData* run, double cursor);
  void forget();
  // Shows only the events of one device (the device filter).
  void filter_device(std::uint32_t device);

 Q_SIGNALS:
  void filters_changed();
  void device_activated(std::uint32_t device);

 private:
  void refresh_cause_filter(const viz::RunData& run);

  EventTableModel* model_ = nullptr;
  QTableView* view_ = nullptr;
  QLineEdit* device_filter_ = nullptr;
  QComboBox* state_filter_ = nullptr;
  QComboBox* cause_filter_ = nullptr;
  QComboBox* kind_filter_ = nullptr;
  QLabel* status_ = nullptr;
  std::size_t cause_count_ = static_cast<std::size_t>(-1);
  const viz::RunData* run_ = nullptr;
};

}  // namespace st::dash
