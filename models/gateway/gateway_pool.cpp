#include "models/gateway/gateway_pool.hpp"

#include <algorithm>
#include <cmath>

namespace st::models {

namespace {
constexpr std::uint64_t kGatewayPlacementStream = kActorStreamBase + 0x6a7e;
}

GatewayPool::GatewayPool(const std::vector<GatewayGroupConfig>& groups, std::uint64_t seed) : groups_(groups) {
  for (std::uint32_t g = 0; g < groups_.size(); ++g) {
    first_.push_back(static_cast<std::uint32_t>(group_of_.size()));
    std::uint8_t mask = 0;
    for (LinkType l : groups_[g].links) mask = static_cast<std::uint8_t>(mask | static_cast<std::uint8_t>(l));
    link_mask_.push_back(mask);
    const auto places = channel::place(groups_[g].radio.placement.spec, groups_[g].count, seed,
                                       kGatewayPlacementStream + g);
    for (std::uint32_t i = 0; i < groups_[g].count; ++i) {
      const auto id = static_cast<std::uint32_t>(group_of_.size());
      group_of_.push_back(g);
      positions_.push_back(places[i]);
      for (LinkType l : groups_[g].links) by_link_[link_index(l)].push_back(id);
    }
  }
  first_.push_back(static_cast<std::uint32_t>(group_of_.size()));
  down_.resize(group_of_.size());
  backhaul_.resize(group_of_.size());
  load_.resize(group_of_.size());
}

std::uint32_t GatewayPool::home_gateway(std::uint32_t device, LinkType link) const {
  const auto& serving = by_link_[link_index(link)];
  return serving[mix64(device) % serving.size()];
}

SimTime GatewayPool::backhaul_delay(std::uint32_t gateway, RandomStream& rng) const {
  return groups_[group_of_[gateway]].backhaul_latency.sample_time(rng);
}

void GatewayPool::outage(std::uint32_t gateway, SimTime from, SimTime until) {
  Down& d = down_[gateway];
  // An outage overlapping (or touching) the one held extends it: the gateway is back when the last one ends.
  if (from <= d.until && d.from <= until) d = {std::min(d.from, from), std::max(d.until, until)};
  else d = {from, until};
}

BackhaulOutcome GatewayPool::backhaul(std::uint32_t gateway, SimTime now, std::uint64_t bytes, RandomStream& rng) {
  const GatewayRadioConfig& r = groups_[group_of_[gateway]].radio;
  Backhaul& b = backhaul_[gateway];
  GatewayLoad& l = load_[gateway];
  const std::uint64_t month = now / kMonth;
  if (month != b.month) {
    b.month = month;
    b.month_bytes = 0;
  }
  if (r.monthly_cap_bytes > 0 && b.month_bytes + bytes > r.monthly_cap_bytes) {
    ++l.backhaul_dropped;
    return {false, 0};
  }
  b.month_bytes += bytes;
  l.backhaul_bytes += bytes;
  SimTime wait = 0;
  if (r.backhaul_rate_bps > 0) {
    const auto serialise = static_cast<SimTime>(std::llround(static_cast<double>(bytes) * 8.0 / r.backhaul_rate_bps * 1e9));
    const SimTime start = std::max(now, b.busy_until);
    wait = start - now;
    b.busy_until = start + serialise;
    wait += serialise;
    if (start > now) {
      ++l.backhaul_delayed;
      l.backhaul_wait += start - now;
    }
  }
  return {true, wait + groups_[group_of_[gateway]].backhaul_latency.sample_time(rng)};
}

}  // namespace st::models
