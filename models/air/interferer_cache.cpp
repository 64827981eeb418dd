#include "models/air/interferer_cache.hpp"

#include <algorithm>
#include <array>

namespace st::models::air {

namespace {
constexpr std::uint32_t kNone = AirTopology::kNone;
constexpr std::uint16_t kUnfilled16 = 0xFFFF, kEnd16 = 0xFFFE;
constexpr std::uint32_t kUnfilled32 = 0xFFFF'FFFFu, kEnd32 = 0xFFFF'FFFEu;
}  // namespace

InterfererCache::InterfererCache(const Fleet& fleet, const GatewayPool& gateways, const AirTopology& topology,
                                 const LinkBudget& budget, double interference_margin_db)
    : fleet_(fleet), gateways_(gateways), topology_(topology), budget_(budget), margin_db_(interference_margin_db) {
  wide_ = gateways_.gateway_count() >= kEnd16;
  base_.assign(static_cast<std::size_t>(fleet_.type_count()) * kLinkCount, kNone);
  std::size_t entries = 0;
  for (std::uint16_t t = 0; t < fleet_.type_count(); ++t) {
    for (LinkType l : fleet_.type(t).links) {
      if (l == LinkType::Ble || base_[t * kLinkCount + link_index(l)] != kNone) continue;
      base_[t * kLinkCount + link_index(l)] = static_cast<std::uint32_t>(entries);
      entries += static_cast<std::size_t>(fleet_.end_of_type(t) - fleet_.first_of_type(t)) * kHeardSlots;
    }
  }
  if (wide_) ids32_.assign(entries, kUnfilled32);
  else ids16_.assign(entries, kUnfilled16);
}

void InterfererCache::search(std::uint32_t device, LinkType link, std::uint32_t exclude,
                             std::vector<std::pair<double, std::uint32_t>>& out) const {
  out.clear();
  const std::uint16_t type = fleet_[device].device_type;
  const bool ble = link == LinkType::Ble;
  const double floor = channel::sensitivity_dbm(budget_.rate_of(type, link)) - margin_db_;
  topology_.grid().for_each_within(topology_.position(device), budget_.interference_range_m(type, link),
                                   [&](std::uint32_t other, double) {
                                     if (other == exclude) return;
                                     const bool same_medium = ble ? gateways_.serves(other, LinkType::Ble)
                                                                  : gateways_.serves(other, LinkType::Fsk) ||
                                                                        gateways_.serves(other, LinkType::Css);
                                     if (!same_medium) return;
                                     const double p = topology_.rssi(device, other, link, true);
                                     if (p >= floor) out.emplace_back(-p, other);
                                   });
  std::sort(out.begin(), out.end());
}

void InterfererCache::heard_by_others(std::uint32_t device, LinkType link, std::uint32_t exclude,
                                      std::vector<std::pair<double, std::uint32_t>>& out) {
  const std::uint16_t type = fleet_[device].device_type;
  const std::uint32_t base = base_[type * kLinkCount + link_index(link)];
  if (base == kNone) {
    search(device, link, exclude, out);
    return;
  }
  const std::size_t at = base + static_cast<std::size_t>(device - fleet_.first_of_type(type)) * kHeardSlots;
  std::array<std::uint32_t, kHeardSlots> ids{};
  std::size_t n = 0;
  const bool unfilled = wide_ ? ids32_[at] == kUnfilled32 : ids16_[at] == kUnfilled16;
  if (unfilled) {
    // The strongest kHeardSlots of every gateway that hears it: whichever single gateway a frame excludes, its
    // first kMaxExtraReceivers others are among them, in the same order.
    search(device, link, kNone, out);
    n = std::min(out.size(), kHeardSlots);
    for (std::size_t i = 0; i < kHeardSlots; ++i) {
      if (wide_) ids32_[at + i] = i < n ? out[i].second : kEnd32;
      else ids16_[at + i] = i < n ? static_cast<std::uint16_t>(out[i].second) : kEnd16;
    }
  }
  for (n = 0; n < kHeardSlots; ++n) {
    const std::uint32_t id = wide_ ? ids32_[at + n] : ids16_[at + n];
    if (id == (wide_ ? kEnd32 : std::uint32_t{kEnd16})) break;
    ids[n] = id;
  }
  out.clear();
  for (std::size_t i = 0; i < n && out.size() < kMaxExtraReceivers; ++i) {
    if (ids[i] == exclude) continue;
    out.emplace_back(-topology_.rssi(device, ids[i], link, true), ids[i]);
  }
}

}  // namespace st::models::air
