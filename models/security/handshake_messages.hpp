// The registration handshake messages (M1, M2a, M2b, M2, M3, M3a, M4): structs, exact byte encodings,
// length-checked parsers and encoded sizes (docs/security.md has the layouts).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "models/base/crypto_algorithms.hpp"
#include "models/security/bytes.hpp"
#include "models/security/certificate.hpp"
#include "models/security/chain_blob.hpp"
#include "models/security/primitives.hpp"

namespace st::security {

inline constexpr std::uint8_t kHandshakeVersion = 1;
inline constexpr std::size_t kNonceSize = 16;
inline constexpr std::size_t kMacSize = 32;
inline constexpr std::size_t kDefaultSerialSize = 4;  // CA serials of the simulated PKI (the standard form)

enum class MessageType : std::uint8_t {
  DeviceHello = 0x01,
  AppKeyRequest = 0x02,
  AppKeyResponse = 0x03,
  ServerHello = 0x04,
  DeviceConfirm = 0x05,
  ServerConfirm = 0x06,
  AppConfirm = 0x07,
};

using Nonce = std::array<std::uint8_t, kNonceSize>;
using Mac = std::array<std::uint8_t, kMacSize>;
using Signature = std::array<std::uint8_t, 64>;

// M1, device -> network server. On the wire its two certificate chains are the published blobs (chain_blob.hpp):
// the device records (SMSN, key, DAK signature) and the five CA records DAK..AMZN, Ed25519 then P-256.
struct DeviceHello {
  EcdhCurve curve = EcdhCurve::X25519;
  std::uint16_t device_type = 0;
  std::array<std::uint8_t, 32> smsn{};  // (in both chains' device records)
  Bytes ephemeral;  // 32 (X25519) or 65 (P-256)
  Nonce nonce{};
  std::array<std::uint8_t, 32> ed25519_public{};
  Signature ed25519_signature{};
  std::array<std::uint8_t, 64> p256_public{};
  Signature p256_signature{};
  TypeChains chains;  // both upper chains, DAK..AMZN
};

struct AppKeyRequest {  // M2a, network server -> application server
  EcdhCurve curve = EcdhCurve::X25519;
  std::array<std::uint8_t, 32> smsn{};
  Bytes device_ephemeral;
  Nonce device_nonce{};
};

struct AppKeyResponse {  // M2b, application server -> network server
  EcdhCurve curve = EcdhCurve::X25519;
  Bytes as_ephemeral;
  Signature as_signature{};
  Mac as_confirm{};
};

struct ServerHello {  // M2, network server -> device
  EcdhCurve curve = EcdhCurve::X25519;
  Bytes ns_ephemeral;
  Nonce ns_nonce{};
  Bytes as_ephemeral;
  Signature as_signature{};
  Mac as_confirm{};
  CertRecord sns_cert;   // Ed25519, signed by the SW CA
  CertRecord sw_record;  // the Ed25519 SW CA record, signed by the AMZN root
  Signature ns_signature{};  // over the transcript hash (everything before it)
};

struct DeviceConfirm {  // M3, device -> network server
  Mac network_confirm{};
  Mac application_confirm{};
};

struct AppConfirm {  // M3a, network server -> application server: the application part of M3
  Mac confirm{};
};

struct ServerConfirm {  // M4, network server -> device
  Mac confirm{};
};

// Encoders throw std::invalid_argument on a struct that cannot be encoded (wrong key sizes).
Bytes encode(const DeviceHello& m);
Bytes encode(const AppKeyRequest& m);
Bytes encode(const AppKeyResponse& m);
Bytes encode(const ServerHello& m);  // includes the signature
Bytes encode_unsigned(const ServerHello& m);  // everything before ns_signature
Bytes encode(const DeviceConfirm& m);
Bytes encode(const AppConfirm& m);
Bytes encode(const ServerConfirm& m);

// Parsers: nullopt on any malformed input (wrong type or version, unknown curve, short or trailing bytes,
// wrong chain length). They never read out of range.
std::optional<DeviceHello> parse_device_hello(std::span<const std::uint8_t> m);
std::optional<AppKeyRequest> parse_app_key_request(std::span<const std::uint8_t> m);
std::optional<AppKeyResponse> parse_app_key_response(std::span<const std::uint8_t> m);
std::optional<ServerHello> parse_server_hello(std::span<const std::uint8_t> m);
std::optional<DeviceConfirm> parse_device_confirm(std::span<const std::uint8_t> m);
std::optional<AppConfirm> parse_app_confirm(std::span<const std::uint8_t> m);
std::optional<ServerConfirm> parse_server_confirm(std::span<const std::uint8_t> m);

// Encoded sizes in bytes (serial_size = the CA serial length; 4 in the simulated PKI).
constexpr std::size_t device_hello_size(EcdhCurve c, std::size_t serial_size = kDefaultSerialSize) {
  return 5 + ecdh_public_size(c) + kNonceSize + chain_blob_size(SignatureAlgorithm::Ed25519, serial_size) +
         chain_blob_size(SignatureAlgorithm::EcdsaP256, serial_size);
}
constexpr std::size_t app_key_request_size(EcdhCurve c) { return 3 + 32 + ecdh_public_size(c) + kNonceSize; }
constexpr std::size_t app_key_response_size(EcdhCurve c) { return 3 + ecdh_public_size(c) + 64 + kMacSize; }
constexpr std::size_t server_hello_size(EcdhCurve c, std::size_t serial_size = kDefaultSerialSize) {
  return 3 + 2 * ecdh_public_size(c) + kNonceSize + 64 + kMacSize + 2 * (serial_size + 32 + 64) + 64;
}
inline constexpr std::size_t kDeviceConfirmSize = 2 + 2 * kMacSize;
inline constexpr std::size_t kAppConfirmSize = 2 + kMacSize;
inline constexpr std::size_t kServerConfirmSize = 2 + kMacSize;

}  // namespace st::security
