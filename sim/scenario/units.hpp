// Units of scenario values, each written with its unit: times (ns..d), sizes (B..MiB), frequencies (Hz..GHz),
// power (dBm), distances (m, km), decibels (dB), data rates (bps..Mbps), battery charge (mAh, Ah) and
// probabilities (0.02 or 2%). The *_checked forms say why a text was refused.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/kernel/sim_time.hpp"

namespace st::scenario {

template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // why value is empty: one line, names the unit and lists the accepted ones
};

inline constexpr SimTime kMaxDuration = 100'000ULL * 24 * kHour;  // anything longer is refused as absurd

// "250ms", "2s", "10min", "1.5h", "3d"; a bare 0 is 0; other bare numbers: "missing unit".
Parsed<SimTime> parse_duration_checked(std::string_view text);
std::optional<SimTime> parse_duration(std::string_view text);
// "19B", "4KB" (1000), "4KiB" (1024), "1MB", "1MiB": a whole number of bytes.
Parsed<std::uint64_t> parse_size_checked(std::string_view text);
std::optional<std::uint64_t> parse_size(std::string_view text);
// "868MHz", "64MHz", "500kHz", "2.4GHz", "32768Hz": hertz.
Parsed<double> parse_frequency_checked(std::string_view text);
std::optional<double> parse_frequency(std::string_view text);
// "-120dBm", "14dBm": dBm.
Parsed<double> parse_power_dbm_checked(std::string_view text);
std::optional<double> parse_power_dbm(std::string_view text);
// "250m", "2.5km": metres.
Parsed<double> parse_distance_checked(std::string_view text);
// "6dB": decibels.
Parsed<double> parse_decibels_checked(std::string_view text);
// "80kbps", "1Mbps": bits per second.
Parsed<double> parse_rate_checked(std::string_view text);
// "2uA", "4.2mA": milliamperes.
Parsed<double> parse_current_ma_checked(std::string_view text);
// "2400mAh", "2.4Ah": milliampere-hours.
Parsed<double> parse_charge_mah_checked(std::string_view text);
// "0.02" or "2%": a plain number (the caller checks the range).
Parsed<double> parse_probability_checked(std::string_view text);
std::optional<double> parse_probability(std::string_view text);

// A readable time with the largest unit that keeps it short: "0s", "250ms", "30min", "1.5h", "2d".
std::string format_duration(SimTime t);

}  // namespace st::scenario
