// DeviceRadioConfig: the radio of one device type as the air models it: placement, transmit powers, data rates,
// receive schedule, MAC retries, battery and currents, and the radio hardware (SX1262 sub-GHz, nRF52840 BLE).
#pragma once
#include <cstdint>
#include <tuple>

#include "hw_models/energy/energy_account.hpp"
#include "hw_models/radio/ble_timing.hpp"
#include "hw_models/radio/nrf52840_ble.hpp"
#include "hw_models/radio/sx1262.hpp"
#include "models/base/placement_config.hpp"
#include "models/base/setting.hpp"
#include "models/base/tx_power_settings.hpp"
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
  SimTime fsk_rx_spacing = 3150 * kMillisecond;  // FSK profile 2 receive slots [D, sidewalk.md §1.2]
  SimTime css_rx_interval = 5 * kSecond;          // CSS receive windows [D, sidewalk.md §1.3]
  SimTime ble_adv_interval = 1000 * kMillisecond; // a registered BLE device advertises to stay reachable [D, sidewalk.md §1.1]
  unsigned mac_retries = 3;            // retransmissions of a lost frame: FSK and BLE both ways, CSS downlinks
  double battery_mah = 2400.0;         // two AA cells [E]; 0 = mains powered
  double battery_voltage_v = 3.0;
  double sleep_ua = 2.0;               // system sleep with the RTC, radios in warm sleep [E]
  hw::Sx1262Profile sx1262;            // sub-GHz radio
  hw::Nrf52840BleProfile nrf52840;     // BLE radio
  hw::BleConnectionParams ble_connection;
  hw::BleAdvertisingParams ble_advertising;

  hw::BatteryProfile battery() const { return {battery_mah, battery_voltage_v}; }
};

// The SX1262's and the nRF52840's current tables and a device's placement and data rates are read by hand
// (sim/scenario/read_radio.cpp).
template <>
struct Settings<hw::Sx1262Profile> {
  using C = hw::Sx1262Profile;
  static constexpr auto list = std::tuple{
      quantity("wake_current", &C::wake_ma, Unit::Current, 0, 100, "within 0mA..100mA"),
      quantity("synthesis_current", &C::synthesis_ma, Unit::Current, 0, 100, "within 0mA..100mA"),
      quantity("rx", &C::rx_ma, Unit::Current, 0, 100, "within 0mA..100mA"),
      duration_within("warm_wake", &C::warm_wake, 0, kSecond, "within 0s..1s"),
      quantity("region_max_power", &C::region_max_power_dbm, Unit::Power, -20, 30, "within -20dBm..30dBm"),
  };
};

template <>
struct Settings<hw::Nrf52840BleProfile> {
  static constexpr auto list = std::tuple{
      quantity("rx", &hw::Nrf52840BleProfile::rx_ma, Unit::Current, 0, 100, "within 0mA..100mA"),
  };
};

template <>
struct Settings<DeviceRadioConfig> {
  using C = DeviceRadioConfig;
  static constexpr auto list = std::tuple{
      subghz_tx_power(&C::subghz_tx_power_dbm),
      ble_tx_power(&C::ble_tx_power_dbm),
      duration_within("fsk_rx_spacing", &C::fsk_rx_spacing, kMillisecond, kMinute, "within 1ms..1min"),
      duration_within("css_rx_interval", &C::css_rx_interval, kMillisecond, kHour, "within 1ms..1h"),
      quantity("battery", &C::battery_mah, Unit::Charge, 0, 1e7, "within 0mAh..10000Ah"),
      count("mac_retries", &C::mac_retries, 0u, 15u),
      // Written in mA or uA, held in uA.
      quantity("sleep_current", &C::sleep_ua, Unit::Current, 0, 100, "within 0uA..100mA", 1e3),
      duration_within("ble_adv_interval", &C::ble_adv_interval, 20 * kMillisecond, 10 * kSecond, "within 20ms..10s"),
  };
};

}  // namespace st::models
