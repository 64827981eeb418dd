// DeveloperMobileApp: the developer's phone app that registers a device over BLE (Sidewalk mobile SDK
// registerDevice): it relays the handshake between the device and the cloud with its own latency.
#pragma once
#include <cstdint>

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models {

class DeveloperMobileApp {
 public:
  explicit DeveloperMobileApp(Distribution latency) : latency_(latency) {}
  // Phone <-> cloud leg of one handshake message.
  SimTime relay_delay(RandomStream& rng) {
    ++relayed_;
    return latency_.sample_time(rng);
  }
  std::uint64_t messages_relayed() const { return relayed_; }

 private:
  Distribution latency_;
  std::uint64_t relayed_ = 0;
};

}  // namespace st::models
