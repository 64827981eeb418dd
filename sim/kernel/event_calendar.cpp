#include "sim/kernel/event_calendar.hpp"

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
  // Sift up: a new entry is usually later than most pending ones and stays near the bottom.
  std::size_t p = heap_.size() - 1;
  CalendarEntry* h = heap_.data();
  while (p > kRoot) {
    const std::size_t up = parent(p);
    if (!before(e, h[up])) break;
    h[p] = h[up];
    p = up;
  }
  h[p] = e;
}

CalendarEntry EventCalendar::pop() {
  CalendarEntry* h = heap_.data();
  const CalendarEntry out = h[kRoot];
  const CalendarEntry last = heap_.back();
  heap_.pop_back();
  const std::size_t end = heap_.size();
  if (end == kRoot) return out;
  // Sift the former last entry down from the root. At a million entries the lower levels miss the cache on
  // every pop, one level after the other: while comparing a level's four children, prefetch all of their
  // children (16 entries, four aligned 128-byte blocks in a row), so the next level is already on its way
  // (only where all 16 exist, so as never to point past the array).
  // The top levels (slots below kPrefetchFrom, 8 KB) stay in cache and are not worth the instructions.
  std::size_t hole = kRoot;
  for (;;) {
    const std::size_t c = first_child(hole);
    std::size_t best = c;
    if (c + 3 < end) {
      if (c >= kPrefetchFrom && first_child(c) + 15 < end) {
        const char* grandchildren = reinterpret_cast<const char*>(h + first_child(c));
        for (int line = 0; line < 8; ++line) __builtin_prefetch(grandchildren + 64 * line);
      }
      const std::size_t a = before(h[c + 1], h[c]) ? c + 1 : c;
      const std::size_t b = before(h[c + 3], h[c + 2]) ? c + 3 : c + 2;
      best = before(h[b], h[a]) ? b : a;
    } else if (c < end) {  // the last, partly filled family
      for (std::size_t k = c + 1; k < end; ++k)
        if (before(h[k], h[best])) best = k;
    } else {
      break;
    }
    if (!before(h[best], last)) break;
    h[hole] = h[best];
    hole = best;
  }
  h[hole] = last;
  return out;
}

}  // namespace st
