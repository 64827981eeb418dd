// Nrf52840BleProfile: the cost of BLE advertising and connection events on the nRF52840 radio.
#include "hw_models/radio/nrf52840_ble.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace st::hw {

void Nrf52840BleProfile::check() const {
  check_tx_table(tx_current, "nRF52840 BLE profile");
  if (rx_ma < 0 || sleep_ua < 0) throw std::invalid_argument("nRF52840 BLE profile: a current is negative");
}

double Nrf52840BleProfile::tx_power_dbm(double requested_dbm) const { return std::min(requested_dbm, max_power_dbm); }

double Nrf52840BleProfile::tx_current_ma(double requested_dbm) const {
  return interpolate_tx_current_ma(tx_current, tx_power_dbm(requested_dbm));
}

EnergyCost Nrf52840BleProfile::advertising_event(double power_dbm, const BleAdvertisingParams& a) const {
  check();
  if (a.channels < 1 || a.channels > 3) {
    throw std::invalid_argument("BLE advertising channels " + std::to_string(a.channels) + " is outside 1..3");
  }
  const double tx = tx_current_ma(power_dbm);
  const SimTime adv = ble_packet_airtime(BlePhy::Le1M, a.adv_payload_bytes);
  EnergyCost per_channel;
  per_channel.duration = ramp_up + adv + adv_rx_listen;
  per_channel.charge_uc = charge_uc(tx, ramp_up + adv) + charge_uc(rx_ma, adv_rx_listen);
  EnergyCost total;
  for (unsigned i = 0; i < a.channels; ++i) total += per_channel;
  return total;
}

EnergyCost Nrf52840BleProfile::connection_event(unsigned packets, unsigned ll_payload_bytes, double power_dbm,
                                                BleDirection direction, BlePhy phy, bool encrypted) const {
  check();
  const double tx = tx_current_ma(power_dbm);
  const SimTime data = ble_packet_airtime(phy, ll_payload_bytes, encrypted);
  const SimTime empty = ble_packet_airtime(phy, 0, encrypted);
  const unsigned exchanges = std::max(packets, 1u);
  const SimTime rx_packet = packets > 0 && direction == BleDirection::Receive ? data : empty;
  const SimTime tx_packet = packets > 0 && direction == BleDirection::Send ? data : empty;

  // RX ramp-up and window widening, then per exchange: RX, T_IFS (to TX), TX; T_IFS (to RX) between them.
  const SimTime rx_time = ramp_up + rx_window_widening + exchanges * rx_packet + (exchanges - 1) * kBleTifs;
  const SimTime tx_time = exchanges * (kBleTifs + tx_packet);
  EnergyCost c;
  c.duration = rx_time + tx_time;
  c.charge_uc = charge_uc(rx_ma, rx_time) + charge_uc(tx, tx_time);
  return c;
}

}  // namespace st::hw
