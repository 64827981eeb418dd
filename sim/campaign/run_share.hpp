// One rank's share of a sweep: runs already complete in DIR/runs/ are read again (resume), the others run as
// `sidewalk-twin run` child processes, `jobs` at a time, each into DIR/runs/ID.partial/ renamed to DIR/runs/ID/
// when it ends well (its output in DIR/logs/ID.log). After a failed run no new run starts.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/campaign/figure_values.hpp"
#include "sim/campaign/sweep_plan.hpp"
#include "sim/campaign/sweep_progress.hpp"

namespace st::campaign {

struct ShareOptions {
  std::filesystem::path twin;  // the sidewalk-twin to run
  std::filesystem::path out_dir;
  unsigned jobs = 1;
  std::optional<unsigned> crypto_workers;  // passed to each run when set
};

struct RunOutcome {
  std::size_t run = 0;
  bool resumed = false;
  std::vector<FigureValue> figures;  // when ok
  std::string failure;               // empty when ok
};

std::vector<RunOutcome> run_share(const SweepSpec& spec, const SweepPlan& plan, const std::vector<PlannedRun>& mine,
                                  const ShareOptions& options, SweepProgress& progress);

// The outcomes as one text for the gather to rank 0, and back (JSON).
std::string outcomes_text(const std::vector<RunOutcome>& outcomes);
std::vector<RunOutcome> outcomes_from_text(const std::string& text);

}  // namespace st::campaign
