// NodeIndex: a compact open-addressing map from node ids (any 32-bit value) to 32-bit slot numbers, for the
// per-receiver state of the radio medium: one flat array of 8-byte entries, no node allocation per key.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models::channel {

class NodeIndex {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFF'FFFFu;  // find() of a missing key; never a stored value

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // The value stored for `key`, or kAbsent.
  std::uint32_t find(std::uint32_t key) const {
    if (size_ == 0) return kAbsent;
    for (std::size_t i = home(key);; i = (i + 1) & mask_) {
      const Entry& e = entries_[i];
      if (e.value == kAbsent) return kAbsent;
      if (e.key == key) return e.value;
    }
  }

  // Stores `value` (!= kAbsent) for `key`, which must not be present.
  void insert(std::uint32_t key, std::uint32_t value) {
    if (2 * (size_ + 1) > entries_.size()) grow();
    place(key, value);
    ++size_;
  }

  // Removes `key` if present (backward-shift deletion: no tombstones, lookups stay short).
  void erase(std::uint32_t key) {
    if (size_ == 0) return;
    std::size_t i = home(key);
    for (;; i = (i + 1) & mask_) {
      const Entry& e = entries_[i];
      if (e.value == kAbsent) return;
      if (e.key == key) break;
    }
    for (std::size_t j = (i + 1) & mask_;; j = (j + 1) & mask_) {
      Entry& e = entries_[j];
      if (e.value == kAbsent) break;
      // e may move into the hole at i only if its home is not cyclically in (i, j].
      const std::size_t h = home(e.key);
      const bool stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (!stays) {
        entries_[i] = e;
        i = j;
      }
    }
    entries_[i].value = kAbsent;
    --size_;
  }

 private:
  struct Entry {
    std::uint32_t key = 0;
    std::uint32_t value = kAbsent;
  };

  std::size_t home(std::uint32_t key) const {
    // Fibonacci hashing: the top bits of key * 2^64/phi.
    return static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E37'79B9'7F4A'7C15ULL) >> shift_) & mask_;
  }

  void place(std::uint32_t key, std::uint32_t value) {
    std::size_t i = home(key);
    while (entries_[i].value != kAbsent) i = (i + 1) & mask_;
    entries_[i] = {key, value};
  }

  void grow() {
    HugePageVector<Entry> old;
    old.swap(entries_);
    const std::size_t capacity = old.empty() ? 64 : 2 * old.size();
    entries_.assign(capacity, Entry{});
    mask_ = capacity - 1;
    unsigned bits = 0;
    while ((std::size_t{1} << bits) < capacity) ++bits;
    shift_ = 64 - bits;
    for (const Entry& e : old) {
      if (e.value != kAbsent) place(e.key, e.value);
    }
  }

  HugePageVector<Entry> entries_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
};

}  // namespace st::models::channel
