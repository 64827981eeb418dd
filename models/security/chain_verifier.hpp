// ChainVerifier: verifies a device's two certificate chains (Ed25519 and P-256) leaf to root against the trust
// anchor, caching the verdict on each upper chain (DAK..AMZN) by the SHA-256 of its bytes, and (when given a
// SignatureVerdicts shared with other verifiers) remembering the device leaves that verified.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <span>
#include <string_view>

#include "models/base/cause.hpp"
#include "models/security/certificate.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/signature_verdicts.hpp"

namespace st::security {

enum class ChainError { None, Malformed, BadDeviceSignature, BadChainSignature, ForeignRoot };
// The cause a rejection for `e` reports (Cause::None for None), and its name ("none" for None).
models::Cause cause_of(ChainError e);
std::string_view to_string(ChainError e);

class ChainVerifier {
 public:
  explicit ChainVerifier(const TrustAnchor& anchor);
  // Leaves that verified here are remembered in `verdicts` and not verified again by any verifier sharing it
  // (the network server trusts what the manufacturing ingest authenticated, byte for byte). Null: none.
  void share_verdicts(SignatureVerdicts* verdicts) { verdicts_ = verdicts; }

  // Malformed: a chain is not 5 records, or a key/serial has the wrong size. ForeignRoot: the AMZN record is not
  // the anchor's root. BadChainSignature: an upper record does not verify under its issuer (AMZN: under itself).
  // BadDeviceSignature: a leaf does not verify under its DAK. Upper chains are checked (both) before leaves.
  // Thread-safe.
  ChainError verify(std::span<const std::uint8_t, 32> smsn, std::span<const std::uint8_t, 32> ed25519_public,
                    std::span<const std::uint8_t, 64> ed25519_sig, std::span<const std::uint8_t, 64> p256_public,
                    std::span<const std::uint8_t, 64> p256_sig, const TypeChains& chains);
  ChainError verify(const DeviceIdentity& device, const TypeChains& chains);

  // Signature verifications actually performed (cache hits cost none): for charging modelled compute time.
  std::uint64_t signature_verifications() const { return verifications_.load(std::memory_order_relaxed); }
  std::uint64_t cache_hits() const { return cache_hits_.load(std::memory_order_relaxed); }
  std::uint64_t leaf_hits() const { return leaf_hits_.load(std::memory_order_relaxed); }

 private:
  ChainError verify_upper(SignatureAlgorithm alg, const std::vector<CertRecord>& chain);
  bool check(SignatureAlgorithm alg, std::span<const std::uint8_t> pub, const CertRecord& rec);

  TrustAnchor anchor_;
  std::mutex mutex_;
  std::map<std::array<std::uint8_t, 32>, ChainError> cache_;  // bounded: cleared past kMaxCache entries
  std::atomic<std::uint64_t> verifications_{0};
  std::atomic<std::uint64_t> cache_hits_{0};
  std::atomic<std::uint64_t> leaf_hits_{0};
  SignatureVerdicts* verdicts_ = nullptr;
  static constexpr std::size_t kMaxCache = 4096;
};

}  // namespace st::security
