// The sweep's tables: sweep.csv (one row per run: run, point, the parameters, seed, the figures) and
// summary.csv (one row per point: the parameters, runs, and per figure n, mean, sd, ci95_low, ci95_high).
// Both are written whole to a temporary file and renamed into place, so a table is never half written.
#pragma once
#include <filesystem>
#include <vector>

#include "sim/campaign/figure_values.hpp"
#include "sim/campaign/sweep_plan.hpp"

namespace st::campaign {

// results[run index]: that run's figures, one per spec.figures.
using SweepResults = std::vector<std::vector<FigureValue>>;

void write_sweep_csv(const std::filesystem::path& file, const SweepSpec& spec, const SweepPlan& plan,
                     const SweepResults& results);
void write_summary_csv(const std::filesystem::path& file, const SweepSpec& spec, const SweepPlan& plan,
                       const SweepResults& results);

}  // namespace st::campaign
