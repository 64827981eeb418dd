// The three parties of the registration handshake.
#include "models/security/handshake.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <string>

#include "models/security/key_log.hpp"
#include "models/security/primitives.hpp"

namespace st::security {

models::Cause cause_of(HandshakeError e) {
  using models::Cause;
  switch (e) {
    case HandshakeError::None: return Cause::None;
    case HandshakeError::Malformed: return Cause::Malformed;
    case HandshakeError::BadChain: return Cause::BadChain;
    case HandshakeError::ForeignRoot: return Cause::ForeignRoot;
    case HandshakeError::DeviceRevoked: return Cause::DeviceRevoked;
    case HandshakeError::DeviceTypeRevoked: return Cause::DeviceTypeRevoked;
    case HandshakeError::UnknownDeviceType: return Cause::UnknownDeviceType;
    case HandshakeError::BadServerSignature: return Cause::BadServerSignature;
    case HandshakeError::BadAppServerSignature: return Cause::BadAppServerSignature;
    case HandshakeError::BadConfirmation: return Cause::BadConfirmation;
    case HandshakeError::BadPeerKey: return Cause::BadPeerKey;
  }
  return Cause::Malformed;
}

std::string_view to_string(HandshakeError e) { return e == HandshakeError::None ? "none" : models::to_string(cause_of(e)); }

namespace {
using key_schedule::Hash;
using key_schedule::kAppTranscriptLabel;
using key_schedule::kTranscriptLabel;

std::string party_label(std::string_view party, std::string_view what, std::span<const std::uint8_t> smsn) {
  std::string s = "hs/";
  s += party;
  s += '/';
  s += what;
  s += '/';
  s += to_hex(smsn);
  return s;
}

Nonce make_nonce(const KeySource& source, std::string_view party, std::span<const std::uint8_t> smsn,
                 std::uint64_t attempt) {
  Nonce n{};
  source.fill(party_label(party, "nonce", smsn), attempt, n);
  return n;
}

Mac mac(std::span<const std::uint8_t> key, std::span<const std::uint8_t> msg) { return hmac_sha256(key, msg); }

// The application transcript: label || M2a || AS ephemeral. Both the device and the AS can rebuild M2a.
Hash app_transcript(const AppKeyRequest& req, std::span<const std::uint8_t> as_ephemeral) {
  return key_schedule::transcript_hash(kAppTranscriptLabel, encode(req), as_ephemeral);
}

// M1 as it enters the transcript: the encoding with every signature field zeroed. ECDSA signatures are
// randomised (OpenSSL 3.0 has no RFC 6979) and malleable, so keeping them out makes the keys a function of the
// seed only; they are verified, and everything they vouch for (serials, public keys) stays in the transcript.
Bytes transcript_view(DeviceHello h) {
  h.ed25519_signature.fill(0);
  h.p256_signature.fill(0);
  for (auto& chain : h.chains.upper)
    for (CertRecord& r : chain) r.signature.fill(0);
  return encode(h);
}

void wipe(Bytes& b) {
  if (!b.empty()) OPENSSL_cleanse(b.data(), b.size());
}

// The application server's Ed25519 signature over (SMSN, device ephemeral, AS ephemeral, device nonce), checked
// by the network server and then by the device: with `verdicts`, the second check of the same bytes is a memo hit.
bool app_server_signature_ok(SignatureVerdicts* verdicts, std::span<const std::uint8_t> as_key,
                             std::span<const std::uint8_t> smsn, std::span<const std::uint8_t> device_ephemeral,
                             std::span<const std::uint8_t> as_ephemeral, std::span<const std::uint8_t> device_nonce,
                             std::span<const std::uint8_t> signature) {
  constexpr auto ed = SignatureAlgorithm::Ed25519;
  const Bytes msg = key_schedule::app_server_signed(smsn, device_ephemeral, as_ephemeral, device_nonce);
  return verdicts != nullptr ? verdicts->verify_recent(ed, as_key, msg, signature)
                             : verify_long_lived(ed, as_key, msg, signature);
}
}  // namespace

// ---- device --------------------------------------------------------------------------------------------------------
DeviceHandshake::DeviceHandshake(const DeviceIdentity& device, const TypeChains& chains, EcdhCurve curve,
                                 const KeySource& source, std::uint64_t attempt_id, const TrustAnchor& anchor,
                                 std::span<const std::uint8_t> app_server_public, metrics::MetricsSink* keylog,
                                 SignatureVerdicts* verdicts)
    : smsn_(device.smsn),
      curve_(curve),
      root_ed25519_(anchor.root_public[index_of(SignatureAlgorithm::Ed25519)]),
      app_server_public_(app_server_public.begin(), app_server_public.end()),
      keylog_(keylog),
      verdicts_(verdicts) {
  eph_ = generate_ecdh_key(curve, source, party_label("device", "eph", smsn_), attempt_id);
  nonce_ = make_nonce(source, "device", smsn_, attempt_id);
  DeviceHello m;
  m.curve = curve;
  m.device_type = device.device_type;
  m.smsn = device.smsn;
  m.ephemeral = eph_.public_key;
  m.nonce = nonce_;
  m.ed25519_public = device.ed25519_public;
  m.ed25519_signature = device.ed25519_signature;
  m.p256_public = device.p256_public;
  m.p256_signature = device.p256_signature;
  m.chains = chains;
  m1_ = encode(m);
  transcript_ = Sha256Prefix({as_bytes(kTranscriptLabel), transcript_view(std::move(m))});
}

DeviceHandshake::~DeviceHandshake() {
  wipe(eph_.private_key);
  OPENSSL_cleanse(&keys_, sizeof(keys_));
  OPENSSL_cleanse(expected_server_confirm_.data(), expected_server_confirm_.size());
}

HandshakeError DeviceHandshake::fail(HandshakeError e) {
  state_ = State::Failed;
  wipe(eph_.private_key);
  OPENSSL_cleanse(&keys_, sizeof(keys_));
  return e;
}

std::variant<Bytes, HandshakeError> DeviceHandshake::on_server_hello(std::span<const std::uint8_t> m2) {
  if (state_ != State::AwaitServerHello) return HandshakeError::Malformed;  // out of order: state unchanged
  const auto hello = parse_server_hello(m2);
  if (!hello || hello->curve != curve_) return fail(HandshakeError::Malformed);

  // The SNS certificate must chain to the AMZN root through the SW CA, and sign the transcript.
  constexpr auto ed = SignatureAlgorithm::Ed25519;
  const auto certificate_ok = [this](std::span<const std::uint8_t> issuer, const CertRecord& record) {
    return verdicts_ != nullptr ? verdicts_->verify_certificate(ed, issuer, record)
                                : verify_certificate(ed, issuer, record);
  };
  if (!certificate_ok(root_ed25519_, hello->sw_record) || !certificate_ok(hello->sw_record.public_key, hello->sns_cert))
    return fail(HandshakeError::BadServerSignature);
  const std::span<const std::uint8_t> unsigned_m2 = m2.first(m2.size() - hello->ns_signature.size());
  const Hash th2 = transcript_.with(unsigned_m2);
  if (!verify_long_lived(ed, hello->sns_cert.public_key, key_schedule::server_signed(th2), hello->ns_signature))
    return fail(HandshakeError::BadServerSignature);

  // The application server signed our ephemeral and nonce with its key from the manufacturing store.
  if (!app_server_signature_ok(verdicts_, app_server_public_, smsn_, eph_.public_key, hello->as_ephemeral, nonce_,
                               hello->as_signature))
    return fail(HandshakeError::BadAppServerSignature);

  EcdhExchange exchange(curve_, eph_);  // one key object for both exchanges
  auto net_secret = exchange.with(hello->ns_ephemeral);
  if (!net_secret) return fail(HandshakeError::BadPeerKey);
  log_ecdh(keylog_, smsn_, KeyLayer::Network, curve_, KeyParty::Device, eph_.private_key, hello->ns_ephemeral,
           *net_secret);
  auto app_secret = exchange.with(hello->as_ephemeral);
  if (!app_secret) return fail(HandshakeError::BadPeerKey);
  log_ecdh(keylog_, smsn_, KeyLayer::Application, curve_, KeyParty::Device, eph_.private_key, hello->as_ephemeral,
           *app_secret);

  AppKeyRequest req;
  req.curve = curve_;
  req.smsn = smsn_;
  req.device_ephemeral = eph_.public_key;
  req.device_nonce = nonce_;
  const Hash ath = app_transcript(req, hello->as_ephemeral);
  key_schedule::LayerKeys app = key_schedule::derive_application(*app_secret, ath);
  key_schedule::LayerKeys net = key_schedule::derive_network(*net_secret, th2);
  OPENSSL_cleanse(app_secret->data(), app_secret->size());
  OPENSSL_cleanse(net_secret->data(), net_secret->size());

  HandshakeError verdict = HandshakeError::None;
  if (!constant_time_equal(mac(app.confirm_server, ath), hello->as_confirm)) verdict = HandshakeError::BadConfirmation;
  Bytes m3;
  if (verdict == HandshakeError::None) {
    keys_.network_key = net.session;
    keys_.application_key = app.session;
    log_session_key(keylog_, smsn_, KeyLayer::Network, KeyParty::Device, keys_.network_key);
    log_session_key(keylog_, smsn_, KeyLayer::Application, KeyParty::Device, keys_.application_key);
    const Hash th3 = transcript_.with(m2);
    DeviceConfirm confirm;
    confirm.network_confirm = mac(net.confirm_device, th3);
    confirm.application_confirm = mac(app.confirm_device, ath);
    expected_server_confirm_ = mac(net.confirm_server, th3);
    m3 = encode(confirm);
  }
  app.wipe();
  net.wipe();
  wipe(eph_.private_key);
  if (verdict != HandshakeError::None) return fail(verdict);
  state_ = State::AwaitServerConfirm;
  return m3;
}

HandshakeError DeviceHandshake::on_server_confirm(std::span<const std::uint8_t> m4) {
  if (state_ != State::AwaitServerConfirm) return HandshakeError::Malformed;  // out of order: state unchanged
  const auto confirm = parse_server_confirm(m4);
  if (!confirm) return fail(HandshakeError::Malformed);
  if (!constant_time_equal(confirm->confirm, expected_server_confirm_)) return fail(HandshakeError::BadConfirmation);
  state_ = State::Done;
  return HandshakeError::None;
}

// ---- network server ------------------------------------------------------------------------------------------------
NetworkServerHandshake::NetworkServerHandshake(const Pki& pki, ChainVerifier& verifier,
                                               const RevocationList& revocations, const KeySource& source,
                                               std::uint64_t attempt_id, metrics::MetricsSink* keylog,
                                               SignatureVerdicts* verdicts)
    : pki_(&pki),
      verifier_(&verifier),
      revocations_(&revocations),
      source_(source),
      attempt_id_(attempt_id),
      keylog_(keylog),
      verdicts_(verdicts) {}

NetworkServerHandshake::~NetworkServerHandshake() {
  wipe(eph_.private_key);
  OPENSSL_cleanse(network_secret_.data(), network_secret_.size());
  network_.wipe();
}

HandshakeError NetworkServerHandshake::fail(HandshakeError e) {
  state_ = State::Failed;
  wipe(eph_.private_key);
  OPENSSL_cleanse(network_secret_.data(), network_secret_.size());
  network_.wipe();
  return e;
}

std::variant<Bytes, HandshakeError> NetworkServerHandshake::on_device_hello(std::span<const std::uint8_t> m1) {
  if (state_ != State::AwaitDeviceHello) return HandshakeError::Malformed;  // out of order: state unchanged
  auto hello = parse_device_hello(m1);
  if (!hello) return fail(HandshakeError::Malformed);
  smsn_ = hello->smsn;
  device_type_ = hello->device_type;
  curve_ = hello->curve;

  switch (verifier_->verify(hello->smsn, hello->ed25519_public, hello->ed25519_signature, hello->p256_public,
                            hello->p256_signature, hello->chains)) {
    case ChainError::None: break;
    case ChainError::Malformed: return fail(HandshakeError::Malformed);
    case ChainError::ForeignRoot: return fail(HandshakeError::ForeignRoot);
    case ChainError::BadDeviceSignature:
    case ChainError::BadChainSignature: return fail(HandshakeError::BadChain);
  }
  if (!pki_->has_device_type(device_type_)) return fail(HandshakeError::UnknownDeviceType);
  // The chain must be the one issued for the claimed type (else a device could dodge a type revocation).
  const TypeChains& expected = pki_->type_chains(device_type_);
  for (std::size_t a = 0; a < 2; ++a) {
    const auto dak = static_cast<std::size_t>(ChainPosition::Dak);
    if (hello->chains.upper[a][dak].public_key != expected.upper[a][dak].public_key)
      return fail(HandshakeError::BadChain);
  }
  switch (revocations_->refusal(smsn_, device_type_)) {
    case models::Cause::None: break;
    case models::Cause::DeviceRevoked: return fail(HandshakeError::DeviceRevoked);
    default: return fail(HandshakeError::DeviceTypeRevoked);
  }

  // The ephemeral key's public half and the exchange through one key object and context.
  EcdhExchange exchange = EcdhExchange::generate(curve_, source_, party_label("cloud", "eph", smsn_), attempt_id_);
  eph_ = std::move(exchange.key());
  auto secret = exchange.with(hello->ephemeral);
  if (!secret) return fail(HandshakeError::BadPeerKey);
  network_secret_ = *secret;
  OPENSSL_cleanse(secret->data(), secret->size());
  log_ecdh(keylog_, smsn_, KeyLayer::Network, curve_, KeyParty::Cloud, eph_.private_key, hello->ephemeral,
           network_secret_);

  device_ephemeral_ = hello->ephemeral;
  device_nonce_ = hello->nonce;
  transcript_ = Sha256Prefix({as_bytes(kTranscriptLabel), transcript_view(std::move(*hello))});
  AppKeyRequest req;
  req.curve = curve_;
  req.smsn = smsn_;
  req.device_ephemeral = device_ephemeral_;
  req.device_nonce = device_nonce_;
  state_ = State::AwaitAppKeyResponse;
  return encode(req);
}

std::variant<Bytes, HandshakeError> NetworkServerHandshake::on_app_key_response(std::span<const std::uint8_t> m2b) {
  if (state_ != State::AwaitAppKeyResponse) return HandshakeError::Malformed;  // out of order: state unchanged
  const auto resp = parse_app_key_response(m2b);
  if (!resp || resp->curve != curve_) return fail(HandshakeError::Malformed);
  constexpr auto ed = SignatureAlgorithm::Ed25519;
  if (!app_server_signature_ok(verdicts_, pki_->application_server().key.public_key, smsn_, device_ephemeral_,
                               resp->as_ephemeral, device_nonce_, resp->as_signature))
    return fail(HandshakeError::BadAppServerSignature);

  ServerHello hello;
  hello.curve = curve_;
  hello.ns_ephemeral = eph_.public_key;
  hello.ns_nonce = make_nonce(source_, "cloud", smsn_, attempt_id_);
  hello.as_ephemeral = resp->as_ephemeral;
  hello.as_signature = resp->as_signature;
  hello.as_confirm = resp->as_confirm;
  hello.sns_cert = pki_->network_server().cert;
  hello.sw_record = pki_->sw_record(ed);
  const Bytes unsigned_m2 = encode_unsigned(hello);
  const Hash th2 = transcript_.with(unsigned_m2);
  hello.ns_signature = sign_long_lived(ed, pki_->network_server().key, key_schedule::server_signed(th2));
  m2_ = unsigned_m2;
  append(m2_, hello.ns_signature);

  network_ = key_schedule::derive_network(network_secret_, th2);
  OPENSSL_cleanse(network_secret_.data(), network_secret_.size());
  wipe(eph_.private_key);
  log_session_key(keylog_, smsn_, KeyLayer::Network, KeyParty::Cloud, network_.session);
  state_ = State::AwaitDeviceConfirm;
  return m2_;
}

std::variant<Bytes, HandshakeError> NetworkServerHandshake::on_device_confirm(std::span<const std::uint8_t> m3) {
  if (state_ != State::AwaitDeviceConfirm) return HandshakeError::Malformed;  // out of order: state unchanged
  const auto confirm = parse_device_confirm(m3);
  if (!confirm) return fail(HandshakeError::Malformed);
  const Hash th3 = transcript_.with(m2_);
  if (!constant_time_equal(mac(network_.confirm_device, th3), confirm->network_confirm))
    return fail(HandshakeError::BadConfirmation);
  app_confirm_ = encode(AppConfirm{confirm->application_confirm});
  ServerConfirm m4{mac(network_.confirm_server, th3)};
  OPENSSL_cleanse(network_.confirm_device.data(), network_.confirm_device.size());
  OPENSSL_cleanse(network_.confirm_server.data(), network_.confirm_server.size());
  state_ = State::Done;
  return encode(m4);
}

// ---- application server --------------------------------------------------------------------------------------------
ApplicationServerHandshake::ApplicationServerHandshake(const ServerIdentity& identity, const KeySource& source,
                                                       std::uint64_t attempt_id, metrics::MetricsSink* keylog)
    : identity_(&identity), source_(source), attempt_id_(attempt_id), keylog_(keylog) {}

ApplicationServerHandshake::~ApplicationServerHandshake() { app_.wipe(); }

HandshakeError ApplicationServerHandshake::fail(HandshakeError e) {
  state_ = State::Failed;
  app_.wipe();
  return e;
}

std::variant<Bytes, HandshakeError> ApplicationServerHandshake::on_key_request(std::span<const std::uint8_t> m2a) {
  if (state_ != State::AwaitKeyRequest) return HandshakeError::Malformed;  // out of order: state unchanged
  const auto req = parse_app_key_request(m2a);
  if (!req) return fail(HandshakeError::Malformed);
  smsn_ = req->smsn;
  EcdhExchange exchange =
      EcdhExchange::generate(req->curve, source_, party_label("appserver", "eph", smsn_), attempt_id_);
  KeyPair eph = std::move(exchange.key());
  auto secret = exchange.with(req->device_ephemeral);
  if (!secret) {
    wipe(eph.private_key);
    return fail(HandshakeError::BadPeerKey);
  }
  log_ecdh(keylog_, smsn_, KeyLayer::Application, req->curve, KeyParty::AppServer, eph.private_key,
           req->device_ephemeral, *secret);
  wipe(eph.private_key);

  app_transcript_ = app_transcript(*req, eph.public_key);
  app_ = key_schedule::derive_application(*secret, app_transcript_);
  OPENSSL_cleanse(secret->data(), secret->size());
  log_session_key(keylog_, smsn_, KeyLayer::Application, KeyParty::AppServer, app_.session);

  AppKeyResponse resp;
  resp.curve = req->curve;
  resp.as_ephemeral = eph.public_key;
  resp.as_signature = sign_long_lived(SignatureAlgorithm::Ed25519, identity_->key,
                           key_schedule::app_server_signed(smsn_, req->device_ephemeral, eph.public_key,
                                                           req->device_nonce));
  resp.as_confirm = mac(app_.confirm_server, app_transcript_);
  state_ = State::AwaitDeviceConfirm;
  return encode(resp);
}

HandshakeError ApplicationServerHandshake::on_device_confirm(std::span<const std::uint8_t> app_confirm) {
  if (state_ != State::AwaitDeviceConfirm) return HandshakeError::Malformed;  // out of order: state unchanged
  const auto confirm = parse_app_confirm(app_confirm);
  if (!confirm) return fail(HandshakeError::Malformed);
  if (!constant_time_equal(mac(app_.confirm_device, app_transcript_), confirm->confirm))
    return fail(HandshakeError::BadConfirmation);
  OPENSSL_cleanse(app_.confirm_device.data(), app_.confirm_device.size());
  OPENSSL_cleanse(app_.confirm_server.data(), app_.confirm_server.size());
  state_ = State::Done;
  return HandshakeError::None;
}

}  // namespace st::security
