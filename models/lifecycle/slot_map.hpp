// SlotMap: node id -> value for the twin's short-lived per-device entries (uplink outboxes), in one pooled
// vector behind an open-addressing index: no heap node per entry, and a freed slot (with whatever capacity its
// value kept) is reused by the next entry.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "models/channel/node_index.hpp"

namespace st::models {

template <typename T>
class SlotMap {
 public:
  // The value of `id`, or nullptr. Valid until the next emplace().
  T* find(std::uint32_t id) {
    const std::uint32_t slot = index_.find(id);
    return slot == channel::NodeIndex::kAbsent ? nullptr : &values_[slot];
  }
  // The value of `id`, made by `reset` on a pooled slot if absent (`reset` gets the slot's old value to clear,
  // so that it can keep its capacity). Valid until the next emplace().
  template <typename Reset>
  T& emplace(std::uint32_t id, Reset reset) {
    std::uint32_t slot = index_.find(id);
    if (slot != channel::NodeIndex::kAbsent) return values_[slot];
    if (free_.empty()) {
      slot = static_cast<std::uint32_t>(values_.size());
      values_.emplace_back();
    } else {
      slot = free_.back();
      free_.pop_back();
      reset(values_[slot]);
    }
    index_.insert(id, slot);
    return values_[slot];
  }
  void erase(std::uint32_t id) {
    const std::uint32_t slot = index_.find(id);
    if (slot == channel::NodeIndex::kAbsent) return;
    index_.erase(id);
    free_.push_back(slot);
  }
  std::size_t size() const { return index_.size(); }
  // Every entry's value, in slot order (the end-of-run accounting; not for hot paths: it walks the pool).
  template <typename Fn>
  void for_each(Fn fn) const {
    std::vector<bool> free(values_.size(), false);
    for (const std::uint32_t slot : free_) free[slot] = true;
    for (std::size_t slot = 0; slot < values_.size(); ++slot)
      if (!free[slot]) fn(values_[slot]);
  }

 private:
  channel::NodeIndex index_;
  std::vector<T> values_;
  std::vector<std::uint32_t> free_;
};

}  // namespace st::models
