// The `sweep` subcommand (docs/campaigns.md): a sweep file's points x seeds as runs on the local cores, or
// spread over the ranks of an MPI job, then sweep.csv, summary.csv and a plot per figure in DIR.
// Exit codes: 0 done, 2 bad input or a failed run (the runs that completed stay in DIR: run again to resume).
#pragma once
#include <optional>
#include <string>

namespace st::cli {

struct SweepOptions {
  std::string sweep_file;
  std::string out_dir;
  std::optional<unsigned> jobs;  // runs at once on this machine (per rank under MPI)
  bool quiet = false;
  bool plots = true;
};

int sweep_command(const SweepOptions& o);

}  // namespace st::cli
