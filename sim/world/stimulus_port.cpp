#include "sim/world/stimulus_port.hpp"

#include <utility>

namespace st::world {

SimTime StimulusPort::submit(Stimulus s, SimTime at) {
  if (at < kernel_.now()) at = kernel_.now();
  if (record_) record_(TimedStimulus{kernel_.activations(), at, s});
  const auto index = static_cast<std::uint32_t>(pending_.size());
  pending_.push_back(std::move(s));
  kernel_.schedule_at(at, kTarget, 0, kNoDevice, index);
  return at;
}

void StimulusPort::replay(std::vector<TimedStimulus> recorded) {
  replay_ = std::move(recorded);
  replay_next_ = 0;
}

void StimulusPort::submit_replayed() {
  while (replay_next_ < replay_.size() && replay_[replay_next_].activation <= kernel_.activations()) {
    TimedStimulus& t = replay_[replay_next_++];
    submit(std::move(t.stimulus), t.at);
  }
}

void StimulusPort::on_event(const CalendarEntry& e) {
  Stimulus s = std::move(pending_[e.arg]);
  pending_[e.arg] = Stimulus{};  // its bytes are not needed again
  apply(s);
}

void StimulusPort::apply(const Stimulus& s) {
  switch (s.kind) {
    case StimulusKind::SendData: {
      const SimTime now = kernel_.now();
      lifecycle_.traffic().developer_downlinks().queue(
          s.device, models::DeveloperDownlink{s.message, s.payload, s.acknowledged, now, now + s.keep_for, false});
      break;
    }
    case StimulusKind::Deregister:
      // Only a registered device can be de-registered; the API checked, and nothing runs between its check and now
      // but what the calendar held for this very instant.
      if (fleet_[s.device].phase == models::Phase::Registered)
        lifecycle_.deregister(s.device, models::Cause::DeveloperDeregister);
      break;
    case StimulusKind::Create:
      lifecycle_.provisioning().manufacture_on_request(s.device);
      break;
    case StimulusKind::Timeline:
      timeline_.perform_live(s.action);
      break;
  }
}

}  // namespace st::world
