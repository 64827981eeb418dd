#include "sim/kernel/event_heap.hpp"

namespace st {

void EventHeap::push(const CalendarEntry& e) {
  heap_.push_back(e);
  // Sift up: a new entry is usually later than most pending ones and stays near the bottom.
  std::size_t p = heap_.size() - 1;
  CalendarEntry* h = heap_.data();
  while (p > kRoot) {
    const std::size_t up = parent(p);
    if (!runs_before(e, h[up])) break;
    h[p] = h[up];
    p = up;
  }
  h[p] = e;
}

CalendarEntry EventHeap::pop() {
  const CalendarEntry out = heap_[kRoot];
  const CalendarEntry last = heap_.back();
  heap_.pop_back();
  if (heap_.size() > kRoot) sift_down(kRoot, last);
  return out;
}

void EventHeap::release_above(std::size_t n) {
  if (empty() && heap_.capacity() > n + kRoot) {
    decltype(heap_) fresh(kRoot);
    heap_.swap(fresh);
  }
}

void EventHeap::make_heap() {
  const std::size_t end = heap_.size();
  if (end <= kRoot + 1) return;
  for (std::size_t p = parent(end - 1) + 1; p-- > kRoot;) sift_down(p, heap_[p]);
}

void EventHeap::sift_down(std::size_t hole, const CalendarEntry& entry) {
  // In a large heap the lower levels miss the cache one level after the other: while comparing a level's four
  // children, prefetch all of their children (16 entries, four aligned 128-byte blocks in a row), so the next
  // level is already on its way (only where all 16 exist, so as never to point past the array).
  // The top levels (slots below kPrefetchFrom, 8 KB) stay in cache and are not worth the instructions.
  const CalendarEntry e = entry;
  CalendarEntry* h = heap_.data();
  const std::size_t end = heap_.size();
  for (;;) {
    const std::size_t c = first_child(hole);
    std::size_t best = c;
    if (c + 3 < end) {
      if (c >= kPrefetchFrom && first_child(c) + 15 < end) {
        const char* grandchildren = reinterpret_cast<const char*>(h + first_child(c));
        for (int line = 0; line < 8; ++line) __builtin_prefetch(grandchildren + 64 * line);
      }
      const std::size_t a = runs_before(h[c + 1], h[c]) ? c + 1 : c;
      const std::size_t b = runs_before(h[c + 3], h[c + 2]) ? c + 3 : c + 2;
      best = runs_before(h[b], h[a]) ? b : a;
    } else if (c < end) {  // the last, partly filled family
      for (std::size_t k = c + 1; k < end; ++k)
        if (runs_before(h[k], h[best])) best = k;
    } else {
      break;
    }
    if (!runs_before(h[best], e)) break;
    h[hole] = h[best];
    hole = best;
  }
  h[hole] = e;
}

}  // namespace st
