// EnergyAccount: a device's compact (16-byte, heap-free) running total of battery charge, plus the shared
// vocabulary of the hardware models: the cost of an operation (duration and charge) and current tables.
#pragma once
#include <cstdint>
#include <span>

#include "sim/kernel/sim_time.hpp"

namespace st::hw {

// Units used by every hardware model: currents in milliamperes (mA), charges in microcoulombs (uC).
// 1 mA for 1 ms = 1 uC; 1 mAh = 3.6e6 uC; 1 uAh = 3600 uC.
inline constexpr double kMicrocoulombPerMilliampHour = 3.6e6;

// The charge drawn by `current_ma` flowing for `duration` (mA * ns = 1e-6 uC).
constexpr double charge_uc(double current_ma, SimTime duration) {
  return current_ma * static_cast<double>(duration) * 1e-6;
}

// The cost of one complete hardware operation: how long it keeps the part busy and the charge it draws
// over that time (the full current, sleep baseline included: see EnergyAccount).
struct EnergyCost {
  SimTime duration = 0;
  double charge_uc = 0;

  EnergyCost& operator+=(const EnergyCost& o) {
    duration += o.duration;
    charge_uc += o.charge_uc;
    return *this;
  }
  friend EnergyCost operator+(EnergyCost a, const EnergyCost& b) { return a += b; }
};

// One point of a transmit-current table: supply current at an output power.
struct TxCurrentPoint {
  double power_dbm = 0;
  double current_ma = 0;
};

// The current at `power_dbm`, linearly interpolated between the table's points (sorted by power, strictly
// increasing); below the first point the first point's current, above the last the last's (a PA's current
// does not fall to zero at low power: clamping is the conservative choice [E]).
// Throws std::invalid_argument on an empty or unsorted table.
double interpolate_tx_current_ma(std::span<const TxCurrentPoint> table, double power_dbm);
// Throws std::invalid_argument naming `what` when the table is empty or its powers are not increasing.
void check_tx_table(std::span<const TxCurrentPoint> table, const char* what);

// A battery: its capacity and nominal voltage. capacity_mah <= 0 means mains powered (never depleted).
struct BatteryProfile {
  double capacity_mah = 0;
  double voltage_v = 3.0;

  double capacity_uc() const { return capacity_mah * kMicrocoulombPerMilliampHour; }
};

// The charge a device has drawn since the start of the run. Operations add their charge explicitly;
// the always-on baseline (sleep) current is integrated lazily between updates. The baseline is integrated
// over all time, including while an operation runs, so an operation's full current plus the baseline
// counts the sleep current twice during the operation: an error of (sleep current / active current),
// below 0.01% for microampere sleep against milliampere radio currents [E, accepted for compactness].
class EnergyAccount {
 public:
  // Adds an operation's charge in uC (negative charges are ignored).
  void add_charge(double charge_uc) {
    if (charge_uc > 0) charge_uc_ += charge_uc;
  }
  void add(const EnergyCost& cost) { add_charge(cost.charge_uc); }
  // Adds `current_ma` flowing for `duration`.
  void add_current_for(double current_ma, SimTime duration) { add_charge(hw::charge_uc(current_ma, duration)); }
  // Adds the baseline current from the last baseline update up to `now`, and moves the update time to
  // `now`. Simulated time never runs backwards: a `now` at or before the last update changes nothing.
  void integrate_baseline(double baseline_ma, SimTime now) {
    if (now <= last_update_) return;
    add_current_for(baseline_ma, now - last_update_);
    last_update_ = now;
  }

  double charge_uc() const { return charge_uc_; }
  double charge_mah() const { return charge_uc_ / kMicrocoulombPerMilliampHour; }
  SimTime last_update() const { return last_update_; }
  // Energy drawn, in joules: charge times the battery's nominal voltage.
  double energy_j(const BatteryProfile& battery) const { return charge_uc_ * 1e-6 * battery.voltage_v; }
  // True once the charge drawn reaches the battery's capacity (never for capacity_mah <= 0).
  bool depleted(const BatteryProfile& battery) const {
    return battery.capacity_mah > 0 && charge_uc_ >= battery.capacity_uc();
  }
  // The fraction of the capacity left, in [0, 1] (1 for a mains-powered device).
  double remaining_fraction(const BatteryProfile& battery) const;

 private:
  double charge_uc_ = 0;     // charge drawn since the start of the run, uC
  SimTime last_update_ = 0;  // the time up to which the baseline is integrated
};
static_assert(sizeof(EnergyAccount) <= 16, "EnergyAccount sits in every device record: keep it at 16 bytes");

// The average current, in mA, that draws `charge_uc` over `elapsed` (0 for zero elapsed time).
double average_current_ma(double charge_uc, SimTime elapsed);
// How many days `battery` lasts at a constant `average_current_ma` (capacity / current / 24 h); infinity
// for a zero current or a mains-powered battery. Throws std::invalid_argument for a negative current.
double battery_lifetime_days(const BatteryProfile& battery, double average_current_ma);

}  // namespace st::hw
