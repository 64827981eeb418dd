// The registration handshake state machines of the device, the Sidewalk network server (SNS, "cloud") and the
// application server. Flow: M1 -> NS -> M2a -> AS -> M2b -> NS -> M2 -> device -> M3 -> NS (-> M3a -> AS) -> M4.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

#include "models/base/crypto_algorithms.hpp"
#include "models/security/bytes.hpp"
#include "models/security/chain_verifier.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/handshake_messages.hpp"
#include "models/security/key_schedule.hpp"
#include "models/security/key_source.hpp"
#include "models/security/pki.hpp"
#include "models/security/primitives.hpp"
#include "models/security/revocation_list.hpp"
#include "models/security/signature_verdicts.hpp"
#include "models/base/cause.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::security {

enum class HandshakeError {
  None,
  Malformed,  // unparseable, truncated, wrong type/version/curve, or a message out of order
  BadChain,
  ForeignRoot,
  DeviceRevoked,
  DeviceTypeRevoked,
  UnknownDeviceType,
  BadServerSignature,
  BadAppServerSignature,
  BadConfirmation,
  BadPeerKey,
};
// The cause a refusal for `e` reports (Cause::None for None), and its name ("none" for None).
models::Cause cause_of(HandshakeError e);
std::string_view to_string(HandshakeError e);

struct SessionKeys {
  std::array<std::uint8_t, 16> network_key{};
  std::array<std::uint8_t, 16> application_key{};
};

// The device side. Builds M1 at construction; the ephemeral key and nonce derive from the KeySource under
// "hs/device/eph/<smsn-hex>" and "hs/device/nonce/<smsn-hex>" with id = attempt_id. With `verdicts`, the
// network's certificate chain (the same bytes for every device) is verified once per run, not once per device,
// and the application server's signature is not verified again when the network server just verified those bytes.
class DeviceHandshake {
 public:
  DeviceHandshake(const DeviceIdentity& device, const TypeChains& chains, EcdhCurve curve, const KeySource& source,
                  std::uint64_t attempt_id, const TrustAnchor& anchor, std::span<const std::uint8_t> app_server_public,
                  metrics::MetricsSink* keylog = nullptr, SignatureVerdicts* verdicts = nullptr);
  ~DeviceHandshake();
  DeviceHandshake(DeviceHandshake&&) = default;
  DeviceHandshake& operator=(DeviceHandshake&&) = default;

  Bytes hello() const { return m1_; }  // M1
  // M1, moved out: the handshake keeps only what its transcript needs (a million attempts in flight add up).
  Bytes take_hello() { return std::move(m1_); }
  // Verifies M2 and returns M3.
  std::variant<Bytes, HandshakeError> on_server_hello(std::span<const std::uint8_t> m2);
  HandshakeError on_server_confirm(std::span<const std::uint8_t> m4);
  // Valid after on_server_hello succeeded; use only once on_server_confirm returned None (complete()).
  const SessionKeys& keys() const { return keys_; }
  bool complete() const { return state_ == State::Done; }
  EcdhCurve curve() const { return curve_; }
  const std::array<std::uint8_t, 32>& smsn() const { return smsn_; }

 private:
  enum class State { AwaitServerHello, AwaitServerConfirm, Done, Failed };
  HandshakeError fail(HandshakeError e);

  std::array<std::uint8_t, 32> smsn_{};
  EcdhCurve curve_;
  KeyPair eph_;
  Nonce nonce_{};
  Bytes m1_;
  Sha256Prefix transcript_;  // label || M1 with signature fields zeroed, absorbed: what the transcript hashes
  Bytes root_ed25519_;
  Bytes app_server_public_;
  metrics::MetricsSink* keylog_;
  SignatureVerdicts* verdicts_;
  State state_ = State::AwaitServerHello;
  SessionKeys keys_{};
  Mac expected_server_confirm_{};
};

// The network server side. Verifies the chains, revocation and device type, relays the application key
// request, signs the transcript with the SNS key and confirms the network key. It never sees the application
// key. The Pki, verifier and revocation list are held by reference and must outlive the handshake.
// Ephemeral/nonce labels "hs/cloud/eph/<smsn-hex>", "hs/cloud/nonce/<smsn-hex>", id = attempt_id.
// With `verdicts`, the application server's signature it verified is remembered for a while (verify_recent), so
// the device's check of the same bytes, moments later, is not a second verification.
class NetworkServerHandshake {
 public:
  NetworkServerHandshake(const Pki& pki, ChainVerifier& verifier, const RevocationList& revocations,
                         const KeySource& source, std::uint64_t attempt_id, metrics::MetricsSink* keylog = nullptr,
                         SignatureVerdicts* verdicts = nullptr);
  ~NetworkServerHandshake();
  NetworkServerHandshake(NetworkServerHandshake&&) = default;

  std::variant<Bytes, HandshakeError> on_device_hello(std::span<const std::uint8_t> m1);  // returns M2a
  std::variant<Bytes, HandshakeError> on_app_key_response(std::span<const std::uint8_t> m2b);  // returns M2
  std::variant<Bytes, HandshakeError> on_device_confirm(std::span<const std::uint8_t> m3);  // returns M4
  Bytes app_confirm() const { return app_confirm_; }  // M3a: the part of M3 to forward to the AS
  const std::array<std::uint8_t, 16>& network_key() const { return network_.session; }
  std::uint16_t device_type() const { return device_type_; }
  const std::array<std::uint8_t, 32>& smsn() const { return smsn_; }
  EcdhCurve curve() const { return curve_; }
  bool complete() const { return state_ == State::Done; }

 private:
  enum class State { AwaitDeviceHello, AwaitAppKeyResponse, AwaitDeviceConfirm, Done, Failed };
  HandshakeError fail(HandshakeError e);

  const Pki* pki_;
  ChainVerifier* verifier_;
  const RevocationList* revocations_;
  KeySource source_;
  std::uint64_t attempt_id_;
  metrics::MetricsSink* keylog_;
  SignatureVerdicts* verdicts_;
  State state_ = State::AwaitDeviceHello;
  std::array<std::uint8_t, 32> smsn_{};
  std::uint16_t device_type_ = 0;
  EcdhCurve curve_ = EcdhCurve::X25519;
  Sha256Prefix transcript_;  // label || M1 with signature fields zeroed, absorbed: what the transcript hashes
  Bytes device_ephemeral_;
  Nonce device_nonce_{};
  KeyPair eph_;
  std::array<std::uint8_t, 32> network_secret_{};
  key_schedule::LayerKeys network_{};
  Bytes m2_;
  Bytes app_confirm_;
};

// The application server side (the identity is held by reference). Labels "hs/appserver/eph/<smsn-hex>", id = attempt_id.
class ApplicationServerHandshake {
 public:
  ApplicationServerHandshake(const ServerIdentity& identity, const KeySource& source, std::uint64_t attempt_id,
                             metrics::MetricsSink* keylog = nullptr);
  ~ApplicationServerHandshake();
  ApplicationServerHandshake(ApplicationServerHandshake&&) = default;

  std::variant<Bytes, HandshakeError> on_key_request(std::span<const std::uint8_t> m2a);  // returns M2b
  HandshakeError on_device_confirm(std::span<const std::uint8_t> app_confirm);             // M3a
  const std::array<std::uint8_t, 16>& application_key() const { return app_.session; }
  const std::array<std::uint8_t, 32>& smsn() const { return smsn_; }
  bool complete() const { return state_ == State::Done; }

 private:
  enum class State { AwaitKeyRequest, AwaitDeviceConfirm, Done, Failed };
  HandshakeError fail(HandshakeError e);

  const ServerIdentity* identity_;
  KeySource source_;
  std::uint64_t attempt_id_;
  metrics::MetricsSink* keylog_;
  State state_ = State::AwaitKeyRequest;
  std::array<std::uint8_t, 32> smsn_{};
  key_schedule::Hash app_transcript_{};
  key_schedule::LayerKeys app_{};
};

}  // namespace st::security
