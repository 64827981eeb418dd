// NetworkServer: the Sidewalk network server (SNS). It verifies device certificate chains, keeps the revocation
// list, owns the device-to-cloud-partner mapping and the network session of every device, and decides which devices
// may talk to it (admit_registration, admit).
#pragma once
#include <cstdint>

#include "models/base/cause.hpp"
#include "models/base/cloud_config.hpp"
#include "models/cloud/service_station.hpp"
#include "models/cloud/session_table.hpp"
#include "models/security/chain_verifier.hpp"
#include "models/security/pki.hpp"
#include "models/security/revocation_list.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models {

using NetworkSession = ServerSession;

class NetworkServer {
 public:
  static constexpr std::uint8_t kNoCloudPartner = 0;
  static constexpr std::uint8_t kAwsIotCore = 1;

  NetworkServer(const CloudConfig& cfg, const security::Pki& pki, std::uint32_t devices)
      : station_("network_server", cfg.network_server_latency), verifier_(pki.trust_anchor()),
        sessions_(devices), cloud_partner_(devices, kNoCloudPartner) {}

  ServiceStation& station() { return station_; }
  const ServiceStation& station() const { return station_; }
  security::ChainVerifier& verifier() { return verifier_; }
  security::RevocationList& revocations() { return revocations_; }
  const security::RevocationList& revocations() const { return revocations_; }
  SessionTable<NetworkSession>& sessions() { return sessions_; }
  const SessionTable<NetworkSession>& sessions() const { return sessions_; }
  const NetworkSession& session(std::uint32_t device) const { return sessions_[device]; }

  // Sidewalk owns device-to-cloud-partner; the cloud partner owns device-to-developer.
  void map_cloud_partner(std::uint32_t device, std::uint8_t partner) { cloud_partner_[device] = partner; }
  std::uint8_t cloud_partner_of(std::uint32_t device) const { return cloud_partner_[device]; }

  // Whether it takes a registration of `device` (Cause::None), or why not: a device no cloud partner has
  // provisioned is not associated with anyone. (Its certificates are checked by the handshake itself.)
  Cause admit_registration(std::uint32_t device) const {
    return cloud_partner_[device] == kNoCloudPartner ? Cause::NotAssociated : Cause::None;
  }
  // Whether a device with this SMSN and type may talk to it (Cause::None), or why not (revoked).
  Cause admit(std::span<const std::uint8_t, 32> smsn, std::uint16_t type) const { return revocations_.refusal(smsn, type); }

 private:
  ServiceStation station_;
  security::ChainVerifier verifier_;
  security::RevocationList revocations_;
  SessionTable<NetworkSession> sessions_;
  HugePageVector<std::uint8_t> cloud_partner_;
};

}  // namespace st::models
