// ExplicitAir: the device-to-gateway hop as an explicit link model: per link type a latency distribution and
// a loss probability, then the gateway's backhaul. Kept beside the radio access network for comparisons.
#pragma once
#include <array>

#include "models/air/air_interface.hpp"
#include "models/gateway/gateway_pool.hpp"
#include "models/base/radio_world_config.hpp"
#include "sim/kernel/dispatcher.hpp"

namespace st::models {

class ExplicitAir : public AirInterface {
 public:
  ExplicitAir(Dispatcher& kernel, const GatewayPool& gateways, const PerLink<LinkHopConfig>& hops)
      : kernel_(kernel), gateways_(gateways), hops_(hops) {}

  bool reachable(std::uint32_t /*device*/, LinkType link) const override { return gateways_.serves(link); }
  void to_cloud(const AirMessage& m, RandomStream& rng) override { cross(m, rng); }
  void to_device(const AirMessage& m, RandomStream& rng) override { cross(m, rng); }

 private:
  void cross(const AirMessage& m, RandomStream& rng) {
    const LinkHopConfig& h = hops_[link_index(m.link)];
    const bool lost = rng.bernoulli(h.loss);
    const SimTime hop = lost ? 0 : h.latency.sample_time(rng);
    const SimTime backhaul =
        m.via == RegistrationPath::Gateway ? gateways_.backhaul_delay(gateways_.home_gateway(m.device, m.link), rng) : 0;
    if (lost) {
      const std::optional<Continuation>& c = m.link_failed && acknowledges_uplinks(m.link) ? m.link_failed : m.lost;
      if (c) kernel_.schedule_at(m.depart, c->target, c->kind, c->device, c->arg);
      return;
    }
    const Continuation& c = m.arrived;
    kernel_.schedule_at(m.depart + hop + backhaul + m.relay, c.target, c.kind, c.device, c.arg);
  }

  Dispatcher& kernel_;
  const GatewayPool& gateways_;
  PerLink<LinkHopConfig> hops_;
};

}  // namespace st::models
