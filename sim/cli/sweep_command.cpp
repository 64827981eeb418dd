#include "sim/cli/sweep_command.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "sim/campaign/child_process.hpp"
#include "sim/campaign/point_check.hpp"
#include "sim/campaign/rank_group.hpp"
#include "sim/campaign/run_share.hpp"
#include "sim/campaign/sweep_manifest.hpp"
#include "sim/campaign/sweep_tables.hpp"
#include "sim/scenario/scenario_error.hpp"

namespace st::cli {

namespace fs = std::filesystem;
using namespace st::campaign;

namespace {

constexpr const char* kPlotter = "sidewalk-sweep-plot";

// Rank 0's checks before any run: the sweep's points and the output folder. The message, or empty.
std::string check_before_runs(const SweepSpec& spec, const SweepPlan& plan, const fs::path& out) {
  try {
    check_points(spec, plan);
    if (fs::exists(out) && !fs::is_directory(out)) return out.string() + ": --out exists and is not a directory";
    claim_sweep_dir(out, spec);
  } catch (const scenario::ScenarioError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("sidewalk-twin: ") + e.what();
  }
  return {};
}

unsigned default_jobs(const RankGroup& group) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max(1u, cores / static_cast<unsigned>(std::max(1, group.local_size())));
}

// One PNG per figure (viz/: sidewalk-sweep-plot, built with the dashboard, next to this program).
void draw_plots(const SweepSpec& spec, const fs::path& out, bool quiet) {  // each titled by its figure
  const fs::path plotter = own_executable().parent_path() / kPlotter;
  if (!fs::exists(plotter)) {
    std::cerr << "sidewalk-twin: no plots: " << plotter.string()
              << " is not there (it is built with the dashboard, SIDEWALK_BUILD_DASHBOARD)\n";
    return;
  }
  const fs::path log = out / "logs" / "plots.log";
  ChildProcess plot({plotter.string(), (out / "summary.csv").string(), "--out", (out / "plots").string()}, log);
  if (const int code = plot.wait(); code != 0) {
    std::cerr << "sidewalk-twin: the plots failed (exit " << code << "), see " << log.string() << '\n';
  } else if (!quiet) {
    std::cout << "  plots: " << (out / "plots").string() << "/ (" << spec.figures.size() << " PNG)\n";
  }
}

// Rank 0: the outcomes of every rank into the tables. 0, or 2 when a run failed.
int merge_and_write(const SweepSpec& spec, const SweepPlan& plan, const fs::path& out,
                    const std::vector<std::string>& texts, const SweepOptions& o, double seconds) {
  SweepResults results(plan.runs.size());
  std::size_t failed = 0, resumed = 0, complete = 0;
  for (const auto& text : texts) {
    for (auto& outcome : outcomes_from_text(text)) {
      if (!outcome.failure.empty()) {
        std::cerr << "sidewalk-twin: " << outcome.failure << '\n';
        ++failed;
        continue;
      }
      resumed += outcome.resumed;
      ++complete;
      results.at(outcome.run) = std::move(outcome.figures);
    }
  }
  if (failed > 0 || complete < plan.runs.size()) {
    std::cerr << "sidewalk-twin: sweep " << spec.name << ": " << complete << " of " << plan.runs.size()
              << " runs complete; run the same command again to run the rest (complete runs are kept in "
              << (out / "runs").string() << ")\n";
    return 2;
  }
  write_sweep_csv(out / "sweep.csv", spec, plan, results);
  write_summary_csv(out / "summary.csv", spec, plan, results);
  if (!o.quiet) {
    std::cout << "sweep " << spec.name << ": " << plan.runs.size() << " runs (" << plan.points.size() << " points x "
              << spec.seeds.size() << " seeds; " << resumed << " resumed) in " << static_cast<long long>(seconds)
              << " s\n  " << (out / "sweep.csv").string() << "\n  " << (out / "summary.csv").string() << '\n';
  }
  if (o.plots) draw_plots(spec, out, o.quiet);
  return 0;
}

}  // namespace

int sweep_command(const SweepOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<RankGroup> group;
  try {
    group = join_rank_group();
  } catch (const std::exception& e) {
    std::cerr << "sidewalk-twin: " << e.what() << '\n';
    return 2;
  }
  const bool root = group->rank() == 0;
  SweepSpec spec;
  try {
    spec = read_sweep_file(o.sweep_file);
  } catch (const scenario::ScenarioError& e) {
    if (root) std::cerr << e.what() << '\n';
    return 2;
  }
  const SweepPlan plan = plan_sweep(spec);
  const fs::path out = o.out_dir;
  std::string problem = root ? check_before_runs(spec, plan, out) : std::string();
  if (group->broadcast(problem.empty() ? 0 : 2) != 0) {
    if (root) std::cerr << problem << '\n';
    return 2;
  }
  const std::vector<PlannedRun> mine = share_of(plan, group->rank(), group->size());
  std::string prefix = "sweep " + spec.name;
  if (group->size() > 1) prefix += " [rank " + std::to_string(group->rank()) + "/" + std::to_string(group->size()) + "]";
  SweepProgress progress(prefix, mine.size(), !o.quiet);
  ShareOptions share{own_executable(), out, o.jobs.value_or(default_jobs(*group)), std::nullopt};
  if (share.jobs > 1) share.crypto_workers = 0;  // the runs themselves fill the cores
  std::string mine_text;
  try {
    mine_text = outcomes_text(run_share(spec, plan, mine, share, progress));
  } catch (const std::exception& e) {
    std::cerr << "sidewalk-twin: " << prefix << ": " << e.what() << '\n';
    group->abort(2);
  }
  const std::vector<std::string> texts = group->gather(mine_text);
  if (!root) return 0;
  try {
    return merge_and_write(spec, plan, out, texts, o,
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  } catch (const std::exception& e) {
    std::cerr << "sidewalk-twin: " << e.what() << '\n';
    return 2;
  }
}

}  // namespace st::cli
