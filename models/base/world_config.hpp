// WorldConfig: everything a world is built from, as the models take it (no knowledge of scenario files): the
// device types, the gateway groups, the physical layer (or the explicit link model) and the cloud.
#pragma once
#include <cstdint>
#include <vector>

#include "models/base/cloud_config.hpp"
#include "models/base/device_type_config.hpp"
#include "models/base/gateway_config.hpp"
#include "models/base/radio_world_config.hpp"

namespace st::models {

struct WorldConfig {
  std::uint64_t seed = 1;
  std::vector<DeviceTypeConfig> device_types;
  std::vector<GatewayGroupConfig> gateways;
  PerLink<LinkHopConfig> link_hops = kDefaultLinkHops;  // the explicit link model, by link_index()
  CloudConfig cloud;
  RadioWorldConfig radio;
};

}  // namespace st::models
