// GatewayPool: the Sidewalk bridges of the topology: which links they serve, how each device is homed on
// one, and the backhaul latency from a gateway to the network server.
#pragma once
#include <cstdint>
#include <vector>

#include "models/channel/link_type.hpp"
#include "models/lifecycle/fleet_config.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models {

class GatewayPool {
 public:
  explicit GatewayPool(const std::vector<GatewayGroupConfig>& groups);

  bool serves(LinkType link) const { return !by_link_[link_index(link)].empty(); }
  std::uint32_t gateway_count() const { return static_cast<std::uint32_t>(group_of_.size()); }
  // The gateway a device uses on a link: a fixed, deterministic choice among those serving the link.
  std::uint32_t home_gateway(std::uint32_t device, LinkType link) const;
  SimTime backhaul_delay(std::uint32_t gateway, RandomStream& rng) const;
  // The first link of `preferred` a gateway serves (registration: only BLE or FSK), or false.
  bool pick_link(const std::vector<LinkType>& preferred, bool for_registration, LinkType& out) const;

 private:
  std::vector<GatewayGroupConfig> groups_;
  std::vector<std::uint32_t> group_of_;                 // gateway -> group
  std::array<std::vector<std::uint32_t>, 3> by_link_;   // link -> gateways serving it
};

}  // namespace st::models
