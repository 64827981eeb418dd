// EventCalendar: the single future-event list of a run, a 4-ary min-heap of compact entries ordered by
// (time, device, sequence), so simultaneous events always run in the same order. That order is total (the
// sequence number is unique), so the pop order depends only on the entries, never on the heap's layout.
#pragma once
#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

#include "sim/kernel/sim_time.hpp"

namespace st {

inline constexpr std::uint32_t kNoDevice = 0xFFFF'FFFFu;

struct CalendarEntry {
  SimTime time = 0;
  std::uint64_t seq = 0;          // insertion order: the last tie-breaker
  std::uint32_t device = kNoDevice;  // device index, or kNoDevice for actor-level events
  std::uint32_t arg = 0;          // event-specific: a generation, a frame slot, an action index
  std::uint16_t kind = 0;         // event-specific kind, interpreted by the target handler
  std::uint8_t target = 0;        // which handler receives it (see Dispatcher)
  std::uint8_t reserved = 0;
};
static_assert(sizeof(CalendarEntry) == 32, "calendar entries stay compact");

class EventCalendar {
 public:
  EventCalendar() : heap_(kRoot) {}
  void schedule(SimTime time, std::uint8_t target, std::uint16_t kind, std::uint32_t device, std::uint32_t arg = 0);
  bool empty() const { return heap_.size() == kRoot; }
  std::size_t size() const { return heap_.size() - kRoot; }
  const CalendarEntry& top() const { return heap_[kRoot]; }
  CalendarEntry pop();
  void reserve(std::size_t n) { heap_.reserve(n + kRoot); }
  std::uint64_t scheduled_total() const { return next_seq_; }

 private:
  // Layout, for a heap of a million entries (32 MB) where every level below the cache misses: the root sits
  // at slot kRoot = 3 of a 128-byte aligned array, so the four children of slot p (slots 4p-8 .. 4p-5) fill one
  // aligned 128-byte block: two cache lines per level, not three. Slots 0..2 are padding.
  static constexpr std::size_t kRoot = 3;
  static constexpr std::size_t first_child(std::size_t p) { return 4 * p - 8; }
  static constexpr std::size_t parent(std::size_t p) { return (p + 8) / 4; }
  static constexpr std::size_t kPrefetchFrom = 256;  // see pop()

  template <class T>
  struct BlockAllocator {  // std::allocator, aligned to 128 bytes
    using value_type = T;
    static constexpr std::align_val_t kAlign{128};
    BlockAllocator() = default;
    template <class U>
    BlockAllocator(const BlockAllocator<U>&) {}
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), kAlign)); }
    void deallocate(T* p, std::size_t) { ::operator delete(p, kAlign); }
    template <class U>
    bool operator==(const BlockAllocator<U>&) const { return true; }
  };

  static bool before(const CalendarEntry& x, const CalendarEntry& y) {
    if (x.time != y.time) return x.time < y.time;
    if (x.device != y.device) return x.device < y.device;
    return x.seq < y.seq;
  }

  std::vector<CalendarEntry, BlockAllocator<CalendarEntry>> heap_;
  std::uint64_t next_seq_ = 0;
};

}  // namespace st
