// RadioReport: the physical layer's part of a run's outputs: the `radio`, `gateways` and `energy` sections of
// summary.json (delivery by link, losses by cause, per-gateway load, energy and battery lifetime) and
// gateways.csv (one row per gateway).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "sim/output/run_recorder.hpp"
#include "sim/world/world.hpp"

namespace st::output {

// Radio frames by link and direction: frames, received, delivery ratio, airtime, losses by cause.
nlohmann::ordered_json radio_section(const RunRecorder& recorder);
// Load of the gateways: totals and, per group, mean and busiest gateway.
nlohmann::ordered_json gateways_section(const world::World& w);
// Energy per device per day (mean, p95), per registration, battery lifetime projection, depleted devices.
nlohmann::ordered_json energy_section(const world::World& w, const RunRecorder& recorder, SimTime duration);
// gateways.csv: gateway,group,x_m,y_m,links,devices_served,frames_received,frames_lost,frames_sent,
// rx_airtime_s,tx_airtime_s,backhaul_bytes,backhaul_delayed,backhaul_wait_s,backhaul_dropped
void write_gateways_csv(const std::string& path, const world::World& w);

}  // namespace st::output
