// CloudConfig: the settings of the cloud actors (service times, the ingest's fault rate, the prototype limit, the
// destination buffer) and of the devices' dealings with them (handshake and acknowledgement timeouts, backoff).
#pragma once
#include <cstdint>

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

struct CloudConfig {
  Distribution ingest_latency = Distribution::constant(2.0 * 1e9);
  Distribution association_latency = Distribution::constant(200.0 * 1e6);  // cloud partner create + associate
  Distribution network_server_latency = Distribution::constant(20.0 * 1e6);
  Distribution cloud_partner_latency = Distribution::constant(40.0 * 1e6);
  Distribution application_server_latency = Distribution::constant(30.0 * 1e6);
  Distribution mobile_app_latency = Distribution::constant(300.0 * 1e6);  // phone <-> cloud
  double ingest_fault_rate = 0.0;        // fraction of control-log records corrupted on the way to ingest
  std::uint32_t prototype_limit = 1000;  // prototype devices per developer account
  SimTime handshake_timeout = 10 * kSecond;
  SimTime backoff_initial = 2 * kSecond;
  SimTime backoff_max = 5 * kMinute;
  SimTime ack_timeout = 5 * kSecond;         // uplink not acknowledged within this: retry later
  std::uint32_t destination_buffer = 10000;  // uplinks the cloud partner holds while the app server is down
};

}  // namespace st::models
