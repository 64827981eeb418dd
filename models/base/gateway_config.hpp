// GatewayGroupConfig: the settings of one group of Sidewalk bridges: count, links, backhaul latency, and their
// radio (placement, transmit powers, receivers, backhaul caps, FSK beacon and slot grid).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "models/base/placement_config.hpp"
#include "models/channel/link_type.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

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

struct GatewayGroupConfig {
  std::string name;
  std::uint32_t count = 1;
  std::vector<LinkType> links;                        // e.g. {Ble} (Echo-like) or {Ble, Fsk, Css}
  Distribution backhaul_latency = Distribution::constant(30.0 * 1e6);  // gateway -> network server
  GatewayRadioConfig radio;
};

}  // namespace st::models
