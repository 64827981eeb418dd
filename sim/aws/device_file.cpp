#include "sim/aws/device_file.hpp"

#include <algorithm>

#include "models/security/base64.hpp"
#include "models/security/certificate.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/primitives.hpp"
#include "sim/aws/aws_ids.hpp"
#include "sim/aws/json_fields.hpp"

namespace st::aws {

using security::Bytes;
using security::SignatureAlgorithm;

namespace {
constexpr SignatureAlgorithm kAlgs[] = {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256};

std::array<std::uint8_t, 32> read_smsn(const JsonField& f) {
  const Bytes b = f.hex(32);
  std::array<std::uint8_t, 32> out{};
  std::copy(b.begin(), b.end(), out.begin());
  return out;
}

// The item of a [{SigningAlg, Value}] list for one algorithm.
std::optional<JsonField> by_signing_alg(const JsonField& list, SignatureAlgorithm alg) {
  for (std::size_t i = 0; i < list.size_of_array(); ++i) {
    const JsonField item = list.item(i);
    if (item.at("SigningAlg").string() == signing_alg_name(alg)) return item.at("Value");
  }
  return std::nullopt;
}

// A P-256 private key as hex: 32 bytes, or 33 with a leading zero (the cloud sometimes writes one; Nordic's
// provisioning tool drops it too).
Bytes p256_private(const JsonField& f) {
  const auto b = security::from_hex(f.string());
  if (b && b->size() == 33 && (*b)[0] == 0) return Bytes(b->begin() + 1, b->end());
  return f.hex(32);
}

void read_get_wireless_device(const JsonField& top, DeviceFile& d) {
  d.shape = DeviceFileShape::GetWirelessDevice;
  if (const auto type = top.find("Type"); type && type->string() != "Sidewalk")
    type->fail("not a Sidewalk device ('" + type->string() + "')");
  const JsonField sw = top.at("Sidewalk");
  d.smsn = read_smsn(sw.at("SidewalkManufacturingSn"));
  const JsonField certs = sw.at("DeviceCertificates");
  for (const auto alg : kAlgs) {
    const auto value = by_signing_alg(certs, alg);
    if (!value) certs.fail("no " + std::string(signing_alg_name(alg)) + " certificate chain");
    d.chain_blobs[security::index_of(alg)] = value->base64();
  }
  if (const auto keys = sw.find("PrivateKeys")) {
    for (const auto alg : kAlgs) {
      const auto value = by_signing_alg(*keys, alg);
      if (!value) keys->fail("no " + std::string(signing_alg_name(alg)) + " private key");
      d.private_keys[security::index_of(alg)] = alg == SignatureAlgorithm::Ed25519 ? value->hex(32) : p256_private(*value);
    }
  }
}

void read_console_certificate(const JsonField& top, DeviceFile& d) {
  d.shape = DeviceFileShape::ConsoleCertificate;
  d.chain_blobs[0] = top.at("eD25519").base64();
  d.chain_blobs[1] = top.at("p256R1").base64();
  const JsonField meta = top.at("metadata");
  d.smsn = read_smsn(meta.at("smsn"));
  d.private_keys[0] = meta.at("devicePrivKeyEd25519").hex(32);
  d.private_keys[1] = p256_private(meta.at("devicePrivKeyP256R1"));
}

std::string chain_name(SignatureAlgorithm alg) {
  return alg == SignatureAlgorithm::Ed25519 ? "Ed25519 chain" : "P-256 chain";
}
}  // namespace

std::string_view to_string(DeviceFileShape s) {
  return s == DeviceFileShape::GetWirelessDevice ? "GetWirelessDevice" : "certificate.json";
}

std::string_view signing_alg_name(SignatureAlgorithm alg) {
  return alg == SignatureAlgorithm::Ed25519 ? "Ed25519" : "P256r1";
}

DeviceFile parse_device_file(const nlohmann::json& json, const std::string& file) {
  const JsonField top(json, file);
  if (!json.is_object()) top.fail("not a JSON object");
  DeviceFile d;
  d.file = file;
  if (top.has("Sidewalk")) {
    read_get_wireless_device(top, d);
  } else if (top.has("eD25519") || top.has("metadata")) {
    read_console_certificate(top, d);
  } else {
    top.fail("neither a GetWirelessDevice response (no 'Sidewalk') nor a console certificate.json (no 'eD25519')");
  }
  return d;
}

DeviceFile read_device_file(const std::filesystem::path& file) {
  return parse_device_file(read_json_file(file), file.string());
}

DeviceVerdict verify_device_file(const DeviceFile& f, const TrustedRoots* roots) {
  DeviceVerdict v;
  const auto say = [&](SignatureAlgorithm alg, std::string_view record, std::string_view cause) {
    v.problem = chain_name(alg) + ": " + std::string(record) + " record: " + std::string(cause);
    return v;
  };
  for (const auto alg : kAlgs) {
    const std::size_t a = security::index_of(alg);
    security::DeviceChain& chain = v.chains[a];
    if (const auto defect = security::parse_chain(alg, f.chain_blobs[a], chain))
      return say(alg, security::to_string(defect->record), defect->cause);
    if (!std::equal(f.smsn.begin(), f.smsn.end(), chain.device.serial.begin()))
      return say(alg, "DEVICE", "its serial is not the file's SMSN");
    if (const auto defect = security::check_chain_signatures(alg, chain))
      return say(alg, security::to_string(defect->record), defect->cause);
    if (roots != nullptr) {
      const auto& root = roots->by_alg[a];
      if (!root) return say(alg, "AMZN", "no trusted root of this algorithm");
      if (chain.upper.back().public_key != root->public_key || chain.upper.back().serial != root->serial)
        return say(alg, "AMZN", "not the trusted root");
    }
    if (const auto& key = f.private_keys[a]) {
      const Bytes pub = security::to_record_public(alg, security::signing_public_key(alg, *key));
      if (pub != chain.device.public_key) return say(alg, "DEVICE", "the private key does not match its public key");
    }
  }
  return v;
}

nlohmann::ordered_json wireless_device_json(const WirelessDeviceView& d) {
  nlohmann::ordered_json certs = nlohmann::ordered_json::array();
  nlohmann::ordered_json keys = nlohmann::ordered_json::array();
  for (const auto alg : kAlgs) {
    const std::size_t a = security::index_of(alg);
    certs.push_back({{"SigningAlg", signing_alg_name(alg)}, {"Value", security::to_base64(d.chain_blobs[a])}});
    keys.push_back({{"SigningAlg", signing_alg_name(alg)}, {"Value", security::to_hex(d.private_keys[a])}});
  }
  nlohmann::ordered_json j;
  j["Type"] = "Sidewalk";
  j["Name"] = d.name;
  j["Id"] = d.id;
  j["Arn"] = d.arn;
  j["DestinationName"] = d.destination_name;
  j["Sidewalk"] = {{"SidewalkManufacturingSn", upper_hex(d.smsn)},
                   {"DeviceProfileId", d.device_profile_id},
                   {"CertificateId", d.certificate_id},
                   {"SidewalkId", d.sidewalk_id},
                   {"Status", d.status}};
  if (!d.chain_blobs[0].empty() || !d.chain_blobs[1].empty()) {
    j["Sidewalk"]["DeviceCertificates"] = std::move(certs);
    j["Sidewalk"]["PrivateKeys"] = std::move(keys);
  }
  return j;
}

WirelessDeviceView device_view_of(std::uint64_t seed, const models::DeviceTypeConfig& cfg, const std::string& dsn,
                                  std::span<const std::uint8_t, 32> smsn, const std::string& destination) {
  WirelessDeviceView view;
  view.name = cfg.name + "-" + dsn;
  view.id = resource_uuid(seed, "WirelessDevice", smsn);
  view.arn = arn(account_id(seed, cfg.developer), "WirelessDevice", view.id);
  view.destination_name = destination;
  view.device_profile_id = resource_uuid(seed, "DeviceProfile", security::as_bytes(cfg.name));
  view.certificate_id = certificate_id(cfg.apid, security::smsn_stage(cfg.stage));
  view.sidewalk_id = sidewalk_id(seed, smsn);
  std::copy(smsn.begin(), smsn.end(), view.smsn.begin());
  return view;
}

}  // namespace st::aws
