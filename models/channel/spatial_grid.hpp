// SpatialGrid: a uniform-grid index over static points (gateways): all points within a radius, and the k
// nearest, at a cost that grows with the local density and the radius, not with the number of points.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/channel/position.hpp"

namespace st::models::channel {

class SpatialGrid {
 public:
  SpatialGrid() = default;
  // Indexes `points` (ids are their indices). Cells are `cell_size_m` square; a good size is the typical query
  // radius. If the bounding box would need more than max(4 N, 65536) cells (few points over a huge area), the cell
  // size is enlarged until it does not (cell_size_m() tells the size used). Throws std::invalid_argument on a
  // non-positive or non-finite cell size or a non-finite point.
  SpatialGrid(std::span<const Position> points, double cell_size_m);

  std::size_t size() const { return points_.size(); }
  double cell_size_m() const { return cell_; }
  const Position& position(std::uint32_t id) const { return points_[id]; }

  // Ids of the points at distance <= radius_m from p, ascending. `out` is replaced (its capacity reused).
  void within(const Position& p, double radius_m, std::vector<std::uint32_t>& out) const;
  std::vector<std::uint32_t> within(const Position& p, double radius_m) const;
  // The min(k, size()) nearest ids, by increasing distance, ties by ascending id. `out` is replaced.
  void nearest(const Position& p, std::size_t k, std::vector<std::uint32_t>& out) const;
  std::vector<std::uint32_t> nearest(const Position& p, std::size_t k) const;

  // Calls f(id, distance_sq_m2) for every point within radius_m of p, in cell order (not sorted), allocating
  // nothing.
  template <class F>
  void for_each_within(const Position& p, double radius_m, F&& f) const {
    CellRange c;
    if (!cell_range(p, radius_m, c)) return;
    const double r2 = radius_m * radius_m;
    for (std::int64_t cy = c.y0; cy <= c.y1; ++cy) {
      const std::size_t row = static_cast<std::size_t>(cy) * nx_;
      const std::uint32_t begin = cell_start_[row + static_cast<std::size_t>(c.x0)];
      const std::uint32_t end = cell_start_[row + static_cast<std::size_t>(c.x1) + 1];
      for (std::uint32_t i = begin; i < end; ++i) {  // cells of a row are contiguous
        const double d2 = distance_sq_m2(p, cell_points_[i]);
        if (d2 <= r2) f(cell_ids_[i], d2);
      }
    }
  }

 private:
  struct CellRange {
    std::int64_t x0, x1, y0, y1;
  };
  bool cell_range(const Position& p, double radius_m, CellRange& out) const;
  std::int64_t cell_x(double x) const;  // unclamped cell coordinate
  std::int64_t cell_y(double y) const;

  std::vector<Position> points_;
  std::vector<std::uint32_t> cell_start_;  // nx*ny + 1 offsets into cell_ids_ (row-major, y rows)
  std::vector<std::uint32_t> cell_ids_;    // point ids grouped by cell, ascending inside a cell
  std::vector<Position> cell_points_;      // their positions, in the same order (a query reads them in sequence)
  double min_x_ = 0;
  double min_y_ = 0;
  double cell_ = 1;
  std::size_t nx_ = 1;
  std::size_t ny_ = 1;
};

}  // namespace st::models::channel
