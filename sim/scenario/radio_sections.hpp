// Readers of the radio parts of a scenario (read_radio.cpp): the physical layer of `topology:`, the radio keys
// of a gateway group, a device type's `radio:` map and placements.
#pragma once
#include <cstdint>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace st::scenario {

namespace channel = models::channel;
using models::LinkType;

// The keys of the physical layer in `topology:` (radio, propagation and RadioWorldConfig's settings).
std::vector<std::string> topology_radio_keys();
// Reads them (the caller's MapReader allows them).
void read_topology_radio(const MapReader& m, models::RadioWorldConfig& r);
// The radio keys of a gateway group (placement and GatewayRadioConfig's settings).
std::vector<std::string> gateway_radio_keys();
// Reads them for a group of `count` gateways (the caller's MapReader allows them).
void read_gateway_radio(const MapReader& g, std::uint32_t count, models::GatewayRadioConfig& r);
// A device type's `radio:` map, for `count` devices.
void read_device_radio(const Field& f, models::DeviceRadioConfig& r, std::uint64_t count);
// `placement:` for `count` gateways or devices; near_gateways only for devices.
models::PlacementConfig read_placement(const Field& f, std::uint64_t count, bool allow_near_gateways);

}  // namespace st::scenario
