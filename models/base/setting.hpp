// Setting: one setting of a model's configuration, declared once next to the configuration struct: the key that
// names it in a scenario file, the member it fills (the member's initializer is its default), how its value is
// written (its unit) and the values it may take. Settings<Config>::list holds a struct's settings; the scenario
// reader fills a configuration by walking that list, so a new setting is one member and one line here.
#pragma once
#include <cstdint>
#include <limits>
#include <string_view>
#include <tuple>

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

// How a value is written in a scenario file (the unit suffixes it takes) and what it holds.
enum class Unit : std::uint8_t {
  Count,             // a whole number: 12
  Size,              // bytes: 19B, 500MB
  Duration,          // a time: 250ms, 2s, 10min
  TimeDistribution,  // a time, or {dist: ..., ...} with times
  Probability,       // 0.02 or 2%
  Flag,              // true or false
  Power,             // dBm
  Decibels,          // dB
  Current,           // mA, uA, A (held in mA, times `scale`)
  Charge,            // mAh
  Rate,              // bps, kbps
};

// One scalar setting: `key: value` fills `Owner::*member`. A value outside [min, max] (or [min, max) when
// `open_max`) is refused with "must be <bound>"; `bound` says the range the way a user writes it
// ("within 1ms..1min", "greater than 0"). The member holds the value written times `scale`.
template <typename Owner, typename T>
struct Setting {
  std::string_view key;
  T Owner::*member;
  Unit unit;
  T min{};
  T max{};
  std::string_view bound;
  bool open_max = false;
  double scale = 1.0;
};

// A nested map of settings: `key: {...}` fills the struct `Owner::*member` through Settings<Sub>.
template <typename Owner, typename Sub>
struct Section {
  std::string_view key;
  Sub Owner::*member;
};

// The settings of a configuration struct: specialised next to each struct with `static constexpr auto list`, a
// std::tuple of Setting and Section. Settings that need more than a range (placements, propagation models, link
// lists, data rates, current tables) are read by their own functions in sim/scenario and documented there.
template <typename Config>
struct Settings;

// ---- Shorthands for the usual kinds ----

template <typename O, typename T>
constexpr Setting<O, T> count(std::string_view key, T O::*m, T min, T max) {
  return {key, m, Unit::Count, min, max, ""};  // (a whole number: the reader names the bounds it breaks)
}
template <typename O>
constexpr Setting<O, SimTime> positive_duration(std::string_view key, SimTime O::*m) {
  return {key, m, Unit::Duration, 1, kNever, "greater than 0"};
}
template <typename O>
constexpr Setting<O, SimTime> duration_within(std::string_view key, SimTime O::*m, SimTime min, SimTime max,
                                              std::string_view bound) {
  return {key, m, Unit::Duration, min, max, bound};
}
template <typename O>
constexpr Setting<O, Distribution> time_distribution(std::string_view key, Distribution O::*m) {
  return {key, m, Unit::TimeDistribution, {}, {}, ""};
}
// A probability in [0, 1).
template <typename O>
constexpr Setting<O, double> probability_below_one(std::string_view key, double O::*m) {
  return {key, m, Unit::Probability, 0.0, 1.0, "in [0, 1) (e.g. 0.02 or 2%)", true};
}
template <typename O>
constexpr Setting<O, bool> flag(std::string_view key, bool O::*m) {
  return {key, m, Unit::Flag, false, true, "true or false"};
}
template <typename O>
constexpr Setting<O, std::uint64_t> size(std::string_view key, std::uint64_t O::*m) {
  return {key, m, Unit::Size, 0, std::numeric_limits<std::uint64_t>::max(), "a size"};
}
// A number with a unit, within [min, max] (in the member's unit, before `scale`).
template <typename O>
constexpr Setting<O, double> quantity(std::string_view key, double O::*m, Unit unit, double min, double max,
                                      std::string_view bound, double scale = 1.0) {
  return {key, m, unit, min, max, bound, false, scale};
}

}  // namespace st::models
