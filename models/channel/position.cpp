// Placement patterns: deterministic positions from a spec, a seed and a stream.
#include "models/channel/position.hpp"

#include <numbers>
#include <stdexcept>
#include <string>

namespace st::models::channel {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

// Uniform over the area between r0 and r1: the radius has density proportional to r.
Position annulus_point(Position c, double r0, double r1, double u_radius, double u_angle) {
  const double r = std::sqrt(r0 * r0 + u_radius * (r1 * r1 - r0 * r0));
  const double a = kTwoPi * u_angle;
  return {c.x_m + r * std::cos(a), c.y_m + r * std::sin(a)};
}

Position grid_point(const PlacementSpec& s, std::size_t count, std::size_t i) {
  const std::size_t cols = s.columns != 0 ? s.columns : grid_columns(count);
  const auto col = static_cast<double>(i % cols);
  const auto row = static_cast<double>(i / cols);
  return {s.origin.x_m + col * s.spacing_m, s.origin.y_m + row * s.spacing_m};
}

double line_distance(double d0, double d1, std::size_t count, std::size_t i) {
  if (count <= 1) return d0;
  return d0 + (d1 - d0) * static_cast<double>(i) / static_cast<double>(count - 1);
}

[[noreturn]] void bad(const std::string& what) { throw std::invalid_argument("placement: " + what); }

}  // namespace

std::uint32_t grid_columns(std::size_t count) {
  if (count == 0) return 1;
  auto c = static_cast<std::uint64_t>(std::sqrt(static_cast<double>(count)));
  while (c * c < count) ++c;
  while (c > 1 && (c - 1) * (c - 1) >= count) --c;
  return static_cast<std::uint32_t>(c);
}

void check_placement(const PlacementSpec& s, std::size_t count) {
  const auto finite = [](double v) { return std::isfinite(v); };
  if (!finite(s.origin.x_m) || !finite(s.origin.y_m) || !finite(s.angle_rad)) bad("non-finite origin or angle");
  switch (s.kind) {
    case PlacementKind::Grid:
      if (!finite(s.spacing_m) || s.spacing_m < 0) bad("grid spacing must be >= 0");
      return;
    case PlacementKind::Disc:
    case PlacementKind::Ring:
      if (!finite(s.radius_m) || s.radius_m < 0) bad("radius must be >= 0");
      return;
    case PlacementKind::Annulus:
      if (!finite(s.radius_m) || !finite(s.inner_radius_m) || s.inner_radius_m < 0 || s.radius_m < s.inner_radius_m)
        bad("annulus needs 0 <= inner radius <= radius");
      return;
    case PlacementKind::Line:
      if (!finite(s.d0_m) || !finite(s.d1_m) || s.d0_m < 0 || s.d1_m < s.d0_m) bad("line needs 0 <= d0 <= d1");
      return;
    case PlacementKind::Explicit:
      if (s.points.size() < count) {
        bad("explicit list has " + std::to_string(s.points.size()) + " points, " + std::to_string(count) +
            " needed");
      }
      return;
  }
  bad("unknown kind");
}

Position placement_point(const PlacementSpec& s, std::size_t count, std::size_t index, std::uint64_t seed,
                         std::uint64_t stream) {
  switch (s.kind) {
    case PlacementKind::Grid: return grid_point(s, count, index);
    case PlacementKind::Disc:
    case PlacementKind::Annulus: {
      RandomStream rng(seed, stream, 2 * static_cast<std::uint64_t>(index));
      const double u = rng.uniform();
      const double v = rng.uniform();
      const double r0 = s.kind == PlacementKind::Disc ? 0.0 : s.inner_radius_m;
      return annulus_point(s.origin, r0, s.radius_m, u, v);
    }
    case PlacementKind::Ring: {
      const double a =
          s.angle_rad + kTwoPi * static_cast<double>(index) / static_cast<double>(count == 0 ? 1 : count);
      return {s.origin.x_m + s.radius_m * std::cos(a), s.origin.y_m + s.radius_m * std::sin(a)};
    }
    case PlacementKind::Line: {
      const double d = line_distance(s.d0_m, s.d1_m, count, index);
      return {s.origin.x_m + d * std::cos(s.angle_rad), s.origin.y_m + d * std::sin(s.angle_rad)};
    }
    case PlacementKind::Explicit: return s.points.at(index);
  }
  return s.origin;
}

std::vector<Position> place(const PlacementSpec& spec, std::size_t count, std::uint64_t seed,
                            std::uint64_t stream) {
  check_placement(spec, count);
  std::vector<Position> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(placement_point(spec, count, i, seed, stream));
  return out;
}

std::vector<Position> place_grid(std::size_t count, double spacing_m, Position origin, std::uint32_t columns) {
  PlacementSpec s;
  s.kind = PlacementKind::Grid;
  s.spacing_m = spacing_m;
  s.origin = origin;
  s.columns = columns;
  return place(s, count, 0, 0);
}

std::vector<Position> place_disc(std::size_t count, Position center, double radius_m, RandomStream& rng) {
  return place_annulus(count, center, 0.0, radius_m, rng);
}

std::vector<Position> place_annulus(std::size_t count, Position center, double inner_radius_m,
                                    double outer_radius_m, RandomStream& rng) {
  PlacementSpec s;
  s.kind = PlacementKind::Annulus;
  s.origin = center;
  s.inner_radius_m = inner_radius_m;
  s.radius_m = outer_radius_m;
  check_placement(s, count);
  std::vector<Position> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const double u = rng.uniform();
    const double v = rng.uniform();
    out.push_back(annulus_point(center, inner_radius_m, outer_radius_m, u, v));
  }
  return out;
}

std::vector<Position> place_ring(std::size_t count, Position center, double radius_m, double angle_rad) {
  PlacementSpec s;
  s.kind = PlacementKind::Ring;
  s.origin = center;
  s.radius_m = radius_m;
  s.angle_rad = angle_rad;
  return place(s, count, 0, 0);
}

std::vector<Position> place_line(std::size_t count, Position origin, double d0_m, double d1_m, double angle_rad) {
  PlacementSpec s;
  s.kind = PlacementKind::Line;
  s.origin = origin;
  s.d0_m = d0_m;
  s.d1_m = d1_m;
  s.angle_rad = angle_rad;
  return place(s, count, 0, 0);
}

std::vector<Position> place_explicit(std::span<const Position> points, std::size_t count) {
  if (points.size() < count) {
    bad("explicit list has " + std::to_string(points.size()) + " points, " + std::to_string(count) + " needed");
  }
  return {points.begin(), points.begin() + static_cast<std::ptrdiff_t>(count)};
}

}  // namespace st::models::channel
