// ProgressLine: a one-line progress report on stderr while a run goes (only on a terminal): simulated time
// against the end, devices per state and kernel events per second. Host time is read for display only.
#pragma once
#include <chrono>
#include <cstdint>

#include "sim/output/run_recorder.hpp"

namespace st::cli {

class ProgressLine {
 public:
  ProgressLine(const output::RunRecorder& recorder, SimTime end, bool enabled);
  void update(SimTime now, std::uint64_t events);  // redraws at most a few times a second
  void finish();

 private:
  const output::RunRecorder& recorder_;
  SimTime end_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  bool drawn_ = false;
};

}  // namespace st::cli
