// ChainBlob: a device's certificate chain in Sidewalk's published form, the bytes behind AWS's
// DeviceCertificates[].Value: DEVICE (serial = SMSN), DAK, PRODUCT, MAN, SW and AMZN records, each
// serial || public key || signature. Encoding, reading (CA serials in either form), and checking every signature of
// a chain on its own (each record under the next one's key, AMZN under its own).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "models/base/crypto_algorithms.hpp"
#include "models/security/bytes.hpp"
#include "models/security/certificate.hpp"
#include "models/security/device_identity.hpp"

namespace st::security {

inline constexpr std::size_t kSmsnSize = 32;

// The records of a chain blob, in blob order.
enum class ChainRecord : std::uint8_t { Device, Dak, Product, Man, Sw, Amzn };
std::string_view to_string(ChainRecord r);  // "DEVICE", "DAK", ...

struct DeviceChain {
  CertRecord device;                // serial = SMSN
  std::vector<CertRecord> upper;    // DAK, PRODUCT, MAN, SW, AMZN
};

// What is wrong with a blob or a chain, and in which record.
struct ChainDefect {
  ChainRecord record;
  std::string_view cause;  // e.g. "truncated", "signature does not verify"
};

// The blob of a chain with 4-byte CA serials: 628 bytes (Ed25519), 820 (P-256).
constexpr std::size_t chain_blob_size(SignatureAlgorithm alg, std::size_t ca_serial_size = 4) {
  const std::size_t key = alg == SignatureAlgorithm::Ed25519 ? 32 : 64;
  return kSmsnSize + kUpperChainLength * ca_serial_size + (1 + kUpperChainLength) * (key + 64);
}

// A device's chain of one algorithm: its leaf record (device_certificate) and its type's upper chain.
DeviceChain device_chain(const DeviceIdentity& d, const TypeChains& chains, SignatureAlgorithm alg);

// Throws std::invalid_argument for a chain that cannot be encoded (a device serial that is not 32 bytes, not five
// upper records, keys of the wrong size).
Bytes encode_chain(SignatureAlgorithm alg, const DeviceChain& chain);
// Reads one chain from the front of `in` into `out`; `consumed` is set to its length. A defect names the record.
std::optional<ChainDefect> read_chain(SignatureAlgorithm alg, std::span<const std::uint8_t> in, DeviceChain& out,
                                      std::size_t& consumed);
// A whole blob: read_chain, and nothing may follow the AMZN record.
std::optional<ChainDefect> parse_chain(SignatureAlgorithm alg, std::span<const std::uint8_t> blob, DeviceChain& out);

// Every signature of the chain on its own terms: DEVICE under DAK, ..., SW under AMZN, AMZN under itself. The first
// record (device side first) whose signature does not verify is the defect. Whether AMZN is a trusted root is the
// caller's question.
std::optional<ChainDefect> check_chain_signatures(SignatureAlgorithm alg, const DeviceChain& chain);

}  // namespace st::security
