// ApplicationServer: the developer's application server behind the cloud partner's destination. It holds
// the application session of every device, opens the inner (application) layer and answers with downlinks.
#pragma once
#include <cstdint>

#include "models/base/cloud_config.hpp"
#include "models/cloud/service_station.hpp"
#include "models/cloud/session_table.hpp"

namespace st::models {

struct ApplicationSession : ServerSession {
  std::uint32_t uplinks_received = 0;
};

class ApplicationServer {
 public:
  ApplicationServer(const CloudConfig& cfg, std::uint32_t devices)
      : station_("application_server", cfg.application_server_latency), sessions_(devices) {}

  ServiceStation& station() { return station_; }
  const ServiceStation& station() const { return station_; }
  SessionTable<ApplicationSession>& sessions() { return sessions_; }
  const ApplicationSession& session(std::uint32_t device) const { return sessions_[device]; }

 private:
  ServiceStation station_;
  SessionTable<ApplicationSession> sessions_;
};

}  // namespace st::models
