// McuTiming: the cycle-approximate cost of device firmware work on an MCU. Real crypto runs on the host;
// its modelled duration is the cycle count of the device's MCU at its clock (docs/sidewalk.md §5.3).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/kernel/sim_time.hpp"

namespace st::hw {

enum class CryptoOp : std::uint8_t {
  X25519Keygen, X25519Ecdh, P256Keygen, P256Ecdh,
  Ed25519Sign, Ed25519Verify, EcdsaP256Sign, EcdsaP256Verify,
  AesGcm64, HmacSha256, HkdfSha256,
  Count
};
inline constexpr std::size_t kCryptoOpCount = static_cast<std::size_t>(CryptoOp::Count);

struct McuProfile {
  std::string core;          // "cortex-m4", "cortex-m33"
  double clock_hz = 64e6;
  std::array<std::uint64_t, kCryptoOpCount> cycles{};  // cycles per operation

  SimTime duration(CryptoOp op, std::uint32_t times = 1) const {
    const double c = static_cast<double>(cycles[static_cast<std::size_t>(op)]) * times;
    return static_cast<SimTime>(c / clock_hz * 1e9 + 0.5);
  }
};

// A known core at a clock, or nullopt for an unknown core name. Known: cortex-m4, cortex-m33.
std::optional<McuProfile> mcu_profile(std::string_view core, double clock_hz);
// The names mcu_profile() knows, for messages.
std::string known_mcu_cores();

}  // namespace st::hw
