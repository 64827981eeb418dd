// SimTime: simulated time as an unsigned count of nanoseconds, with conversions for SystemC and outputs.
#pragma once
#include <cstdint>
#include <limits>

namespace st {

using SimTime = std::uint64_t;  // nanoseconds since the start of the run

inline constexpr SimTime kNanosecond = 1;
inline constexpr SimTime kMicrosecond = 1'000;
inline constexpr SimTime kMillisecond = 1'000'000;
inline constexpr SimTime kSecond = 1'000'000'000;
inline constexpr SimTime kMinute = 60 * kSecond;
inline constexpr SimTime kHour = 60 * kMinute;
inline constexpr SimTime kNever = std::numeric_limits<SimTime>::max();

constexpr double to_seconds(SimTime t) { return static_cast<double>(t) / 1e9; }
constexpr double to_millis(SimTime t) { return static_cast<double>(t) / 1e6; }
constexpr SimTime from_seconds(double s) { return s <= 0 ? 0 : static_cast<SimTime>(s * 1e9 + 0.5); }

}  // namespace st
