// ExpectationCheck: evaluates a scenario's `expect` section against a run: state counts snapshotted at
// their times, handshake latency percentiles and summary counters.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/output/run_recorder.hpp"
#include "sim/scenario/scenario.hpp"

namespace st::output {

struct ExpectationResult {
  const scenario::Expectation* expectation;
  bool passed;
  double observed;  // count, fraction, milliseconds or counter value
  std::string where;  // FILE:LINE:COL of the expectation
};

// Nearest-rank percentile of an unsorted sample (0 for an empty one).
double percentile(std::vector<double> values, int p);

class ExpectationCheck {
 public:
  ExpectationCheck(const scenario::Scenario& s, const RunRecorder& recorder);
  // Times at which state snapshots are due, with the expectation index (state expectations only).
  std::vector<std::pair<SimTime, std::size_t>> snapshot_times() const;
  void snapshot(std::size_t index);  // take the state counts for expectation `index` now
  std::vector<ExpectationResult> evaluate() const;

 private:
  const scenario::Scenario& scenario_;
  const RunRecorder& recorder_;
  std::vector<double> observed_;
  std::vector<bool> taken_;
};

}  // namespace st::output
