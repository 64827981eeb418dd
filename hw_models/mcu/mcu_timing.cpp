#include "hw_models/mcu/mcu_timing.hpp"

namespace st::hw {

namespace {
// Cycle costs. [D] documented, [E] estimate (docs/sidewalk.md §5.3).
constexpr std::array<std::uint64_t, kCryptoOpCount> kCortexM4 = {
    548'873,    // X25519 keygen: one fixed-base scalar multiplication [D, sidewalk.md §5.3]
    548'873,    // X25519 ECDH [D, sidewalk.md §5.3]
    327'000,    // P-256 keygen [D, sidewalk.md §5.3]
    906'000,    // P-256 ECDH [D, sidewalk.md §5.3]
    450'000,    // Ed25519 sign, optimised [E 0.35-0.5 M]
    1'150'000,  // Ed25519 verify, optimised [E 1.0-1.3 M]
    375'000,    // ECDSA P-256 sign [D, sidewalk.md §5.3]
    976'000,    // ECDSA P-256 verify [D, sidewalk.md §5.3]
    6'000,      // AES-128-GCM over a 64-byte frame, software [E]
    14'000,     // HMAC-SHA256 over a short message: 4 compressions [E]
    56'000,     // HKDF-SHA256 extract + expand of one key [E]
};
// Cortex-M33 (nRF5340-class): same algorithms, roughly 10% fewer cycles from the faster pipeline [E].
constexpr std::array<std::uint64_t, kCryptoOpCount> scale(const std::array<std::uint64_t, kCryptoOpCount>& base,
                                                          std::uint64_t num, std::uint64_t den) {
  std::array<std::uint64_t, kCryptoOpCount> out{};
  for (std::size_t i = 0; i < base.size(); ++i) out[i] = base[i] * num / den;
  return out;
}
}  // namespace

std::optional<McuProfile> mcu_profile(std::string_view core, double clock_hz) {
  McuProfile p;
  p.core = std::string(core);
  p.clock_hz = clock_hz;
  if (core == "cortex-m4") {
    p.cycles = kCortexM4;
  } else if (core == "cortex-m33") {
    p.cycles = scale(kCortexM4, 9, 10);
  } else {
    return std::nullopt;
  }
  return p;
}

std::string known_mcu_cores() { return "cortex-m4, cortex-m33"; }

}  // namespace st::hw
