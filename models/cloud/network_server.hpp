// NetworkServer: the Sidewalk network server (SNS). It verifies device certificate chains, keeps the
// revocation list, owns the device-to-cloud-partner mapping and the network session of every device.
#pragma once
#include <cstdint>
#include <vector>

#include "models/cloud/service_station.hpp"
#include "models/base/cloud_config.hpp"
#include "models/security/chain_verifier.hpp"
#include "models/security/pki.hpp"
#include "models/security/revocation_list.hpp"
#include "models/security/secure_frame.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models {

struct NetworkSession {
  security::SessionKey key{};
  security::ReplayWindow uplink_window{};
  std::uint32_t downlink_counter = 0;
};

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
  NetworkSession& session(std::uint32_t device) { return sessions_[device]; }
  const NetworkSession& session(std::uint32_t device) const { return sessions_[device]; }
  void install_session(std::uint32_t device, const std::array<std::uint8_t, 16>& key, std::uint8_t epoch) {
    sessions_[device] = NetworkSession{};
    sessions_[device].key.install(key, epoch);
  }
  void wipe_session(std::uint32_t device) { sessions_[device].key.wipe(); }

  // Sidewalk owns device-to-cloud-partner; the cloud partner owns device-to-developer.
  void map_cloud_partner(std::uint32_t device, std::uint8_t partner) { cloud_partner_[device] = partner; }
  std::uint8_t cloud_partner_of(std::uint32_t device) const { return cloud_partner_[device]; }

 private:
  ServiceStation station_;
  security::ChainVerifier verifier_;
  security::RevocationList revocations_;
  HugePageVector<NetworkSession> sessions_;
  HugePageVector<std::uint8_t> cloud_partner_;
};

}  // namespace st::models
