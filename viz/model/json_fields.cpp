#include "model/json_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace st::viz::json_fields {

std::string shown(const json& v) {
  std::string s = v.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

const json& field(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) throw InputError(std::string("missing field '") + key + "'");
  return *it;
}

double number_value(const json& v, const char* key) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) {  // tolerate numbers written as strings ("1.5")
    const auto& s = v.get_ref<const std::string&>();
    double d = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec == std::errc() && p == s.data() + s.size() && !s.empty()) return d;
  }
  throw InputError(std::string("field '") + key + "' is not a number (" + shown(v) + ")");
}

double number(const json& j, const char* key) { return number_value(field(j, key), key); }

std::uint64_t count_value(const json& v, const char* key) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(v.get<std::int64_t>());
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (d >= 0 && d < 1.8e19 && std::floor(d) == d) return static_cast<std::uint64_t>(d);
  }
  throw InputError(std::string("field '") + key + "' is not a count (" + shown(v) + ")");
}

std::uint64_t count(const json& j, const char* key) { return count_value(field(j, key), key); }

std::uint64_t count_or_zero(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? 0 : count_value(*it, key);
}

std::string text(const json& j, const char* key) {
  const json& v = field(j, key);
  if (!v.is_string()) throw InputError(std::string("field '") + key + "' is not a string (" + shown(v) + ")");
  return v.get<std::string>();
}

std::string text_or_empty(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

CountersSample::ByCause by_cause(const json& j, const char* key) {
  CountersSample::ByCause out;
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_object()) throw InputError(std::string("field '") + key + "' is not an object (" + shown(*it) + ")");
  for (auto& [k, v] : it->items()) out.emplace_back(k, count_value(v, key));
  std::sort(out.begin(), out.end());
  return out;
}

void require_object(const json& j) {
  if (!j.is_object()) throw InputError("not a JSON object (" + shown(j) + ")");
}

const json& object_or_empty(const json& j, const char* key) {
  static const json kEmpty = json::object();
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : kEmpty;
}
const json& array(const json& j, const char* key) {
  const json& v = field(j, key);
  if (!v.is_array()) throw InputError(std::string("field '") + key + "' is not a list (" + shown(v) + ")");
  return v;
}

}  // namespace st::viz::json_fields
