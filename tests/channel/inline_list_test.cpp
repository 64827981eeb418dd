// InlineList against std::vector under random inserts and erases, across the spill from inline storage to the
// heap and back (reset), and through moves (the radio medium keeps its receivers' lists in a std::vector).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "models/channel/inline_list.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models::channel {
namespace {

struct Item {
  std::uint64_t a;
  std::uint8_t b;
  bool operator==(const Item&) const = default;
};

template <class L, class T>
void expect_same(const L& list, const std::vector<T>& ref) {
  ASSERT_EQ(list.size(), ref.size());
  EXPECT_EQ(list.empty(), ref.empty());
  EXPECT_TRUE(std::equal(list.begin(), list.end(), ref.begin(), ref.end()));
}

TEST(channelInlineList, StaysInlineUpToItsRoomThenSpills) {
  InlineList<std::uint32_t, 4> l;
  EXPECT_TRUE(l.empty());
  EXPECT_EQ(l.capacity(), 4u);
  for (std::uint32_t i = 0; i < 4; ++i) l.push_back(i);
  EXPECT_FALSE(l.spilled());
  l.push_back(4);
  EXPECT_TRUE(l.spilled());
  EXPECT_EQ(l.capacity(), 8u);
  expect_same(l, std::vector<std::uint32_t>{0, 1, 2, 3, 4});
  l.clear();  // keeps its capacity, as a pooled receiver slot does
  EXPECT_TRUE(l.empty());
  EXPECT_TRUE(l.spilled());
  l.reset();  // gives the memory back
  EXPECT_FALSE(l.spilled());
  EXPECT_EQ(l.capacity(), 4u);
  l.push_back(9);
  expect_same(l, std::vector<std::uint32_t>{9});
}

TEST(channelInlineList, MatchesVectorUnderRandomChurn) {
  RandomStream rng(5, 1);
  InlineList<std::uint32_t, 4> l;
  std::vector<std::uint32_t> ref;
  for (int round = 0; round < 100'000; ++round) {
    const auto op = rng.below(10);
    if (op < 5 || ref.empty()) {  // sorted insert, as the medium keeps its frames in lock order
      const auto v = static_cast<std::uint32_t>(rng.below(1000));
      l.insert(std::upper_bound(l.begin(), l.end(), v), v);
      ref.insert(std::upper_bound(ref.begin(), ref.end(), v), v);
    } else if (op < 8) {  // erase-remove of every value below a cut
      const auto cut = static_cast<std::uint32_t>(rng.below(1000));
      const auto below = [cut](std::uint32_t v) { return v < cut && v % 3 != 0; };
      l.erase(std::remove_if(l.begin(), l.end(), below), l.end());
      std::erase_if(ref, below);
    } else if (op < 9) {
      l.clear();
      ref.clear();
    } else {
      l.reset();
      ref.clear();
    }
    expect_same(l, ref);
    if (::testing::Test::HasFatalFailure()) return;
    if (ref.size() > 40) {  // keep it small, so that it crosses the inline boundary often
      l.clear();
      ref.clear();
    }
  }
}

TEST(channelInlineList, MovesCarryInlineAndSpilledContents) {
  std::vector<InlineList<Item, 1>> lists(3);
  lists[0].push_back({1, 1});                      // inline
  for (std::uint8_t i = 0; i < 5; ++i) lists[1].push_back({i, i});  // spilled
  lists.resize(1000);                              // reallocation moves every element
  expect_same(lists[0], std::vector<Item>{{1, 1}});
  expect_same(lists[1], std::vector<Item>{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}});
  EXPECT_TRUE(lists[2].empty());
  InlineList<Item, 1> moved = std::move(lists[1]);
  EXPECT_TRUE(lists[1].empty());
  EXPECT_FALSE(lists[1].spilled());
  EXPECT_EQ(moved.size(), 5u);
  moved = std::move(lists[0]);  // a spilled list assigned from an inline one frees its heap block
  expect_same(moved, std::vector<Item>{{1, 1}});
  EXPECT_FALSE(moved.spilled());
}

TEST(channelInlineList, RefusesMoreThanItsSizeTypeHolds) {
  InlineList<std::uint32_t, 4> l;
  for (std::uint32_t i = 0; i < InlineList<std::uint32_t, 4>::kMaxSize; ++i) l.push_back(i);
  EXPECT_EQ(l.size(), 0xFFFFu);
  EXPECT_EQ(l[0xFFFE], 0xFFFEu);
  EXPECT_THROW(l.push_back(0), std::length_error);
  EXPECT_EQ(l.size(), 0xFFFFu);
}

}  // namespace
}  // namespace st::models::channel
