// InterfererCache: which other gateways a device's uplink disturbs. A frame is received only at its serving
// gateway; at up to kMaxExtraReceivers other gateways on the same medium that hear it at or above the tracking floor
// (sensitivity minus the interference margin), strongest first, it is interference. For the sub-GHz links that list
// is a fixed function of the device, its type and the link, so it is computed at the device's first uplink on the
// link and kept: the ids of the kHeardSlots strongest gateways (ties by id), 16-bit when the gateway ids fit, else
// 32-bit. A frame takes the first kMaxExtraReceivers of them that are not its own gateway, with their RSSI computed
// again (bit-identical to the full search). A BLE search covers few gateways: it is not cached.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "models/air/air_topology.hpp"
#include "models/air/link_budget.hpp"
#include "models/fleet/fleet.hpp"
#include "models/gateway/gateway_pool.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models::air {

class InterfererCache {
 public:
  static constexpr std::size_t kMaxExtraReceivers = 6;          // other gateways a frame is tracked at
  static constexpr std::size_t kHeardSlots = kMaxExtraReceivers + 1;  // one more, for the frame's own gateway

  InterfererCache(const Fleet& fleet, const GatewayPool& gateways, const AirTopology& topology,
                  const LinkBudget& budget, double interference_margin_db);

  // The interferer list of (device, link) into `out`: (-RSSI, gateway), strongest first, every gateway but
  // `exclude`, at most kMaxExtraReceivers.
  void heard_by_others(std::uint32_t device, LinkType link, std::uint32_t exclude,
                       std::vector<std::pair<double, std::uint32_t>>& out);

 private:
  // The full search: every gateway on the medium of `link` in the interference range of the device, but
  // `exclude`, that hears it at or above the tracking floor, as (-RSSI, gateway) sorted (strongest first).
  void search(std::uint32_t device, LinkType link, std::uint32_t exclude,
              std::vector<std::pair<double, std::uint32_t>>& out) const;

  const Fleet& fleet_;
  const GatewayPool& gateways_;
  const AirTopology& topology_;
  const LinkBudget& budget_;
  double margin_db_;
  std::vector<std::uint32_t> base_;  // type * kLinkCount + link index -> the type's first entry (kNone: not cached)
  HugePageVector<std::uint16_t> ids16_;
  HugePageVector<std::uint32_t> ids32_;
  bool wide_ = false;
};

}  // namespace st::models::air
