// PlacementConfig: where the devices of a type or the gateways of a group are: a placement pattern, or (devices
// only) near the gateways that serve their first link.
#pragma once

#include "models/channel/position.hpp"

namespace st::models {

// Where the devices of a type (or the gateways of a group) are. `near_gateways`: each device is put
// uniformly in a disc of `near_radius_m` around a gateway that serves its first link (devices live in and
// around the homes that have a bridge), the gateway picked by the device's own random stream.
struct PlacementConfig {
  bool near_gateways = false;
  double near_radius_m = 25.0;
  channel::PlacementSpec spec;
};

}  // namespace st::models
