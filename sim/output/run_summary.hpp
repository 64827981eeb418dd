// RunSummary: builds summary.json of a run from its records: scenario, seed, final states, handshake latency
// percentiles, uplink and downlink outcomes by cause, refusals, the cloud partner's statuses and the actors'
// tallies, the physical layer's sections (radio, gateways, energy), expectation results and wall time.
#pragma once
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/output/expectation_check.hpp"
#include "sim/output/run_recorder.hpp"
#include "sim/scenario/scenario.hpp"

namespace st::output {

nlohmann::ordered_json build_summary(const scenario::Scenario& s, const RunRecorder& recorder,
                                     const std::vector<ExpectationResult>& expectations,
                                     double wall_s);

}  // namespace st::output
