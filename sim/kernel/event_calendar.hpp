// EventCalendar: the single future-event list of a run, a 4-ary min-heap of compact entries ordered by
// (time, device, sequence), so simultaneous events always run in the same order.
#pragma once
#include <cstdint>
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
  void schedule(SimTime time, std::uint8_t target, std::uint16_t kind, std::uint32_t device, std::uint32_t arg = 0);
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  const CalendarEntry& top() const { return heap_.front(); }
  CalendarEntry pop();
  void reserve(std::size_t n) { heap_.reserve(n); }
  std::uint64_t scheduled_total() const { return next_seq_; }

 private:
  static bool before(const CalendarEntry& x, const CalendarEntry& y) {
    if (x.time != y.time) return x.time < y.time;
    if (x.device != y.device) return x.device < y.device;
    return x.seq < y.seq;
  }
  void sift_up(std::size_t i);
  void sift_down(std::size_t i);

  std::vector<CalendarEntry> heap_;
  std::uint64_t next_seq_ = 0;
};

}  // namespace st
