// SignatureVerdicts: a thread-safe memo of signatures that verified, keyed by a 128-bit digest of (algorithm,
// public key, message, signature). Identical bytes always give the same verdict, so a signature checked once
// need not be checked again; any changed byte misses and is verified for real. Failures are never remembered.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <shared_mutex>
#include <span>
#include <vector>

#include "models/security/algorithms.hpp"
#include "models/security/certificate.hpp"

namespace st::security {

class SignatureVerdicts {
 public:
  using Digest = std::array<std::uint64_t, 2>;

  // Digest of several byte strings, each length-prefixed (so concatenations cannot collide).
  static Digest digest(SignatureAlgorithm alg, std::initializer_list<std::span<const std::uint8_t>> parts);

  // verify() / verify_certificate() of primitives.hpp and certificate.hpp, remembered when true.
  bool verify(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key, std::span<const std::uint8_t> msg,
              std::span<const std::uint8_t> sig64);
  bool verify_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_public,
                          const CertRecord& record);

  // For callers that decide a compound verdict themselves (e.g. both leaves of a device at once).
  bool known(const Digest& d) const;
  void remember(const Digest& d);

  std::size_t size() const;
  std::uint64_t hits() const;

 private:
  // Open addressing with linear probing over 128-bit digests (the all-zero digest marks an empty slot).
  bool find_locked(const Digest& d) const;
  void insert_locked(const Digest& d);
  void grow_locked();

  mutable std::shared_mutex mutex_;
  std::vector<Digest> slots_;
  std::size_t size_ = 0;
  mutable std::atomic<std::uint64_t> hits_{0};
};

}  // namespace st::security
