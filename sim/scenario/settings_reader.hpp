// Reading a model configuration's declared settings (models/base/setting.hpp) from a scenario map: each key of
// Settings<Config>::list that is present is read in its unit, checked against its range and stored; a Section
// recurses into its nested map. What is absent keeps the configuration's default.
#pragma once
#include <string>
#include <type_traits>
#include <vector>

#include "models/base/setting.hpp"
#include "sim/scenario/distribution_reader.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace st::scenario {

// The keys of Config's declared settings, in declaration order.
template <typename Config>
std::vector<std::string> setting_keys_of() {
  std::vector<std::string> keys;
  std::apply([&](const auto&... s) { (keys.emplace_back(s.key), ...); }, models::Settings<Config>::list);
  return keys;
}

// `keys` followed by `more` (the keys a section reads by hand beside its declared settings).
inline std::vector<std::string> with_keys(std::vector<std::string> keys, const std::vector<std::string>& more) {
  keys.insert(keys.end(), more.begin(), more.end());
  return keys;
}

template <typename Config>
void read_settings(const MapReader& m, Config& config);

namespace detail {

template <typename O, typename T>
void read_setting(const MapReader& m, O& config, const models::Setting<O, T>& s) {
  using models::Unit;
  const auto f = m.get(s.key);
  if (!f) return;
  T& value = config.*s.member;
  if constexpr (std::is_same_v<T, Distribution>) {
    value = read_time_distribution(*f);
  } else if constexpr (std::is_same_v<T, bool>) {
    value = f->as_bool();
  } else if constexpr (std::is_integral_v<T>) {
    if (s.unit == Unit::Count) {
      value = static_cast<T>(f->as_uint(s.min, s.max));
      return;
    }
    const std::uint64_t v = s.unit == Unit::Duration ? f->as_duration() : f->as_size();
    if (v < s.min || v > s.max) f->out_of_range(s.bound);
    value = static_cast<T>(v);
  } else {
    double v = 0;
    switch (s.unit) {
      case Unit::Probability: v = f->as_probability(); break;
      case Unit::Power: v = f->as_power_dbm(); break;
      case Unit::Decibels: v = f->as_decibels(); break;
      case Unit::Current: v = f->as_current_ma(); break;
      case Unit::Charge: v = f->as_charge_mah(); break;
      case Unit::Rate: v = f->as_rate(); break;
      default: v = f->as_number(); break;
    }
    if (!(v >= s.min && (s.open_max ? v < s.max : v <= s.max))) f->out_of_range(s.bound);
    value = s.scale == 1.0 ? v : v * s.scale;
  }
}

template <typename O, typename Sub>
void read_setting(const MapReader& m, O& config, const models::Section<O, Sub>& s) {
  if (const auto f = m.get(s.key)) read_settings(MapReader(*f, setting_keys_of<Sub>()), config.*s.member);
}

}  // namespace detail

// Fills `config` from the declared settings present in `m` (which must allow their keys).
template <typename Config>
void read_settings(const MapReader& m, Config& config) {
  std::apply([&](const auto&... s) { (detail::read_setting(m, config, s), ...); }, models::Settings<Config>::list);
}

}  // namespace st::scenario
