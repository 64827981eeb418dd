// RunControl: a mutex and a condition variable; gate() waits on it for resume, a pace change or shutdown.
#include "sim/telemetry/run_control.hpp"

#include <cmath>
#include <utility>

namespace st::telemetry {

void RunControl::gate(SimTime now) {
  std::unique_lock lock(mutex_);
  now_ = now;
  bool held = false;
  for (;;) {
    if (shutdown_) return;
    if (paused_) {
      if (!held && on_hold_) {
        held = true;
        const auto hook = on_hold_;
        lock.unlock();
        hook();
        lock.lock();
        continue;  // look again: it may have been resumed meanwhile
      }
      changed_.wait(lock);
      continue;
    }
    if (pace_ <= 0) return;
    const double ahead_s = static_cast<double>(now - anchor_sim_) / 1e9 / pace_;
    const auto due = anchor_wall_ + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(ahead_s));
    if (Clock::now() >= due) return;
    // Woken early by a command: look again (a resume or a new pace re-anchors).
    changed_.wait_until(lock, due);
  }
}

void RunControl::pause() {
  std::lock_guard lock(mutex_);
  paused_ = true;
  changed_.notify_all();
}

void RunControl::resume() {
  std::lock_guard lock(mutex_);
  if (paused_) anchor_locked();  // a pause is not time to catch up on
  paused_ = false;
  changed_.notify_all();
}

void RunControl::set_pace(double sim_seconds_per_second) {
  std::lock_guard lock(mutex_);
  pace_ = std::isfinite(sim_seconds_per_second) && sim_seconds_per_second > 0 ? sim_seconds_per_second : 0;
  anchor_locked();
  changed_.notify_all();
}

void RunControl::shutdown() {
  std::lock_guard lock(mutex_);
  shutdown_ = true;
  changed_.notify_all();
}

void RunControl::on_hold(std::function<void()> hook) {
  std::lock_guard lock(mutex_);
  on_hold_ = std::move(hook);
}

RunControl::State RunControl::state() const {
  std::lock_guard lock(mutex_);
  return State{paused_, pace_, now_};
}

void RunControl::anchor_locked() {
  anchor_sim_ = now_;
  anchor_wall_ = Clock::now();
}

}  // namespace st::telemetry
