// GatewaySchedule: the time structure of the gateways' sub-GHz radios, which FSK and CSS share: each FSK gateway's
// beacon (its phase and airtime) and uplink slot grid, what each gateway hears as busy per channel (listen before
// talk), the transmissions each gateway has booked (its one radio sends one frame at a time), and the receive
// windows of the devices (a phase per device), in which downlinks reach them.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "models/air/air_topology.hpp"
#include "models/gateway/gateway_pool.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models::air {

class GatewaySchedule {
 public:
  GatewaySchedule(const GatewayPool& gateways, std::uint64_t seed, AirTopology& topology);

  // The first slot of the gateway's FSK slot grid at or after `t` that does not meet its beacon.
  SimTime next_fsk_slot(std::uint32_t gateway, SimTime t) const;
  // True when the gateway's FSK beacon is on the air at any moment of [from, to).
  bool in_beacon(std::uint32_t gateway, SimTime from, SimTime to) const;
  // The device's next receive window (every `spacing`, at its own phase) at or after `t`.
  SimTime next_device_window(std::uint32_t device, SimTime spacing, SimTime t) const;
  // The first receive window of the device (every `spacing`) at or after `ready`, and after its last downlink, in
  // which gateway `g` is neither beaconing nor booked for another transmission of `air`; books it. `now` forgets
  // the bookings that have ended.
  SimTime book_downlink(std::uint32_t g, std::uint32_t device, SimTime spacing, SimTime ready, SimTime air, SimTime now);
  // A sub-GHz downlink to the device ends at `end`: the next one waits for it.
  void downlink_until(std::uint32_t device, SimTime end);
  // Until when the gateway hears sub-GHz `channel` busy (listen before talk); a frame on it extends this.
  SimTime& channel_busy(std::uint32_t gateway, std::uint16_t channel);

 private:
  const GatewayPool& gateways_;
  std::uint64_t seed_;
  AirTopology& topology_;
  std::vector<SimTime> gw_phase_;    // beacon phase of each gateway
  std::vector<SimTime> beacon_air_;  // FSK beacon airtime by gateway group (0: no FSK)
  // The sub-GHz transmissions each gateway has booked (start, end), oldest first.
  std::vector<std::vector<std::pair<SimTime, SimTime>>> bookings_;
  std::vector<SimTime> channel_busy_;  // gateway x sub-GHz channel: heard busy until
};

}  // namespace st::models::air
