// OutageTarget: what a timeline outage takes down: a cloud actor (the network server, the cloud partner, the
// application server, the manufacturing ingest) or some of the gateways.
#pragma once
#include <cstdint>
#include <string_view>

#include "models/base/report_kinds.hpp"

namespace st::models {

enum class OutageTarget : std::uint8_t { NetworkServer, CloudPartner, ApplicationServer, Ingest, Gateways };
inline constexpr OutageTarget kOutageTargets[] = {OutageTarget::NetworkServer, OutageTarget::CloudPartner,
                                                  OutageTarget::ApplicationServer, OutageTarget::Ingest,
                                                  OutageTarget::Gateways};

constexpr std::string_view to_string(OutageTarget t) {
  switch (t) {
    case OutageTarget::NetworkServer: return "network_server";
    case OutageTarget::CloudPartner: return "cloud_partner";
    case OutageTarget::ApplicationServer: return "application_server";
    case OutageTarget::Ingest: return "ingest";
    case OutageTarget::Gateways: return "gateways";
  }
  return "?";
}

// The actor an outage takes down (the name its notices carry).
constexpr Actor actor_of(OutageTarget t) {
  switch (t) {
    case OutageTarget::NetworkServer: return Actor::NetworkServer;
    case OutageTarget::CloudPartner: return Actor::CloudPartner;
    case OutageTarget::ApplicationServer: return Actor::ApplicationServer;
    case OutageTarget::Ingest: return Actor::Ingest;
    case OutageTarget::Gateways: return Actor::Gateways;
  }
  return Actor::Gateways;
}

}  // namespace st::models
