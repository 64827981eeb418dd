#include "models/cloud/cloud_partner_registry.hpp"

namespace st::models {

std::string_view to_string(WirelessStatus s) {
  switch (s) {
    case WirelessStatus::None: return "NONE";
    case WirelessStatus::Provisioned: return "PROVISIONED";
    case WirelessStatus::Registered: return "REGISTERED";
    case WirelessStatus::Activated: return "ACTIVATED";
  }
  return "UNKNOWN";
}

CloudPartnerRegistry::CloudPartnerRegistry(const CloudConfig& cfg, const std::vector<DeviceTypeConfig>& types,
                                           std::uint32_t devices)
    : station_("cloud_partner", cfg.cloud_partner_latency),
      association_("cloud_partner_association", cfg.association_latency),
      devices_(devices),
      prototype_limit_(cfg.prototype_limit),
      buffer_limit_(cfg.destination_buffer) {
  std::map<std::string, std::uint16_t> ids;
  for (const auto& t : types) {
    auto [it, fresh] = ids.emplace(t.developer, static_cast<std::uint16_t>(accounts_.size()));
    if (fresh) accounts_.push_back(t.developer);
    type_account_.push_back(it->second);
    profiles_.push_back(DeviceProfile{t.name, t.stage, t.qualified, t.dak_signature_limit});
  }
  prototype_count_.assign(accounts_.size(), 0);
}

void CloudPartnerRegistry::revoke_permission(std::uint32_t d) {
  if (devices_[d].permission_revoked) return;
  devices_[d].permission_revoked = true;
  ++permissions_revoked_;
}

bool CloudPartnerRegistry::admit_prototype(std::uint16_t account) {
  if (prototype_count_[account] >= prototype_limit_) return false;
  ++prototype_count_[account];
  return true;
}

}  // namespace st::models
