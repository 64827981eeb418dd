// BucketRing: the calendar's middle future, a ring of unordered time buckets. Each bucket is a chain of
// 2 KB blocks from one shared pool, so appending is a write to a bucket's last block and memory follows the
// entries held, not the busiest bucket (event_calendar.hpp decides which bucket an entry belongs to).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/kernel/calendar_entry.hpp"
#include "sim/kernel/event_heap.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st {

class BucketRing {
 public:
  explicit BucketRing(std::size_t buckets);
  std::size_t buckets() const { return heads_.size(); }
  std::size_t size() const { return size_; }
  bool bucket_empty(std::size_t b) const { return heads_[b].first == kNone; }

  void append(std::size_t b, const CalendarEntry& e);

  // Moves every entry of bucket b into `into` (EventHeap::append; the caller restores the heap) and returns how
  // many there were; `earliest` and `latest` get their time span.
  std::size_t drain(std::size_t b, EventHeap& into, SimTime& earliest, SimTime& latest);

  // Empties the ring and hands every entry to `place`, one block at a time, each block released once its entries
  // are handed on, so `place` may append them to this very ring (re-bucketing) without a copy of it.
  template <class Place>
  void drain_each(Place&& place);

 private:
  static constexpr std::uint32_t kNone = 0xFFFF'FFFFu;
  static constexpr std::uint32_t kEntriesPerBlock = 63;
  struct alignas(64) Block {
    std::uint32_t next = kNone;
    std::uint32_t count = 0;
    CalendarEntry entries[kEntriesPerBlock];
  };
  static_assert(sizeof(Block) == 2048, "a block is 2 KB: a header line and 63 entries");
  // The pool grows by one 2 MB chunk (a huge page: huge_page_allocator.hpp) and never moves a block.
  static constexpr std::size_t kBlocksPerChunk = 1024;

  struct Chain {
    std::uint32_t first = kNone;
    std::uint32_t last = kNone;
  };

  Block& block(std::uint32_t i) { return chunks_[i / kBlocksPerChunk][i % kBlocksPerChunk]; }
  std::uint32_t new_block();
  // Hands every entry of `chain` to `fn` and releases its blocks (each after its entries); the chain ends empty.
  template <class Fn>
  void take_chain(Chain& chain, Fn&& fn);

  std::vector<Chain> heads_;
  std::vector<HugePageVector<Block>> chunks_;
  std::uint32_t blocks_made_ = 0;
  std::uint32_t free_ = kNone;  // free blocks, linked by `next`
  std::size_t size_ = 0;
};

template <class Fn>
void BucketRing::take_chain(Chain& chain, Fn&& fn) {
  for (std::uint32_t i = chain.first; i != kNone;) {
    Block& blk = block(i);
    for (std::uint32_t k = 0; k < blk.count; ++k) fn(blk.entries[k]);
    const std::uint32_t next = blk.next;
    blk.next = free_;
    free_ = i;
    i = next;
  }
  chain = Chain{};
}

template <class Place>
void BucketRing::drain_each(Place&& place) {
  std::vector<Chain> chains(heads_.size());
  chains.swap(heads_);
  size_ = 0;
  for (Chain& chain : chains) take_chain(chain, place);
}

}  // namespace st
