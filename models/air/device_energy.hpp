// DeviceEnergy: every device's battery. Each frame, advertising event and computation adds its charge (by message
// class, for the registration-energy figure); the baseline (sleep, plus the listening that keeps the device
// reachable on its first link) is integrated lazily between updates and up to the end of the run. A device whose
// charge reaches its battery's capacity is marked depleted: it sends and hears nothing more.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "models/base/report_kinds.hpp"
#include "models/fleet/fleet.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::models::air {

class DeviceEnergy {
 public:
  DeviceEnergy(Fleet& fleet, metrics::MetricsSink& sink);

  // The always-on current of the devices of `type`: sleep plus `listening_ma` (set once, before the run).
  void set_baseline(std::uint16_t type, double listening_ma);
  double baseline_ma(std::uint16_t type) const { return baseline_ma_[type]; }

  // False once the device's battery is empty.
  bool powered(std::uint32_t device) const { return (fleet_[device].flags & kBatteryDepleted) == 0; }
  // The device draws `charge_uc` for an operation of class `cls` at `now` (nothing once it is empty).
  void charge(std::uint32_t device, double charge_uc, MessageClass cls, SimTime now);
  // Its MCU computes for `busy`.
  void compute(std::uint32_t device, SimTime busy, MessageClass cls, SimTime now);

  // Integrates every device's baseline up to the end of the run (flagging the batteries it empties), then reports
  // each type's battery, each manufactured device's charge and the totals.
  void finish(SimTime end);

  double charge_by_class_uc(MessageClass cls) const { return charge_by_class_[static_cast<std::size_t>(cls)]; }
  std::uint64_t depleted_devices() const { return depleted_; }

 private:
  void depleted(std::uint32_t device, SimTime at);

  Fleet& fleet_;
  metrics::MetricsSink& sink_;
  std::vector<double> baseline_ma_;  // by device type
  std::array<double, kMessageClassCount> charge_by_class_{};
  std::uint64_t depleted_ = 0;
};

}  // namespace st::models::air
