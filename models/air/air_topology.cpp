#include "models/air/air_topology.hpp"

#include <algorithm>
#include <cmath>

namespace st::models::air {

namespace ch = channel;

namespace {
constexpr std::uint64_t kDevicePlacementStream = kActorStreamBase + 0x9d1ce;
}

AirTopology::AirTopology(const WorldConfig& config, const Fleet& fleet, GatewayPool& gateways,
                         const LinkBudget& budget)
    : fleet_(fleet),
      gateways_(gateways),
      budget_(budget),
      grid_(gateways_.positions(), std::clamp(budget_.max_interference_range_m() / 2.0, 50.0, 5000.0)) {
  devices_.resize(fleet_.size());
  place_devices(config.seed);
  choose_homes();
}

void AirTopology::place_devices(std::uint64_t seed) {
  for (std::uint16_t t = 0; t < fleet_.type_count(); ++t) {
    const DeviceTypeConfig& c = fleet_.type(t);
    const std::uint32_t first = fleet_.first_of_type(t), end = fleet_.end_of_type(t);
    const PlacementConfig& p = c.radio.placement;
    if (p.near_gateways) {
      const LinkType link = c.links.empty() ? LinkType::Ble : c.links.front();
      const auto& candidates = gateways_.serving(link);
      for (std::uint32_t d = first; d < end; ++d) {
        RandomStream rng(seed, kDevicePlacementStream + d);
        ch::Position centre{};
        if (!candidates.empty()) centre = gateways_.position(candidates[rng.below(candidates.size())]);
        const double r = p.near_radius_m * std::sqrt(rng.uniform());
        const double a = 6.283185307179586 * rng.uniform();
        devices_[d].x = static_cast<float>(centre.x_m + r * std::cos(a));
        devices_[d].y = static_cast<float>(centre.y_m + r * std::sin(a));
      }
    } else {
      const auto places = ch::place(p.spec, end - first, seed, kDevicePlacementStream + 0x1'0000'0000ULL + t);
      for (std::uint32_t d = first; d < end; ++d) {
        devices_[d].x = static_cast<float>(places[d - first].x_m);
        devices_[d].y = static_cast<float>(places[d - first].y_m);
      }
    }
  }
}

bool AirTopology::can_home(double rssi, std::uint16_t type, LinkType link) const {
  return budget_.demodulates(rssi + 2.0 * budget_.fading_sigma_db(), link, budget_.rate_of(type, link));
}

void AirTopology::choose_homes() {
  for (std::uint32_t d = 0; d < fleet_.size(); ++d) {
    const std::uint16_t t = fleet_[d].device_type;
    const ch::Position p = position(d);
    for (LinkType l : fleet_.type(t).links) {
      std::uint32_t best = kNone;
      double best_rssi = -1e9;
      grid_.for_each_within(p, budget_.serving_range_m(t, l), [&](std::uint32_t g, double) {
        if (!gateways_.serves(g, l)) return;
        const double rssi = this->rssi(d, g, l, true);
        if (rssi > best_rssi || (rssi == best_rssi && g < best)) {
          best = g;
          best_rssi = rssi;
        }
      });
      if (best != kNone && can_home(best_rssi, t, l)) devices_[d].serving[link_index(l)] = best;
    }
    for (LinkType l : fleet_.type(t).links) {
      const std::uint32_t g = devices_[d].serving[link_index(l)];
      if (g != kNone) {
        ++gateways_.load(g).devices_served;
        break;
      }
    }
  }
}

std::uint32_t AirTopology::current_gateway(std::uint32_t device, LinkType link, SimTime t) const {
  const std::uint32_t home = devices_[device].serving[link_index(link)];
  if (home == kNone) return kNone;
  if (gateways_.up(home, t)) return home;
  // Its gateway is down: the best other gateway in range that is up and hears it.
  const std::uint16_t type = fleet_[device].device_type;
  std::uint32_t best = kNone;
  double best_rssi = -1e9;
  grid_.for_each_within(position(device), budget_.serving_range_m(type, link), [&](std::uint32_t g, double) {
    if (!gateways_.serves(g, link) || !gateways_.up(g, t)) return;
    const double rssi = this->rssi(device, g, link, true);
    if (rssi > best_rssi || (rssi == best_rssi && g < best)) {
      best = g;
      best_rssi = rssi;
    }
  });
  // The same criterion as a home.
  if (best != kNone && !can_home(best_rssi, type, link)) return kNone;
  return best;
}

}  // namespace st::models::air
