// The map at one instant of the run: each device's state (replaying the transitions up to then) and which gateways
// are down (from the notices of gateway outages, which name them). Qt-free.
#pragma once
#include <cstdint>
#include <vector>

#include "model/run_data.hpp"

namespace st::viz {

// One entry per device of run.map (State::None: not made yet, or made by no transition seen).
std::vector<State> device_states_at(const RunData& run, double t);

struct GatewayOutage {
  double start_s = 0, end_s = 0;
  std::vector<std::uint32_t> gateways;
};
// Every gateway outage of the run whose notice names its gateways ("3 gateways of city for 600.000000 s: 4 17 22").
std::vector<GatewayOutage> gateway_outages(const RunData& run);
// Whether each of `gateway_count` gateways is down at t.
std::vector<bool> gateways_down_at(const std::vector<GatewayOutage>& outages, std::size_t gateway_count, double t);

}  // namespace st::viz
