// The contract manufacturer's upload as the manufacturing ingest receives it: a control-log record in the
// published 4-0-1 shape, made from a device, encoded, parsed back, and authenticated (or refused with its cause).
#include <gtest/gtest.h>

#include <variant>

#include "models/cloud/control_log_record.hpp"
#include "models/cloud/manufacturing_ingest.hpp"
#include "models/security/base64.hpp"
#include "models/security/key_source.hpp"

namespace st::models {
namespace {

struct Factory {
  Factory() : source(security::KeySource::deterministic(4)), pki(source), ingest(Distribution::constant(0), pki) {
    pki.add_device_type("meter", 0);
    pki.add_device_type("other", 0);
    device = make(0, 1);
  }
  security::DeviceIdentity make(std::uint16_t type, std::uint64_t index) {
    security::DeviceIdentity d = security::make_device_identity(
        source, type, security::make_smsn("A17XHX23H06INH", "PRODUCTION", "SN" + std::to_string(index), "pd25"), index);
    EXPECT_EQ(pki.dak(type).sign_device(d), security::DakSigner::Result::Ok);
    return d;
  }
  std::string upload(const security::DeviceIdentity& d, std::uint16_t chains_of = 0) {
    return encode(make_control_log_record(d, pki.type_chains(chains_of), "pd25", "production"));
  }
  security::KeySource source;
  security::Pki pki;
  ManufacturingIngest ingest;
  security::DeviceIdentity device;
};

TEST(cloudControlLog, ARecordHasThePublishedShapeAndParsesBack) {
  Factory f;
  const ControlLogRecord r = make_control_log_record(f.device, f.pki.type_chains(0), "pd25", "production");
  const auto j = nlohmann::json::parse(encode(r));
  EXPECT_EQ(j["version"], "4-0-1");
  EXPECT_EQ(j["device"]["serialNumber"], security::to_hex(f.device.smsn));
  EXPECT_EQ(j["device"]["productIdentifier"]["advertisedProductId"], "pd25");
  EXPECT_EQ(security::from_base64(j["device"]["sidewalkData"]["sidewalkED25519CertificateChain"].get<std::string>())->size(), 628u);
  EXPECT_EQ(security::from_base64(j["device"]["sidewalkData"]["sidewalkP256R1CertificateChain"].get<std::string>())->size(), 820u);
  EXPECT_EQ(j["device"]["sidewalkData"]["label"], "production");
  const auto back = parse_control_log_text(encode(r));
  ASSERT_TRUE(std::holds_alternative<ControlLogRecord>(back));
  EXPECT_EQ(encode(std::get<ControlLogRecord>(back)), encode(r));
}

TEST(cloudControlLog, DefectsNameTheField) {
  const auto defect = [](std::string_view text) {
    const auto r = parse_control_log_text(text);
    return std::holds_alternative<RecordDefect>(r) ? std::get<RecordDefect>(r) : RecordDefect{"", "parsed"};
  };
  EXPECT_EQ(defect("{").cause, "not valid JSON");
  EXPECT_EQ(defect(R"({"version": "4-0-0"})").field, "version");
  EXPECT_EQ(defect(R"({"version": "4-0-1"})").field, "device");
  EXPECT_EQ(defect(R"({"version": "4-0-1", "device": {"serialNumber": "00"}})").field, "device.serialNumber");
  const RecordDefect d = defect(
      R"({"version": "4-0-1", "device": {"serialNumber": ")" + std::string(64, 'a') +
      R"(", "productIdentifier": {"advertisedProductId": "pd25"}, "sidewalkData": {"sidewalkED25519CertificateChain": "!"}}})");
  EXPECT_EQ(d.field, "device.sidewalkData.sidewalkED25519CertificateChain");
  EXPECT_EQ(d.cause, "not base64");
}

TEST(cloudControlLog, TheIngestAuthenticatesTheUploadAndRefusesWhatDoesNotVerify) {
  Factory f;
  const security::TypeChains& chains = f.pki.type_chains(0);
  EXPECT_EQ(f.ingest.verify_upload(f.upload(f.device), chains), security::ChainError::None);
  // Not JSON, or a record that does not parse: malformed.
  EXPECT_EQ(f.ingest.verify_upload("{\"controlLogs\":", chains), security::ChainError::Malformed);
  std::string upload = f.upload(f.device);
  upload.replace(upload.find("\"serialNumber\":\"") + 16, 2, "00");  // not this device's SMSN any more
  EXPECT_EQ(f.ingest.verify_upload(upload, chains), security::ChainError::Malformed);
  // A device of another type (its DAK) offered as this type's: its CA records are not the type's.
  EXPECT_EQ(f.ingest.verify_upload(f.upload(f.make(1, 2), 1), chains), security::ChainError::BadChainSignature);
  // The device's signature changed on the way: one base64 character of the Ed25519 device record's signature.
  upload = f.upload(f.device);
  const std::size_t at = upload.find("\"sidewalkED25519CertificateChain\":\"") + 35 + 100;
  upload[at] = upload[at] == 'A' ? 'B' : 'A';
  EXPECT_EQ(f.ingest.verify_upload(upload, chains), security::ChainError::BadDeviceSignature);
  EXPECT_EQ(f.ingest.authenticate(upload, 0, chains, security::RevocationList{}), Cause::BadDeviceSignature);
  EXPECT_EQ(f.ingest.rejected(), 1u);
}

}  // namespace
}  // namespace st::models
