// CssMac: Sidewalk's asynchronous CSS (LoRa) link. An uplink goes as soon as the radio is awake (ALOHA-like), on a
// hopped channel, and is sent once (no MAC acknowledgement); a downlink waits for the device's next receive window in
// which the gateway's radio is free, and a lost downlink is sent again. A device listening on CSS opens a short
// receive window every interval.
#pragma once
#include "models/air/link_mac.hpp"

namespace st::models::air {

class CssMac : public LinkMac {
 public:
  explicit CssMac(const AirParts& parts) : p_(parts) {}
  FramePlan plan(const FrameRequest& f, RandomStream& rng) override;
  unsigned max_frame_payload(std::uint16_t type) const override;
  SimTime response_allowance(std::uint16_t type) const override;
  double listening_ma(std::uint16_t type) const override;
  bool loses_to_beacon() const override { return true; }
  bool retransmits(bool uplink) const override { return !uplink; }

 private:
  AirParts p_;
};

}  // namespace st::models::air
