// Radio configuration of a world, as the models take it: the propagation and interference of the shared
// media, and the radio hardware, placement and MAC timing of each device type and gateway group.
#pragma once
#include <cstdint>

#include "hw_models/energy/energy_account.hpp"
#include "hw_models/radio/ble_timing.hpp"
#include "hw_models/radio/fsk_airtime.hpp"
#include "hw_models/radio/nrf52840_ble.hpp"
#include "hw_models/radio/sx1262.hpp"
#include "models/channel/path_loss.hpp"
#include "models/channel/position.hpp"
#include "models/channel/radio_specs.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

// Where the devices of a type (or the gateways of a group) are. `near_gateways`: each device is put
// uniformly in a disc of `near_radius_m` around a gateway that serves its first link (devices live in and
// around the homes that have a bridge), the gateway picked by the device's own random stream.
struct PlacementConfig {
  bool near_gateways = false;
  double near_radius_m = 25.0;
  channel::PlacementSpec spec;
};

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

struct GatewayRadioConfig {
  PlacementConfig placement{false, 0.0, {channel::PlacementKind::Grid, {}, 400.0, 0, 1000, 0, 1, 1000, 0, {}}};
  double subghz_tx_power_dbm = 20.0;   // North America maximum [D, S11]
  double ble_tx_power_dbm = 8.0;
  std::uint16_t subghz_demodulators = 1;  // one SX1262-class radio: one frame at a time [E]
  std::uint16_t ble_demodulators = 1;
  double backhaul_rate_bps = 80'000;   // Sidewalk's bandwidth cap per bridge [D, S1/S26]
  std::uint64_t monthly_cap_bytes = 500'000'000;  // per customer and month [D, S1/S26]
  SimTime beacon_period = 10'080 * kMillisecond;  // FSK beacon [D, S3/S6: profile unit 10,080 ms]
  SimTime fsk_slot = 63 * kMillisecond;            // FSK uplink slot grid [E: the shortest RX spacing]
  unsigned beacon_bytes = 20;                      // FSK beacon payload [E]
};

struct RadioWorldConfig {
  bool physical = true;                 // false: the explicit link model (latency and loss per link)
  channel::PathLossModel subghz = channel::PathLossModel::log_distance(3.5, 6.0, 915e6);
  channel::PathLossModel ble = channel::PathLossModel::log_distance(3.5, 6.0, 2.44e9);
  double capture_threshold_db = 6.0;    // CSS capture [D, issue]; used for every link
  double fading_sigma_db = 2.0;         // frame-to-frame variation of the received power (log-normal) [E]
  double noise_figure_db = 6.0;
  double interference_margin_db = 10.0; // frames this far below sensitivity are not tracked as interferers
  SimTime ble_idle_timeout = 10 * kSecond;  // a BLE connection closes after this long without data [E]
  double ble_scan_duty = 0.5;           // gateway scan window / scan interval: chance an advert is heard [E]
};

}  // namespace st::models
