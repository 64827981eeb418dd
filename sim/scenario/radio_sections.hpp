// Readers of the radio parts of a scenario (read_radio.cpp): the physical layer of `topology:`, the radio keys
// of a gateway group, a device type's `radio:` map and placements.
#pragma once
#include <cstdint>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace st::scenario {

namespace channel = models::channel;
using models::LinkType;

// The topology keys of the physical layer (radio, propagation, capture_threshold, noise_figure, fading,
// ble_scan_duty, ble_idle_timeout): the caller's MapReader allows them.
void read_topology_radio(const MapReader& m, Topology& t);
// The radio keys of a gateway group (placement, tx_power, ble_tx_power, demodulators, ble_connections,
// backhaul_rate, monthly_data_cap, fsk_slot).
void read_gateway_radio(const MapReader& g, GatewayGroup& group);
// A device type's `radio:` map.
void read_device_radio(const Field& f, DeviceType& t);
// `placement:` for `count` gateways or devices; near_gateways only for devices.
models::PlacementConfig read_placement(const Field& f, std::uint64_t count, bool allow_near_gateways);

}  // namespace st::scenario
