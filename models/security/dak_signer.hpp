// DakSigner: the Device Attestation Key of one device type (held by the CM's HSM in production, by the cloud for
// prototypes) that signs both leaf records of a device, counting signatures against an optional limit.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>

#include "models/security/device_identity.hpp"
#include "models/security/primitives.hpp"

namespace st::security {

class DakSigner {
 public:
  enum class Result { Ok, SignatureLimitReached };

  // Private keys: Ed25519 raw and P-256 scalar. limit 0 = unlimited.
  DakSigner(const std::array<std::uint8_t, 32>& ed25519_private, const std::array<std::uint8_t, 32>& p256_private,
            std::uint32_t limit);
  ~DakSigner();
  DakSigner(const DakSigner&) = delete;
  DakSigner& operator=(const DakSigner&) = delete;

  // Signs ed25519_public || smsn and p256_public (X || Y) || smsn; one signature counted per device. Refuses
  // (leaving the identity untouched) once the limit is reached. Thread-safe.
  Result sign_device(DeviceIdentity& device);
  // The same in two steps: count one signature against the limit (false once reached), then sign a device
  // with the slot reserved (thread-safe, so it can run on a worker while the kernel goes on).
  bool reserve();
  void sign_reserved(DeviceIdentity& device) const;
  std::uint64_t signatures() const { return signatures_.load(std::memory_order_relaxed); }
  std::uint32_t limit() const { return limit_; }

 private:
  KeyPair ed25519_;  // with its public half, so signing does not re-derive it
  KeyPair p256_;
  std::uint32_t limit_;
  std::atomic<std::uint64_t> signatures_{0};
};

}  // namespace st::security
