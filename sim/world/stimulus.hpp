// Stimulus: one action from outside the run (a developer's API call, a telemetry client's timeline action) that
// changes the world, with the simulated instant it takes effect at and the kernel activation after which it was
// taken in: what stimuli.jsonl records and --replay-stimuli plays back.
#pragma once
#include <cstdint>
#include <string>

#include "models/security/bytes.hpp"
#include "sim/kernel/sim_time.hpp"
#include "sim/scenario/scenario.hpp"

namespace st::world {

enum class StimulusKind : std::uint8_t {
  SendData,    // a downlink to the device (SendDataToWirelessDevice)
  Deregister,  // the developer de-registers the device (DeregisterWirelessDevice)
  Create,      // the factory makes a device of its type's reserve (CreateWirelessDevice)
  Timeline,    // a timeline action, performed now as the scenario's are (a telemetry client's `action` command)
};

struct Stimulus {
  StimulusKind kind = StimulusKind::SendData;
  std::uint32_t device = 0;  // SendData, Deregister, Create
  // SendData:
  std::uint32_t message = 0;   // the run's serial of the message
  security::Bytes payload;     // the application payload
  bool acknowledged = false;   // TransmitMode 1
  SimTime keep_for = 0;        // how long the cloud tries to deliver it before it reports an error
  // Timeline: the action, read and checked against the scenario (its `at` is the instant it takes effect at).
  scenario::Action action;
  // The request as the API or the telemetry server took it (JSON text), kept for the record only: the world does
  // not read it.
  std::string request;
};

struct TimedStimulus {
  std::uint64_t activation = 0;  // taken in after this many kernel activations
  SimTime at = 0;                // takes effect at this simulated time
  Stimulus stimulus;
};

}  // namespace st::world
