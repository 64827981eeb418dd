#include "models/security/chain_blob.hpp"

#include <algorithm>
#include <stdexcept>

#include "models/security/primitives.hpp"

namespace st::security {

std::string_view to_string(ChainRecord r) {
  switch (r) {
    case ChainRecord::Device: return "DEVICE";
    case ChainRecord::Dak: return "DAK";
    case ChainRecord::Product: return "PRODUCT";
    case ChainRecord::Man: return "MAN";
    case ChainRecord::Sw: return "SW";
    case ChainRecord::Amzn: return "AMZN";
  }
  return "?";
}

namespace {
ChainRecord upper_record(std::size_t i) { return static_cast<ChainRecord>(i + 1); }
}  // namespace

DeviceChain device_chain(const DeviceIdentity& d, const TypeChains& chains, SignatureAlgorithm alg) {
  return DeviceChain{device_certificate(d, alg), chains.upper[index_of(alg)]};
}

Bytes encode_chain(SignatureAlgorithm alg, const DeviceChain& chain) {
  if (chain.device.serial.size() != kSmsnSize) throw std::invalid_argument("the device serial must be the SMSN");
  if (chain.upper.size() != kUpperChainLength) throw std::invalid_argument("a chain has five CA records");
  Bytes out;
  out.reserve(chain_blob_size(alg));
  const auto put = [&](const CertRecord& r) {
    if (r.public_key.size() != record_public_size(alg)) throw std::invalid_argument("record key of the wrong size");
    encode_record(out, r);
  };
  put(chain.device);
  for (const CertRecord& r : chain.upper) put(r);
  return out;
}

std::optional<ChainDefect> read_chain(SignatureAlgorithm alg, std::span<const std::uint8_t> in, DeviceChain& out,
                                      std::size_t& consumed) {
  const std::size_t key = record_public_size(alg);
  const std::size_t device_size = kSmsnSize + key + 64;
  if (in.size() < device_size) return ChainDefect{ChainRecord::Device, "truncated"};
  out.device.serial.assign(in.begin(), in.begin() + kSmsnSize);
  out.device.public_key.assign(in.begin() + kSmsnSize, in.begin() + static_cast<std::ptrdiff_t>(kSmsnSize + key));
  std::copy(in.begin() + static_cast<std::ptrdiff_t>(kSmsnSize + key),
            in.begin() + static_cast<std::ptrdiff_t>(device_size), out.device.signature.begin());
  std::size_t at = device_size;
  out.upper.resize(kUpperChainLength);
  for (std::size_t i = 0; i < kUpperChainLength; ++i) {
    const std::size_t n = read_ca_record(alg, in.subspan(at), out.upper[i]);
    if (n == 0) return ChainDefect{upper_record(i), "truncated, or a serial of a length that cannot be"};
    at += n;
  }
  consumed = at;
  return std::nullopt;
}

std::optional<ChainDefect> parse_chain(SignatureAlgorithm alg, std::span<const std::uint8_t> blob, DeviceChain& out) {
  std::size_t consumed = 0;
  if (auto defect = read_chain(alg, blob, out, consumed)) return defect;
  if (consumed != blob.size()) return ChainDefect{ChainRecord::Amzn, "bytes follow the AMZN record"};
  return std::nullopt;
}

std::optional<ChainDefect> check_chain_signatures(SignatureAlgorithm alg, const DeviceChain& chain) {
  if (chain.upper.size() != kUpperChainLength) return ChainDefect{ChainRecord::Amzn, "not five CA records"};
  if (!verify_certificate(alg, chain.upper[0].public_key, chain.device))
    return ChainDefect{ChainRecord::Device, "signature does not verify"};
  for (std::size_t i = 0; i < kUpperChainLength; ++i) {
    const CertRecord& issuer = i + 1 < kUpperChainLength ? chain.upper[i + 1] : chain.upper[i];
    if (!verify_certificate(alg, issuer.public_key, chain.upper[i]))
      return ChainDefect{upper_record(i), "signature does not verify"};
  }
  return std::nullopt;
}

}  // namespace st::security
