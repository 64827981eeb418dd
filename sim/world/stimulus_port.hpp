// StimulusPort: the one entry point through which anything outside the run (the API, a telemetry client's timeline
// action) changes the world. Each
// stimulus is taken in between two kernel activations, recorded (stimuli.jsonl), and applied by a calendar entry at
// its simulated instant; a replay submits the recorded stimuli after the same activations, so the run is the same.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "models/lifecycle/device_lifecycle.hpp"
#include "sim/kernel/dispatcher.hpp"
#include "sim/world/stimulus.hpp"
#include "sim/world/timeline_driver.hpp"

namespace st::world {

class StimulusPort : public EventHandler {
 public:
  static constexpr std::uint8_t kTarget = models::kFirstWorldTarget + 2;

  StimulusPort(Dispatcher& kernel, models::DeviceLifecycle& lifecycle, const models::Fleet& fleet,
               TimelineDriver& timeline)
      : kernel_(kernel), lifecycle_(lifecycle), fleet_(fleet), timeline_(timeline) {}

  // Called with every stimulus as it is taken in (the run's stimulus log).
  void on_record(std::function<void(const TimedStimulus&)> record) { record_ = std::move(record); }
  // Simulation thread, between two kernel activations: `s` takes effect at `at` (no earlier than now).
  // Returns the time it was scheduled at.
  SimTime submit(Stimulus s, SimTime at);
  // Stimuli to play back, in the order recorded: each is submitted once the kernel has run its activation.
  void replay(std::vector<TimedStimulus> recorded);
  // Between two activations (the kernel's observer): submits the replayed stimuli due after this activation.
  void submit_replayed();
  // Whether recorded stimuli remain that the run never reached (their activation did not come).
  std::size_t replay_left() const { return replay_.size() - replay_next_; }

  void on_event(const CalendarEntry& e) override;

 private:
  void apply(const Stimulus& s);

  Dispatcher& kernel_;
  models::DeviceLifecycle& lifecycle_;
  const models::Fleet& fleet_;
  TimelineDriver& timeline_;  // performs the timeline actions
  std::function<void(const TimedStimulus&)> record_;
  std::vector<Stimulus> pending_;  // submitted, by index (the calendar entry's arg)
  std::vector<TimedStimulus> replay_;
  std::size_t replay_next_ = 0;
};

}  // namespace st::world
