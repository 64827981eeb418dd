// Sx1262Profile: the Semtech SX1262 sub-GHz radio (Sidewalk FSK and CSS): per-state currents, transition
// times, the TX power cap, and the duration and charge of a whole transmit or receive operation
// (docs/sidewalk.md §5.1).
#pragma once
#include <cstdint>
#include <vector>

#include "hw_models/energy/energy_account.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::hw {

enum class Sx1262State : std::uint8_t { SleepCold, SleepWarm, StandbyRc, StandbyXosc, FrequencySynthesis, Tx, Rx };

// Maximum conducted TX power by region [D, sidewalk.md §5.1].
inline constexpr double kNorthAmericaMaxPowerDbm = 20.0;
inline constexpr double kEuropeMaxPowerDbm = 14.0;
inline constexpr double kSx1262MaxPowerDbm = 22.0;

// Currents in mA unless the name says uA; charges in uC (see energy_account.hpp).
struct Sx1262Profile {
  double sleep_cold_ua = 0.16;   // [D, sidewalk.md §5.1]
  double sleep_warm_ua = 0.6;    // configuration retained [D, sidewalk.md §5.1]
  double standby_rc_ma = 0.6;    // [D, sidewalk.md §5.1]
  double standby_xosc_ma = 1.6;  // [E; sidewalk.md §5.1: standby 0.6-1.6 mA]
  double synthesis_ma = 2.1;     // FS mode [E, SX1261/2 datasheet DC-DC figure]
  double rx_ma = 4.2;            // [D, sidewalk.md §5.1]
  double rx_boosted_ma = 5.3;    // RX boosted gain [E]
  bool rx_boosted = false;
  double wake_ma = 1.6;          // while waking (boot, XOSC start; calibration when cold): taken at standby XOSC [E]
  // TX supply current by output power: +14 dBm ~45 mA, +20 ~90 mA, +22 ~118 mA [E].
  std::vector<TxCurrentPoint> tx_current = {{14.0, 45.0}, {20.0, 90.0}, {22.0, 118.0}};
  double region_max_power_dbm = kNorthAmericaMaxPowerDbm;  // [D, sidewalk.md §5.1]; EU 14 dBm
  double chip_max_power_dbm = kSx1262MaxPowerDbm;          // [D, sidewalk.md §5.1]
  // Warm sleep -> ready: the Sidewalk PAL budgets sleep_to_full_power_us = 406 [D, sidewalk.md §5.1] (the datasheet's
  // wake to STDBY_XOSC is 340 us [D, sidewalk.md §5.1]).
  SimTime warm_wake = 406 * kMicrosecond;
  SimTime cold_wake = 3500 * kMicrosecond;  // cold start with calibration [D, sidewalk.md §5.1]
  SimTime synthesis = 50 * kMicrosecond;    // standby -> FS (PLL lock) before TX or RX [E]

  // The supply current in a state (sleep currents converted to mA; RX boosted when rx_boosted is set;
  // Tx at the highest allowed power).
  double state_current_ma(Sx1262State s) const;
  // The power actually transmitted: the request capped at the region's and the chip's maximum.
  double tx_power_dbm(double requested_dbm) const;
  // The TX current at the capped power, interpolated in the table (clamped at its ends).
  double tx_current_ma(double requested_dbm) const;
  SimTime wake_time(bool from_cold_sleep) const { return from_cold_sleep ? cold_wake : warm_wake; }

  // A whole transmission: wake (warm or cold) at wake_ma, frequency synthesis at synthesis_ma, `airtime` at
  // the TX current of the capped power, then straight back to sleep (entering sleep taken as instantaneous
  // [E]). Duration = wake + synthesis + airtime; the charge is the full current over that time (the sleep
  // current afterwards is the caller's baseline).
  EnergyCost transmit(SimTime airtime, double power_dbm, bool from_cold_sleep = false) const;
  // A whole receive window: wake, synthesis, `duration` in RX, back to sleep; same conventions.
  EnergyCost receive_window(SimTime duration, bool from_cold_sleep = false) const;
  // Throws std::invalid_argument naming the problem: a bad TX table, a negative current.
  void check() const;
};

}  // namespace st::hw
