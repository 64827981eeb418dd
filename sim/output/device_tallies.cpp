#include "sim/output/device_tallies.hpp"

namespace st::output {

DeviceTallies::Device& DeviceTallies::at(std::uint32_t device) {
  if (device >= devices_.size()) devices_.resize(static_cast<std::size_t>(device) + 1);
  return devices_[device];
}

void DeviceTallies::traffic(const metrics::TrafficRecord& r) {
  if (r.direction == models::Direction::Uplink && r.outcome == models::TrafficOutcome::Sent && !r.attacker)
    ++at(r.device).uplinks_sent;
}

void DeviceTallies::uplink_fate(const metrics::UplinkFateRecord& r) {
  Device& d = at(r.device);
  switch (r.outcome) {
    case models::TrafficOutcome::Delivered: ++d.uplinks_delivered; break;
    case models::TrafficOutcome::Rejected: ++d.uplinks_rejected; break;
    case models::TrafficOutcome::Dropped: ++d.uplinks_dropped; break;
    case models::TrafficOutcome::Sent:
    case models::TrafficOutcome::Duplicate: break;  // not a fate
  }
}

void DeviceTallies::radio_frame(const metrics::RadioFrameRecord& r) {
  Device& d = at(r.device);
  ++(r.uplink ? d.frames_up : d.frames_down);
  ++d.frames_by_outcome[static_cast<std::size_t>(r.outcome)];
}

void DeviceTallies::battery(const metrics::BatteryRecord& r) {
  if (r.device_type >= capacity_mah_.size()) capacity_mah_.resize(static_cast<std::size_t>(r.device_type) + 1, 0.0);
  capacity_mah_[r.device_type] = r.capacity_mah;
}

void DeviceTallies::device_energy(const metrics::DeviceEnergyRecord& r) { at(r.device).charge_uc += r.charge_uc; }

}  // namespace st::output
