#include "models/cloud/control_log_record.hpp"

#include <algorithm>

#include "models/security/base64.hpp"
#include "models/security/chain_blob.hpp"

namespace st::models {

using security::SignatureAlgorithm;

ControlLogRecord make_control_log_record(const security::DeviceIdentity& d, const security::TypeChains& chains,
                                         std::string apid, std::string label) {
  ControlLogRecord r;
  r.smsn = d.smsn;
  r.apid = std::move(apid);
  r.label = std::move(label);
  for (const auto alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256})
    r.chain_blobs[security::index_of(alg)] = security::encode_chain(alg, security::device_chain(d, chains, alg));
  return r;
}

nlohmann::ordered_json to_json(const ControlLogRecord& r) {
  return {{"version", kControlLogVersion},
          {"device",
           {{"serialNumber", security::to_hex(r.smsn)},
            {"productIdentifier", {{"advertisedProductId", r.apid}}},
            {"sidewalkData",
             {{"sidewalkED25519CertificateChain", security::to_base64(r.chain_blobs[0])},
              {"sidewalkP256R1CertificateChain", security::to_base64(r.chain_blobs[1])},
              {"label", r.label}}}}}};
}

std::string encode(const ControlLogRecord& r) { return to_json(r).dump(); }

namespace {
// A string member of an object, or a defect naming it.
const std::string* string_at(const nlohmann::json& obj, const char* key, const std::string& path, RecordDefect& defect) {
  const std::string field = path.empty() ? key : path + "." + key;
  if (!obj.is_object()) {
    defect = {path, "not a JSON object"};
    return nullptr;
  }
  const auto it = obj.find(key);
  if (it == obj.end()) {
    defect = {field, "missing"};
    return nullptr;
  }
  if (!it->is_string()) {
    defect = {field, "not a string"};
    return nullptr;
  }
  return it->get_ptr<const std::string*>();
}

const nlohmann::json* object_at(const nlohmann::json& obj, const char* key, const std::string& path, RecordDefect& defect) {
  const std::string field = path.empty() ? key : path + "." + key;
  if (!obj.is_object() || !obj.contains(key)) {
    defect = {field, "missing"};
    return nullptr;
  }
  const nlohmann::json& v = obj.at(key);
  if (!v.is_object()) {
    defect = {field, "not a JSON object"};
    return nullptr;
  }
  return &v;
}
}  // namespace

std::variant<ControlLogRecord, RecordDefect> parse_control_log_record(const nlohmann::json& item) {
  RecordDefect defect;
  ControlLogRecord r;
  const std::string* version = string_at(item, "version", "", defect);
  if (version == nullptr) return defect;
  if (*version != kControlLogVersion) return RecordDefect{"version", "'" + *version + "', not 4-0-1"};
  const nlohmann::json* device = object_at(item, "device", "", defect);
  if (device == nullptr) return defect;
  const std::string* serial = string_at(*device, "serialNumber", "device", defect);
  if (serial == nullptr) return defect;
  const auto smsn = security::from_hex(*serial);
  if (!smsn || smsn->size() != 32) return RecordDefect{"device.serialNumber", "not 64 hex characters"};
  std::copy(smsn->begin(), smsn->end(), r.smsn.begin());
  const nlohmann::json* product = object_at(*device, "productIdentifier", "device", defect);
  if (product == nullptr) return defect;
  const std::string* apid = string_at(*product, "advertisedProductId", "device.productIdentifier", defect);
  if (apid == nullptr) return defect;
  r.apid = *apid;
  const nlohmann::json* data = object_at(*device, "sidewalkData", "device", defect);
  if (data == nullptr) return defect;
  const char* keys[] = {"sidewalkED25519CertificateChain", "sidewalkP256R1CertificateChain"};
  for (std::size_t a = 0; a < 2; ++a) {
    const std::string* text = string_at(*data, keys[a], "device.sidewalkData", defect);
    if (text == nullptr) return defect;
    auto blob = security::from_base64(*text);
    if (!blob) return RecordDefect{std::string("device.sidewalkData.") + keys[a], "not base64"};
    r.chain_blobs[a] = std::move(*blob);
  }
  if (data->contains("label")) {
    const std::string* label = string_at(*data, "label", "device.sidewalkData", defect);
    if (label == nullptr) return defect;
    r.label = *label;
  }
  return r;
}

std::variant<ControlLogRecord, RecordDefect> parse_control_log_text(std::string_view json_text) {
  const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return RecordDefect{"", "not valid JSON"};
  return parse_control_log_record(j);
}

}  // namespace st::models
