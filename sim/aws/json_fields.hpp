// JsonFields: reading AWS's and Sidewalk's JSON files with errors that name the file, the field and the cause
// ("device.json: Sidewalk.PrivateKeys[1].Value: not 64 hex characters").
#pragma once
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "models/security/bytes.hpp"

namespace st::aws {

// Bad input in a file: what() is "FILE: FIELD: CAUSE" (or "FILE: CAUSE" for the file as a whole).
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One JSON value of a file and where it is ("Sidewalk.DeviceCertificates[0]").
class JsonField {
 public:
  JsonField(const nlohmann::json& value, std::string file, std::string path = {})
      : value_(&value), file_(std::move(file)), path_(std::move(path)) {}

  const nlohmann::json& value() const { return *value_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }
  [[noreturn]] void fail(std::string_view cause) const;

  bool has(std::string_view key) const;
  // A member of this object; fails when this is not an object or the member is missing.
  JsonField at(std::string_view key) const;
  std::optional<JsonField> find(std::string_view key) const;
  // The first member of these names that is present (AWS spells some keys two ways).
  std::optional<JsonField> find_any(std::initializer_list<std::string_view> keys) const;
  JsonField item(std::size_t i) const;
  std::size_t size_of_array() const;  // fails when this is not an array

  std::string string() const;  // fails when this is not a string
  bool boolean() const;
  long long integer() const;
  // A hex string of exactly `bytes` bytes (either case); fails otherwise.
  security::Bytes hex(std::size_t bytes) const;
  security::Bytes base64() const;

 private:
  const nlohmann::json* value_;
  std::string file_;
  std::string path_;
};

// Parses a whole file as JSON; a file that cannot be read or is not JSON fails with its line and column.
nlohmann::json read_json_file(const std::filesystem::path& file);
nlohmann::json parse_json_text(std::string_view text, const std::string& file);

}  // namespace st::aws
