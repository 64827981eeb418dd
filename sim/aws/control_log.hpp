// ControlLog: what a contract manufacturer uploads to Sidewalk's manufacturing ingest, in the published version
// 4-0-1 shape: {"controlLogs": [{"version": "4-0-1", "device": {"serialNumber", "productIdentifier":
// {"advertisedProductId"}, "sidewalkData": {"sidewalkED25519CertificateChain", "sidewalkP256R1CertificateChain",
// "label"}}}]}. Writing and reading.
#pragma once
#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "models/security/bytes.hpp"

namespace st::aws {

inline constexpr std::string_view kControlLogVersion = "4-0-1";

struct ControlLogRecord {
  std::array<std::uint8_t, 32> smsn{};  // serialNumber (hex)
  std::string apid;                     // productIdentifier.advertisedProductId
  std::array<security::Bytes, 2> chain_blobs;  // by index_of(SignatureAlgorithm)
  std::string label;                    // sidewalkData.label
};

nlohmann::ordered_json control_log_record_json(const ControlLogRecord& r);
// One record of a control log; throws FileError naming the field (`controlLogs[3].device.serialNumber`).
ControlLogRecord read_control_log_record(const nlohmann::json& record, const std::string& file, std::size_t index);
std::vector<ControlLogRecord> read_control_log(const std::filesystem::path& file);

}  // namespace st::aws
