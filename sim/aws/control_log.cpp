#include "sim/aws/control_log.hpp"

#include <algorithm>

#include "models/security/base64.hpp"
#include "sim/aws/json_fields.hpp"

namespace st::aws {

nlohmann::ordered_json control_log_record_json(const ControlLogRecord& r) {
  return {{"version", kControlLogVersion},
          {"device",
           {{"serialNumber", security::to_hex(r.smsn)},
            {"productIdentifier", {{"advertisedProductId", r.apid}}},
            {"sidewalkData",
             {{"sidewalkED25519CertificateChain", security::to_base64(r.chain_blobs[0])},
              {"sidewalkP256R1CertificateChain", security::to_base64(r.chain_blobs[1])},
              {"label", r.label}}}}}};
}

ControlLogRecord read_control_log_record(const nlohmann::json& record, const std::string& file, std::size_t index) {
  const JsonField top(record, file, "controlLogs[" + std::to_string(index) + "]");
  const JsonField version = top.at("version");
  if (version.string() != kControlLogVersion)
    version.fail("version '" + version.string() + "' (this reader takes " + std::string(kControlLogVersion) + ")");
  const JsonField device = top.at("device");
  ControlLogRecord r;
  const security::Bytes smsn = device.at("serialNumber").hex(32);
  std::copy(smsn.begin(), smsn.end(), r.smsn.begin());
  r.apid = device.at("productIdentifier").at("advertisedProductId").string();
  const JsonField data = device.at("sidewalkData");
  r.chain_blobs[0] = data.at("sidewalkED25519CertificateChain").base64();
  r.chain_blobs[1] = data.at("sidewalkP256R1CertificateChain").base64();
  if (const auto label = data.find("label")) r.label = label->string();
  return r;
}

std::vector<ControlLogRecord> read_control_log(const std::filesystem::path& file) {
  const nlohmann::json json = read_json_file(file);
  const JsonField top(json, file.string());
  const JsonField logs = top.at("controlLogs");
  std::vector<ControlLogRecord> out;
  for (std::size_t i = 0; i < logs.size_of_array(); ++i)
    out.push_back(read_control_log_record(logs.value()[i], file.string(), i));
  return out;
}

}  // namespace st::aws
