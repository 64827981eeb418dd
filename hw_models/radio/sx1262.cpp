// Sx1262Profile: state currents, the TX power cap and the cost of complete TX and RX operations.
#include "hw_models/radio/sx1262.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace st::hw {

void Sx1262Profile::check() const {
  check_tx_table(tx_current, "SX1262 profile");
  for (double c : {sleep_cold_ua, sleep_warm_ua, standby_rc_ma, standby_xosc_ma, synthesis_ma, rx_ma,
                   rx_boosted_ma, wake_ma}) {
    if (c < 0) throw std::invalid_argument("SX1262 profile: a current is negative (" + std::to_string(c) + ")");
  }
}

double Sx1262Profile::tx_power_dbm(double requested_dbm) const {
  return std::min({requested_dbm, region_max_power_dbm, chip_max_power_dbm});
}

double Sx1262Profile::tx_current_ma(double requested_dbm) const {
  return interpolate_tx_current_ma(tx_current, tx_power_dbm(requested_dbm));
}

double Sx1262Profile::state_current_ma(Sx1262State s) const {
  switch (s) {
    case Sx1262State::SleepCold: return sleep_cold_ua * 1e-3;
    case Sx1262State::SleepWarm: return sleep_warm_ua * 1e-3;
    case Sx1262State::StandbyRc: return standby_rc_ma;
    case Sx1262State::StandbyXosc: return standby_xosc_ma;
    case Sx1262State::FrequencySynthesis: return synthesis_ma;
    case Sx1262State::Tx: return tx_current_ma(chip_max_power_dbm);
    case Sx1262State::Rx: return rx_boosted ? rx_boosted_ma : rx_ma;
  }
  return 0.0;
}

EnergyCost Sx1262Profile::transmit(SimTime airtime, double power_dbm, bool from_cold_sleep) const {
  check();
  const SimTime wake = wake_time(from_cold_sleep);
  EnergyCost c;
  c.duration = wake + synthesis + airtime;
  c.charge_uc = charge_uc(wake_ma, wake) + charge_uc(synthesis_ma, synthesis) +
                charge_uc(tx_current_ma(power_dbm), airtime);
  return c;
}

EnergyCost Sx1262Profile::receive_window(SimTime duration, bool from_cold_sleep) const {
  check();
  const SimTime wake = wake_time(from_cold_sleep);
  EnergyCost c;
  c.duration = wake + synthesis + duration;
  c.charge_uc = charge_uc(wake_ma, wake) + charge_uc(synthesis_ma, synthesis) +
                charge_uc(state_current_ma(Sx1262State::Rx), duration);
  return c;
}

}  // namespace st::hw
