// The field readers the dashboard's record parsers share: each throws InputError naming the field and what is
// wrong with it ("field 'x_m' is not a number ("abc")").
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "model/records.hpp"

namespace st::viz::json_fields {

using nlohmann::json;

// A value as the error shows it (at most 40 characters).
std::string shown(const json& v);
// j[key], or InputError "missing field 'key'".
const json& field(const json& j, const char* key);
double number_value(const json& v, const char* key);  // a number, or a string holding one
double number(const json& j, const char* key);
std::uint64_t count_value(const json& v, const char* key);  // an integer >= 0
std::uint64_t count(const json& j, const char* key);
std::uint64_t count_or_zero(const json& j, const char* key);  // 0 when absent or null
std::string text(const json& j, const char* key);
std::string text_or_empty(const json& j, const char* key);  // "" when absent or null; non-strings as JSON
CountersSample::ByCause by_cause(const json& j, const char* key);  // an object cause -> count, sorted
void require_object(const json& j);
const json& object_or_empty(const json& j, const char* key);  // {} when absent or not an object
// j[key] as an array, or InputError.
const json& array(const json& j, const char* key);

}  // namespace st::viz::json_fields
