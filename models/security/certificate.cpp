// Issuing, verifying and encoding certificate records.
#include "models/security/certificate.hpp"

#include <stdexcept>

#include "models/security/primitives.hpp"

namespace st::security {

Bytes signed_message(std::span<const std::uint8_t> serial, std::span<const std::uint8_t> public_key) {
  Bytes msg;
  msg.reserve(serial.size() + public_key.size());
  append(msg, serial);
  append(msg, public_key);
  return msg;
}

CertRecord issue_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_private, Bytes serial,
                             Bytes public_key) {
  CertRecord r;
  r.signature = sign(alg, issuer_private, signed_message(serial, public_key));
  r.serial = std::move(serial);
  r.public_key = std::move(public_key);
  return r;
}

bool verify_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_public, const CertRecord& record) {
  if (record.public_key.size() != record_public_size(alg) || record.serial.empty()) return false;
  return verify(alg, issuer_public, signed_message(record.serial, record.public_key), record.signature);
}

Bytes to_record_public(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key) {
  if (alg == SignatureAlgorithm::EcdsaP256 && public_key.size() == kP256PointSize)
    return Bytes(public_key.begin() + 1, public_key.end());
  if (public_key.size() != record_public_size(alg)) throw std::invalid_argument("public key of the wrong size");
  return Bytes(public_key.begin(), public_key.end());
}

void encode_record(Bytes& out, const CertRecord& record) {
  if (record.serial.empty() || record.serial.size() > 255) throw std::invalid_argument("serial length out of range");
  out.push_back(static_cast<std::uint8_t>(record.serial.size()));
  append(out, record.serial);
  append(out, record.public_key);
  append(out, record.signature);
}

std::size_t encoded_record_size(SignatureAlgorithm alg, std::size_t serial_len) {
  return 1 + serial_len + record_public_size(alg) + 64;
}

}  // namespace st::security
