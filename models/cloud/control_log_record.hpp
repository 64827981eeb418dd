// ControlLogRecord: one device of the contract manufacturer's upload to Sidewalk's manufacturing ingest, in the
// published control-log version 4-0-1 shape: {"version": "4-0-1", "device": {"serialNumber": SMSN hex,
// "productIdentifier": {"advertisedProductId": APID}, "sidewalkData": {"sidewalkED25519CertificateChain",
// "sidewalkP256R1CertificateChain" (base64 chain blobs), "label"}}}. Making one from a device, encoding it as
// JSON, and parsing it back (a defect names the field).
#pragma once
#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>
#include <variant>

#include "models/security/bytes.hpp"
#include "models/security/certificate.hpp"
#include "models/security/device_identity.hpp"

namespace st::models {

inline constexpr std::string_view kControlLogVersion = "4-0-1";

struct ControlLogRecord {
  std::array<std::uint8_t, 32> smsn{};         // serialNumber (hex)
  std::string apid;                            // productIdentifier.advertisedProductId
  std::array<security::Bytes, 2> chain_blobs;  // by index_of(SignatureAlgorithm)
  std::string label;                           // sidewalkData.label
};

// What is wrong with an uploaded record: the field ("device.serialNumber") and the cause.
struct RecordDefect {
  std::string field;
  std::string cause;
};

ControlLogRecord make_control_log_record(const security::DeviceIdentity& d, const security::TypeChains& chains,
                                         std::string apid, std::string label);
nlohmann::ordered_json to_json(const ControlLogRecord& r);
std::string encode(const ControlLogRecord& r);  // compact JSON
std::variant<ControlLogRecord, RecordDefect> parse_control_log_record(const nlohmann::json& item);
std::variant<ControlLogRecord, RecordDefect> parse_control_log_text(std::string_view json_text);

}  // namespace st::models
