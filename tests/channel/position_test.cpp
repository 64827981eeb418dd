// Placement patterns: counts, bounds, the area-uniformity of random discs, determinism, random access equal to
// sequential placement, and invalid specs.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "models/channel/position.hpp"

namespace st::models::channel {
namespace {

TEST(channelPosition, Distance) {
  EXPECT_DOUBLE_EQ(distance_m({0, 0}, {3, 4}), 5.0);
  EXPECT_DOUBLE_EQ(distance_sq_m2({1, 1}, {4, 5}), 25.0);
  EXPECT_DOUBLE_EQ(distance_m({-2, 7}, {-2, 7}), 0.0);
}

TEST(channelPosition, GridColumnsAndLayout) {
  EXPECT_EQ(grid_columns(0), 1u);
  EXPECT_EQ(grid_columns(1), 1u);
  EXPECT_EQ(grid_columns(4), 2u);
  EXPECT_EQ(grid_columns(5), 3u);
  EXPECT_EQ(grid_columns(10), 4u);
  EXPECT_EQ(grid_columns(1'000'000), 1000u);
  EXPECT_EQ(grid_columns(1'000'001), 1001u);
  const auto g = place_grid(10, 50.0, {100, 200});
  ASSERT_EQ(g.size(), 10u);
  EXPECT_EQ(g[0], (Position{100, 200}));
  EXPECT_EQ(g[3], (Position{250, 200}));
  EXPECT_EQ(g[4], (Position{100, 250}));
  EXPECT_EQ(g[9], (Position{150, 300}));
  const auto g2 = place_grid(7, 10.0, {}, 7);  // one row
  for (std::size_t i = 0; i < g2.size(); ++i) EXPECT_EQ(g2[i], (Position{10.0 * static_cast<double>(i), 0}));
  EXPECT_TRUE(place_grid(0, 10.0).empty());
}

TEST(channelPosition, DiscIsInsideAndUniformOverTheArea) {
  RandomStream rng(11, 3);
  const Position c{1000, -500};
  const auto pts = place_disc(20'000, c, 800.0, rng);
  ASSERT_EQ(pts.size(), 20'000u);
  int inner = 0;
  int right = 0;
  double sx = 0;
  double sy = 0;
  for (const auto& p : pts) {
    const double r = distance_m(p, c);
    ASSERT_LE(r, 800.0 + 1e-9);
    inner += r <= 800.0 / std::numbers::sqrt2;  // half of the area
    right += p.x_m > c.x_m;
    sx += p.x_m;
    sy += p.y_m;
  }
  EXPECT_NEAR(inner / 20'000.0, 0.5, 0.02);
  EXPECT_NEAR(right / 20'000.0, 0.5, 0.02);
  EXPECT_NEAR(sx / 20'000.0, c.x_m, 15.0);
  EXPECT_NEAR(sy / 20'000.0, c.y_m, 15.0);
}

TEST(channelPosition, AnnulusRingAndLine) {
  RandomStream rng(5, 5);
  const auto a = place_annulus(5000, {0, 0}, 300.0, 600.0, rng);
  int inner_half = 0;
  const double r_half_area = std::sqrt((300.0 * 300.0 + 600.0 * 600.0) / 2.0);
  for (const auto& p : a) {
    const double r = distance_m(p, {0, 0});
    ASSERT_GE(r, 300.0 - 1e-9);
    ASSERT_LE(r, 600.0 + 1e-9);
    inner_half += r <= r_half_area;
  }
  EXPECT_NEAR(inner_half / 5000.0, 0.5, 0.03);

  const auto ring = place_ring(8, {10, 10}, 100.0);
  ASSERT_EQ(ring.size(), 8u);
  for (const auto& p : ring) EXPECT_NEAR(distance_m(p, {10, 10}), 100.0, 1e-9);
  EXPECT_NEAR(ring[0].x_m, 110.0, 1e-9);
  EXPECT_NEAR(ring[2].y_m, 110.0, 1e-9);  // a quarter turn later

  // Coverage sweep: distances 100, 200, ..., 1000 m from the origin, along +y.
  const auto line = place_line(10, {0, 0}, 100.0, 1000.0, std::numbers::pi / 2);
  ASSERT_EQ(line.size(), 10u);
  for (std::size_t i = 0; i < line.size(); ++i) {
    EXPECT_NEAR(distance_m(line[i], {0, 0}), 100.0 * static_cast<double>(i + 1), 1e-9);
    EXPECT_NEAR(line[i].x_m, 0.0, 1e-9);
  }
  const auto one = place_line(1, {5, 5}, 40.0, 90.0);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_NEAR(one[0].x_m, 45.0, 1e-12);
}

TEST(channelPosition, DeterministicAndRandomAccess) {
  PlacementSpec s;
  s.kind = PlacementKind::Disc;
  s.origin = {50, 60};
  s.radius_m = 2000;
  const auto a = place(s, 1000, 42, 9);
  const auto b = place(s, 1000, 42, 9);
  EXPECT_EQ(a, b);
  const auto other_seed = place(s, 1000, 43, 9);
  const auto other_stream = place(s, 1000, 42, 10);
  int same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += (a[i] == other_seed[i]) + (a[i] == other_stream[i]);
  EXPECT_EQ(same, 0);
  // Random access equals the sequential draw from a fresh RandomStream(seed, stream).
  RandomStream rng(42, 9);
  EXPECT_EQ(place_disc(1000, {50, 60}, 2000, rng), a);
  EXPECT_EQ(placement_point(s, 1000, 777, 42, 9), a[777]);
  // Grid, ring and line do not depend on the seed.
  s.kind = PlacementKind::Grid;
  EXPECT_EQ(place(s, 30, 1, 1), place(s, 30, 2, 2));
}

TEST(channelPosition, ExplicitAndInvalidSpecs) {
  const std::vector<Position> pts{{1, 2}, {3, 4}, {5, 6}};
  EXPECT_EQ(place_explicit(pts, 2), (std::vector<Position>{{1, 2}, {3, 4}}));
  EXPECT_THROW(place_explicit(pts, 4), std::invalid_argument);
  PlacementSpec s;
  s.kind = PlacementKind::Explicit;
  s.points = pts;
  EXPECT_EQ(place(s, 3, 0, 0), pts);
  EXPECT_THROW(place(s, 4, 0, 0), std::invalid_argument);
  s.kind = PlacementKind::Annulus;
  s.inner_radius_m = 500;
  s.radius_m = 100;
  EXPECT_THROW(place(s, 1, 0, 0), std::invalid_argument);
  s.kind = PlacementKind::Line;
  s.d0_m = 100;
  s.d1_m = 50;
  EXPECT_THROW(place(s, 1, 0, 0), std::invalid_argument);
  s.kind = PlacementKind::Grid;
  s.spacing_m = -1;
  EXPECT_THROW(place(s, 1, 0, 0), std::invalid_argument);
  s.spacing_m = NAN;
  EXPECT_THROW(place(s, 1, 0, 0), std::invalid_argument);
}

}  // namespace
}  // namespace st::models::channel
