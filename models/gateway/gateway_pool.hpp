// GatewayPool: the Sidewalk bridges of the topology: their groups, links, positions and outages, how each
// device is homed on one (explicit link model), and the backhaul to the network server with Sidewalk's
// bandwidth cap (80 kbps) and monthly data cap (500 MB per customer): what exceeds them waits or is dropped.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "models/channel/link_type.hpp"
#include "models/channel/position.hpp"
#include "models/base/gateway_config.hpp"
#include "models/base/gateway_load.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models {

// The fate of a message on the backhaul.
struct BackhaulOutcome {
  bool delivered = true;
  SimTime delay = 0;  // queueing behind the bandwidth cap + the backhaul latency
};

class GatewayPool {
 public:
  static constexpr std::uint32_t kNone = 0xFFFF'FFFFu;
  static constexpr SimTime kMonth = 30 * 24 * kHour;

  GatewayPool(const std::vector<GatewayGroupConfig>& groups, std::uint64_t seed);

  bool serves(LinkType link) const { return !by_link_[link_index(link)].empty(); }
  bool serves(std::uint32_t gateway, LinkType link) const {
    return (link_mask_[group_of_[gateway]] & static_cast<std::uint8_t>(link)) != 0;
  }
  std::uint32_t gateway_count() const { return static_cast<std::uint32_t>(group_of_.size()); }
  std::uint32_t group_of(std::uint32_t gateway) const { return group_of_[gateway]; }
  const GatewayGroupConfig& group(std::uint32_t gateway) const { return groups_[group_of_[gateway]]; }
  const std::vector<GatewayGroupConfig>& groups() const { return groups_; }
  std::uint32_t first_of_group(std::uint32_t g) const { return first_[g]; }
  std::uint32_t end_of_group(std::uint32_t g) const { return first_[g + 1u]; }
  const std::vector<std::uint32_t>& serving(LinkType link) const { return by_link_[link_index(link)]; }
  const std::vector<channel::Position>& positions() const { return positions_; }
  const channel::Position& position(std::uint32_t gateway) const { return positions_[gateway]; }

  // Explicit link model: the gateway a device uses on a link, a fixed, deterministic choice.
  std::uint32_t home_gateway(std::uint32_t device, LinkType link) const;
  SimTime backhaul_delay(std::uint32_t gateway, RandomStream& rng) const;

  // Outages (timeline actions): the gateway neither receives nor sends during [from, until); an outage that
  // overlaps the current one extends it.
  void outage(std::uint32_t gateway, SimTime from, SimTime until);
  bool up(std::uint32_t gateway, SimTime t) const {
    const Down& d = down_[gateway];
    return t < d.from || t >= d.until;
  }
  // True when the gateway was down at any moment of [from, to).
  bool down_during(std::uint32_t gateway, SimTime from, SimTime to) const {
    const Down& d = down_[gateway];
    return from < d.until && d.from < to;
  }

  // A message of `bytes` bytes crosses the gateway's backhaul at `now`: it waits behind the bandwidth cap,
  // then takes the group's backhaul latency; past the month's data cap it is dropped.
  BackhaulOutcome backhaul(std::uint32_t gateway, SimTime now, std::uint64_t bytes, RandomStream& rng);

  GatewayLoad& load(std::uint32_t gateway) { return load_[gateway]; }
  const GatewayLoad& load(std::uint32_t gateway) const { return load_[gateway]; }

 private:
  struct Down {
    SimTime from = kNever;
    SimTime until = 0;
  };
  struct Backhaul {
    SimTime busy_until = 0;
    std::uint64_t month_bytes = 0;
    std::uint64_t month = 0;
  };
  std::vector<GatewayGroupConfig> groups_;
  std::vector<std::uint32_t> first_;                    // group -> first gateway (and one past the last)
  std::vector<std::uint32_t> group_of_;                 // gateway -> group
  std::vector<std::uint8_t> link_mask_;                 // group -> its links (LinkType bits)
  PerLink<std::vector<std::uint32_t>> by_link_;   // link -> gateways serving it
  std::vector<channel::Position> positions_;
  std::vector<Down> down_;
  std::vector<Backhaul> backhaul_;
  std::vector<GatewayLoad> load_;
};

}  // namespace st::models
