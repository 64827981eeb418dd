// SignatureVerdicts: a thread-safe memo of signatures that verified, keyed by a 128-bit digest of (algorithm,
// public key, message, signature). Identical bytes always give the same verdict, so a signature checked once
// need not be checked again; any changed byte misses and is verified for real. Failures are never remembered.
#pragma once
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <shared_mutex>
#include <span>
#include <vector>

#include "models/base/crypto_algorithms.hpp"
#include "models/security/certificate.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::security {

class SignatureVerdicts {
 public:
  using Digest = std::array<std::uint64_t, 2>;
  static constexpr std::size_t kDefaultRecentCapacity = 65536;

  // `recent_capacity`: how many verify_recent() verdicts are surely still remembered (see there).
  explicit SignatureVerdicts(std::size_t recent_capacity = kDefaultRecentCapacity);

  // Digest of several byte strings, each length-prefixed (so concatenations cannot collide).
  static Digest digest(SignatureAlgorithm alg, std::initializer_list<std::span<const std::uint8_t>> parts);

  // verify() / verify_certificate() of primitives.hpp and certificate.hpp, remembered when true.
  bool verify(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key, std::span<const std::uint8_t> msg,
              std::span<const std::uint8_t> sig64);
  bool verify_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_public,
                          const CertRecord& record);

  // For a signature by a long-lived key that a second party checks moments after the first (the application
  // server's signature of one registration: the network server checks it, then the device): verify_long_lived()
  // of primitives.hpp, remembered when true among the last recent_capacity to 2 x recent_capacity such verdicts
  // only, so the memo's memory stays bounded however many registrations a run has.
  bool verify_recent(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key,
                     std::span<const std::uint8_t> msg, std::span<const std::uint8_t> sig64);

  // For callers that decide a compound verdict themselves (e.g. both leaves of a device at once).
  bool known(const Digest& d) const;
  void remember(const Digest& d);

  std::size_t size() const;         // verdicts remembered for the whole run
  std::size_t recent_size() const;  // verify_recent() verdicts remembered now
  std::uint64_t hits() const;       // verify(), verify_certificate(), verify_recent() and known() answered from memory

 private:
  // Open addressing with linear probing over 128-bit digests (the all-zero digest marks an empty slot).
  class DigestTable {
   public:
    bool contains(const Digest& d) const;
    void insert(const Digest& d);  // d must not be in the table yet
    void clear();
    std::size_t size() const { return size_; }

   private:
    void grow();
    HugePageVector<Digest> slots_;
    std::size_t size_ = 0;
  };

  mutable std::shared_mutex mutex_;
  DigestTable lasting_;
  // Two generations: new verdicts go to recent_[current_]; when it holds recent_capacity_, the older generation
  // is emptied and becomes the current one.
  std::array<DigestTable, 2> recent_;
  std::size_t current_ = 0;
  std::size_t recent_capacity_;
  mutable std::atomic<std::uint64_t> hits_{0};
};

}  // namespace st::security
