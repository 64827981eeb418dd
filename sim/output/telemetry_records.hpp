// The records of the live stream that the recorder does not write: `hello` (the run, from its scenario) and
// `end` (the summary), as specified in docs/telemetry.md.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "sim/kernel/sim_time.hpp"
#include "sim/scenario/scenario.hpp"

namespace st::output {

// {"type":"hello","version":1,"scenario","seed","duration_s","sample_interval_s","devices","device_types",
//  "timeline":[{"t","action","detail"}]}: one timeline entry per scenario action, `detail` its other keys as
// written ("device_type: devkit, fraction: 80%").
nlohmann::ordered_json hello_record(const scenario::Scenario& s);
// {"type":"end","t":…,"summary":{…}} on one line.
std::string end_record(SimTime t, const nlohmann::ordered_json& summary);

}  // namespace st::output
