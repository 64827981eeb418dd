// Model-level configuration of a fleet and its cloud: what the world builder hands the models, with no
// knowledge of scenario files (the scenario loader, above, fills these in).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/channel/link_type.hpp"
#include "models/gateway/radio_config.hpp"
#include "models/cloud/device_stage.hpp"
#include "models/security/algorithms.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

struct TrafficConfig {
  SimTime uplink_period = 5 * kMinute;
  std::uint32_t payload_bytes = 19;
  std::uint32_t downlink_every = 0;
  std::uint32_t queue_limit = 8;
  SimTime ttl = kHour;
};

struct DeviceTypeConfig {
  std::string name;
  std::uint32_t count = 0;
  Stage stage = Stage::Production;
  ProvisioningFlow flow = ProvisioningFlow::MassProduction;
  std::string developer = "default";
  std::vector<LinkType> links = {LinkType::Ble};
  RegistrationPath register_via = RegistrationPath::Gateway;
  security::EcdhCurve curve = security::EcdhCurve::X25519;
  std::string mcu_core = "cortex-m4";
  double mcu_clock_hz = 64e6;
  std::vector<std::pair<std::uint8_t, std::uint64_t>> mcu_cycles;  // (hw::CryptoOp, cycles) replacing the core's table
  SimTime manufacture_at = 0;
  SimTime manufacture_over = 0;
  bool auto_register = true;
  Distribution register_delay = Distribution::exponential(30.0 * 1e9);
  TrafficConfig traffic;
  std::uint32_t dak_signature_limit = 0;
  bool qualified = false;
  DeviceRadioConfig radio;
};

struct CloudConfig {
  Distribution ingest_latency = Distribution::constant(2.0 * 1e9);
  Distribution association_latency = Distribution::constant(200.0 * 1e6);
  Distribution network_server_latency = Distribution::constant(20.0 * 1e6);
  Distribution cloud_partner_latency = Distribution::constant(40.0 * 1e6);
  Distribution application_server_latency = Distribution::constant(30.0 * 1e6);
  Distribution mobile_app_latency = Distribution::constant(300.0 * 1e6);
  double ingest_fault_rate = 0.0;
  std::uint32_t prototype_limit = 1000;
  SimTime handshake_timeout = 10 * kSecond;
  SimTime backoff_initial = 2 * kSecond;
  SimTime backoff_max = 5 * kMinute;
  SimTime ack_timeout = 5 * kSecond;
  std::uint32_t destination_buffer = 10000;
};

struct LinkHopConfig {
  Distribution latency = Distribution::constant(50.0 * 1e6);
  double loss = 0.0;
};

struct GatewayGroupConfig {
  std::string name;
  std::uint32_t count = 1;
  std::vector<LinkType> links;
  Distribution backhaul_latency = Distribution::constant(30.0 * 1e6);
  GatewayRadioConfig radio;
};

struct WorldConfig {
  std::uint64_t seed = 1;
  std::vector<DeviceTypeConfig> device_types;
  std::vector<GatewayGroupConfig> gateways;
  std::array<LinkHopConfig, 3> link_hops;  // indexed by link_index(): ble, fsk, css
  CloudConfig cloud;
  RadioWorldConfig radio;
};

// When the index-th device of a type is made: the first at manufacture_at, the rest spread evenly over
// manufacture_over.
inline SimTime manufacture_time(const DeviceTypeConfig& cfg, std::uint32_t index) {
  const std::uint32_t n = cfg.count;
  return cfg.manufacture_at +
         (n > 1 ? static_cast<SimTime>(static_cast<double>(cfg.manufacture_over) * index / n) : 0);
}

constexpr std::size_t link_index(LinkType l) { return l == LinkType::Ble ? 0 : l == LinkType::Fsk ? 1 : 2; }

}  // namespace st::models
