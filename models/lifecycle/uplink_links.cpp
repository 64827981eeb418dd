#include "models/lifecycle/uplink_links.hpp"

namespace st::models {

std::optional<std::size_t> UplinkLinks::choose(std::uint32_t device) {
  const std::vector<LinkType>& links = ctx_.fleet.type_of(device).links;
  const Away* away = away_.find(device);
  if (away == nullptr) return ctx_.air.pick_link(device, links, false);
  const std::size_t index = away->index;
  if (ctx_.now() < away->until) return ctx_.air.pick_link(device, links, false, index);
  away_.erase(device);
  const auto first = ctx_.air.pick_link(device, links, false);
  if (first && *first != index) report(device, index, *first, LinkSwitchCause::BackToPreferred);
  return first;
}

bool UplinkLinks::fall_back(std::uint32_t device, std::size_t index) {
  const DeviceTypeConfig& cfg = ctx_.fleet.type_of(device);
  if (cfg.links.size() < 2) return false;
  const auto next = ctx_.air.pick_link(device, cfg.links, false, (index + 1) % cfg.links.size());
  if (!next || *next == index) return false;
  if (*next == 0) {
    away_.erase(device);
  } else {
    away_.emplace(device, [](Away& a) { a = Away{}; }) =
        Away{ctx_.now() + cfg.traffic.back_to_preferred_after, static_cast<std::uint8_t>(*next)};
  }
  report(device, index, *next, LinkSwitchCause::Uplink);
  return true;
}

void UplinkLinks::report(std::uint32_t device, std::size_t from, std::size_t to, LinkSwitchCause cause) const {
  const std::vector<LinkType>& links = ctx_.fleet.type_of(device).links;
  ctx_.fleet.report_link_switch(device, ctx_.now(), links[from], links[to], cause);
}

}  // namespace st::models
