// Nrf52840BleProfile: the Nordic nRF52840's BLE radio (DC/DC on): currents, ramp-up, and the duration and
// charge of an advertising event and of a connection event, seen from the device (docs/sidewalk.md §5.2).
#pragma once
#include <cstdint>
#include <vector>

#include "hw_models/energy/energy_account.hpp"
#include "hw_models/radio/ble_timing.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::hw {

// Which way the data of a connection event flows, seen from the device (the peripheral).
enum class BleDirection : std::uint8_t { Send, Receive };

// Currents in mA unless the name says uA; charges in uC (see energy_account.hpp). Radio only: the CPU's
// and the crystal's start-up are not included.
struct Nrf52840BleProfile {
  // TX supply current by output power: 6.4 mA at 0 dBm, 16.4 mA at +8 dBm [D, sidewalk.md §5.2]; interpolated, clamped.
  std::vector<TxCurrentPoint> tx_current = {{0.0, 6.4}, {8.0, 16.4}};
  double rx_ma = 6.26;                       // [D, sidewalk.md §5.2]
  double sleep_ua = 2.0;                     // System ON idle with the RTC running [E]
  double max_power_dbm = 8.0;                // the nRF52840's highest setting [D, sidewalk.md §5.2]
  SimTime ramp_up = 40 * kMicrosecond;       // fast ramp-up to TX or RX, drawing the target state's current [E]
  // After each connectable ADV_IND the radio listens T_IFS plus the time to detect a SCAN_REQ or
  // CONNECT_IND's preamble and access address [E].
  SimTime adv_rx_listen = 200 * kMicrosecond;
  // A peripheral opens its receive window this early for the two sleep clocks' drift [E].
  SimTime rx_window_widening = 30 * kMicrosecond;

  double tx_power_dbm(double requested_dbm) const;   // capped at max_power_dbm
  double tx_current_ma(double requested_dbm) const;  // at the capped power
  double sleep_ma() const { return sleep_ua * 1e-3; }

  // One advertising event on a.channels channels (legacy ADV_IND on the 1M PHY): per channel, a TX ramp-up,
  // the ADV_IND (a.adv_payload_bytes), then adv_rx_listen in RX.
  EnergyCost advertising_event(double power_dbm, const BleAdvertisingParams& a = {}) const;
  // One connection event in which the device sends (or receives) `packets` data packets of
  // `ll_payload_bytes` each: RX ramp-up and window widening, then per exchange the central's packet (RX),
  // T_IFS, the device's packet (TX), with T_IFS between exchanges; the peer's packets in the exchange are
  // empty. Zero packets is the keep-alive: one exchange of empty packets. Each T_IFS is charged at the
  // current of the state that follows it (the radio ramps up within it) [E].
  EnergyCost connection_event(unsigned packets, unsigned ll_payload_bytes, double power_dbm,
                              BleDirection direction = BleDirection::Send, BlePhy phy = BlePhy::Le1M,
                              bool encrypted = false) const;
  // Throws std::invalid_argument naming the problem: a bad TX table, a negative current.
  void check() const;
};

}  // namespace st::hw
