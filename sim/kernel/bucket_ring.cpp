#include "sim/kernel/bucket_ring.hpp"

#include <algorithm>

namespace st {

BucketRing::BucketRing(std::size_t buckets) : heads_(buckets) {}

std::uint32_t BucketRing::new_block() {
  std::uint32_t i = free_;
  if (i != kNone) {
    free_ = block(i).next;
  } else {
    if (blocks_made_ % kBlocksPerChunk == 0) chunks_.emplace_back(kBlocksPerChunk);
    i = blocks_made_++;
  }
  Block& fresh = block(i);
  fresh.next = kNone;
  fresh.count = 0;
  return i;
}

void BucketRing::append(std::size_t b, const CalendarEntry& e) {
  Chain& chain = heads_[b];
  if (chain.last == kNone || block(chain.last).count == kEntriesPerBlock) {
    const std::uint32_t fresh = new_block();
    if (chain.last == kNone)
      chain.first = fresh;
    else
      block(chain.last).next = fresh;
    chain.last = fresh;
  }
  Block& tail = block(chain.last);
  tail.entries[tail.count++] = e;
  ++size_;
}

std::size_t BucketRing::drain(std::size_t b, EventHeap& into, SimTime& earliest, SimTime& latest) {
  std::size_t n = 0;
  take_chain(heads_[b], [&](const CalendarEntry& e) {
    if (n++ == 0) earliest = latest = e.time;
    earliest = std::min(earliest, e.time);
    latest = std::max(latest, e.time);
    into.append(e);
  });
  size_ -= n;
  return n;
}

}  // namespace st
