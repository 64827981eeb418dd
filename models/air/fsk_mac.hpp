// FskMac: Sidewalk's synchronous FSK link. Uplinks go in the gateway's slot grid after the radio's wake-up and a
// clear-channel assessment, deferred 1 to 4 slots while the channel is heard busy, and are acknowledged at once by
// the gateway (a MAC ACK it transmits); a lost frame is sent again after the ACK timeout. Downlinks wait for the
// device's next receive slot (63 ms during a registration or a fragmented message) in which the gateway's radio is
// free. A device listening on FSK tracks its gateway's beacons.
#pragma once
#include <vector>

#include "models/air/link_mac.hpp"

namespace st::models::air {

class FskMac : public LinkMac {
 public:
  explicit FskMac(const AirParts& parts);
  FramePlan plan(const FrameRequest& f, RandomStream& rng) override;
  unsigned max_frame_payload(std::uint16_t type) const override;
  SimTime response_allowance(std::uint16_t type) const override;
  double listening_ma(std::uint16_t type) const override;
  bool loses_to_beacon() const override { return true; }
  SimTime after_uplink_received(std::uint16_t type, std::uint32_t gateway, SimTime now) override;
  SimTime retry_ready(std::uint32_t gateway, bool uplink, SimTime now, RandomStream& rng) const override;

 private:
  // Per device type, fixed for the run: the MAC ACK's airtime, and what an uplink's listening costs the device
  // around its transmission (the clear-channel assessment, and the window for the ACK).
  struct TypeCosts {
    SimTime ack_air = 0;
    double cca_uc = 0;
    double ack_window_uc = 0;
  };

  AirParts p_;
  std::vector<TypeCosts> costs_;
};

}  // namespace st::models::air
