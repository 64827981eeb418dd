#include "models/gateway/gateway_pool.hpp"

#include <algorithm>

namespace st::models {

GatewayPool::GatewayPool(const std::vector<GatewayGroupConfig>& groups) : groups_(groups) {
  for (std::uint32_t g = 0; g < groups_.size(); ++g) {
    for (std::uint32_t i = 0; i < groups_[g].count; ++i) {
      const auto id = static_cast<std::uint32_t>(group_of_.size());
      group_of_.push_back(g);
      for (LinkType l : groups_[g].links) by_link_[link_index(l)].push_back(id);
    }
  }
}

std::uint32_t GatewayPool::home_gateway(std::uint32_t device, LinkType link) const {
  const auto& serving = by_link_[link_index(link)];
  return serving[mix64(device) % serving.size()];
}

SimTime GatewayPool::backhaul_delay(std::uint32_t gateway, RandomStream& rng) const {
  return groups_[group_of_[gateway]].backhaul_latency.sample_time(rng);
}

bool GatewayPool::pick_link(const std::vector<LinkType>& preferred, bool for_registration, LinkType& out) const {
  for (LinkType l : preferred) {
    if (for_registration && !can_register_over(l)) continue;
    if (serves(l)) {
      out = l;
      return true;
    }
  }
  return false;
}

}  // namespace st::models
