// EventCalendar: entries pop in (time, device, insertion) order, including ties, and a large random load
// comes out exactly as a stable sort of the same entries, whichever tier (heap, bucket ring, overflow) they
// waited in: small calendar shapes drive every path (refills, jumps over empty time, width halving, the end
// of representable time).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/kernel/event_calendar.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st {
namespace {

TEST(kernelEventCalendar, StartsEmpty) {
  EventCalendar c;
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(c.size(), 0u);
  EXPECT_EQ(c.scheduled_total(), 0u);
}

TEST(kernelEventCalendar, PopsByTime) {
  EventCalendar c;
  c.schedule(30, 1, 0, 0);
  c.schedule(10, 1, 0, 0);
  c.schedule(20, 1, 0, 0);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c.top().time, 10u);
  EXPECT_EQ(c.pop().time, 10u);
  EXPECT_EQ(c.pop().time, 20u);
  EXPECT_EQ(c.pop().time, 30u);
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(c.scheduled_total(), 3u);
}

TEST(kernelEventCalendar, KeepsEveryField) {
  EventCalendar c;
  c.schedule(123456789012ULL, 7, 513, 42, 0xDEADBEEF);
  const CalendarEntry e = c.pop();
  EXPECT_EQ(e.time, 123456789012ULL);
  EXPECT_EQ(e.target, 7);
  EXPECT_EQ(e.kind, 513);
  EXPECT_EQ(e.device, 42u);
  EXPECT_EQ(e.arg, 0xDEADBEEFu);
  EXPECT_EQ(e.seq, 0u);
}

TEST(kernelEventCalendar, SameTimeOrdersByDeviceThenInsertion) {
  EventCalendar c;
  // All at t = 100, inserted in an order that is neither device order nor reverse.
  c.schedule(100, 1, 0, 5, 0);
  c.schedule(100, 1, 0, 2, 1);
  c.schedule(100, 1, 0, kNoDevice, 2);  // actor-level events come after every device at the same time
  c.schedule(100, 1, 0, 5, 3);
  c.schedule(100, 1, 0, 2, 4);
  c.schedule(50, 1, 0, 9, 5);
  c.schedule(100, 1, 0, 0, 6);
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> want = {
      {9, 5}, {0, 6}, {2, 1}, {2, 4}, {5, 0}, {5, 3}, {kNoDevice, 2}};
  for (const auto& [device, arg] : want) {
    ASSERT_FALSE(c.empty());
    const CalendarEntry e = c.pop();
    EXPECT_EQ(e.device, device) << "arg " << arg;
    EXPECT_EQ(e.arg, arg);
  }
  EXPECT_TRUE(c.empty());
}

TEST(kernelEventCalendar, ManyTiesOfOneDeviceKeepInsertionOrder) {
  EventCalendar c;
  for (std::uint32_t i = 0; i < 1000; ++i) c.schedule(7, 1, 0, 3, i);
  for (std::uint32_t i = 0; i < 1000; ++i) ASSERT_EQ(c.pop().arg, i);
}

TEST(kernelEventCalendar, InterleavedScheduleAndPop) {
  EventCalendar c;
  c.schedule(10, 1, 0, 1, 0);
  c.schedule(20, 1, 0, 1, 1);
  EXPECT_EQ(c.pop().arg, 0u);
  c.schedule(15, 1, 0, 1, 2);
  c.schedule(20, 1, 0, 0, 3);  // same time as arg 1 but a lower device: first
  EXPECT_EQ(c.pop().arg, 2u);
  EXPECT_EQ(c.pop().arg, 3u);
  EXPECT_EQ(c.pop().arg, 1u);
  EXPECT_TRUE(c.empty());
}

TEST(kernelEventCalendar, TenThousandRandomEntriesMatchASortedReference) {
  EventCalendar c;
  RandomStream rng(2024, 1);
  std::vector<CalendarEntry> reference;
  for (std::uint32_t i = 0; i < 10'000; ++i) {
    // Few distinct times and devices so that ties at both levels are frequent.
    const SimTime t = rng.below(200);
    const auto device = static_cast<std::uint32_t>(rng.below(50));
    c.schedule(t, 1, 0, device, i);
    CalendarEntry e;
    e.time = t;
    e.device = device;
    e.arg = i;
    e.seq = i;
    reference.push_back(e);
  }
  std::stable_sort(reference.begin(), reference.end(), [](const CalendarEntry& x, const CalendarEntry& y) {
    if (x.time != y.time) return x.time < y.time;
    return x.device < y.device;
  });
  ASSERT_EQ(c.size(), reference.size());
  for (std::size_t i = 0; i < reference.size(); ++i) {
    const CalendarEntry e = c.pop();
    ASSERT_EQ(e.time, reference[i].time) << "at " << i;
    ASSERT_EQ(e.device, reference[i].device) << "at " << i;
    ASSERT_EQ(e.arg, reference[i].arg) << "at " << i;
    ASSERT_EQ(e.seq, reference[i].seq) << "at " << i;
  }
  EXPECT_TRUE(c.empty());
}

// Pops interleaved with pushes at or after the last popped time (as a simulation does), against a reference
// that finds the minimum by scan. Returns the number of pops checked.
int check_push_pop_mix(EventCalendar& c, RandomStream& rng, int steps, const std::function<SimTime()>& delay) {
  std::vector<CalendarEntry> pending;
  SimTime now = 0;
  std::uint64_t seq = c.scheduled_total();
  int pops = 0;
  for (int step = 0; step < steps; ++step) {
    if (pending.empty() || rng.uniform() < 0.55) {
      CalendarEntry e;
      const SimTime d = delay();
      e.time = d > std::numeric_limits<SimTime>::max() - now ? std::numeric_limits<SimTime>::max() : now + d;
      e.device = static_cast<std::uint32_t>(rng.below(20));
      e.seq = seq++;
      c.schedule(e.time, 1, 0, e.device, static_cast<std::uint32_t>(e.seq));
      pending.push_back(e);
    } else {
      auto it = std::min_element(pending.begin(), pending.end(), runs_before);
      EXPECT_EQ(c.top().seq, it->seq) << "step " << step;
      const CalendarEntry got = c.pop();
      EXPECT_EQ(got.seq, it->seq) << "step " << step;
      EXPECT_EQ(got.time, it->time) << "step " << step;
      if (got.seq != it->seq) return pops;
      now = got.time;
      pending.erase(it);
      ++pops;
    }
    EXPECT_EQ(c.size(), pending.size());
  }
  while (!pending.empty()) {  // drain
    auto it = std::min_element(pending.begin(), pending.end(), runs_before);
    const CalendarEntry got = c.pop();
    EXPECT_EQ(got.seq, it->seq);
    if (got.seq != it->seq) return pops;
    pending.erase(it);
    ++pops;
  }
  EXPECT_TRUE(c.empty());
  return pops;
}

TEST(kernelEventCalendar, RandomPushPopMixMatchesReference) {
  EventCalendar c;
  RandomStream rng(99, 3);
  EXPECT_GT(check_push_pop_mix(c, rng, 20'000, [&] { return rng.below(100); }), 5'000);
}

// Delays from nanoseconds to days, a few at the very end of time: every tier and every move between them.
SimTime multi_scale_delay(RandomStream& rng) {
  static const SimTime kScales[] = {1, 1'000, 1'000'000, 100'000'000, kSecond, kMinute, kHour, 100 * kHour};
  const double u = rng.uniform();
  if (u < 0.002) return std::numeric_limits<SimTime>::max();
  if (u < 0.1) return 0;
  return rng.below(kScales[rng.below(8)] + 1);
}

TEST(kernelEventCalendar, MultiScaleLoadMatchesReferenceInEveryShape) {
  const CalendarShape shapes[] = {
      CalendarShape{},                                                                // the default
      CalendarShape{.bucket_width_log2 = 20, .min_width_log2 = 4, .buckets_log2 = 3, .split_above = 8},
      CalendarShape{.bucket_width_log2 = 40, .min_width_log2 = 10, .buckets_log2 = 1, .split_above = 16},
      CalendarShape{.bucket_width_log2 = 2, .min_width_log2 = 2, .buckets_log2 = 6, .split_above = 1'000'000},
  };
  for (std::size_t k = 0; k < std::size(shapes); ++k) {
    SCOPED_TRACE("shape " + std::to_string(k));
    EventCalendar c(shapes[k]);
    RandomStream rng(5, k);
    EXPECT_GT(check_push_pop_mix(c, rng, 20'000, [&] { return multi_scale_delay(rng); }), 10'000);
  }
}

TEST(kernelEventCalendar, RejectsShapesItCannotHold) {
  EXPECT_THROW(EventCalendar(CalendarShape{.bucket_width_log2 = 50, .buckets_log2 = 13}), std::invalid_argument);
  EXPECT_THROW(EventCalendar(CalendarShape{.bucket_width_log2 = 10, .min_width_log2 = 11}), std::invalid_argument);
}

TEST(kernelEventCalendar, ABusyBucketHalvesTheWidthAndOrderHolds) {
  EventCalendar c(CalendarShape{.bucket_width_log2 = 10, .min_width_log2 = 4, .buckets_log2 = 4, .split_above = 64});
  RandomStream rng(11, 0);
  std::vector<SimTime> times{0};  // a run starts at 0: the heap holds the first bucket, the ring the rest
  // 5,000 entries over the next 15 buckets (none in the heap's bucket, where they would crowd it: see below)
  for (int i = 0; i < 5'000; ++i) times.push_back(1024 + rng.below((1u << 14) - 1024));
  for (std::size_t i = 0; i < times.size(); ++i) c.schedule(times[i], 1, 0, 0, static_cast<std::uint32_t>(i));
  EXPECT_EQ(c.bucket_width(), SimTime{1} << 10);
  std::stable_sort(times.begin(), times.end());
  for (std::size_t i = 0; i < times.size(); ++i) ASSERT_EQ(c.pop().time, times[i]) << "at " << i;
  // ~333 entries per 1,024 ns bucket where 64 are allowed: halved while a bucket brought more than 64
  // (~167 at 512 ns, ~83 at 256 ns), not below (~42 at 128 ns).
  EXPECT_EQ(c.bucket_width(), SimTime{1} << 7);
}

TEST(kernelEventCalendar, DirectPushesThatCrowdTheHeapNarrowTheWidthAndOrderHolds) {
  // Entries scheduled inside the heap's own bucket never pass through a refill (a million devices waking within
  // the first second of a run): past four times split_above, spread over more than half the width, they halve it
  // and the heap's later half goes back to the ring, so the heap stays small.
  EventCalendar c(CalendarShape{.bucket_width_log2 = 20, .min_width_log2 = 8, .buckets_log2 = 6, .split_above = 64});
  RandomStream rng(12, 0);
  std::vector<SimTime> times{0};  // the heap now holds the first bucket, [0, 2^20)
  for (int i = 0; i < 20'000; ++i) times.push_back(rng.below(1u << 20));
  for (std::size_t i = 0; i < times.size(); ++i) c.schedule(times[i], 1, 0, 0, static_cast<std::uint32_t>(i));
  EXPECT_LT(c.bucket_width(), SimTime{1} << 20);
  EXPECT_LE(c.near_capacity(), 2u * 4u * 64u);  // 20,001 without the relief
  std::stable_sort(times.begin(), times.end());
  for (std::size_t i = 0; i < times.size(); ++i) ASSERT_EQ(c.pop().time, times[i]) << "at " << i;
  EXPECT_TRUE(c.empty());
}

TEST(kernelEventCalendar, EntriesBeforeTheCurrentBucketDoNotNarrowTheWidth) {
  // The first entry sets the heap's bucket late (at 2^30 ns); entries scheduled after it spread over all the time
  // before that go into the heap too, but they are not a busy bucket: the width stays.
  EventCalendar c(CalendarShape{.bucket_width_log2 = 20, .min_width_log2 = 8, .buckets_log2 = 6, .split_above = 64});
  RandomStream rng(13, 0);
  std::vector<SimTime> times{SimTime{1} << 30};
  for (int i = 0; i < 20'000; ++i) times.push_back(rng.below(SimTime{1} << 30));
  for (std::size_t i = 0; i < times.size(); ++i) c.schedule(times[i], 1, 0, 0, static_cast<std::uint32_t>(i));
  EXPECT_EQ(c.bucket_width(), SimTime{1} << 20);
  std::stable_sort(times.begin(), times.end());
  for (std::size_t i = 0; i < times.size(); ++i) ASSERT_EQ(c.pop().time, times[i]) << "at " << i;
}

TEST(kernelEventCalendar, SimultaneousEntriesDoNotNarrowTheBuckets) {
  // A scenario action that concerns every device at one instant brings a huge bucket with no spread:
  // narrower buckets would not divide it, so the width stays.
  EventCalendar c(CalendarShape{.bucket_width_log2 = 10, .min_width_log2 = 4, .buckets_log2 = 4, .split_above = 64});
  for (std::uint32_t d = 0; d < 1'000; ++d) c.schedule(5'000, 1, 0, 999 - d);
  for (std::uint32_t d = 0; d < 1'000; ++d) {
    const CalendarEntry e = c.pop();
    ASSERT_EQ(e.device, d);
    ASSERT_EQ(e.time, 5'000u);
  }
  EXPECT_EQ(c.bucket_width(), SimTime{1} << 10);
}

TEST(kernelEventCalendar, AHeapGrownByABurstGivesItsMemoryBackOnceEmpty) {
  // A timeline action that schedules something for every device at once fills the near heap; once those
  // entries ran, the heap does not keep that room beside the ring's blocks.
  EventCalendar c(CalendarShape{.bucket_width_log2 = 20, .min_width_log2 = 10, .buckets_log2 = 6, .split_above = 256});
  c.schedule(0, 1, 0, 0);
  c.schedule(5 * kSecond, 1, 0, 0);  // something far ahead, in the ring
  EXPECT_EQ(c.pop().time, 0u);       // the heap is now at the 5 s bucket
  for (std::uint32_t d = 0; d < 100'000; ++d) c.schedule(5 * kSecond - 1, 1, 0, d);  // the burst, in the heap
  EXPECT_GE(c.near_capacity(), 100'000u);
  for (std::uint32_t d = 0; d < 100'000; ++d) ASSERT_EQ(c.pop().device, d);
  EXPECT_EQ(c.pop().time, 5 * kSecond);
  EXPECT_TRUE(c.empty());
  c.schedule(6 * kSecond, 1, 0, 0);
  EXPECT_LE(c.near_capacity(), 4u * 256u);
  EXPECT_EQ(c.pop().time, 6 * kSecond);
}

TEST(kernelEventCalendar, JumpsOverEmptyTimeAndReachesTheEndOfTime) {
  EventCalendar c(CalendarShape{.bucket_width_log2 = 4, .min_width_log2 = 2, .buckets_log2 = 2, .split_above = 64});
  const SimTime end = std::numeric_limits<SimTime>::max();
  const SimTime times[] = {end, 3, end - 1, 100 * kHour, 17, end, 1'000'000'000'000ULL};
  for (std::size_t i = 0; i < std::size(times); ++i) c.schedule(times[i], 1, 0, 0, static_cast<std::uint32_t>(i));
  EXPECT_EQ(c.pop().time, 3u);
  EXPECT_EQ(c.pop().time, 17u);
  EXPECT_EQ(c.pop().time, 1'000'000'000'000ULL);
  EXPECT_EQ(c.pop().time, 100 * kHour);
  c.schedule(100 * kHour + 1, 1, 0, 0, 99);  // after a jump, next to the present
  EXPECT_EQ(c.pop().arg, 99u);
  EXPECT_EQ(c.pop().time, end - 1);
  c.schedule(end - 1, 1, 0, 0, 100);  // in the heap that takes everything at the end of time
  EXPECT_EQ(c.pop().arg, 100u);
  EXPECT_EQ(c.pop().arg, 0u);  // the two at the very end, in insertion order
  EXPECT_EQ(c.pop().arg, 5u);
  EXPECT_TRUE(c.empty());
}

}  // namespace
}  // namespace st
