// DakSigner: signature-limited signing of device leaf records.
#include "models/security/dak_signer.hpp"

#include <openssl/crypto.h>

#include "models/security/primitives.hpp"

namespace st::security {

DakSigner::DakSigner(const std::array<std::uint8_t, 32>& ed25519_private,
                     const std::array<std::uint8_t, 32>& p256_private, std::uint32_t limit)
    : limit_(limit) {
  ed25519_.private_key.assign(ed25519_private.begin(), ed25519_private.end());
  ed25519_.public_key = signing_public_key(SignatureAlgorithm::Ed25519, ed25519_.private_key);
  p256_.private_key.assign(p256_private.begin(), p256_private.end());
  p256_.public_key = signing_public_key(SignatureAlgorithm::EcdsaP256, p256_.private_key);
}

DakSigner::~DakSigner() {
  OPENSSL_cleanse(ed25519_.private_key.data(), ed25519_.private_key.size());
  OPENSSL_cleanse(p256_.private_key.data(), p256_.private_key.size());
}

DakSigner::Result DakSigner::sign_device(DeviceIdentity& device) {
  if (!reserve()) return Result::SignatureLimitReached;
  sign_reserved(device);
  return Result::Ok;
}

bool DakSigner::reserve() {
  // Reserve a signature slot first so concurrent signers never exceed the limit.
  std::uint64_t current = signatures_.load(std::memory_order_relaxed);
  do {
    if (limit_ != 0 && current >= limit_) return false;
  } while (!signatures_.compare_exchange_weak(current, current + 1, std::memory_order_relaxed));
  return true;
}

void DakSigner::sign_reserved(DeviceIdentity& device) const {
  const CertRecord ed = device_certificate(device, SignatureAlgorithm::Ed25519);
  const CertRecord p = device_certificate(device, SignatureAlgorithm::EcdsaP256);
  device.ed25519_signature =
      sign_long_lived(SignatureAlgorithm::Ed25519, ed25519_, signed_message(ed.public_key, ed.serial));
  device.p256_signature = sign_long_lived(SignatureAlgorithm::EcdsaP256, p256_, signed_message(p.public_key, p.serial));
}

}  // namespace st::security
