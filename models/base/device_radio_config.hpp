// DeviceRadioConfig: the radio of one device type as the air models it: placement, transmit powers, data rates,
// receive schedule, MAC retries, battery and currents, and the radio hardware (SX1262 sub-GHz, nRF52840 BLE).
#pragma once
#include <cstdint>

#include "hw_models/energy/energy_account.hpp"
#include "hw_models/radio/ble_timing.hpp"
#include "hw_models/radio/nrf52840_ble.hpp"
#include "hw_models/radio/sx1262.hpp"
#include "models/base/placement_config.hpp"
#include "models/channel/radio_specs.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

struct DeviceRadioConfig {
  PlacementConfig placement{true, 25.0, {}};
  double subghz_tx_power_dbm = 20.0;   // requested; capped at the region's and the SX1262's maximum
  double ble_tx_power_dbm = 0.0;       // requested; capped at the nRF52840's +8 dBm
  channel::DataRate fsk_rate = channel::DataRate::Fsk50k;
  channel::DataRate css_rate = channel::DataRate::Css2k;
  channel::DataRate ble_rate = channel::DataRate::Ble1M;
  unsigned fsk_preamble_bytes = 8;     // [E]
  unsigned css_preamble_symbols = 8;
  SimTime fsk_rx_spacing = 3150 * kMillisecond;  // FSK profile 2 receive slots [D, SIDEWALK.md S3]
  SimTime css_rx_interval = 5 * kSecond;          // CSS receive windows [D, S4/S6]
  SimTime ble_adv_interval = 1000 * kMillisecond; // a registered BLE device advertises to stay reachable [D, S9]
  unsigned mac_retries = 3;            // retransmissions of a lost frame: FSK and BLE both ways, CSS downlinks
  hw::BatteryProfile battery{2400.0, 3.0};        // two AA cells [E]; capacity 0 = mains powered
  double mcu_active_ma = 3.3;          // nRF52840 CPU at 64 MHz from flash, DC/DC [E]
  double sleep_ua = 2.0;               // system sleep with the RTC, radios in warm sleep [E]
  hw::Sx1262Profile sx1262;            // sub-GHz radio
  hw::Nrf52840BleProfile nrf52840;     // BLE radio
  hw::BleConnectionParams ble_connection;
  hw::BleAdvertisingParams ble_advertising;
};

}  // namespace st::models
