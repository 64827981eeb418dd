// Exact, locale-free number formatting for run outputs, so one seed gives byte-identical files.
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/kernel/sim_time.hpp"

namespace st::output {

// Seconds with up to nanosecond digits, trailing zeros trimmed: 12, 12.5, 0.000001.
std::string format_seconds(SimTime t);
// The same as a JSON number, written exactly as format_seconds writes it (no binary rounding).
nlohmann::ordered_json seconds_json(SimTime t);
// Milliseconds with three decimals: 1234.567.
std::string format_millis(double ms);

}  // namespace st::output
