// EventCalendar: the single future-event list of a run, in three tiers by distance in time: the near future in
// a small 4-ary heap (event_heap.hpp), the next minutes in a ring of unordered time buckets (bucket_ring.hpp)
// that move into the heap one at a time, and anything beyond in an overflow heap. Entries pop in run order
// (time, device, sequence; calendar_entry.hpp): the tiers change where an entry waits, never the order.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/kernel/bucket_ring.hpp"
#include "sim/kernel/calendar_entry.hpp"
#include "sim/kernel/event_heap.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st {

// How the calendar divides time. The defaults suit runs from a handful of events to millions pending; tests
// use small shapes to reach every path.
struct CalendarShape {
  unsigned bucket_width_log2 = 30;   // first bucket width: 2^30 ns, about 1.07 s
  unsigned min_width_log2 = 16;      // narrowest bucket: 2^16 ns, about 66 us
  unsigned buckets_log2 = 12;        // 4,096 buckets in the ring
  std::size_t split_above = 32'768;  // a bucket that brings more entries than this halves the width; so does a
                                     // heap that direct pushes crowd past four times as many
};

class EventCalendar {
 public:
  explicit EventCalendar(const CalendarShape& shape = CalendarShape{});
  void schedule(SimTime time, std::uint8_t target, std::uint16_t kind, std::uint32_t device, std::uint32_t arg = 0);
  bool empty() const { return size() == 0; }
  std::size_t size() const { return near_.size() + ring_.size() + overflow_.size(); }
  const CalendarEntry& top() const { return near_.top(); }
  CalendarEntry pop();
  // A hint: room for n pending entries in the near heap, at most what a bucket is expected to bring.
  void reserve(std::size_t n);
  std::uint64_t scheduled_total() const { return next_seq_; }

  // The current bucket width in ns (halves while buckets bring too many entries).
  SimTime bucket_width() const { return SimTime{1} << width_log2_; }
  // Entries the near heap has room for (its memory).
  std::size_t near_capacity() const { return near_.capacity(); }

 private:
  static constexpr std::size_t kKeepNear = 4;  // the empty heap keeps room for this many buckets' entries
  // The room the empty heap keeps (kKeepNear buckets' entries), and the size at which direct pushes crowd it.
  std::size_t near_room() const { return kKeepNear * shape_.split_above; }

  void place(const CalendarEntry& e);       // into the ring or the overflow (e.time >= near_end_)
  void relieve_near();                      // direct pushes crowd the heap: halve the width, move its later half out
  void refill();                            // the near heap is empty: move the next bucket into it
  void pull_overflow();                     // overflow entries now inside the ring's span move into the ring
  void halve_width();                       // re-bucket the ring at half the width
  SimTime ring_end() const;                 // where the ring's span ends (saturating)
  std::size_t bucket_of(SimTime t) const { return static_cast<std::size_t>(t >> width_log2_) & (ring_.buckets() - 1); }

  CalendarShape shape_;
  unsigned width_log2_;
  EventHeap near_;     // every entry with time < near_end_
  BucketRing ring_;    // entries in [near_end_, ring_end()), one bucket per width
  std::vector<CalendarEntry> overflow_;  // entries from ring_end() on: a min-heap by time (std::push_heap)
  SimTime near_end_ = 0;                 // a multiple of the bucket width
  SimTime near_latest_ = 0;              // the latest time in the heap (while it holds anything)
  std::size_t crowd_limit_;              // a heap this large (by direct pushes) is relieved: relieve_near()
  bool all_near_ = false;                // near_end_ reached the end of time: everything goes to the heap
  std::uint64_t next_seq_ = 0;
};

}  // namespace st
