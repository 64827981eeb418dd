// CloudConfig: the settings of the cloud actors (service times, the ingest's fault rate, the prototype limit, the
// destination buffer) and of the devices' dealings with them (handshake and acknowledgement timeouts, backoff).
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>

#include "models/base/limits.hpp"
#include "models/base/setting.hpp"

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/random_stream.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

// Retries with exponential backoff and jitter: a wait doubles from `initial` up to `max`.
struct BackoffConfig {
  SimTime initial = 2 * kSecond;
  SimTime max = 5 * kMinute;
};

// The wait before the next try after `retries` failures in a row (advanced here, saturating at 255): `initial`
// doubled per failure, at most `max_doublings` times and at most `max`, times a uniform jitter in [0.5, 1).
inline SimTime backoff_wait(std::uint8_t& retries, std::uint32_t max_doublings, SimTime initial, SimTime max,
                            RandomStream& rng) {
  const std::uint32_t k = std::min<std::uint32_t>(retries, max_doublings);
  retries = static_cast<std::uint8_t>(std::min<std::uint32_t>(retries + 1u, 255));
  const double base = std::min(static_cast<double>(initial) * static_cast<double>(1u << k), static_cast<double>(max));
  return static_cast<SimTime>(base * (0.5 + 0.5 * rng.uniform()));
}

// The cloud partner's destination: where the uplinks that reach the application server go (AWS IoT Core's
// destination of the devices, and the MQTT topic its rule republishes them on with `run --mqtt`).
struct DestinationConfig {
  std::string name = "SidewalkDestination";  // the devices' DestinationName: 1-128 of A-Z a-z 0-9 - _
  std::string topic = "sidewalk/app_data";   // an MQTT topic name: no wildcards, not under '$'
};

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
  BackoffConfig backoff;                     // device registration retries, factory upload retries
  SimTime ack_timeout = 5 * kSecond;         // uplink not acknowledged within this: retry later
  std::uint32_t destination_buffer = 10000;  // uplinks the cloud partner holds while the app server is down
  std::string trusted_roots;  // imported fleets' AMZN roots the cloud trusts (a JSON file; absolute path), or none
  DestinationConfig destination;  // read by hand (sim/scenario/read_cloud.cpp: name and topic rules)
};

template <>
struct Settings<BackoffConfig> {
  static constexpr auto list = std::tuple{positive_duration("initial", &BackoffConfig::initial),
                                          positive_duration("max", &BackoffConfig::max)};
};

template <>
struct Settings<CloudConfig> {
  using C = CloudConfig;
  static constexpr auto list = std::tuple{
      time_distribution("ingest_latency", &C::ingest_latency),
      time_distribution("association_latency", &C::association_latency),
      time_distribution("network_server_latency", &C::network_server_latency),
      time_distribution("cloud_partner_latency", &C::cloud_partner_latency),
      time_distribution("application_server_latency", &C::application_server_latency),
      time_distribution("mobile_app_latency", &C::mobile_app_latency),
      probability_below_one("ingest_fault_rate", &C::ingest_fault_rate),
      count("prototype_limit", &C::prototype_limit, 1u, kMaxDevices),
      positive_duration("handshake_timeout", &C::handshake_timeout),
      Section<C, BackoffConfig>{"backoff", &C::backoff},
      positive_duration("ack_timeout", &C::ack_timeout),
      count("destination_buffer", &C::destination_buffer, 0u, 100'000'000u),
  };
};

}  // namespace st::models
