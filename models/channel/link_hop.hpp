// LinkHop: the device-to-gateway hop as an explicit link model (latency distribution and loss per link
// type). It is the one seam the radio-hardware layer replaces: everything crossing the air goes through it.
#pragma once
#include <array>
#include <cstdint>

#include "models/channel/link_type.hpp"
#include "models/lifecycle/fleet_config.hpp"
#include "sim/kernel/random_stream.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

struct HopOutcome {
  bool delivered;
  SimTime delay;  // time until the frame is received (valid when delivered)
};

class DeviceLinkHop {
 public:
  virtual ~DeviceLinkHop() = default;
  // A frame of `bytes` bytes crosses the hop on `link` (either direction).
  virtual HopOutcome cross(LinkType link, std::uint32_t bytes, RandomStream& rng) = 0;
};

class ExplicitLinkHop : public DeviceLinkHop {
 public:
  explicit ExplicitLinkHop(const std::array<LinkHopConfig, 3>& cfg) : cfg_(cfg) {}
  HopOutcome cross(LinkType link, std::uint32_t /*bytes*/, RandomStream& rng) override {
    const LinkHopConfig& c = cfg_[link_index(link)];
    if (rng.bernoulli(c.loss)) return {false, 0};
    return {true, c.latency.sample_time(rng)};
  }

 private:
  std::array<LinkHopConfig, 3> cfg_;
};

}  // namespace st::models
