// Exact, locale-free number formatting for run outputs, so one seed gives byte-identical files.
#pragma once
#include <cstdint>
#include <string>

#include "sim/kernel/sim_time.hpp"

namespace st::output {

// Seconds with up to nanosecond digits, trailing zeros trimmed: 12, 12.5, 0.000001.
std::string format_seconds(SimTime t);
// Milliseconds with three decimals: 1234.567.
std::string format_millis(double ms);

}  // namespace st::output
