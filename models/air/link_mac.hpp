// LinkMac: the medium access of one Sidewalk link, as the radio access network uses it: when a frame goes, on which
// channel, how long it is on the air and what it costs the device; what the link does after a frame is received or
// lost; how large a frame may be; how long an answer takes to reach a device; what listening for the network costs.
// FskMac, CssMac and BleMac implement it; a new link is a new LinkMac (and its LinkType and rates).
#pragma once
#include <cstdint>

#include "models/air/air_interface.hpp"
#include "models/air/air_topology.hpp"
#include "models/air/device_energy.hpp"
#include "models/air/gateway_schedule.hpp"
#include "models/air/link_budget.hpp"
#include "models/channel/radio_medium.hpp"
#include "models/gateway/gateway_pool.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models::air {

// The parts of the radio layer the MACs work with (owned by the radio access network).
struct AirParts {
  const LinkBudget& budget;
  AirTopology& topology;
  GatewaySchedule& schedule;
  DeviceEnergy& energy;
  GatewayPool& gateways;
  channel::RadioMedium& medium;
  const RadioWorldConfig& radio;
  std::uint64_t seed;
};

// One frame of a transfer, to be planned.
struct FrameRequest {
  std::uint32_t device = 0;
  std::uint16_t type = 0;
  std::uint32_t gateway = 0;  // (the developer's phone: AirTopology::kNone, BLE only)
  bool uplink = true;
  MessageClass cls = MessageClass::Uplink;
  std::uint16_t fragment = 0;  // its index in the message (fragments after the first keep the fast receive spacing)
  std::uint32_t frame_bytes = 0;
  SimTime ready = 0;           // the sender is ready
  SimTime now = 0;
};

struct FramePlan {
  SimTime start = 0;
  SimTime air = 0;  // time on air
  std::uint16_t channel = 0;
  double device_charge_uc = 0;  // the device's radio for this frame (charged by the caller after plan())
};

class LinkMac {
 public:
  virtual ~LinkMac() = default;
  // Plans the frame (draws from the device's stream `rng`; may book the gateway or charge the device for what comes
  // before the frame, such as BLE advertising).
  virtual FramePlan plan(const FrameRequest& f, RandomStream& rng) = 0;
  // The largest payload of one frame for devices of `type` (larger messages are fragmented).
  virtual unsigned max_frame_payload(std::uint16_t type) const = 0;
  // How much longer than the cloud's own answer time a response to the device takes on this link.
  virtual SimTime response_allowance(std::uint16_t type) const = 0;
  // The average current a device of `type` whose first link this is spends listening to stay reachable.
  virtual double listening_ma(std::uint16_t type) const = 0;
  // An uplink can be lost because its gateway beacons meanwhile (the gateway's radio is half duplex).
  virtual bool loses_to_beacon() const { return false; }
  // An uplink frame of a device of `type` was received at `gateway` at `now`: what the link does then (FSK: the
  // gateway's MAC ACK); when the next frame of the transfer may start.
  virtual SimTime after_uplink_received(std::uint16_t /*type*/, std::uint32_t /*gateway*/, SimTime now) { return now; }
  // Whether a lost frame is sent again (up to the device type's mac_retries).
  virtual bool retransmits(bool /*uplink*/) const { return true; }
  // When the retransmission of a frame lost at `now` may start.
  virtual SimTime retry_ready(std::uint32_t /*gateway*/, bool /*uplink*/, SimTime now, RandomStream& /*rng*/) const {
    return now;
  }
};

}  // namespace st::models::air
