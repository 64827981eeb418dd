#include "models/cloud/manufacturing_ingest.hpp"

#include <algorithm>
#include <variant>

#include "models/security/chain_blob.hpp"

namespace st::models {

using security::ChainError;
using security::SignatureAlgorithm;

ChainError ManufacturingIngest::verify_upload(std::string_view upload, const security::TypeChains& chains) {
  const auto parsed = parse_control_log_text(upload);
  if (std::holds_alternative<RecordDefect>(parsed)) return ChainError::Malformed;
  const ControlLogRecord& r = std::get<ControlLogRecord>(parsed);
  security::DeviceIdentity d;
  d.smsn = r.smsn;
  for (const auto alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256}) {
    const std::size_t a = security::index_of(alg);
    security::DeviceChain chain;
    if (security::parse_chain(alg, r.chain_blobs[a], chain)) return ChainError::Malformed;
    if (!std::equal(r.smsn.begin(), r.smsn.end(), chain.device.serial.begin())) return ChainError::Malformed;
    // The device type's CA records (its DAK is the one the profile names): a record signed by another DAK is not
    // one of this type's devices.
    if (chain.upper.size() != chains.upper[a].size()) return ChainError::Malformed;
    for (std::size_t i = 0; i < chain.upper.size(); ++i) {
      const security::CertRecord& x = chain.upper[i];
      const security::CertRecord& y = chains.upper[a][i];
      if (x.serial != y.serial || x.public_key != y.public_key || x.signature != y.signature)
        return ChainError::BadChainSignature;
    }
    if (alg == SignatureAlgorithm::Ed25519) {
      std::copy(chain.device.public_key.begin(), chain.device.public_key.end(), d.ed25519_public.begin());
      d.ed25519_signature = chain.device.signature;
    } else {
      std::copy(chain.device.public_key.begin(), chain.device.public_key.end(), d.p256_public.begin());
      d.p256_signature = chain.device.signature;
    }
  }
  return verifier_.verify(d, chains);
}

}  // namespace st::models
