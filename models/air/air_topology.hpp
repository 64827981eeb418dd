// AirTopology: where the devices are and which gateway serves each of them on each link. Devices are placed per
// type (a pattern, or near the gateways of their first link); each is homed, per link, on the gateway it hears best
// among those in range that serve the link (provided that gateway hears it on average, or within two fading
// deviations of that); while its home is down it uses the best other gateway in range that is up.
// Its per-device record also holds the two fields the MACs keep per device, so that a frame reads one record.
#pragma once
#include <cstdint>

#include "models/air/link_budget.hpp"
#include "models/channel/position.hpp"
#include "models/channel/spatial_grid.hpp"
#include "models/fleet/fleet.hpp"
#include "models/gateway/gateway_pool.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models::air {

class AirTopology {
 public:
  static constexpr std::uint32_t kNone = GatewayPool::kNone;

  struct Device {
    float x = 0, y = 0;
    PerLink<std::uint32_t> serving{kNone, kNone, kNone};  // its home gateway by link index (kNone: out of range)
    std::uint32_t ble_until_ms = 0;      // BLE MAC: its connection stays open until then (ms of simulated time)
    std::uint32_t downlink_free_ms = 0;  // sub-GHz: the gateway has no earlier downlink for it after this (ms)
  };

  // Places every device, homes it on each of its links and counts the devices each gateway serves (its load).
  AirTopology(const WorldConfig& config, const Fleet& fleet, GatewayPool& gateways, const LinkBudget& budget);

  channel::Position position(std::uint32_t device) const {
    return {static_cast<double>(devices_[device].x), static_cast<double>(devices_[device].y)};
  }
  // Its best gateway on `link` when the world was built (kNone: out of range of every gateway).
  std::uint32_t home(std::uint32_t device, LinkType link) const { return devices_[device].serving[link_index(link)]; }
  // The gateway the device would use on `link` at `t`: its home, or while that is down the best one still up.
  std::uint32_t current_gateway(std::uint32_t device, LinkType link, SimTime t) const;
  // The mean received power between the device and `gateway` (LinkBudget::rssi at its position).
  double rssi(std::uint32_t device, std::uint32_t gateway, LinkType link, bool uplink) const {
    return budget_.rssi(device, fleet_[device].device_type, position(device), gateway, link, uplink);
  }
  const channel::SpatialGrid& grid() const { return grid_; }
  Device& device(std::uint32_t d) { return devices_[d]; }
  const Device& device(std::uint32_t d) const { return devices_[d]; }

 private:
  void place_devices(std::uint64_t seed);
  void choose_homes();
  // Whether `rssi` (a mean) is good enough for a home: heard on average, or within two fading deviations of that
  // (an edge device gets some frames through and loses others below sensitivity).
  bool can_home(double rssi, std::uint16_t type, LinkType link) const;

  const Fleet& fleet_;
  GatewayPool& gateways_;
  const LinkBudget& budget_;
  HugePageVector<Device> devices_;
  channel::SpatialGrid grid_;
};

}  // namespace st::models::air
