// BleMac: Sidewalk's BLE link, over a connection. If none is open, the device advertises (fast when it has data,
// at its slow interval when the gateway wants it) until the gateway's scanner hears an advertising event
// (ble_scan_duty), then the connection is set up; it stays open for ble_idle_timeout after the last data. A message
// is one transfer over the connection (the connection fragments it); a lost one is sent again. A registered BLE
// device advertises at its slow interval to stay reachable.
#pragma once
#include "models/air/link_mac.hpp"

namespace st::models::air {

class BleMac : public LinkMac {
 public:
  explicit BleMac(const AirParts& parts) : p_(parts) {}
  FramePlan plan(const FrameRequest& f, RandomStream& rng) override;
  unsigned max_frame_payload(std::uint16_t type) const override;
  SimTime response_allowance(std::uint16_t type) const override;
  double listening_ma(std::uint16_t type) const override;

 private:
  // When a BLE link to the device is ready: at once while its connection is open, else after advertising
  // (charged to the device under `cls`) and connection set-up.
  SimTime link_ready(const FrameRequest& f, RandomStream& rng);

  AirParts p_;
};

}  // namespace st::models::air
