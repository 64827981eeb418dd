// LiveActions: the timeline actions telemetry clients send (docs/telemetry.md). Each waits in a mailbox for the
// simulation thread, which reads it against the scenario at the live instant (the timeline's own reader), hands it to
// the stimulus port (recorded in stimuli.jsonl, performed by the timeline driver) and answers the client.
#pragma once
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include "sim/kernel/sim_time.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/telemetry/telemetry_command.hpp"
#include "sim/telemetry/telemetry_server.hpp"
#include "sim/world/stimulus_port.hpp"

namespace st::cli {

class LiveActions {
 public:
  static constexpr std::size_t kMaxWaiting = 1024;  // actions waiting for the simulation; more are refused

  explicit LiveActions(const scenario::Scenario& s) : scenario_(s) {}

  // Network thread: an `action` command and the answer to its client. True when it waits for the simulation (poke
  // it); false when it was refused at once (the run has ended, too many waiting).
  bool take(const telemetry::TelemetryCommand& command, telemetry::AnswerAction answer);
  // Simulation thread, between two kernel activations: reads every waiting action as taking effect at `live`,
  // submits those the scenario's reader accepts, and answers each. The earliest time it scheduled anything at
  // (kNever: nothing).
  SimTime service(SimTime live, world::StimulusPort& port);
  // The run has ended: the waiting actions and any later one are refused.
  void close();

 private:
  struct Waiting {
    telemetry::TelemetryCommand command;
    telemetry::AnswerAction answer;
  };

  const scenario::Scenario& scenario_;
  std::mutex mutex_;
  std::deque<Waiting> waiting_;
  bool closed_ = false;
  std::vector<scenario::Action> accepted_;  // the simulation thread's: the actions taken so far
};

}  // namespace st::cli
