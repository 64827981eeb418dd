#include "sim/metrics/records.hpp"

namespace st::metrics {

std::string_view to_string(FleetState s) {
  switch (s) {
    case FleetState::None: return "none";
    case FleetState::Created: return "created";
    case FleetState::Associated: return "associated";
    case FleetState::Registered: return "registered";
    case FleetState::Deregistered: return "deregistered";
    case FleetState::Blocked: return "blocked";
    case FleetState::Rejected: return "rejected";
  }
  return "none";
}

std::string_view to_string(KeyLayer l) { return l == KeyLayer::Network ? "network" : "application"; }

std::string_view to_string(KeyParty p) {
  switch (p) {
    case KeyParty::Device: return "device";
    case KeyParty::Cloud: return "cloud";
    case KeyParty::AppServer: return "appserver";
  }
  return "?";
}

std::string_view to_string(TallySection s) { return s == TallySection::CloudPartner ? "cloud_partner" : "actors"; }

}  // namespace st::metrics
