// SMSN derivation, device key generation and the device leaf records.
#include "models/security/device_identity.hpp"

#include <openssl/crypto.h>

#include <algorithm>

#include "models/security/primitives.hpp"

namespace st::security {

std::array<std::uint8_t, 32> make_smsn(std::string_view device_type_id, std::string_view stage, std::string_view dsn,
                                       std::string_view apid) {
  Bytes in;
  in.reserve(device_type_id.size() + 1 + stage.size() + dsn.size() + apid.size());
  append(in, as_bytes(device_type_id));
  in.push_back('-');
  append(in, as_bytes(stage));
  append(in, as_bytes(dsn));
  append(in, as_bytes(apid));
  return sha256(in);
}

std::string_view smsn_stage(models::Stage stage) {
  switch (stage) {
    case models::Stage::Production: return "PRODUCTION";
    case models::Stage::PreProduction: return "PREPRODUCTION";
    case models::Stage::Prototype: return "TEST";
  }
  return "TEST";
}

DeviceIdentity make_device_identity(const KeySource& source, std::uint16_t device_type,
                                    const std::array<std::uint8_t, 32>& smsn, std::uint64_t device_index) {
  DeviceIdentity id;
  id.smsn = smsn;
  id.device_type = device_type;
  KeyPair ed = generate_signing_key(SignatureAlgorithm::Ed25519, source, "device ed25519", device_index);
  KeyPair p = generate_signing_key(SignatureAlgorithm::EcdsaP256, source, "device p256", device_index);
  std::copy(ed.private_key.begin(), ed.private_key.end(), id.ed25519_private.begin());
  std::copy(ed.public_key.begin(), ed.public_key.end(), id.ed25519_public.begin());
  std::copy(p.private_key.begin(), p.private_key.end(), id.p256_private.begin());
  std::copy(p.public_key.begin() + 1, p.public_key.end(), id.p256_public.begin());  // drop the 0x04 prefix
  OPENSSL_cleanse(ed.private_key.data(), ed.private_key.size());
  OPENSSL_cleanse(p.private_key.data(), p.private_key.size());
  return id;
}

CertRecord device_certificate(const DeviceIdentity& id, SignatureAlgorithm alg) {
  CertRecord r;
  r.serial.assign(id.smsn.begin(), id.smsn.end());
  if (alg == SignatureAlgorithm::Ed25519) {
    r.public_key.assign(id.ed25519_public.begin(), id.ed25519_public.end());
    r.signature = id.ed25519_signature;
  } else {
    r.public_key.assign(id.p256_public.begin(), id.p256_public.end());
    r.signature = id.p256_signature;
  }
  return r;
}

}  // namespace st::security
