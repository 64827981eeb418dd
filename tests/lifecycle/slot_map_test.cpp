// SlotMap (the uplink outboxes' table): entries by id, freed slots reused through the reset hook, and values
// that keep what the hook leaves them (capacity) across reuse.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <vector>

#include "models/lifecycle/slot_map.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models {
namespace {

struct Box {
  std::vector<int> items;
  int resets = 0;
};

void clear_box(Box& b) {
  b.items.clear();
  ++b.resets;
}

TEST(SlotMap, FindsWhatWasEmplacedAndForgetsWhatWasErased) {
  SlotMap<Box> m;
  EXPECT_EQ(m.find(5), nullptr);
  m.emplace(5, clear_box).items.push_back(1);
  m.emplace(9, clear_box).items.push_back(2);
  ASSERT_NE(m.find(5), nullptr);
  EXPECT_EQ(m.find(5)->items, std::vector<int>{1});
  EXPECT_EQ(m.find(9)->items, std::vector<int>{2});
  m.emplace(5, clear_box).items.push_back(3);  // present: the same value, not reset
  EXPECT_EQ(m.find(5)->items, (std::vector<int>{1, 3}));
  EXPECT_EQ(m.size(), 2u);
  m.erase(5);
  m.erase(5);  // erasing a missing id is a no-op
  EXPECT_EQ(m.find(5), nullptr);
  EXPECT_EQ(m.size(), 1u);
}

TEST(SlotMap, AFreedSlotIsResetAndKeepsItsCapacity) {
  SlotMap<Box> m;
  Box& b = m.emplace(1, clear_box);
  b.items.assign(100, 7);
  m.erase(1);
  Box& again = m.emplace(2, clear_box);  // reuses the freed slot
  EXPECT_EQ(again.resets, 1);
  EXPECT_TRUE(again.items.empty());
  EXPECT_GE(again.items.capacity(), 100u);
  EXPECT_EQ(m.find(1), nullptr);
}

TEST(SlotMap, MatchesMapUnderRandomChurn) {
  RandomStream rng(5, 1);
  SlotMap<Box> m;
  std::map<std::uint32_t, int> ref;
  for (int round = 0; round < 50'000; ++round) {
    const auto id = static_cast<std::uint32_t>(rng.next_u64() % 500);
    if (rng.uniform() < 0.55) {
      Box& b = m.emplace(id, clear_box);
      b.items.push_back(round);
      ref[id] = round;
    } else {
      m.erase(id);
      ref.erase(id);
    }
  }
  EXPECT_EQ(m.size(), ref.size());
  for (std::uint32_t id = 0; id < 500; ++id) {
    const Box* b = m.find(id);
    const auto it = ref.find(id);
    ASSERT_EQ(b != nullptr, it != ref.end()) << id;
    if (b != nullptr) {
      EXPECT_EQ(b->items.back(), it->second) << id;
    }
  }
}

}  // namespace
}  // namespace st::models
