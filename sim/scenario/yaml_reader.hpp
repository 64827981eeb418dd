// Typed, position-aware reading of a parsed YAML tree: every value knows its dotted path and its place in the
// file, maps refuse unknown and duplicate keys, and every refusal is a ScenarioError at the offending spot.
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/kernel/sim_time.hpp"
#include "sim/scenario/did_you_mean.hpp"
#include "sim/scenario/scenario.hpp"

namespace st::scenario {

SourceRef source_ref(const YAML::Mark& mark);  // yaml-cpp marks are 0-based; ours are 1-based

// A value of the scenario file, with the key that introduced it (none for list items and the root).
class Field {
 public:
  Field(const std::string& file, YAML::Node value, std::optional<YAML::Node> key, std::string path);

  const std::string& file() const { return *file_; }
  const std::string& path() const { return path_; }
  const YAML::Node& node() const { return value_; }
  SourceRef where() const;      // the value (the key when the value is empty)
  SourceRef key_where() const;  // the key (the value for list items and the root)

  [[noreturn]] void fail(const std::string& cause) const;      // "path: cause" at the value
  [[noreturn]] void fail_raw(const std::string& cause) const;  // cause as is, at the value
  [[noreturn]] void fail_key(const std::string& cause) const;  // cause as is, at the key

  bool is_map() const { return value_.IsMap(); }
  bool is_list() const { return value_.IsSequence(); }
  bool is_scalar() const { return value_.IsScalar(); }
  Field child(const YAML::Node& value, const YAML::Node& key, const std::string& name) const;

  std::string scalar(std::string_view expected) const;  // the text of a scalar, else "expected <expected>"
  std::string as_text() const;                          // any non-empty string
  std::string as_name() const;                          // letters, digits, '-', '_', '.'
  std::uint64_t as_uint(std::uint64_t min, std::uint64_t max) const;
  std::uint32_t as_u32(std::uint32_t min, std::uint32_t max) const {
    return static_cast<std::uint32_t>(as_uint(min, max));
  }
  double as_number() const;
  bool as_bool() const;
  SimTime as_duration() const;
  std::uint64_t as_size() const;
  double as_frequency() const;
  double as_probability() const;  // any number; the caller checks the range
  double as_power_dbm() const;    // "14dBm"
  double as_distance() const;     // metres: "250m", "2km"
  double as_decibels() const;     // "6dB"
  double as_rate() const;         // bits per second: "80kbps"
  double as_charge_mah() const;   // "2400mAh"
  double as_current_ma() const;   // "2uA", "4.2mA"
  // A number with a unit in [min, max] (in the unit's base), else an error naming the range.
  double in_range(double v, double min, double max, const std::string& range_text) const;
  // Refuses the value as out of its range: "must be <bound>, got '<value>'" (bound: "within 1ms..1min").
  [[noreturn]] void out_of_range(std::string_view bound) const;
  std::vector<Field> as_list() const;

  template <typename E>
  E as_enum(std::string_view what, const std::vector<std::pair<std::string, E>>& table) const {
    const std::string s = scalar(std::string(what));
    std::vector<std::string> names;
    for (const auto& [name, value] : table) {
      if (name == s) return value;
      names.push_back(name);
    }
    fail("unknown " + std::string(what) + " '" + s + "'" + suggestion(s, names));
  }

 private:
  const std::string* file_;
  YAML::Node value_;
  std::optional<YAML::Node> key_;
  std::string path_;
};

// A YAML map with a fixed set of allowed keys: unknown keys (with a did-you-mean) and duplicate keys are refused
// when it is built. Empty values (`key:` with nothing after it) are refused too.
class MapReader {
 public:
  MapReader(const Field& map, std::vector<std::string> allowed);

  const Field& self() const { return self_; }
  bool has(std::string_view key) const;
  std::optional<Field> get(std::string_view key) const;
  Field require(std::string_view key) const;  // missing: an error at the key that owns this map
  // The keys present, in file order.
  std::vector<std::string> keys() const;

 private:
  Field self_;
  std::vector<std::pair<std::string, Field>> entries_;
};

}  // namespace st::scenario
