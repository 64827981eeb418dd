// GatewayGroupConfig: the settings of one group of Sidewalk bridges: count, links, backhaul latency, and their
// radio (placement, transmit powers, receivers, backhaul caps, FSK beacon and slot grid).
#pragma once
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "models/base/limits.hpp"
#include "models/base/placement_config.hpp"
#include "models/base/setting.hpp"
#include "models/base/tx_power_settings.hpp"
#include "models/channel/link_type.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

struct GatewayRadioConfig {
  PlacementConfig placement{false, 0.0, {channel::PlacementKind::Grid, {}, 400.0, 0, 1000, 0, 1, 1000, 0, {}}};
  double subghz_tx_power_dbm = 20.0;   // North America maximum [D, sidewalk.md §5.1]
  double ble_tx_power_dbm = 8.0;
  std::uint16_t subghz_demodulators = 1;  // one SX1262-class radio: one frame at a time [E]
  std::uint16_t ble_demodulators = 1;
  double backhaul_rate_bps = 80'000;   // Sidewalk's bandwidth cap per bridge [D, sidewalk.md §1.4]
  std::uint64_t monthly_cap_bytes = 500'000'000;  // per customer and month [D, sidewalk.md §1.4]
  SimTime beacon_period = 10'080 * kMillisecond;  // FSK beacon [D, sidewalk.md §1.2: profile unit 10,080 ms]
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

// A group's name, links and placement are read by hand (sim/scenario/read_topology.cpp); its radio keys sit in
// the group's own map, beside these.
template <>
struct Settings<GatewayGroupConfig> {
  using C = GatewayGroupConfig;
  static constexpr auto list = std::tuple{
      count("count", &C::count, 1u, kMaxGateways),
      time_distribution("backhaul_latency", &C::backhaul_latency),
  };
};

template <>
struct Settings<GatewayRadioConfig> {
  using C = GatewayRadioConfig;
  static constexpr auto list = std::tuple{
      subghz_tx_power(&C::subghz_tx_power_dbm),
      ble_tx_power(&C::ble_tx_power_dbm),
      count("demodulators", &C::subghz_demodulators, std::uint16_t{1}, std::uint16_t{64}),
      count("ble_connections", &C::ble_demodulators, std::uint16_t{1}, std::uint16_t{64}),
      quantity("backhaul_rate", &C::backhaul_rate_bps, Unit::Rate, 0, 10e9, "within 0bps..10000Mbps"),
      size("monthly_data_cap", &C::monthly_cap_bytes),
      duration_within("fsk_slot", &C::fsk_slot, kMillisecond, 10 * kSecond, "within 1ms..10s"),
      duration_within("beacon_period", &C::beacon_period, 100 * kMillisecond, kMinute, "within 100ms..1min"),
  };
};

}  // namespace st::models
