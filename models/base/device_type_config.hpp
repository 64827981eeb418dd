// DeviceTypeConfig: the settings of one device type (count, stage and flow, developer account, links,
// registration, crypto and MCU, manufacturing schedule, traffic and radio), as every model reads them.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "models/base/device_radio_config.hpp"
#include "models/base/lifecycle_enums.hpp"
#include "models/channel/link_type.hpp"
#include "models/security/algorithms.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

struct TrafficConfig {
  SimTime uplink_period = 5 * kMinute;  // mean gap between uplinks while registered (exponential jitter)
  std::uint32_t payload_bytes = 19;
  std::uint32_t downlink_every = 0;     // the application server answers every Nth uplink (0: never)
  std::uint32_t queue_limit = 8;        // uplinks held on the device while the network is unreachable
  SimTime ttl = kHour;                  // a queued uplink older than this is dropped
};

struct DeviceTypeConfig {
  std::string name;
  std::uint32_t count = 0;
  Stage stage = Stage::Production;
  ProvisioningFlow flow = ProvisioningFlow::MassProduction;
  std::string developer = "default";                  // developer (AWS) account the devices are associated with
  std::vector<LinkType> links = {LinkType::Ble};      // preferred order
  RegistrationPath register_via = RegistrationPath::Gateway;
  security::EcdhCurve curve = security::EcdhCurve::X25519;
  std::string mcu_core = "cortex-m4";                 // a profile of hw_models/mcu
  double mcu_clock_hz = 64e6;
  std::vector<std::pair<std::uint8_t, std::uint64_t>> mcu_cycles;  // (hw::CryptoOp, cycles) replacing the core's table
  SimTime manufacture_at = 0;                         // first device made at this time...
  SimTime manufacture_over = 0;                       // ...the rest spread evenly over this span
  bool auto_register = true;                          // register once associated (else wait for a timeline action)
  Distribution register_delay = Distribution::exponential(30.0 * 1e9);  // association -> first attempt
  TrafficConfig traffic;
  std::uint32_t dak_signature_limit = 0;              // pre-production DAK signature limit (0: unlimited)
  bool qualified = false;                             // production devices need a qualified type
  DeviceRadioConfig radio;                            // radio hardware, rates, placement, battery
};

// When the index-th device of a type is made: the first at manufacture_at, the rest spread evenly over
// manufacture_over.
inline SimTime manufacture_time(const DeviceTypeConfig& cfg, std::uint32_t index) {
  const std::uint32_t n = cfg.count;
  return cfg.manufacture_at +
         (n > 1 ? static_cast<SimTime>(static_cast<double>(cfg.manufacture_over) * index / n) : 0);
}

}  // namespace st::models
