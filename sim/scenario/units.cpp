#include "sim/scenario/units.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#include "sim/scenario/did_you_mean.hpp"

namespace st::scenario {

namespace {

struct Unit {
  std::string_view name;
  double scale;
};
constexpr Unit kTimeUnits[] = {{"ns", 1.0},  {"us", 1e3},   {"ms", 1e6},        {"s", 1e9},
                               {"min", 60e9}, {"h", 3600e9}, {"d", 86400e9}};
constexpr Unit kSizeUnits[] = {{"B", 1.0}, {"KB", 1e3}, {"KiB", 1024.0}, {"MB", 1e6}, {"MiB", 1048576.0}};
constexpr Unit kFrequencyUnits[] = {{"Hz", 1.0}, {"kHz", 1e3}, {"MHz", 1e6}, {"GHz", 1e9}};
constexpr Unit kPowerUnits[] = {{"dBm", 1.0}};
constexpr Unit kDistanceUnits[] = {{"m", 1.0}, {"km", 1e3}};
constexpr Unit kDecibelUnits[] = {{"dB", 1.0}};
constexpr Unit kRateUnits[] = {{"bps", 1.0}, {"kbps", 1e3}, {"Mbps", 1e6}};
constexpr Unit kChargeUnits[] = {{"mAh", 1.0}, {"Ah", 1e3}};
constexpr Unit kCurrentUnits[] = {{"nA", 1e-6}, {"uA", 1e-3}, {"mA", 1.0}, {"A", 1e3}};

struct Split {
  double number = 0;
  std::string_view unit;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string quoted(std::string_view s) {
  constexpr std::size_t kMax = 40;
  std::string out = "'";
  out += s.size() > kMax ? std::string(s.substr(0, kMax)) + "..." : std::string(s);
  return out + "'";
}

// A decimal number (optional sign, digits, optional fraction) followed by an optional unit.
std::optional<Split> split_number(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  const std::size_t digits_from = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  bool any_digit = i > digits_from;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t frac_from = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    any_digit = any_digit || i > frac_from;
  }
  if (!any_digit) return std::nullopt;
  std::string_view num = text.substr(0, i);
  if (!num.empty() && num.front() == '+') num.remove_prefix(1);
  Split s;
  const auto r = std::from_chars(num.data(), num.data() + num.size(), s.number);
  if (r.ec != std::errc() || r.ptr != num.data() + num.size() || !std::isfinite(s.number)) return std::nullopt;
  s.unit = trim(text.substr(i));
  return s;
}

template <std::size_t N>
std::vector<std::string> unit_names(const Unit (&units)[N]) {
  std::vector<std::string> names;
  for (const auto& u : units) names.emplace_back(u.name);
  return names;
}

// number * unit scale, or an error naming the unit and listing the accepted ones.
template <std::size_t N>
Parsed<double> parse_with_units(std::string_view raw, const Unit (&units)[N], std::string_view what,
                                std::string_view example) {
  const std::string_view text = trim(raw);
  const auto names = unit_names(units);
  const std::string accepted = " (accepted: " + join_names(names) + ")";
  const std::string a_what = "a " + std::string(what);
  if (text.empty()) return {std::nullopt, "expected " + a_what + " like " + std::string(example) + ", got nothing"};
  const auto split = split_number(text);
  if (!split) {
    return {std::nullopt, "expected " + a_what + " like " + std::string(example) + ", got " + quoted(text)};
  }
  if (split->unit.empty()) {
    if (split->number == 0) return {0.0, {}};
    return {std::nullopt, "missing unit in " + quoted(text) + ": write " + a_what + " like " +
                              std::string(example) + accepted};
  }
  for (const auto& u : units) {
    if (u.name == split->unit) return {split->number * u.scale, {}};
  }
  std::string cause = "unknown " + std::string(what) + " unit " + quoted(split->unit) + " in " + quoted(text);
  if (auto m = closest_match(split->unit, names)) cause += " (did you mean '" + *m + "'?)";
  return {std::nullopt, cause + accepted};
}

}  // namespace

Parsed<SimTime> parse_duration_checked(std::string_view text) {
  const auto p = parse_with_units(text, kTimeUnits, "time", "250ms, 2s, 10min or 1.5h");
  if (!p.value) return {std::nullopt, p.error};
  const double ns = *p.value;
  if (ns < 0) return {std::nullopt, "a time must not be negative, got " + quoted(trim(text))};
  if (ns > static_cast<double>(kMaxDuration)) {
    return {std::nullopt, "the time " + quoted(trim(text)) + " is absurdly long (at most 100000d)"};
  }
  return {static_cast<SimTime>(std::llround(ns)), {}};
}
std::optional<SimTime> parse_duration(std::string_view text) { return parse_duration_checked(text).value; }

Parsed<std::uint64_t> parse_size_checked(std::string_view text) {
  const auto p = parse_with_units(text, kSizeUnits, "size", "19B or 4KiB");
  if (!p.value) return {std::nullopt, p.error};
  const double b = *p.value;
  if (b < 0) return {std::nullopt, "a size must not be negative, got " + quoted(trim(text))};
  if (b > 1e15) return {std::nullopt, "the size " + quoted(trim(text)) + " is absurdly large"};
  if (b != std::floor(b)) return {std::nullopt, "the size " + quoted(trim(text)) + " is not a whole number of bytes"};
  return {static_cast<std::uint64_t>(b), {}};
}
std::optional<std::uint64_t> parse_size(std::string_view text) { return parse_size_checked(text).value; }

Parsed<double> parse_frequency_checked(std::string_view text) {
  return parse_with_units(text, kFrequencyUnits, "frequency", "64MHz or 500kHz");
}
std::optional<double> parse_frequency(std::string_view text) { return parse_frequency_checked(text).value; }

Parsed<double> parse_power_dbm_checked(std::string_view text) {
  return parse_with_units(text, kPowerUnits, "power", "-120dBm or 14dBm");
}
std::optional<double> parse_power_dbm(std::string_view text) { return parse_power_dbm_checked(text).value; }

Parsed<double> parse_distance_checked(std::string_view text) {
  return parse_with_units(text, kDistanceUnits, "distance", "250m or 2.5km");
}
Parsed<double> parse_decibels_checked(std::string_view text) {
  return parse_with_units(text, kDecibelUnits, "ratio in decibels", "6dB");
}
Parsed<double> parse_rate_checked(std::string_view text) {
  return parse_with_units(text, kRateUnits, "data rate", "80kbps");
}
Parsed<double> parse_current_ma_checked(std::string_view text) {
  return parse_with_units(text, kCurrentUnits, "current", "2uA or 4.2mA");
}
Parsed<double> parse_charge_mah_checked(std::string_view text) {
  return parse_with_units(text, kChargeUnits, "battery capacity", "2400mAh");
}

Parsed<double> parse_probability_checked(std::string_view raw) {
  const std::string_view text = trim(raw);
  const auto split = split_number(text);
  if (!split) return {std::nullopt, "expected a fraction like 0.02 or 2%, got " + quoted(text)};
  if (split->unit.empty()) return {split->number, {}};
  if (split->unit == "%") return {split->number / 100.0, {}};
  return {std::nullopt, "unknown fraction unit " + quoted(split->unit) + " in " + quoted(text) +
                            " (accepted: a plain number like 0.02, or a percentage like 2%)"};
}
std::optional<double> parse_probability(std::string_view text) { return parse_probability_checked(text).value; }

std::string format_duration(SimTime t) {
  if (t == 0) return "0s";
  constexpr struct {
    SimTime scale;
    const char* name;
  } kUnits[] = {{24 * kHour, "d"}, {kHour, "h"}, {kMinute, "min"}, {kSecond, "s"},
                {kMillisecond, "ms"}, {kMicrosecond, "us"}, {kNanosecond, "ns"}};
  for (const auto& u : kUnits) {
    if (t < u.scale) continue;
    const double v = static_cast<double>(t) / static_cast<double>(u.scale);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g%s", v, u.name);
    // Only use a fractional form when it round-trips exactly; otherwise try a smaller unit.
    const auto back = parse_duration(buf);
    if (back && *back == t) return buf;
  }
  return std::to_string(t) + "ns";
}

}  // namespace st::scenario
