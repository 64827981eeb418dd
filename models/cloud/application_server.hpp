// ApplicationServer: the developer's application server behind the cloud partner's destination. It holds
// the application session of every device, opens the inner (application) layer and answers with downlinks.
#pragma once
#include <cstdint>
#include <vector>

#include "models/cloud/service_station.hpp"
#include "models/base/cloud_config.hpp"
#include "models/security/secure_frame.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models {

struct ApplicationSession {
  security::SessionKey key{};
  security::ReplayWindow uplink_window{};
  std::uint32_t downlink_counter = 0;
  std::uint32_t uplinks_received = 0;
};

class ApplicationServer {
 public:
  ApplicationServer(const CloudConfig& cfg, std::uint32_t devices)
      : station_("application_server", cfg.application_server_latency), sessions_(devices) {}

  ServiceStation& station() { return station_; }
  const ServiceStation& station() const { return station_; }
  ApplicationSession& session(std::uint32_t device) { return sessions_[device]; }
  const ApplicationSession& session(std::uint32_t device) const { return sessions_[device]; }
  void install_session(std::uint32_t device, const std::array<std::uint8_t, 16>& key, std::uint8_t epoch) {
    sessions_[device] = ApplicationSession{};
    sessions_[device].key.install(key, epoch);
  }
  void wipe_session(std::uint32_t device) { sessions_[device].key.wipe(); }

 private:
  ServiceStation station_;
  HugePageVector<ApplicationSession> sessions_;
};

}  // namespace st::models
