// Encoding and parsing of the registration handshake messages.
#include "models/security/handshake_messages.hpp"

#include <algorithm>
#include <stdexcept>

#include "models/security/chain_blob.hpp"
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

// A CA record in the published form, its serial's length as the serial announces it (standard or extended).
bool read_record(Reader& r, SignatureAlgorithm alg, CertRecord& rec) {
  const std::size_t n = read_ca_record(alg, r.rest(), rec);
  return n != 0 && r.skip(n);
}

// One device chain blob: the device record (SMSN, key, DAK signature) and the five CA records.
void put_chain(Bytes& out, SignatureAlgorithm alg, const DeviceHello& m) {
  DeviceChain chain;
  chain.device.serial.assign(m.smsn.begin(), m.smsn.end());
  if (alg == SignatureAlgorithm::Ed25519) {
    chain.device.public_key.assign(m.ed25519_public.begin(), m.ed25519_public.end());
    chain.device.signature = m.ed25519_signature;
  } else {
    chain.device.public_key.assign(m.p256_public.begin(), m.p256_public.end());
    chain.device.signature = m.p256_signature;
  }
  chain.upper = m.chains.upper[index_of(alg)];
  append(out, encode_chain(alg, chain));
}

// Reads one chain blob into the hello; the P-256 chain's SMSN must be the Ed25519 chain's.
bool read_chain_into(Reader& r, SignatureAlgorithm alg, DeviceHello& m) {
  DeviceChain chain;
  std::size_t consumed = 0;
  if (read_chain(alg, r.rest(), chain, consumed) || !r.skip(consumed)) return false;
  if (alg == SignatureAlgorithm::Ed25519) {
    std::copy(chain.device.serial.begin(), chain.device.serial.end(), m.smsn.begin());
    std::copy(chain.device.public_key.begin(), chain.device.public_key.end(), m.ed25519_public.begin());
    m.ed25519_signature = chain.device.signature;
  } else {
    if (!std::equal(m.smsn.begin(), m.smsn.end(), chain.device.serial.begin())) return false;
    std::copy(chain.device.public_key.begin(), chain.device.public_key.end(), m.p256_public.begin());
    m.p256_signature = chain.device.signature;
  }
  m.chains.upper[index_of(alg)] = std::move(chain.upper);
  return true;
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
  put_key(out, m.curve, m.ephemeral);
  append(out, m.nonce);
  put_chain(out, SignatureAlgorithm::Ed25519, m);
  put_chain(out, SignatureAlgorithm::EcdsaP256, m);
  return out;
}

std::optional<DeviceHello> parse_device_hello(std::span<const std::uint8_t> in) {
  Reader r(in);
  DeviceHello m;
  if (!read_header(r, MessageType::DeviceHello) || !read_curve(r, m.curve) || !r.u16(m.device_type) ||
      !read_key(r, m.curve, m.ephemeral) || !r.array(m.nonce) ||
      !read_chain_into(r, SignatureAlgorithm::Ed25519, m) || !read_chain_into(r, SignatureAlgorithm::EcdsaP256, m))
    return std::nullopt;
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
