#include "sim/kernel/event_calendar.hpp"

#include <utility>

namespace st {

void EventCalendar::schedule(SimTime time, std::uint8_t target, std::uint16_t kind, std::uint32_t device,
                             std::uint32_t arg) {
  CalendarEntry e;
  e.time = time;
  e.seq = next_seq_++;
  e.device = device;
  e.arg = arg;
  e.kind = kind;
  e.target = target;
  heap_.push_back(e);
  sift_up(heap_.size() - 1);
}

CalendarEntry EventCalendar::pop() {
  CalendarEntry out = heap_.front();
  heap_.front() = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) sift_down(0);
  return out;
}

void EventCalendar::sift_up(std::size_t i) {
  CalendarEntry e = heap_[i];
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!before(e, heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = e;
}

void EventCalendar::sift_down(std::size_t i) {
  const std::size_t n = heap_.size();
  CalendarEntry e = heap_[i];
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first >= n) break;
    std::size_t best = first;
    const std::size_t last = first + 4 < n ? first + 4 : n;
    for (std::size_t c = first + 1; c < last; ++c)
      if (before(heap_[c], heap_[best])) best = c;
    if (!before(heap_[best], e)) break;
    heap_[i] = heap_[best];
    i = best;
  }
  heap_[i] = e;
}

}  // namespace st
