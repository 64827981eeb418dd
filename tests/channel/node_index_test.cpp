// NodeIndex against std::map under random inserts and erases (clustered and extreme keys, growth, backward-shift
// deletion across the wrap-around of the table).
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <vector>

#include "models/channel/node_index.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models::channel {
namespace {

TEST(NodeIndex, EmptyFindsNothing) {
  NodeIndex idx;
  EXPECT_TRUE(idx.empty());
  EXPECT_EQ(idx.find(0), NodeIndex::kAbsent);
  EXPECT_EQ(idx.find(0xFFFF'FFFFu), NodeIndex::kAbsent);
  idx.erase(7);  // erasing a missing key is a no-op
  EXPECT_EQ(idx.size(), 0u);
}

TEST(NodeIndex, ExtremeKeys) {
  NodeIndex idx;
  idx.insert(0, 1);
  idx.insert(0xFFFF'FFFFu, 2);
  EXPECT_EQ(idx.find(0), 1u);
  EXPECT_EQ(idx.find(0xFFFF'FFFFu), 2u);
  idx.erase(0);
  EXPECT_EQ(idx.find(0), NodeIndex::kAbsent);
  EXPECT_EQ(idx.find(0xFFFF'FFFFu), 2u);
  EXPECT_EQ(idx.size(), 1u);
}

TEST(NodeIndex, MatchesMapUnderRandomChurn) {
  RandomStream rng(11, 3);
  NodeIndex idx;
  std::map<std::uint32_t, std::uint32_t> ref;
  for (int round = 0; round < 200'000; ++round) {
    // Keys clustered in a small range (many collisions, erases re-filling holes) and occasional far ones.
    const auto key = static_cast<std::uint32_t>(rng.below(8) == 0 ? rng.next_u64() : rng.below(3000));
    const auto it = ref.find(key);
    if (it == ref.end()) {
      const auto value = static_cast<std::uint32_t>(rng.below(1'000'000));
      idx.insert(key, value);
      ref.emplace(key, value);
    } else if (rng.below(3) != 0) {
      idx.erase(key);
      ref.erase(it);
    }
    if (round % 997 == 0) {
      ASSERT_EQ(idx.size(), ref.size());
      for (const auto& [k, v] : ref) ASSERT_EQ(idx.find(k), v) << "key " << k;
      for (std::uint32_t k = 0; k < 3000; ++k) {
        if (!ref.contains(k)) {
          ASSERT_EQ(idx.find(k), NodeIndex::kAbsent) << "key " << k;
        }
      }
    }
  }
  // Drain it completely.
  std::vector<std::uint32_t> keys;
  for (const auto& [k, v] : ref) keys.push_back(k);
  for (std::uint32_t k : keys) idx.erase(k);
  EXPECT_TRUE(idx.empty());
  for (std::uint32_t k : keys) EXPECT_EQ(idx.find(k), NodeIndex::kAbsent);
}

}  // namespace
}  // namespace st::models::channel
