// EventCalendar: entries pop in (time, device, insertion) order, including ties, and a large random load
// comes out exactly as a stable sort of the same entries.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
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

TEST(kernelEventCalendar, RandomPushPopMixMatchesReference) {
  // Pops interleaved with pushes at or after the last popped time (as a simulation does).
  EventCalendar c;
  RandomStream rng(99, 3);
  std::vector<CalendarEntry> pending;  // reference: kept unsorted, minimum found by scan
  auto key_less = [](const CalendarEntry& x, const CalendarEntry& y) {
    if (x.time != y.time) return x.time < y.time;
    if (x.device != y.device) return x.device < y.device;
    return x.seq < y.seq;
  };
  SimTime now = 0;
  std::uint64_t seq = 0;
  for (int step = 0; step < 20'000; ++step) {
    if (pending.empty() || rng.uniform() < 0.55) {
      CalendarEntry e;
      e.time = now + rng.below(100);
      e.device = static_cast<std::uint32_t>(rng.below(20));
      e.seq = seq++;
      c.schedule(e.time, 1, 0, e.device, static_cast<std::uint32_t>(e.seq));
      pending.push_back(e);
    } else {
      auto it = std::min_element(pending.begin(), pending.end(), key_less);
      const CalendarEntry got = c.pop();
      ASSERT_EQ(got.seq, it->seq) << "step " << step;
      ASSERT_EQ(got.time, it->time);
      now = got.time;
      pending.erase(it);
    }
  }
  EXPECT_EQ(c.size(), pending.size());
}

}  // namespace
}  // namespace st
