// Position: planar node coordinates in metres, distances, and deterministic placement patterns (grid, random
// disc or annulus, ring, line sweep, explicit list) that produce N positions from a spec, a seed and a stream.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/kernel/random_stream.hpp"

namespace st::models::channel {

struct Position {
  double x_m = 0;
  double y_m = 0;
  friend constexpr bool operator==(const Position&, const Position&) = default;
};

constexpr double distance_sq_m2(const Position& a, const Position& b) {
  const double dx = a.x_m - b.x_m;
  const double dy = a.y_m - b.y_m;
  return dx * dx + dy * dy;
}
inline double distance_m(const Position& a, const Position& b) { return std::sqrt(distance_sq_m2(a, b)); }

enum class PlacementKind : std::uint8_t {
  Grid,      // rows of `columns` points, `spacing_m` apart, from `origin` (lower-left corner) along +x then +y
  Disc,      // uniform over the area of the disc (`origin`, `radius_m`)
  Annulus,   // uniform over the area between `inner_radius_m` and `radius_m` around `origin`
  Ring,      // evenly spaced on the circle (`origin`, `radius_m`), the first at `angle_rad`
  Line,      // along the ray from `origin` at `angle_rad`, distances evenly spaced from d0_m to d1_m
  Explicit,  // the first N of `points`
};

struct PlacementSpec {
  PlacementKind kind = PlacementKind::Grid;
  Position origin{};
  double spacing_m = 100;          // Grid
  std::uint32_t columns = 0;       // Grid: 0 = ceil(sqrt(N))
  double radius_m = 1000;          // Disc, Annulus (outer), Ring
  double inner_radius_m = 0;       // Annulus
  double d0_m = 1;                 // Line: first distance
  double d1_m = 1000;              // Line: last distance
  double angle_rad = 0;            // Ring (first point), Line (direction)
  std::vector<Position> points;    // Explicit
};

// Throws std::invalid_argument when the spec cannot place `count` points (negative sizes, inner > outer radius,
// d1 < d0, an explicit list shorter than count, non-finite values).
void check_placement(const PlacementSpec& spec, std::size_t count);

// Point `index` of `count` placed by `spec`: random access, so a fleet need not store its positions. Random
// patterns draw two uniforms for point i at positions 2i and 2i+1 of RandomStream(seed, stream), so the result
// equals the sequential place_disc()/place_annulus() on a fresh RandomStream(seed, stream).
Position placement_point(const PlacementSpec& spec, std::size_t count, std::size_t index, std::uint64_t seed,
                         std::uint64_t stream);
// All `count` points (checks the spec first).
std::vector<Position> place(const PlacementSpec& spec, std::size_t count, std::uint64_t seed,
                            std::uint64_t stream);

// Convenience forms of the same patterns.
std::uint32_t grid_columns(std::size_t count);  // ceil(sqrt(count)), computed in integers
std::vector<Position> place_grid(std::size_t count, double spacing_m, Position origin = {},
                                 std::uint32_t columns = 0);
std::vector<Position> place_disc(std::size_t count, Position center, double radius_m, RandomStream& rng);
std::vector<Position> place_annulus(std::size_t count, Position center, double inner_radius_m,
                                    double outer_radius_m, RandomStream& rng);
std::vector<Position> place_ring(std::size_t count, Position center, double radius_m, double angle_rad = 0);
std::vector<Position> place_line(std::size_t count, Position origin, double d0_m, double d1_m,
                                 double angle_rad = 0);
std::vector<Position> place_explicit(std::span<const Position> points, std::size_t count);

}  // namespace st::models::channel
