// Compact certificate records (docs/sidewalk.md §2.1): serial + public key + 64-byte issuer signature over
// serial || public_key, the trust anchor (AMZN root public keys) and the per-device-type upper chains.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "models/base/crypto_algorithms.hpp"
#include "models/security/bytes.hpp"

namespace st::security {

// Public keys in records: Ed25519 32 bytes, P-256 64 bytes (X || Y). CA serials 4 bytes, device serial = SMSN.
struct CertRecord {
  Bytes serial;
  Bytes public_key;
  std::array<std::uint8_t, 64> signature{};
};

// Index = static_cast<size_t>(SignatureAlgorithm). The AMZN root stores a public key only (record form).
struct TrustAnchor {
  std::array<Bytes, 2> root_public;
};

// Position of each CA in an upper chain (leaf side first, the root excluded).
enum class ChainPosition : std::size_t { Dak = 0, Product = 1, Man = 2, Sw = 3 };
inline constexpr std::size_t kUpperChainLength = 4;

// Per algorithm: DAK, PRODUCT, MAN, SW.
struct TypeChains {
  std::array<std::vector<CertRecord>, 2> upper;
};

constexpr std::size_t index_of(SignatureAlgorithm a) { return static_cast<std::size_t>(a); }

// The signed bytes of a record: serial || public_key.
Bytes signed_message(std::span<const std::uint8_t> serial, std::span<const std::uint8_t> public_key);

// Issues a record: the issuer signs serial || public_key (public_key given in record form).
CertRecord issue_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_private, Bytes serial,
                             Bytes public_key);

// True when the record's signature verifies under the issuer's public key (record form or 65-byte point).
bool verify_certificate(SignatureAlgorithm alg, std::span<const std::uint8_t> issuer_public, const CertRecord& record);

// A KeyPair public key (Ed25519 32, P-256 65-byte point) in record form (Ed25519 32, P-256 64 = X || Y).
Bytes to_record_public(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key);

// Record encoding used on the wire: serial_len (1) || serial || public key (32 or 64 by algorithm) || signature (64).
void encode_record(Bytes& out, const CertRecord& record);
std::size_t encoded_record_size(SignatureAlgorithm alg, std::size_t serial_len);

}  // namespace st::security
