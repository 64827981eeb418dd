// ComparePanel: two runs side by side (docs/dashboard.md, "Comparing two runs"): the key figures of this run's
// summary and of a baseline run's, with the difference and the relative change, better or worse coloured.
#pragma once
#include <QWidget>

#include "model/run_data.hpp"

class QLabel;
class QTableWidget;

namespace st::dash {

class ComparePanel : public QWidget {
  Q_OBJECT
 public:
  explicit ComparePanel(QWidget* parent = nullptr);
  // base == nullptr: nothing to compare with.
  void update(const viz::RunData& run, const viz::RunData* base, const QString& run_label, const QString& base_label);
  int rows() const;

 private:
  QLabel* title_ = nullptr;
  QTableWidget* table_ = nullptr;
};

}  // namespace st::dash
