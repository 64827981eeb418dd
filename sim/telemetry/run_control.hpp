// RunControl: pause, resume and real-time pacing of a run, set by telemetry clients (network thread) and
// obeyed by the simulation thread between kernel steps. Host time is read here only; it never reaches results.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

#include "sim/kernel/sim_time.hpp"

namespace st::telemetry {

class RunControl {
 public:
  struct State {
    bool paused = false;
    double sim_seconds_per_second = 0;  // 0: as fast as possible
    SimTime now = 0;                    // the simulated time of the last gate() call
  };

  // Simulation thread, between two kernel steps: blocks while paused; with a pace X > 0, sleeps so that
  // simulated time advances at most X simulated seconds per wall second since the pace was set (or the run
  // resumed). Returns at once after shutdown().
  void gate(SimTime now);

  void pause();
  void resume();
  // X <= 0 (or not finite): as fast as possible.
  void set_pace(double sim_seconds_per_second);
  // Releases gate() for good: pause and pace are ignored from then on.
  void shutdown();

  State state() const;

  // Called (on the simulation thread, without the lock) when a pause takes effect: gate() starts waiting.
  void on_hold(std::function<void()> hook);

 private:
  using Clock = std::chrono::steady_clock;
  void anchor_locked();  // pacing is measured from here

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool paused_ = false;
  bool shutdown_ = false;
  double pace_ = 0;
  SimTime now_ = 0;
  SimTime anchor_sim_ = 0;
  Clock::time_point anchor_wall_{};
  std::function<void()> on_hold_;
};

}  // namespace st::telemetry
