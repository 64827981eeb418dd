// TwinContext: the shared pieces of one simulated world that the lifecycle flows act on: the kernel,
// the metrics sink, the fleet, the cloud actors, the gateways and the air between devices and gateways.
#pragma once
#include <cstdint>
#include <vector>

#include "hw_models/mcu/mcu_timing.hpp"
#include "models/air/air_interface.hpp"
#include "models/base/event_targets.hpp"
#include "models/base/world_config.hpp"
#include "models/cloud/cloud_actors.hpp"
#include "models/gateway/gateway_pool.hpp"
#include "models/fleet/fleet.hpp"
#include "models/security/key_source.hpp"
#include "models/security/pki.hpp"
#include "models/security/signature_verdicts.hpp"
#include "sim/kernel/dispatcher.hpp"
#include "sim/kernel/work_pool.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::models {

struct TwinContext {
  Dispatcher& kernel;
  metrics::MetricsSink& sink;
  const WorldConfig& config;
  const security::KeySource& keys;
  security::Pki& pki;
  Fleet& fleet;
  GatewayPool& gateways;
  AirInterface& air;
  CloudActors& cloud;
  std::vector<hw::McuProfile> mcu;  // per device type
  RandomStream cloud_rng;           // service times of the cloud actors, in dispatch order
  WorkPool& crypto;                 // pure cryptography beside the kernel, joined at deterministic times
  security::SignatureVerdicts& verdicts;  // signatures already verified (shared by the cloud's verifiers)

  SimTime now() const { return kernel.now(); }
  const hw::McuProfile& mcu_of(std::uint32_t device) const { return mcu[fleet[device].device_type]; }
};

}  // namespace st::models
