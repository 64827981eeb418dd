#include "sim/campaign/run_share.hpp"

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "sim/campaign/child_process.hpp"

namespace st::campaign {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> run_argv(const SweepSpec& spec, const SweepPlan& plan, const PlannedRun& run,
                                  const ShareOptions& o, const fs::path& out) {
  std::vector<std::string> argv{o.twin.string(), "run", spec.scenario_file, "--seed", std::to_string(run.seed)};
  for (const auto& ov : plan.points[run.point].overrides) {
    argv.push_back("--set");
    argv.push_back(ov.key + "=" + ov.value);
  }
  argv.insert(argv.end(), {"--out", out.string(), "--quiet"});
  if (o.crypto_workers) argv.insert(argv.end(), {"--crypto-workers", std::to_string(*o.crypto_workers)});
  return argv;
}

std::string log_tail(const fs::path& log, std::size_t lines) {
  std::ifstream in(log);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) all.push_back(line);
  std::string tail;
  for (std::size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i) tail += "\n    " + all[i];
  return tail;
}

// The figures of a complete run, or a failure naming its summary.json.
void read_outcome(const SweepSpec& spec, const fs::path& dir, RunOutcome& outcome) {
  const fs::path summary = dir / "summary.json";
  std::ifstream in(summary);
  try {
    outcome.figures = read_figures(nlohmann::json::parse(in), spec.figures);
  } catch (const nlohmann::json::exception& e) {
    outcome.failure = summary.string() + ": " + e.what();
  } catch (const std::invalid_argument& e) {
    outcome.failure = summary.string() + ": " + e.what();
  }
}

std::string describe(const SweepPlan& plan, const PlannedRun& run) {
  return "run " + run.id + " (" + scenario::describe_overrides(plan.points[run.point].overrides) + ", seed " +
         std::to_string(run.seed) + ")";
}

}  // namespace

std::vector<RunOutcome> run_share(const SweepSpec& spec, const SweepPlan& plan, const std::vector<PlannedRun>& mine,
                                  const ShareOptions& o, SweepProgress& progress) {
  const fs::path runs = o.out_dir / "runs", logs = o.out_dir / "logs";
  fs::create_directories(runs);
  fs::create_directories(logs);
  std::vector<RunOutcome> outcomes(mine.size());
  std::vector<std::size_t> to_run;
  std::size_t resumed = 0;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    outcomes[i].run = mine[i].index;
    if (fs::exists(runs / mine[i].id / "summary.json")) {
      outcomes[i].resumed = true;
      read_outcome(spec, runs / mine[i].id, outcomes[i]);
      ++resumed;
    } else {
      to_run.push_back(i);
    }
  }
  progress.resumed(resumed);

  std::mutex mutex;  // guards outcomes' failures and the progress line
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  auto worker = [&] {
    while (!stop) {
      const std::size_t k = next++;
      if (k >= to_run.size()) return;
      const PlannedRun& run = mine[to_run[k]];
      RunOutcome& outcome = outcomes[to_run[k]];
      const fs::path partial = runs / (run.id + ".partial"), done = runs / run.id, log = logs / (run.id + ".log");
      {
        std::lock_guard lock(mutex);
        progress.started();
      }
      const auto t0 = std::chrono::steady_clock::now();
      try {  // nothing may escape a worker thread: a failure is the run's outcome
        fs::remove_all(partial);
        ChildProcess child(run_argv(spec, plan, run, o, partial), log);
        if (const int code = child.wait(); code != 0) {
          outcome.failure = describe(plan, run) + " exited " + std::to_string(code) + "; its log " + log.string() +
                            ":" + log_tail(log, 6);
        } else {
          fs::remove_all(done);
          fs::rename(partial, done);
          read_outcome(spec, done, outcome);
        }
      } catch (const std::exception& e) {
        outcome.failure = describe(plan, run) + ": " + e.what();
      }
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::lock_guard lock(mutex);
      progress.finished(run.id, seconds, outcome.failure.empty());
      if (!outcome.failure.empty()) stop = true;
    }
  };
  std::vector<std::thread> threads;
  const std::size_t n = std::min<std::size_t>(std::max(1u, o.jobs), to_run.size());
  for (std::size_t t = 0; t < n; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  progress.finish();
  // Runs never started after a failure have neither figures nor a failure: leave them out.
  std::vector<RunOutcome> kept;
  for (auto& outcome : outcomes) {
    if (!outcome.failure.empty() || outcome.figures.size() == spec.figures.size()) kept.push_back(std::move(outcome));
  }
  return kept;
}

std::string outcomes_text(const std::vector<RunOutcome>& outcomes) {
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& o : outcomes) {
    nlohmann::json figures = nlohmann::json::array();
    for (const auto& v : o.figures) figures.push_back(figure_text(v));
    runs.push_back({{"run", o.run}, {"resumed", o.resumed}, {"figures", figures}, {"failure", o.failure}});
  }
  return runs.dump();
}

std::vector<RunOutcome> outcomes_from_text(const std::string& text) {
  std::vector<RunOutcome> outcomes;
  for (const auto& j : nlohmann::json::parse(text)) {
    RunOutcome o;
    o.run = j.at("run").get<std::size_t>();
    o.resumed = j.at("resumed").get<bool>();
    for (const auto& f : j.at("figures")) o.figures.push_back(figure_from_text(f.get<std::string>()));
    o.failure = j.at("failure").get<std::string>();
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

}  // namespace st::campaign
