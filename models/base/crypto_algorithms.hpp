// The signature algorithms of the two certificate chains and the ECDH curves of registration: vocabulary of the
// configuration (a device type's curve) and of the security models.
#pragma once
#include <cstdint>
#include <string_view>

namespace st::security {

enum class SignatureAlgorithm : std::uint8_t { Ed25519 = 0, EcdsaP256 = 1 };
enum class EcdhCurve : std::uint8_t { X25519 = 0, P256 = 1 };

constexpr std::string_view to_string(SignatureAlgorithm a) {
  return a == SignatureAlgorithm::Ed25519 ? "ed25519" : "p256";
}
constexpr std::string_view to_string(EcdhCurve c) { return c == EcdhCurve::X25519 ? "x25519" : "p256"; }

}  // namespace st::security
