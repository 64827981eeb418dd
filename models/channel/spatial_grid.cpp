// SpatialGrid: counting-sort build of a uniform grid, radius queries over the covered cells, k-nearest by rings.
#include "models/channel/spatial_grid.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

namespace st::models::channel {
namespace {

// Cells along an axis of extent `extent` with cells of `cell`: floor(extent / cell) + 1.
std::size_t cells_along(double extent, double cell) { return static_cast<std::size_t>(extent / cell) + 1; }

// floor(v) as an int64, saturated so that far-away query points do not overflow.
std::int64_t floor_to_i64(double v) {
  constexpr double kLimit = 4.0e18;
  if (!(v > -kLimit)) return -static_cast<std::int64_t>(kLimit);
  if (!(v < kLimit)) return static_cast<std::int64_t>(kLimit);
  return static_cast<std::int64_t>(std::floor(v));
}

}  // namespace

SpatialGrid::SpatialGrid(std::span<const Position> points, double cell_size_m)
    : points_(points.begin(), points.end()) {
  if (!(cell_size_m > 0) || !std::isfinite(cell_size_m)) {
    throw std::invalid_argument("spatial grid: cell size must be a positive finite number");
  }
  if (points_.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("spatial grid: too many points");
  }
  cell_ = cell_size_m;
  if (points_.empty()) {
    cell_start_.assign(2, 0);
    return;
  }
  double max_x = points_[0].x_m;
  double max_y = points_[0].y_m;
  min_x_ = max_x;
  min_y_ = max_y;
  for (const Position& q : points_) {
    if (!std::isfinite(q.x_m) || !std::isfinite(q.y_m)) {
      throw std::invalid_argument("spatial grid: non-finite point");
    }
    min_x_ = std::min(min_x_, q.x_m);
    min_y_ = std::min(min_y_, q.y_m);
    max_x = std::max(max_x, q.x_m);
    max_y = std::max(max_y, q.y_m);
  }
  const double w = max_x - min_x_;
  const double h = max_y - min_y_;
  const double max_cells = std::max(4.0 * static_cast<double>(points_.size()), 65536.0);
  while (static_cast<double>(cells_along(w, cell_)) * static_cast<double>(cells_along(h, cell_)) > max_cells) {
    cell_ *= 2.0;
  }
  nx_ = cells_along(w, cell_);
  ny_ = cells_along(h, cell_);

  // Counting sort by cell; ids are visited in ascending order so each cell's ids stay ascending.
  const std::size_t ncells = nx_ * ny_;
  std::vector<std::uint32_t> cell_of(points_.size());
  cell_start_.assign(ncells + 1, 0);
  for (std::size_t i = 0; i < points_.size(); ++i) {
    const auto cx = static_cast<std::size_t>(std::clamp<std::int64_t>(cell_x(points_[i].x_m), 0,
                                                                      static_cast<std::int64_t>(nx_) - 1));
    const auto cy = static_cast<std::size_t>(std::clamp<std::int64_t>(cell_y(points_[i].y_m), 0,
                                                                      static_cast<std::int64_t>(ny_) - 1));
    cell_of[i] = static_cast<std::uint32_t>(cy * nx_ + cx);
    ++cell_start_[cell_of[i] + 1];
  }
  for (std::size_t c = 0; c < ncells; ++c) cell_start_[c + 1] += cell_start_[c];
  cell_ids_.resize(points_.size());
  std::vector<std::uint32_t> fill(cell_start_.begin(), cell_start_.end() - 1);
  for (std::size_t i = 0; i < points_.size(); ++i) cell_ids_[fill[cell_of[i]]++] = static_cast<std::uint32_t>(i);
  cell_points_.reserve(points_.size());
  for (std::uint32_t id : cell_ids_) cell_points_.push_back(points_[id]);
}

std::int64_t SpatialGrid::cell_x(double x) const { return floor_to_i64((x - min_x_) / cell_); }
std::int64_t SpatialGrid::cell_y(double y) const { return floor_to_i64((y - min_y_) / cell_); }

bool SpatialGrid::cell_range(const Position& p, double radius_m, CellRange& c) const {
  if (points_.empty() || !(radius_m >= 0)) return false;
  const auto last_x = static_cast<std::int64_t>(nx_) - 1;
  const auto last_y = static_cast<std::int64_t>(ny_) - 1;
  c.x0 = cell_x(p.x_m - radius_m);
  c.x1 = cell_x(p.x_m + radius_m);
  c.y0 = cell_y(p.y_m - radius_m);
  c.y1 = cell_y(p.y_m + radius_m);
  if (c.x1 < 0 || c.y1 < 0 || c.x0 > last_x || c.y0 > last_y) return false;
  c.x0 = std::max<std::int64_t>(c.x0, 0);
  c.y0 = std::max<std::int64_t>(c.y0, 0);
  c.x1 = std::min(c.x1, last_x);
  c.y1 = std::min(c.y1, last_y);
  return true;
}

void SpatialGrid::within(const Position& p, double radius_m, std::vector<std::uint32_t>& out) const {
  out.clear();
  for_each_within(p, radius_m, [&out](std::uint32_t id, double) { out.push_back(id); });
  std::sort(out.begin(), out.end());
}

std::vector<std::uint32_t> SpatialGrid::within(const Position& p, double radius_m) const {
  std::vector<std::uint32_t> out;
  within(p, radius_m, out);
  return out;
}

void SpatialGrid::nearest(const Position& p, std::size_t k, std::vector<std::uint32_t>& out) const {
  out.clear();
  k = std::min(k, points_.size());
  if (k == 0 || !std::isfinite(p.x_m) || !std::isfinite(p.y_m)) return;

  // Max-heap of the k best (distance^2, id) so far.
  std::vector<std::pair<double, std::uint32_t>> best;
  best.reserve(k);
  const auto consider = [&](std::uint32_t id) {
    const std::pair<double, std::uint32_t> cand{distance_sq_m2(p, points_[id]), id};
    if (best.size() < k) {
      best.push_back(cand);
      std::push_heap(best.begin(), best.end());
    } else if (cand < best.front()) {
      std::pop_heap(best.begin(), best.end());
      best.back() = cand;
      std::push_heap(best.begin(), best.end());
    }
  };
  const auto visit = [&](std::int64_t cx, std::int64_t cy) {
    if (cx < 0 || cy < 0 || cx >= static_cast<std::int64_t>(nx_) || cy >= static_cast<std::int64_t>(ny_)) return;
    const std::size_t c = static_cast<std::size_t>(cy) * nx_ + static_cast<std::size_t>(cx);
    for (std::uint32_t i = cell_start_[c]; i < cell_start_[c + 1]; ++i) consider(cell_ids_[i]);
  };

  // Rings of cells at Chebyshev distance rho from the query's (possibly outside) cell. Every point in a ring
  // beyond rho is at least rho cells away, so the search stops once the k-th best is strictly closer than that.
  const std::int64_t qx = cell_x(p.x_m);
  const std::int64_t qy = cell_y(p.y_m);
  const auto last_x = static_cast<std::int64_t>(nx_) - 1;
  const auto last_y = static_cast<std::int64_t>(ny_) - 1;
  const std::int64_t rho0 = std::max({std::int64_t{0}, -qx, qx - last_x, -qy, qy - last_y});
  const std::int64_t rho_max = std::max({qx, last_x - qx, qy, last_y - qy, rho0});
  for (std::int64_t rho = rho0; rho <= rho_max; ++rho) {
    if (rho == 0) {
      visit(qx, qy);
    } else {
      const std::int64_t y_lo = std::max(qy - rho, std::int64_t{0});
      const std::int64_t y_hi = std::min(qy + rho, last_y);
      for (std::int64_t cy = y_lo; cy <= y_hi; ++cy) {
        if (cy == qy - rho || cy == qy + rho) {
          const std::int64_t x_lo = std::max(qx - rho, std::int64_t{0});
          const std::int64_t x_hi = std::min(qx + rho, last_x);
          for (std::int64_t cx = x_lo; cx <= x_hi; ++cx) visit(cx, cy);
        } else {
          visit(qx - rho, cy);
          visit(qx + rho, cy);
        }
      }
    }
    if (best.size() == k) {
      const double bound = static_cast<double>(rho) * cell_ * (1.0 - 1e-9);
      if (best.front().first < bound * bound) break;
    }
  }
  std::sort_heap(best.begin(), best.end());
  out.reserve(best.size());
  for (const auto& b : best) out.push_back(b.second);
}

std::vector<std::uint32_t> SpatialGrid::nearest(const Position& p, std::size_t k) const {
  std::vector<std::uint32_t> out;
  nearest(p, k, out);
  return out;
}

}  // namespace st::models::channel
