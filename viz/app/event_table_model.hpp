// The event log's table: a view over the compact events of RunData (the rows a filter selected, newest
// first); cells are formatted only when shown.
#pragma once
#include <QAbstractTableModel>
#include <cstdint>
#include <vector>

#include "model/run_data.hpp"

namespace st::dash {

class EventTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Time, Kind, Device, Smsn, DeviceType, Change, Cause, Detail, ColumnCount };

  explicit EventTableModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}
  // The run the rows index into (it must outlive the rows; set_rows({}) before replacing it).
  void set_rows(const viz::RunData* run, std::vector<std::uint32_t> rows);
  const std::vector<std::uint32_t>& rows() const { return rows_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 private:
  const viz::RunData* run_ = nullptr;
  std::vector<std::uint32_t> rows_;
};

}  // namespace st::dash
