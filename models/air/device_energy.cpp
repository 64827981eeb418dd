#include "models/air/device_energy.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "hw_models/energy/energy_account.hpp"

namespace st::models::air {

namespace {

// Integrates the baseline current up to `now`, but not past the moment it empties `battery`: an empty battery
// supplies nothing more. (1 ns past that moment, so that the account reads empty despite rounding.)
void drain_baseline(hw::EnergyAccount& e, double baseline_ma, const hw::BatteryProfile& battery, SimTime now) {
  if (battery.capacity_mah > 0 && baseline_ma > 0 && now > e.last_update()) {
    const double to_empty_ns = (battery.capacity_uc() - e.charge_uc()) / baseline_ma * 1e6;  // uC / mA = ms
    if (to_empty_ns < static_cast<double>(now - e.last_update()))
      now = e.last_update() + static_cast<SimTime>(std::max(0.0, std::ceil(to_empty_ns))) + 1;
  }
  e.integrate_baseline(baseline_ma, now);
}

}  // namespace

DeviceEnergy::DeviceEnergy(Fleet& fleet, metrics::MetricsSink& sink)
    : fleet_(fleet), sink_(sink), baseline_ma_(fleet.type_count(), 0.0) {}

void DeviceEnergy::set_baseline(std::uint16_t type, double listening_ma) {
  baseline_ma_[type] = fleet_.type(type).radio.sleep_ua * 1e-3 + listening_ma;
}

void DeviceEnergy::depleted(std::uint32_t device, SimTime at) {
  fleet_[device].flags |= kBatteryDepleted;
  ++depleted_;
  sink_.notice({at, Actor::Device, NoticeKind::BatteryDepleted, "device " + std::to_string(device)});
}

void DeviceEnergy::charge(std::uint32_t device, double charge_uc, MessageClass cls, SimTime now) {
  DeviceRecord& d = fleet_[device];
  if ((d.flags & kBatteryDepleted) != 0) return;  // an empty battery supplies nothing more
  const hw::BatteryProfile battery = fleet_.type_of(device).radio.battery();
  drain_baseline(d.energy, baseline_ma_[d.device_type], battery, now);
  if (!d.energy.depleted(battery)) {  // (emptied by the baseline before this operation: it draws nothing)
    d.energy.add_charge(charge_uc);
    charge_by_class_[static_cast<std::size_t>(cls)] += charge_uc;
  }
  if (d.energy.depleted(battery)) depleted(device, now);
}

void DeviceEnergy::compute(std::uint32_t device, SimTime busy, MessageClass cls, SimTime now) {
  charge(device, hw::charge_uc(fleet_.type_of(device).mcu.active_ma, busy), cls, now);
}

void DeviceEnergy::finish(SimTime end) {
  for (std::uint32_t d = 0; d < fleet_.size(); ++d) {
    DeviceRecord& r = fleet_[d];
    if ((r.flags & kBatteryDepleted) != 0) continue;  // it stopped drawing when its battery emptied
    const hw::BatteryProfile battery = fleet_.type(r.device_type).radio.battery();
    drain_baseline(r.energy, baseline_ma_[r.device_type], battery, end);
    // A battery the baseline emptied since the device last did anything is empty too (charge() sees only
    // operations): flag and count it like one emptied by an operation.
    if (r.phase != Phase::Unmade && r.energy.depleted(battery)) depleted(d, end);
  }
  for (std::uint16_t t = 0; t < fleet_.type_count(); ++t) {
    const DeviceTypeConfig& type = fleet_.type(t);
    sink_.battery({t, type.radio.battery_mah, type.radio.battery_voltage_v, baseline_ma_[t]});
    for (std::uint32_t d = fleet_.first_of_type(t); d < fleet_.end_of_type(t); ++d) {
      if (fleet_[d].phase == Phase::Unmade) continue;
      sink_.device_energy({d, t, manufacture_time(type, d - fleet_.first_of_type(t)), end, fleet_[d].energy.charge_uc()});
    }
  }
  sink_.energy_totals({charge_by_class_uc(MessageClass::Registration), depleted_});
}

}  // namespace st::models::air
