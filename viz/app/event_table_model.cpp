#include "app/event_table_model.hpp"

#include <QBrush>
#include <QColor>
#include <QString>

namespace st::dash {

namespace {
QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
}  // namespace

void EventTableModel::set_rows(const viz::RunData* run, std::vector<std::uint32_t> rows) {
  beginResetModel();
  run_ = run;
  rows_ = std::move(rows);
  endResetModel();
}

int EventTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventTableModel::data(const QModelIndex& index, int role) const {
  if (run_ == nullptr || !index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
  const auto& store = run_->events;
  const viz::Event& e = store.events[rows_[static_cast<std::size_t>(index.row())]];
  if (role == Qt::ForegroundRole) {
    if (e.kind == viz::EventKind::Refusal) return QBrush(QColor(170, 30, 40));
    if (e.kind == viz::EventKind::Notice) return QBrush(QColor(30, 80, 160));
    return {};
  }
  if (role == Qt::TextAlignmentRole && (index.column() == Time || index.column() == Device))
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  switch (index.column()) {
    case Time: return QString::number(e.t, 'f', 3);
    case Kind: return qs(viz::to_string(e.kind));
    case Device: return e.device == viz::kNoIndex ? QString() : QString::number(e.device);
    case Smsn: {
      const QString s = QString::fromStdString(store.smsn(e));
      return role == Qt::DisplayRole && s.size() > 16 ? s.left(16) + QStringLiteral("…") : s;
    }
    case DeviceType: return qs(store.device_types.name(e.device_type));
    case Change:
      if (e.kind == viz::EventKind::Transition)
        return qs(viz::to_string(e.from)) + QStringLiteral(" → ") + qs(viz::to_string(e.to));
      if (e.kind == viz::EventKind::Refusal)
        return qs(store.actors.name(e.actor)) + QStringLiteral(": ") + qs(store.whats.name(e.what));
      return qs(store.actors.name(e.actor));
    case Cause: return qs(store.causes.name(e.cause));
    case Detail: return qs(store.detail(e));
    default: return {};
  }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole || orientation != Qt::Horizontal) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Time: return tr("time (s)");
    case Kind: return tr("event");
    case Device: return tr("device");
    case Smsn: return tr("SMSN");
    case DeviceType: return tr("device type");
    case Change: return tr("transition / actor");
    case Cause: return tr("cause / kind");
    case Detail: return tr("detail");
    default: return {};
  }
}

}  // namespace st::dash
