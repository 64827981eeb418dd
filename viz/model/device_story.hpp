// A device's story: what the run directory (or the live stream so far) says about one device, in time order: its
// lifecycle transitions, refusals and notices, its registration handshakes, and (from devices.csv) where it is, its
// home gateways, its uplinks and their fates, its radio frames by outcome and the charge it drew. Qt-free.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/run_data.hpp"

namespace st::viz {

struct DeviceStory {
  struct Entry {
    double t = 0;
    std::string what;    // "transition", "refusal", "notice", "handshake"
    std::string detail;  // "created -> associated (provisioned)", "ble 412.5 ms success", ...
  };
  std::uint32_t device = 0;
  std::string smsn;         // empty until the device is made
  std::string device_type;  // empty when nothing says it
  bool placed = false;      // the map knows where it is
  double x_m = 0, y_m = 0;
  std::vector<std::pair<std::string, std::uint32_t>> homes;  // link -> home gateway (devices.csv)
  std::optional<DeviceTally> tally;                          // devices.csv
  std::vector<std::string> frame_outcomes;                   // names of tally->frames_by_outcome
  std::size_t handshakes_succeeded = 0, handshakes_failed = 0;
  std::optional<State> state;  // at the time asked for
  std::vector<Entry> entries;  // up to the time asked for, in time order
};

// The story of `device` up to simulated time `until` (the cursor). The tallies are the run's totals (they are
// written at its end).
DeviceStory story_of(const RunData& run, std::uint32_t device, double until);

}  // namespace st::viz
