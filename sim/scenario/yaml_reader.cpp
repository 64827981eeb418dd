#include "sim/scenario/yaml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

SourceRef source_ref(const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return {1, 1};
  return {mark.line + 1, mark.column + 1};
}

namespace {

std::string describe(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      return "'" + (s.size() > 40 ? s.substr(0, 40) + "..." : s) + "'";
    }
    default: return "an undefined value";
  }
}

std::string join_path(const std::string& parent, const std::string& name) {
  if (parent.empty()) return name;
  if (!name.empty() && name.front() == '[') return parent + name;
  return parent + "." + name;
}

}  // namespace

Field::Field(const std::string& file, YAML::Node value, std::optional<YAML::Node> key, std::string path)
    : file_(&file), value_(std::move(value)), key_(std::move(key)), path_(std::move(path)) {}

SourceRef Field::where() const {
  if (value_.IsNull() && key_) return source_ref(key_->Mark());
  return source_ref(value_.Mark());
}
SourceRef Field::key_where() const { return key_ ? source_ref(key_->Mark()) : source_ref(value_.Mark()); }

void Field::fail(const std::string& cause) const {
  throw ScenarioError(*file_, where(), (path_.empty() ? std::string() : path_ + ": ") + cause);
}
void Field::fail_raw(const std::string& cause) const { throw ScenarioError(*file_, where(), cause); }
void Field::fail_key(const std::string& cause) const { throw ScenarioError(*file_, key_where(), cause); }

Field Field::child(const YAML::Node& value, const YAML::Node& key, const std::string& name) const {
  return Field(*file_, value, key, join_path(path_, name));
}

std::string Field::scalar(std::string_view expected) const {
  if (!value_.IsScalar()) fail("expected " + std::string(expected) + ", got " + describe(value_));
  return value_.Scalar();
}

std::string Field::as_text() const {
  std::string s = scalar("a text");
  if (s.empty()) fail("must not be empty");
  return s;
}

std::string Field::as_name() const {
  std::string s = scalar("a name");
  if (s.empty()) fail("a name must not be empty");
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
      fail("the name '" + s + "' may only contain letters, digits, '-', '_' and '.'");
    }
  }
  return s;
}

std::uint64_t Field::as_uint(std::uint64_t min, std::uint64_t max) const {
  const std::string s = scalar("a whole number");
  std::uint64_t v = 0;
  const bool digits = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    double d = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), d);
    const bool numeric = r.ec == std::errc() && r.ptr == s.data() + s.size();
    if (numeric && d < 0) fail("must not be negative, got " + s);
    if (numeric) fail("expected a whole number, got " + s);
    fail("expected a whole number, got " + describe(value_));
  }
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc()) fail("the number " + s + " is absurdly large (at most " + std::to_string(max) + ")");
  if (v < min) fail("must be at least " + std::to_string(min) + ", got " + s);
  if (v > max) fail("the number " + s + " is absurdly large (at most " + std::to_string(max) + ")");
  return v;
}

double Field::as_number() const {
  const std::string s = scalar("a number");
  double d = 0;
  const char* first = s.data();
  if (!s.empty() && s.front() == '+') ++first;
  const auto r = std::from_chars(first, s.data() + s.size(), d);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(d)) {
    fail("expected a number, got " + describe(value_));
  }
  return d;
}

bool Field::as_bool() const {
  const std::string s = scalar("true or false");
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  fail("expected true or false, got " + describe(value_));
}

SimTime Field::as_duration() const {
  const auto p = parse_duration_checked(scalar("a time (e.g. 30s)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

std::uint64_t Field::as_size() const {
  const auto p = parse_size_checked(scalar("a size (e.g. 19B)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

double Field::as_frequency() const {
  const auto p = parse_frequency_checked(scalar("a frequency (e.g. 64MHz)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

double Field::as_power_dbm() const {
  const auto p = parse_power_dbm_checked(scalar("a power (e.g. 14dBm)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

double Field::as_distance() const {
  const auto p = parse_distance_checked(scalar("a distance (e.g. 250m)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

double Field::as_decibels() const {
  const auto p = parse_decibels_checked(scalar("a ratio in decibels (e.g. 6dB)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

double Field::as_rate() const {
  const auto p = parse_rate_checked(scalar("a data rate (e.g. 80kbps)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

double Field::as_charge_mah() const {
  const auto p = parse_charge_mah_checked(scalar("a battery capacity (e.g. 2400mAh)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

double Field::as_current_ma() const {
  const auto p = parse_current_ma_checked(scalar("a current (e.g. 2uA)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

void Field::out_of_range(std::string_view bound) const {
  fail("must be " + std::string(bound) + ", got '" + node().Scalar() + "'");
}

double Field::in_range(double v, double min, double max, const std::string& range_text) const {
  if (!(v >= min && v <= max)) out_of_range("within " + range_text);
  return v;
}

double Field::as_probability() const {
  const auto p = parse_probability_checked(scalar("a fraction (e.g. 0.02 or 2%)"));
  if (!p.value) fail(p.error);
  return *p.value;
}

std::vector<Field> Field::as_list() const {
  if (!value_.IsSequence()) fail("expected a list, got " + describe(value_));
  std::vector<Field> out;
  std::size_t i = 0;
  for (const auto& item : value_) {
    std::string index = "[";
    index.append(std::to_string(i++)).push_back(']');
    Field f(*file_, item, std::nullopt, join_path(path_, index));
    // yaml-cpp places an empty entry at the next token, so point at the list's key instead.
    if (item.IsNull()) fail_key(f.path() + " is an empty list entry");
    out.push_back(std::move(f));
  }
  return out;
}

MapReader::MapReader(const Field& map, std::vector<std::string> allowed) : self_(map) {
  const YAML::Node& n = map.node();
  if (!n.IsMap()) {
    map.fail("expected a map with keys " + join_names(allowed) + ", got " + describe(n));
  }
  const std::string where = map.path().empty() ? std::string("the top level") : "'" + map.path() + "'";
  for (auto it = n.begin(); it != n.end(); ++it) {
    const YAML::Node key = it->first;  // copies: it-> is a proxy that dies at the end of the statement
    const YAML::Node value = it->second;
    if (!key.IsScalar()) {
      throw ScenarioError(map.file(), source_ref(key.IsNull() ? value.Mark() : key.Mark()),
                          "keys in " + where + " must be plain names, got " + describe(key));
    }
    const std::string name = key.Scalar();
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      const std::string what = map.path().empty() ? "unknown section '" + name + "'"
                                                  : "unknown key '" + name + "' in " + where;
      throw ScenarioError(map.file(), source_ref(key.Mark()), what + suggestion(name, allowed, "allowed"));
    }
    for (const auto& [seen, field] : entries_) {
      if (seen == name) {
        throw ScenarioError(map.file(), source_ref(key.Mark()),
                            "duplicate key '" + name + "' in " + where + " (first defined at line " +
                                std::to_string(field.key_where().line) + ")");
      }
    }
    Field f = map.child(value, key, name);
    if (value.IsNull()) f.fail_key("'" + f.path() + "' has no value");
    entries_.emplace_back(name, std::move(f));
  }
}

bool MapReader::has(std::string_view key) const { return get(key).has_value(); }

std::optional<Field> MapReader::get(std::string_view key) const {
  for (const auto& [name, field] : entries_) {
    if (name == key) return field;
  }
  return std::nullopt;
}

Field MapReader::require(std::string_view key) const {
  if (auto f = get(key)) return *f;
  if (self_.path().empty()) self_.fail_key("missing required section '" + std::string(key) + "'");
  self_.fail_key("missing required key '" + std::string(key) + "' in '" + self_.path() + "'");
}

std::vector<std::string> MapReader::keys() const {
  std::vector<std::string> out;
  for (const auto& [name, field] : entries_) out.push_back(name);
  return out;
}

}  // namespace st::scenario
