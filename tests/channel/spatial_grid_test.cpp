// SpatialGrid against brute force: radius queries and k-nearest (with exact distance ties on a lattice), over
// several cell sizes, queries outside the points' bounding box, and degenerate inputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "models/channel/position.hpp"
#include "models/channel/spatial_grid.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models::channel {
namespace {

std::vector<std::uint32_t> brute_within(const std::vector<Position>& pts, Position p, double r) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < pts.size(); ++i) {
    if (distance_sq_m2(p, pts[i]) <= r * r) out.push_back(i);
  }
  return out;
}

std::vector<std::uint32_t> brute_nearest(const std::vector<Position>& pts, Position p, std::size_t k) {
  std::vector<std::pair<double, std::uint32_t>> all;
  for (std::uint32_t i = 0; i < pts.size(); ++i) all.emplace_back(distance_sq_m2(p, pts[i]), i);
  std::sort(all.begin(), all.end());
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < std::min(k, all.size()); ++i) out.push_back(all[i].second);
  return out;
}

TEST(channelSpatialGrid, RadiusQueriesMatchBruteForce) {
  RandomStream rng(99, 1);
  std::vector<Position> pts;
  for (int i = 0; i < 3000; ++i) pts.push_back({rng.uniform() * 10'000.0, rng.uniform() * 6'000.0 - 3'000.0});
  for (double cell : {37.0, 250.0, 1000.0, 20'000.0}) {
    const SpatialGrid g(pts, cell);
    std::vector<std::uint32_t> got;
    for (int q = 0; q < 300; ++q) {
      const Position p{rng.uniform() * 14'000.0 - 2'000.0, rng.uniform() * 10'000.0 - 5'000.0};
      const double r = rng.uniform() * 1500.0;
      g.within(p, r, got);
      ASSERT_EQ(got, brute_within(pts, p, r)) << "cell " << cell << " query " << q;
    }
    // A point exactly on the radius is included.
    EXPECT_EQ(g.within(pts[5], 0.0), brute_within(pts, pts[5], 0.0));
    EXPECT_TRUE(g.within({1e9, 1e9}, 100.0).empty());
    EXPECT_TRUE(g.within({0, 0}, -1.0).empty());
  }
}

TEST(channelSpatialGrid, NearestMatchesBruteForceIncludingTies) {
  // A 30 x 30 lattice, 10 m apart, plus duplicates: many equal distances, ties broken by id.
  std::vector<Position> pts;
  for (int y = 0; y < 30; ++y) {
    for (int x = 0; x < 30; ++x) pts.push_back({10.0 * x, 10.0 * y});
  }
  pts.push_back({50, 50});
  pts.push_back({50, 50});
  RandomStream rng(7, 7);
  for (double cell : {5.0, 10.0, 33.0, 500.0}) {
    const SpatialGrid g(pts, cell);
    std::vector<std::uint32_t> got;
    for (int q = 0; q < 200; ++q) {
      // Queries on lattice points and half-way points (equidistant neighbours), and far outside.
      Position p{5.0 * static_cast<double>(rng.below(80)) - 50.0, 5.0 * static_cast<double>(rng.below(80)) - 50.0};
      if (q % 10 == 0) p = {-3000.0, 4000.0};
      const std::size_t k = 1 + rng.below(25);
      g.nearest(p, k, got);
      ASSERT_EQ(got, brute_nearest(pts, p, k)) << "cell " << cell << " query " << q;
    }
    EXPECT_EQ(g.nearest({50, 50}, 3), (std::vector<std::uint32_t>{155, 900, 901}));
    EXPECT_EQ(g.nearest({0, 0}, 5000).size(), pts.size());
    EXPECT_TRUE(g.nearest({0, 0}, 0).empty());
  }
}

TEST(channelSpatialGrid, RandomPointsNearest) {
  RandomStream rng(3, 4);
  std::vector<Position> pts;
  for (int i = 0; i < 2000; ++i) pts.push_back({rng.uniform() * 5000.0, rng.uniform() * 5000.0});
  const SpatialGrid g(pts, 200.0);
  for (int q = 0; q < 300; ++q) {
    const Position p{rng.uniform() * 7000.0 - 1000.0, rng.uniform() * 7000.0 - 1000.0};
    const std::size_t k = 1 + rng.below(10);
    ASSERT_EQ(g.nearest(p, k), brute_nearest(pts, p, k));
  }
}

TEST(channelSpatialGrid, SparsePointsOverAHugeAreaEnlargeTheCells) {
  // 3 points 1000 km apart with 1 m cells would need 10^12 cells.
  const std::vector<Position> pts{{0, 0}, {1e6, 1e6}, {5e5, 2e5}};
  const SpatialGrid g(pts, 1.0);
  EXPECT_GT(g.cell_size_m(), 1.0);
  EXPECT_EQ(g.within({5e5, 2e5}, 10.0), (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(g.nearest({9e5, 9e5}, 2), (std::vector<std::uint32_t>{1, 2}));
}

TEST(channelSpatialGrid, DegenerateInputs) {
  const SpatialGrid empty(std::vector<Position>{}, 100.0);
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_TRUE(empty.within({0, 0}, 1e9).empty());
  EXPECT_TRUE(empty.nearest({0, 0}, 3).empty());
  const std::vector<Position> same{{7, 7}, {7, 7}, {7, 7}};
  const SpatialGrid g(same, 10.0);
  EXPECT_EQ(g.within({7, 7}, 0.0), (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(g.nearest({100, 100}, 2), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_THROW(SpatialGrid(same, 0.0), std::invalid_argument);
  EXPECT_THROW(SpatialGrid(same, -1.0), std::invalid_argument);
  const std::vector<Position> bad{{0, 0}, {NAN, 1}};
  EXPECT_THROW(SpatialGrid(bad, 10.0), std::invalid_argument);
  // for_each_within visits exactly the points within the radius.
  int n = 0;
  g.for_each_within({7, 8}, 1.0, [&n](std::uint32_t, double d2) {
    EXPECT_DOUBLE_EQ(d2, 1.0);
    ++n;
  });
  EXPECT_EQ(n, 3);
}

}  // namespace
}  // namespace st::models::channel
