// Leaf-to-root verification of the two device chains with a cache of upper-chain verdicts.
#include "models/security/chain_verifier.hpp"

#include "models/security/primitives.hpp"

namespace st::security {

models::Cause cause_of(ChainError e) {
  using models::Cause;
  switch (e) {
    case ChainError::None: return Cause::None;
    case ChainError::Malformed: return Cause::Malformed;
    case ChainError::BadDeviceSignature: return Cause::BadDeviceSignature;
    case ChainError::BadChainSignature: return Cause::BadChainSignature;
    case ChainError::ForeignRoot: return Cause::ForeignRoot;
  }
  return Cause::Malformed;
}

std::string_view to_string(ChainError e) { return e == ChainError::None ? "none" : models::to_string(cause_of(e)); }

ChainVerifier::ChainVerifier(const TrustAnchor& anchor) : anchor_(anchor) {}

bool ChainVerifier::check(SignatureAlgorithm alg, std::span<const std::uint8_t> pub, const CertRecord& rec) {
  verifications_.fetch_add(1, std::memory_order_relaxed);
  return verify_certificate(alg, pub, rec);
}

ChainError ChainVerifier::verify_upper(SignatureAlgorithm alg, const std::vector<CertRecord>& chain) {
  if (chain.size() != kUpperChainLength) return ChainError::Malformed;
  Bytes encoded;
  encoded.push_back(static_cast<std::uint8_t>(alg));
  for (const CertRecord& r : chain) {
    if (r.serial.empty() || r.public_key.size() != record_public_size(alg)) return ChainError::Malformed;
    encoded.push_back(static_cast<std::uint8_t>(r.serial.size()));  // (serials of any length: keep the digest unique)
    encode_record(encoded, r);
  }
  const auto key = sha256(encoded);
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) {
      cache_hits_.fetch_add(1, std::memory_order_relaxed);
      return it->second;
    }
  }
  // Top down: the AMZN record must be the trusted root's and sign itself; then SW under AMZN, MAN under SW, PRODUCT
  // under MAN, DAK under PRODUCT.
  ChainError verdict = ChainError::None;
  const auto amzn = static_cast<std::size_t>(ChainPosition::Amzn);
  if (!anchor_.trusts(index_of(alg), chain[amzn].public_key)) {
    verdict = ChainError::ForeignRoot;
  } else {
    for (std::size_t i = amzn + 1; i-- > 0;) {
      if (!check(alg, i == amzn ? chain[amzn].public_key : chain[i + 1].public_key, chain[i])) {
        verdict = ChainError::BadChainSignature;
        break;
      }
    }
  }
  std::lock_guard lock(mutex_);
  if (cache_.size() >= kMaxCache) cache_.clear();
  cache_.emplace(key, verdict);
  return verdict;
}

ChainError ChainVerifier::verify(std::span<const std::uint8_t, 32> smsn, std::span<const std::uint8_t, 32> ed25519_public,
                                 std::span<const std::uint8_t, 64> ed25519_sig,
                                 std::span<const std::uint8_t, 64> p256_public,
                                 std::span<const std::uint8_t, 64> p256_sig, const TypeChains& chains) {
  for (SignatureAlgorithm alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256}) {
    if (const ChainError e = verify_upper(alg, chains.upper[index_of(alg)]); e != ChainError::None) return e;
  }
  const auto dak = static_cast<std::size_t>(ChainPosition::Dak);
  const Bytes& ed_dak = chains.upper[0][dak].public_key;
  const Bytes& p256_dak = chains.upper[1][dak].public_key;
  SignatureVerdicts::Digest leaves{};
  if (verdicts_ != nullptr) {
    leaves = SignatureVerdicts::digest(SignatureAlgorithm::Ed25519,
                                       {ed_dak, smsn, ed25519_public, ed25519_sig, p256_dak, p256_public, p256_sig});
    if (verdicts_->known(leaves)) {
      leaf_hits_.fetch_add(1, std::memory_order_relaxed);
      return ChainError::None;
    }
  }
  verifications_.fetch_add(2, std::memory_order_relaxed);
  // The DAKs are the device type's: long-lived keys, one OpenSSL key object each.
  if (!verify_long_lived(SignatureAlgorithm::Ed25519, ed_dak, signed_message(ed25519_public, smsn), ed25519_sig) ||
      !verify_long_lived(SignatureAlgorithm::EcdsaP256, p256_dak, signed_message(p256_public, smsn), p256_sig))
    return ChainError::BadDeviceSignature;
  if (verdicts_ != nullptr) verdicts_->remember(leaves);
  return ChainError::None;
}

ChainError ChainVerifier::verify(const DeviceIdentity& d, const TypeChains& chains) {
  return verify(d.smsn, d.ed25519_public, d.ed25519_signature, d.p256_public, d.p256_signature, chains);
}

}  // namespace st::security
