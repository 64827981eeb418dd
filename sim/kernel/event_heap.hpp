// EventHeap: a 4-ary min-heap of calendar entries in run order, laid out so that a family of four children
// fills one aligned 128-byte block. The calendar keeps its near future in one (event_calendar.hpp).
#pragma once
#include <cstddef>
#include <vector>

#include "sim/kernel/calendar_entry.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st {

class EventHeap {
 public:
  EventHeap() : heap_(kRoot) {}
  bool empty() const { return heap_.size() == kRoot; }
  std::size_t size() const { return heap_.size() - kRoot; }
  const CalendarEntry& top() const { return heap_[kRoot]; }
  void push(const CalendarEntry& e);
  CalendarEntry pop();
  void reserve(std::size_t n) { heap_.reserve(n + kRoot); }
  std::size_t capacity() const { return heap_.capacity() - kRoot; }
  // An empty heap that grew past `n` entries (a burst of simultaneous events) gives its memory back.
  void release_above(std::size_t n);

  // Takes out every entry for which `gone(entry)` is true, then restores the heap (linear time).
  template <class Gone>
  void remove_if(Gone gone) {
    std::size_t kept = kRoot;
    for (std::size_t i = kRoot; i < heap_.size(); ++i)
      if (!gone(heap_[i])) heap_[kept++] = heap_[i];
    heap_.resize(kept);
    make_heap();
  }

  // Bulk load: append entries in any order, then restore the heap once (linear time) with make_heap().
  void append(const CalendarEntry& e) { heap_.push_back(e); }
  void make_heap();

 private:
  // Layout: the root sits at slot kRoot = 3 of a 128-byte aligned array, so the four children of slot p
  // (slots 4p-8 .. 4p-5) fill one aligned 128-byte block: two cache lines per level, not three.
  // Slots 0..2 are padding.
  static constexpr std::size_t kRoot = 3;
  static constexpr std::size_t first_child(std::size_t p) { return 4 * p - 8; }
  static constexpr std::size_t parent(std::size_t p) { return (p + 8) / 4; }
  static constexpr std::size_t kPrefetchFrom = 256;  // see sift_down()

  // Puts `e` into the hole at slot `hole`, moving smaller children up.
  void sift_down(std::size_t hole, const CalendarEntry& e);

  // 128-byte aligned (the layout above); a large heap on huge pages.
  std::vector<CalendarEntry, HugePageAllocator<CalendarEntry, 128>> heap_;
};

}  // namespace st
