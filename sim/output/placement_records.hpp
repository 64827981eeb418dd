// The live stream's placement records (docs/telemetry.md): `gateways` (every gateway, its position, links and
// reach) and `devices` (every device's type and position, in chunks), made from the run's PlacementRecord; and at
// the end each gateway's load (`gateway_load`).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "sim/metrics/records.hpp"

namespace st::output {

// Devices per `devices` record: a line stays a few hundred kilobytes however large the fleet.
inline constexpr std::size_t kDevicesPerPlacementRecord = 10'000;

// One `gateways` line, then one `devices` line per chunk of devices (none for an empty fleet). Positions and
// reaches are rounded to 0.1 m, as in gateways.csv and devices.csv.
std::vector<std::string> placement_lines(const metrics::PlacementRecord& r);

// At the end of the run, one `gateway_load` line per gateway: what it served and received (gateways.csv's columns).
std::string gateway_load_line(const metrics::GatewayRecord& r);

}  // namespace st::output
