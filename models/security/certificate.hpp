// Certificate records as Sidewalk publishes them (docs/security.md): serial || public key || 64-byte signature
// by the issuer over public_key || serial; the trust anchor (the AMZN root public keys) and the per-device-type
// upper chains (DAK, PRODUCT, MAN, SW, AMZN).
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "models/base/crypto_algorithms.hpp"
#include "models/security/bytes.hpp"

namespace st::security {

// Public keys in records: Ed25519 32 bytes, P-256 64 bytes (X || Y); P-256 signatures raw r || s. CA serials 4
// bytes or extended (ca_serial.hpp), the device serial = the 32-byte SMSN.
struct CertRecord {
  Bytes serial;
  Bytes public_key;
  std::array<std::uint8_t, 64> signature{};
};

// Index = static_cast<size_t>(SignatureAlgorithm): the AMZN root public key (record form) of the twin's own PKI,
// and the roots of imported fleets (a scenario's cloud.trusted_roots) that the cloud trusts besides it. A device
// chain must end in one of them; the twin's devices check the network's chain against root_public.
struct TrustAnchor {
  std::array<Bytes, 2> root_public;
  std::array<std::vector<Bytes>, 2> also_trusted;
  bool trusts(std::size_t alg, const Bytes& key) const {
    if (key == root_public[alg]) return true;
    for (const Bytes& k : also_trusted[alg])
      if (k == key) return true;
    return false;
  }
};

// Position of each CA in an upper chain (leaf side first; the AMZN root is the last record, self-signed).
enum class ChainPosition : std::size_t { Dak = 0, Product = 1, Man = 2, Sw = 3, Amzn = 4 };
inline constexpr std::size_t kUpperChainLength = 5;

// Per algorithm: DAK, PRODUCT, MAN, SW, AMZN.
struct TypeChains {
  std::array<std::vector<CertRecord>, 2> upper;
};

constexpr std::size_t index_of(SignatureAlgorithm a) { return static_cast<std::size_t>(a); }

// The signed bytes of a record: public_key || serial.
Bytes signed_message(std::span<const std::uint8_t> public_key, std::span<const std::uint8_t> serial);

// Issues a record: the issuer signs public_key || serial (public_key given in record form).
CertRecord issue_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_private, Bytes serial,
                             Bytes public_key);

// True when the record's signature verifies under the issuer's public key (record form or 65-byte point).
bool verify_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_public, const CertRecord& record);

// A KeyPair public key (Ed25519 32, P-256 65-byte point) in record form (Ed25519 32, P-256 64 = X || Y).
Bytes to_record_public(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key);

// The published record encoding: serial || public key (32 or 64 by algorithm) || signature (64). The serial's
// length is known to the reader (the SMSN's 32 bytes, or what the CA serial announces).
void encode_record(Bytes& out, const CertRecord& record);
std::size_t encoded_record_size(SignatureAlgorithm alg, std::size_t serial_len);
// Reads a CA record (its serial's length from ca_serial_length) from the front of `in`: the bytes read, or 0.
std::size_t read_ca_record(SignatureAlgorithm alg, std::span<const std::uint8_t> in, CertRecord& out);

}  // namespace st::security
