// Encoding and parsing of the registration handshake messages.
#include "models/security/handshake_messages.hpp"

#include <stdexcept>

#include "models/security/wire.hpp"

namespace st::security {

namespace {
using wire::put_u16;
using wire::put_u8;
using wire::Reader;

void put_header(Bytes& out, MessageType t) {
  put_u8(out, static_cast<std::uint8_t>(t));
  put_u8(out, kHandshakeVersion);
}

void put_key(Bytes& out, EcdhCurve c, const Bytes& key) {
  if (key.size() != ecdh_public_size(c)) throw std::invalid_argument("ephemeral public key of the wrong size");
  append(out, key);
}

void put_record(Bytes& out, SignatureAlgorithm alg, const CertRecord& r) {
  if (r.public_key.size() != record_public_size(alg)) throw std::invalid_argument("record key of the wrong size");
  encode_record(out, r);
}

bool read_header(Reader& r, MessageType t) {
  std::uint8_t type = 0;
  std::uint8_t version = 0;
  return r.u8(type) && r.u8(version) && type == static_cast<std::uint8_t>(t) && version == kHandshakeVersion;
}

bool read_curve(Reader& r, EcdhCurve& c) {
  std::uint8_t v = 0;
  if (!r.u8(v) || v > 1) return false;
  c = static_cast<EcdhCurve>(v);
  return true;
}

bool read_key(Reader& r, EcdhCurve c, Bytes& key) { return r.bytes(ecdh_public_size(c), key); }

bool read_record(Reader& r, SignatureAlgorithm alg, CertRecord& rec) {
  std::uint8_t serial_len = 0;
  return r.u8(serial_len) && serial_len > 0 && r.bytes(serial_len, rec.serial) &&
         r.bytes(record_public_size(alg), rec.public_key) && r.array(rec.signature);
}

template <typename T>
std::optional<T> done(const Reader& r, T&& m) {
  if (!r.finished()) return std::nullopt;
  return std::optional<T>(std::move(m));
}
}  // namespace

// ---- M1 ------------------------------------------------------------------------------------------------------------
Bytes encode(const DeviceHello& m) {
  Bytes out;
  out.reserve(device_hello_size(m.curve));
  put_header(out, MessageType::DeviceHello);
  put_u8(out, static_cast<std::uint8_t>(m.curve));
  put_u16(out, m.device_type);
  append(out, m.smsn);
  put_key(out, m.curve, m.ephemeral);
  append(out, m.nonce);
  append(out, m.ed25519_public);
  append(out, m.ed25519_signature);
  append(out, m.p256_public);
  append(out, m.p256_signature);
  for (SignatureAlgorithm alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256}) {
    const auto& chain = m.chains.upper[index_of(alg)];
    if (chain.size() != kUpperChainLength) throw std::invalid_argument("upper chain must have 4 records");
    for (const CertRecord& r : chain) put_record(out, alg, r);
  }
  return out;
}

std::optional<DeviceHello> parse_device_hello(std::span<const std::uint8_t> in) {
  Reader r(in);
  DeviceHello m;
  if (!read_header(r, MessageType::DeviceHello) || !read_curve(r, m.curve) || !r.u16(m.device_type) ||
      !r.array(m.smsn) || !read_key(r, m.curve, m.ephemeral) || !r.array(m.nonce) || !r.array(m.ed25519_public) ||
      !r.array(m.ed25519_signature) || !r.array(m.p256_public) || !r.array(m.p256_signature))
    return std::nullopt;
  for (SignatureAlgorithm alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256}) {
    auto& chain = m.chains.upper[index_of(alg)];
    chain.resize(kUpperChainLength);
    for (CertRecord& rec : chain)
      if (!read_record(r, alg, rec)) return std::nullopt;
  }
  return done(r, std::move(m));
}

// ---- M2a -----------------------------------------------------------------------------------------------------------
Bytes encode(const AppKeyRequest& m) {
  Bytes out;
  out.reserve(app_key_request_size(m.curve));
  put_header(out, MessageType::AppKeyRequest);
  put_u8(out, static_cast<std::uint8_t>(m.curve));
  append(out, m.smsn);
  put_key(out, m.curve, m.device_ephemeral);
  append(out, m.device_nonce);
  return out;
}

std::optional<AppKeyRequest> parse_app_key_request(std::span<const std::uint8_t> in) {
  Reader r(in);
  AppKeyRequest m;
  if (!read_header(r, MessageType::AppKeyRequest) || !read_curve(r, m.curve) || !r.array(m.smsn) ||
      !read_key(r, m.curve, m.device_ephemeral) || !r.array(m.device_nonce))
    return std::nullopt;
  return done(r, std::move(m));
}

// ---- M2b -----------------------------------------------------------------------------------------------------------
Bytes encode(const AppKeyResponse& m) {
  Bytes out;
  out.reserve(app_key_response_size(m.curve));
  put_header(out, MessageType::AppKeyResponse);
  put_u8(out, static_cast<std::uint8_t>(m.curve));
  put_key(out, m.curve, m.as_ephemeral);
  append(out, m.as_signature);
  append(out, m.as_confirm);
  return out;
}

std::optional<AppKeyResponse> parse_app_key_response(std::span<const std::uint8_t> in) {
  Reader r(in);
  AppKeyResponse m;
  if (!read_header(r, MessageType::AppKeyResponse) || !read_curve(r, m.curve) ||
      !read_key(r, m.curve, m.as_ephemeral) || !r.array(m.as_signature) || !r.array(m.as_confirm))
    return std::nullopt;
  return done(r, std::move(m));
}

// ---- M2 ------------------------------------------------------------------------------------------------------------
Bytes encode_unsigned(const ServerHello& m) {
  Bytes out;
  out.reserve(server_hello_size(m.curve, m.sw_record.serial.size()));
  put_header(out, MessageType::ServerHello);
  put_u8(out, static_cast<std::uint8_t>(m.curve));
  put_key(out, m.curve, m.ns_ephemeral);
  append(out, m.ns_nonce);
  put_key(out, m.curve, m.as_ephemeral);
  append(out, m.as_signature);
  append(out, m.as_confirm);
  put_record(out, SignatureAlgorithm::Ed25519, m.sns_cert);
  put_record(out, SignatureAlgorithm::Ed25519, m.sw_record);
  return out;
}

Bytes encode(const ServerHello& m) {
  Bytes out = encode_unsigned(m);
  append(out, m.ns_signature);
  return out;
}

std::optional<ServerHello> parse_server_hello(std::span<const std::uint8_t> in) {
  Reader r(in);
  ServerHello m;
  if (!read_header(r, MessageType::ServerHello) || !read_curve(r, m.curve) || !read_key(r, m.curve, m.ns_ephemeral) ||
      !r.array(m.ns_nonce) || !read_key(r, m.curve, m.as_ephemeral) || !r.array(m.as_signature) ||
      !r.array(m.as_confirm) || !read_record(r, SignatureAlgorithm::Ed25519, m.sns_cert) ||
      !read_record(r, SignatureAlgorithm::Ed25519, m.sw_record) || !r.array(m.ns_signature))
    return std::nullopt;
  return done(r, std::move(m));
}

// ---- M3, M3a, M4 ---------------------------------------------------------------------------------------------------
Bytes encode(const DeviceConfirm& m) {
  Bytes out;
  out.reserve(kDeviceConfirmSize);
  put_header(out, MessageType::DeviceConfirm);
  append(out, m.network_confirm);
  append(out, m.application_confirm);
  return out;
}

std::optional<DeviceConfirm> parse_device_confirm(std::span<const std::uint8_t> in) {
  Reader r(in);
  DeviceConfirm m;
  if (!read_header(r, MessageType::DeviceConfirm) || !r.array(m.network_confirm) || !r.array(m.application_confirm))
    return std::nullopt;
  return done(r, std::move(m));
}

Bytes encode(const AppConfirm& m) {
  Bytes out;
  out.reserve(kAppConfirmSize);
  put_header(out, MessageType::AppConfirm);
  append(out, m.confirm);
  return out;
}

std::optional<AppConfirm> parse_app_confirm(std::span<const std::uint8_t> in) {
  Reader r(in);
  AppConfirm m;
  if (!read_header(r, MessageType::AppConfirm) || !r.array(m.confirm)) return std::nullopt;
  return done(r, std::move(m));
}

Bytes encode(const ServerConfirm& m) {
  Bytes out;
  out.reserve(kServerConfirmSize);
  put_header(out, MessageType::ServerConfirm);
  append(out, m.confirm);
  return out;
}

std::optional<ServerConfirm> parse_server_confirm(std::span<const std::uint8_t> in) {
  Reader r(in);
  ServerConfirm m;
  if (!read_header(r, MessageType::ServerConfirm) || !r.array(m.confirm)) return std::nullopt;
  return done(r, std::move(m));
}

}  // namespace st::security
