// The runs of a sweep: every point of the parameters' grid (the first parameter varies slowest, the last
// fastest) times every seed, each with the scenario overrides that make it and its run id (`p003-s2`).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/campaign/sweep_spec.hpp"
#include "sim/scenario/scenario_override.hpp"

namespace st::campaign {

struct Point {
  std::size_t index = 0;
  std::vector<std::string> values;  // one per parameter, in the sweep file's order
  std::vector<scenario::Override> overrides;
};

struct PlannedRun {
  std::size_t index = 0;  // point-major, seeds inner: the row of sweep.csv
  std::size_t point = 0;
  std::uint64_t seed = 0;
  std::string id;  // the run directory's name under DIR/runs/
};

struct SweepPlan {
  std::vector<Point> points;
  std::vector<PlannedRun> runs;
};

SweepPlan plan_sweep(const SweepSpec& spec);

// The runs rank `rank` of `ranks` takes: every run whose index is rank modulo ranks.
std::vector<PlannedRun> share_of(const SweepPlan& plan, int rank, int ranks);

}  // namespace st::campaign
