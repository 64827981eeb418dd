#include "sim/cli/live_actions.hpp"

#include <string>
#include <utility>

#include "sim/scenario/live_action.hpp"

namespace st::cli {

namespace {
constexpr const char* kEnded = "the run has ended";
}  // namespace

bool LiveActions::take(const telemetry::TelemetryCommand& command, telemetry::AnswerAction answer) {
  std::string refused;
  {
    std::lock_guard lock(mutex_);
    if (closed_) {
      refused = kEnded;
    } else if (waiting_.size() >= kMaxWaiting) {
      refused = std::to_string(waiting_.size()) + " actions are already waiting for the simulation";
    } else {
      waiting_.push_back(Waiting{command, std::move(answer)});
      return true;
    }
  }
  answer(telemetry::ActionAnswer{false, 0, refused});
  return false;
}

SimTime LiveActions::service(SimTime live, world::StimulusPort& port) {
  std::deque<Waiting> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(waiting_);
  }
  SimTime scheduled = kNever;
  for (Waiting& w : batch) {  // answered in the order they came
    if (!w.command.error.empty()) {
      w.answer(telemetry::ActionAnswer{false, 0, w.command.error});
      continue;
    }
    world::Stimulus s;
    s.kind = world::StimulusKind::Timeline;
    try {
      s.action = scenario::read_live_action(w.command.action, scenario_, live, accepted_);
    } catch (const scenario::LiveActionError& e) {
      w.answer(telemetry::ActionAnswer{false, 0, e.what()});
      continue;
    }
    accepted_.push_back(s.action);
    s.request = w.command.request;
    const SimTime at = port.submit(std::move(s), live);
    if (at < scheduled) scheduled = at;
    w.answer(telemetry::ActionAnswer{true, at, {}});
  }
  return scheduled;
}

void LiveActions::close() {
  std::deque<Waiting> left;
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
    left.swap(waiting_);
  }
  for (Waiting& w : left) w.answer(telemetry::ActionAnswer{false, 0, kEnded});
}

}  // namespace st::cli
