// RunControl: a mutex and a condition variable; gate() waits on it for resume, a pace change or shutdown.
#include "sim/telemetry/run_control.hpp"

#include <cmath>
#include <utility>

namespace st::telemetry {

void RunControl::gate(SimTime now, SimTime next) {
  std::unique_lock lock(mutex_);
  now_ = now;
  if (next < now) next = now;
  if (pace_ > 0 && !paused_) {
    const double behind = std::chrono::duration<double>(Clock::now() - wall_of_locked(now)).count();
    if (behind > max_behind_s_) max_behind_s_ = behind;
  }
  bool held = false;
  for (;;) {
    if (poked_ && service_) {
      poked_ = false;
      const SimTime live = live_locked(now, next);
      const auto service = service_;
      lock.unlock();
      const SimTime scheduled = service(live);
      lock.lock();
      if (scheduled < next) next = scheduled < now ? now : scheduled;
      continue;
    }
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
    const auto due = wall_of_locked(next);
    if (Clock::now() >= due) return;
    // Woken early by a command or a poke: look again (a resume or a new pace re-anchors).
    changed_.wait_until(lock, due);
  }
}

RunControl::Clock::time_point RunControl::wall_of_locked(SimTime t) const {
  const double ahead_s = (static_cast<double>(t) - static_cast<double>(anchor_sim_)) / 1e9 / pace_;
  return anchor_wall_ + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(ahead_s));
}

SimTime RunControl::live_locked(SimTime now, SimTime next) const {
  if (paused_ || pace_ <= 0) return now;
  const double since_s = std::chrono::duration<double>(Clock::now() - anchor_wall_).count();
  const double live = static_cast<double>(anchor_sim_) + since_s * pace_ * 1e9;
  if (live <= static_cast<double>(now)) return now;
  if (live >= static_cast<double>(next)) return next;
  return static_cast<SimTime>(live);
}

void RunControl::set_service(Service service) {
  std::lock_guard lock(mutex_);
  service_ = std::move(service);
}

void RunControl::poke() {
  std::lock_guard lock(mutex_);
  poked_ = true;
  changed_.notify_all();
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
  max_behind_s_ = 0;
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

double RunControl::max_behind_s() const {
  std::lock_guard lock(mutex_);
  return max_behind_s_;
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
