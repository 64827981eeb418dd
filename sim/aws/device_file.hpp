// DeviceFile: one Sidewalk device as AWS hands it out, in either published shape: the GetWirelessDevice response
// (wireless_device.json) or the console's certificate.json. Reading (with errors naming the field), writing the
// GetWirelessDevice shape, and checking both chains record by record up to a trusted root.
#pragma once
#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <filesystem>
#include <optional>
#include <string>

#include "models/base/crypto_algorithms.hpp"
#include "models/base/device_type_config.hpp"
#include "models/security/chain_blob.hpp"
#include "sim/aws/trusted_roots.hpp"

namespace st::aws {

enum class DeviceFileShape { GetWirelessDevice, ConsoleCertificate };

struct DeviceFile {
  std::string file;  // where it was read from (for messages)
  DeviceFileShape shape = DeviceFileShape::GetWirelessDevice;
  std::array<std::uint8_t, 32> smsn{};
  // By index_of(SignatureAlgorithm): the chain blob, and the device's private key when the file has one.
  std::array<security::Bytes, 2> chain_blobs;
  std::array<std::optional<security::Bytes>, 2> private_keys;
};
std::string_view to_string(DeviceFileShape s);  // "GetWirelessDevice", "certificate.json"

// Throws FileError ("FILE: FIELD: CAUSE") for a file that is not JSON or lacks a required field. The chains are
// not read here (verify_device_file reads and checks them).
DeviceFile read_device_file(const std::filesystem::path& file);
DeviceFile parse_device_file(const nlohmann::json& json, const std::string& file);

// The published chain name: "Ed25519", "P256r1" (AWS's SigningAlg).
std::string_view signing_alg_name(security::SignatureAlgorithm alg);

// A device file's chains, read and checked.
struct DeviceVerdict {
  std::array<security::DeviceChain, 2> chains;  // read as far as they could be
  // The first problem: "Ed25519 chain: DAK record: signature does not verify"; empty when the device is valid.
  std::string problem;
  bool valid() const { return problem.empty(); }
};

// Reads both chains and checks, in order: each blob parses, its DEVICE serial is the file's SMSN, every signature
// (device side first, AMZN under itself), the AMZN record against the trusted roots (when given), and a private
// key (when present) against the DEVICE record's public key.
DeviceVerdict verify_device_file(const DeviceFile& f, const TrustedRoots* roots);

// The GetWirelessDevice response of a device (what `export` writes and `import` reads).
struct WirelessDeviceView {
  std::string name, id, arn, destination_name, device_profile_id, certificate_id, sidewalk_id;
  std::array<std::uint8_t, 32> smsn{};
  std::array<security::Bytes, 2> chain_blobs;
  std::array<security::Bytes, 2> private_keys;
  std::string status = "PROVISIONED";
};
// Without chains (chain_blobs empty) the Sidewalk part has no DeviceCertificates and no PrivateKeys.
nlohmann::ordered_json wireless_device_json(const WirelessDeviceView& d);
// A device of a twin's device type as AWS names it (no chains, keys or status): Name "TYPE-DSN", Id, Arn in its
// developer's account, DestinationName, DeviceProfileId, CertificateId, SidewalkId, the SMSN.
WirelessDeviceView device_view_of(std::uint64_t seed, const models::DeviceTypeConfig& cfg, const std::string& dsn,
                                  std::span<const std::uint8_t, 32> smsn, const std::string& destination);

}  // namespace st::aws
