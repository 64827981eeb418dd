// The handshake key schedule: transcript hashes, signed-message formats, HKDF labels and confirmation MACs
// shared by the device, the network server and the application server (docs/security.md).
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "models/security/bytes.hpp"
#include "models/security/handshake_messages.hpp"

namespace st::security::key_schedule {

inline constexpr std::string_view kTranscriptLabel = "sidewalk-twin v1 transcript";
inline constexpr std::string_view kAppTranscriptLabel = "sidewalk-twin v1 application transcript";
inline constexpr std::string_view kServerSignatureLabel = "sidewalk-twin v1 server signature";
inline constexpr std::string_view kAppServerSignatureLabel = "sidewalk-twin v1 appserver signature";
inline constexpr std::string_view kNetworkSessionKey = "sidewalk-twin v1 network session key";
inline constexpr std::string_view kNetworkConfirmDevice = "sidewalk-twin v1 network confirm device";
inline constexpr std::string_view kNetworkConfirmServer = "sidewalk-twin v1 network confirm server";
inline constexpr std::string_view kAppSessionKey = "sidewalk-twin v1 application session key";
inline constexpr std::string_view kAppConfirmDevice = "sidewalk-twin v1 application confirm device";
inline constexpr std::string_view kAppConfirmServer = "sidewalk-twin v1 application confirm server";

using Hash = std::array<std::uint8_t, 32>;

// SHA-256(label || parts...).
Hash transcript_hash(std::string_view label, std::span<const std::uint8_t> a, std::span<const std::uint8_t> b = {});

// The keys of one layer: the 16-byte session key and the two 32-byte confirmation keys.
struct LayerKeys {
  std::array<std::uint8_t, 16> session{};
  std::array<std::uint8_t, 32> confirm_device{};
  std::array<std::uint8_t, 32> confirm_server{};
  void wipe();
};

// HKDF-SHA256(salt, secret, label) for each of the three keys of the layer.
LayerKeys derive_network(std::span<const std::uint8_t, 32> secret, const Hash& salt);
LayerKeys derive_application(std::span<const std::uint8_t, 32> secret, const Hash& salt);

// The bytes the application server signs: label || smsn || device eph || AS eph || device nonce.
Bytes app_server_signed(std::span<const std::uint8_t> smsn, std::span<const std::uint8_t> device_ephemeral,
                        std::span<const std::uint8_t> as_ephemeral, std::span<const std::uint8_t> device_nonce);
// The bytes the network server signs: label || TH2.
Bytes server_signed(const Hash& th2);

}  // namespace st::security::key_schedule
