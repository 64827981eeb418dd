// DeviceTallies: what each device did over the run, counted from the records as they pass: its uplink messages
// (sent, and their one fate), its radio frames by outcome, and the charge it drew from its battery. devices.csv's
// per-device columns (the dashboard's device story).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "sim/metrics/records.hpp"

namespace st::output {

class DeviceTallies {
 public:
  struct Device {
    std::uint32_t uplinks_sent = 0, uplinks_delivered = 0, uplinks_rejected = 0, uplinks_dropped = 0;
    std::uint32_t frames_up = 0, frames_down = 0;
    std::array<std::uint32_t, models::kFrameOutcomeCount> frames_by_outcome{};  // both directions
    double charge_uc = 0;
  };

  void traffic(const metrics::TrafficRecord& r);
  void uplink_fate(const metrics::UplinkFateRecord& r);
  void radio_frame(const metrics::RadioFrameRecord& r);
  void battery(const metrics::BatteryRecord& r);
  void device_energy(const metrics::DeviceEnergyRecord& r);

  // All zero for a device nothing was counted for.
  const Device& of(std::uint32_t device) const { return device < devices_.size() ? devices_[device] : none_; }
  // Its type's battery capacity, mAh (0: mains powered, or not reported).
  double capacity_mah(std::uint16_t device_type) const {
    return device_type < capacity_mah_.size() ? capacity_mah_[device_type] : 0.0;
  }

 private:
  Device& at(std::uint32_t device);

  std::vector<Device> devices_;
  std::vector<double> capacity_mah_;
  Device none_{};
};

}  // namespace st::output
