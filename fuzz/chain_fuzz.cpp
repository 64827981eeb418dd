// Fuzz target: Sidewalk certificate chains and records (bytes -> DEVICE, DAK, PRODUCT, MAN, SIDEWALK, AMZN records
// or the defect) for both algorithms, then their signatures; and a lone CA record.
#include "fuzz/fuzz_support.hpp"
#include "models/security/certificate.hpp"
#include "models/security/chain_blob.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto alg = static_cast<st::security::SignatureAlgorithm>(data[0] & 1);
  const auto in = st::fuzz::bytes(data + 1, size - 1);
  st::security::DeviceChain chain;
  if (!st::security::parse_chain(alg, in, chain)) (void)st::security::check_chain_signatures(alg, chain);
  st::security::DeviceChain prefix;
  std::size_t consumed = 0;
  if (!st::security::read_chain(alg, in, prefix, consumed) && consumed > in.size()) __builtin_trap();
  st::security::CertRecord record;
  (void)st::security::read_ca_record(alg, in, record);
  return 0;
}
