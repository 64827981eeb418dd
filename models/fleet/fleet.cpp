#include "models/fleet/fleet.hpp"

namespace st::models {

Fleet::Fleet(const std::vector<DeviceTypeConfig>& types, std::uint64_t seed, metrics::MetricsSink& sink)
    : types_(types), seed_(seed), sink_(sink) {
  std::uint64_t total = 0;
  for (const auto& t : types_) total += t.count + t.reserve;  // the reserve: made on request
  devices_.resize(total);
  first_.reserve(types_.size() + 1);
  std::uint32_t next = 0;
  for (std::uint16_t t = 0; t < types_.size(); ++t) {
    first_.push_back(next);
    for (std::uint32_t i = 0; i < types_[t].count + types_[t].reserve; ++i) devices_[next++].device_type = t;
  }
  first_.push_back(next);
}

metrics::FleetState Fleet::visible_of(Phase p) {
  using metrics::FleetState;
  switch (p) {
    case Phase::Unmade:
    case Phase::Manufacturing: return FleetState::None;
    case Phase::Rejected: return FleetState::Rejected;
    case Phase::Created: return FleetState::Created;
    case Phase::Associated: return FleetState::Associated;
    case Phase::Registered: return FleetState::Registered;
    case Phase::Deregistered: return FleetState::Deregistered;
    case Phase::Blocked: return FleetState::Blocked;
  }
  return FleetState::None;
}

void Fleet::set_phase(std::uint32_t device, Phase phase, SimTime now, Cause cause) {
  DeviceRecord& d = devices_[device];
  d.phase = phase;
  const metrics::FleetState to = visible_of(phase);
  if (to == d.visible) return;
  const metrics::FleetState from = d.visible;
  d.visible = to;
  if (from == metrics::FleetState::None) ++made_;
  sink_.transition({now, device, d.device_type, metrics::Smsn(d.identity.smsn), from, to, cause});
}

void Fleet::report_refusal(std::uint32_t device, SimTime now, Actor actor, Refused what, Cause cause) const {
  const DeviceRecord& d = devices_[device];
  sink_.refusal({now, device, d.device_type, metrics::Smsn(d.identity.smsn), actor, what, cause});
}

void Fleet::report_link_switch(std::uint32_t device, SimTime now, LinkType from, LinkType to,
                               LinkSwitchCause cause) const {
  const DeviceRecord& d = devices_[device];
  sink_.link_switch({now, device, d.device_type, metrics::Smsn(d.identity.smsn), from, to, cause});
}

}  // namespace st::models
