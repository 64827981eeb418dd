#include "sim/aws/json_fields.hpp"

#include <fstream>
#include <sstream>

#include "models/security/base64.hpp"

namespace st::aws {

void JsonField::fail(std::string_view cause) const {
  std::string what = file_ + ": ";
  if (!path_.empty()) what.append(path_).append(": ");
  what.append(cause);
  throw FileError(what);
}

bool JsonField::has(std::string_view key) const { return value_->is_object() && value_->contains(key); }

JsonField JsonField::at(std::string_view key) const {
  if (!value_->is_object()) fail("not a JSON object");
  const auto it = value_->find(key);
  if (it == value_->end()) fail("missing field '" + std::string(key) + "'");
  return JsonField(*it, file_, path_.empty() ? std::string(key) : path_ + "." + std::string(key));
}

std::optional<JsonField> JsonField::find(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return at(key);
}

std::optional<JsonField> JsonField::find_any(std::initializer_list<std::string_view> keys) const {
  for (std::string_view k : keys)
    if (has(k)) return at(k);
  return std::nullopt;
}

JsonField JsonField::item(std::size_t i) const {
  if (!value_->is_array()) fail("not a JSON array");
  if (i >= value_->size()) fail("no item " + std::to_string(i));
  return JsonField((*value_)[i], file_, path_ + "[" + std::to_string(i) + "]");
}

std::size_t JsonField::size_of_array() const {
  if (!value_->is_array()) fail("not a JSON array");
  return value_->size();
}

std::string JsonField::string() const {
  if (!value_->is_string()) fail("not a string");
  return value_->get<std::string>();
}

bool JsonField::boolean() const {
  if (!value_->is_boolean()) fail("not true or false");
  return value_->get<bool>();
}

long long JsonField::integer() const {
  if (!value_->is_number_integer()) fail("not an integer");
  return value_->get<long long>();
}

security::Bytes JsonField::hex(std::size_t bytes) const {
  const auto b = security::from_hex(string());
  if (!b || b->size() != bytes) fail("not " + std::to_string(2 * bytes) + " hex characters");
  return *b;
}

security::Bytes JsonField::base64() const {
  const auto b = security::from_base64(string());
  if (!b) fail("not base64");
  return *b;
}

nlohmann::json parse_json_text(std::string_view text, const std::string& file) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // a syntax error, or a number too large (found by fuzzing)
    std::string what = e.what();
    if (const auto at = what.find("] "); at != std::string::npos) what.erase(0, at + 2);  // "[json.exception...] "
    throw FileError(file + ": not valid JSON: " + what);
  }
}

nlohmann::json read_json_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw FileError(file.string() + ": cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  return parse_json_text(text.str(), file.string());
}

}  // namespace st::aws
