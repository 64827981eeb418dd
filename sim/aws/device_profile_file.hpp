// DeviceProfileFile: a Sidewalk device profile in the GetDeviceProfile response shape (device_profile.json):
// writing it for a device type, and reading one (AWS spells the DAK list DakCertificateMetadata or
// DAKCertificateMetadata: both are read).
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

#include "models/base/device_type_config.hpp"
#include "models/security/bytes.hpp"

namespace st::aws {

struct DeviceProfileFile {
  std::string name, id, arn;
  security::Bytes application_server_public_key;  // Ed25519, 32 bytes
  bool qualification_status = false;
  // DakCertificateMetadata[0]
  std::string certificate_id;
  long long max_allowed_signature = -1;  // -1: no limit
  bool factory_support = true;
  std::string apid;            // ApId
  std::string device_type_id;  // DeviceTypeId as AWS shows it (its example: the 4-character code "fe98")
};

nlohmann::ordered_json device_profile_json(const DeviceProfileFile& p);
// The profile AWS holds for a device type of the twin (the export's and the API's): ids from the seed, the
// application server's Ed25519 public key, qualification, the DAK's certificate id and limit.
DeviceProfileFile device_profile_of(std::uint64_t seed, const models::DeviceTypeConfig& cfg,
                                    const security::Bytes& application_server_public_key);
// Throws FileError naming the field for a file that is not JSON or lacks a required field.
DeviceProfileFile read_device_profile(const std::filesystem::path& file);
DeviceProfileFile parse_device_profile(const nlohmann::json& json, const std::string& file);

}  // namespace st::aws
