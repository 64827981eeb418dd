// RunControl: pause, resume and real-time pacing of a run, set by telemetry clients (network thread) and
// obeyed by the simulation thread between kernel steps; and the simulation thread's service of outside calls (the
// API), which it runs whenever poked while it waits. Host time is read here only; it never reaches results.
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
  void gate(SimTime now) { gate(now, now); }
  // The same, pacing to `next` (the time of the kernel's next entry) so that it runs at its own wall time; while it
  // waits, every poke() runs the service on this thread.
  void gate(SimTime now, SimTime next);

  // The simulation thread's work for outside callers: given the simulated instant their calls take effect at (the
  // live time: between `now` and `next`, from the pace; `now` while paused or unpaced), it returns the earliest
  // simulated time it scheduled anything at (kNever: nothing), which becomes the new `next`.
  using Service = std::function<SimTime(SimTime live)>;
  void set_service(Service service);
  // Any thread: work waits for the service; gate() runs it as soon as it can (at the latest after the next
  // kernel activation).
  void poke();

  void pause();
  void resume();
  // X <= 0 (or not finite): as fast as possible.
  void set_pace(double sim_seconds_per_second);
  // Releases gate() for good: pause and pace are ignored from then on.
  void shutdown();

  State state() const;
  // The most the simulation has been behind its pace (wall seconds late for a simulated instant it reached), since
  // the pace was set: 0 when it always kept up.
  double max_behind_s() const;

  // Called (on the simulation thread, without the lock) when a pause takes effect: gate() starts waiting.
  void on_hold(std::function<void()> hook);

 private:
  using Clock = std::chrono::steady_clock;
  void anchor_locked();  // pacing is measured from here
  Clock::time_point wall_of_locked(SimTime t) const;  // when simulated time t is due at the pace
  SimTime live_locked(SimTime now, SimTime next) const;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool paused_ = false;
  bool shutdown_ = false;
  double pace_ = 0;
  SimTime now_ = 0;
  SimTime anchor_sim_ = 0;
  Clock::time_point anchor_wall_{};
  std::function<void()> on_hold_;
  Service service_;
  double max_behind_s_ = 0;
  bool poked_ = false;
};

}  // namespace st::telemetry
