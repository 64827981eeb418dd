// Issuing, verifying, encoding and reading certificate records.
#include "models/security/certificate.hpp"

#include <algorithm>
#include <stdexcept>

#include "models/security/ca_serial.hpp"
#include "models/security/primitives.hpp"

namespace st::security {

Bytes signed_message(std::span<const std::uint8_t> public_key, std::span<const std::uint8_t> serial) {
  Bytes msg;
  msg.reserve(serial.size() + public_key.size());
  append(msg, public_key);
  append(msg, serial);
  return msg;
}

CertRecord issue_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_private, Bytes serial,
                             Bytes public_key) {
  CertRecord r;
  r.signature = sign(alg, issuer_private, signed_message(public_key, serial));
  r.serial = std::move(serial);
  r.public_key = std::move(public_key);
  return r;
}

bool verify_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_public, const CertRecord& record) {
  if (record.public_key.size() != record_public_size(alg) || record.serial.empty()) return false;
  return verify(alg, issuer_public, signed_message(record.public_key, record.serial), record.signature);
}

Bytes to_record_public(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key) {
  if (alg == SignatureAlgorithm::EcdsaP256 && public_key.size() == kP256PointSize)
    return Bytes(public_key.begin() + 1, public_key.end());
  if (public_key.size() != record_public_size(alg)) throw std::invalid_argument("public key of the wrong size");
  return Bytes(public_key.begin(), public_key.end());
}

void encode_record(Bytes& out, const CertRecord& record) {
  if (record.serial.empty()) throw std::invalid_argument("a record without a serial");
  append(out, record.serial);
  append(out, record.public_key);
  append(out, record.signature);
}

std::size_t encoded_record_size(SignatureAlgorithm alg, std::size_t serial_len) {
  return serial_len + record_public_size(alg) + 64;
}

std::size_t read_ca_record(SignatureAlgorithm alg, std::span<const std::uint8_t> in, CertRecord& out) {
  const std::size_t serial = ca_serial_length(in);
  const std::size_t total = serial + record_public_size(alg) + 64;
  if (serial == 0 || in.size() < total) return 0;
  out.serial.assign(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(serial));
  out.public_key.assign(in.begin() + static_cast<std::ptrdiff_t>(serial),
                        in.begin() + static_cast<std::ptrdiff_t>(serial + record_public_size(alg)));
  std::copy(in.begin() + static_cast<std::ptrdiff_t>(total - 64), in.begin() + static_cast<std::ptrdiff_t>(total),
            out.signature.begin());
  return total;
}

}  // namespace st::security
