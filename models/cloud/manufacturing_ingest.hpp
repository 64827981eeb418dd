// ManufacturingIngest: the manufacturing (EDI) ingest. It receives the contract manufacturer's control-log
// records (4-0-1 JSON, control_log_record.hpp), parses each, authenticates it by both certificate chains to a
// trusted root (the chains must be the device type's, its DAK the profile's), and refuses records of a revoked
// device type. Its service time and outages come from its ServiceStation.
#pragma once
#include <cstdint>

#include "models/base/cause.hpp"
#include "models/cloud/control_log_record.hpp"
#include "models/cloud/service_station.hpp"
#include "models/security/chain_verifier.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/pki.hpp"
#include "models/security/revocation_list.hpp"

namespace st::models {

class ManufacturingIngest {
 public:
  ManufacturingIngest(Distribution latency, const security::Pki& pki)
      : station_("ingest", latency), verifier_(pki.trust_anchor()) {}

  ServiceStation& station() { return station_; }
  security::ChainVerifier& verifier() { return verifier_; }
  // The verdict on an uploaded record (thread-safe): Malformed when it does not parse (JSON, fields, chain blobs,
  // a device serial that is not its SMSN), BadChainSignature when its CA records are not the type's, else the
  // verdict on its two chains.
  security::ChainError verify_upload(std::string_view upload, const security::TypeChains& chains);
  // Cause::None when the record of a device of `device_type` is accepted, else the cause of its rejection.
  Cause authenticate(std::string_view upload, std::uint16_t device_type, const security::TypeChains& chains,
                     const security::RevocationList& revocations) {
    return decide(verify_upload(upload, chains), device_type, revocations);
  }
  // The same with the chain verdict computed beforehand (by verify_upload on the same record): the ingest's
  // rule, both chains to the root and a type that is not revoked.
  Cause decide(security::ChainError err, std::uint16_t device_type, const security::RevocationList& revocations) {
    Cause cause = security::cause_of(err);
    if (cause == Cause::None && revocations.device_type_revoked(device_type)) cause = Cause::DeviceTypeRevoked;
    ++(cause == Cause::None ? accepted_ : rejected_);
    return cause;
  }
  std::uint64_t accepted() const { return accepted_; }
  std::uint64_t rejected() const { return rejected_; }

 private:
  ServiceStation station_;
  security::ChainVerifier verifier_;
  std::uint64_t accepted_ = 0;
  std::uint64_t rejected_ = 0;
};

}  // namespace st::models
