// The `cloud:` section: latencies of the cloud actors, ingest faults, the prototype limit, handshake and ack
// timeouts, retry backoff and the destination buffer. Every key is optional (defaults in scenario.hpp).
#include "sim/scenario/distribution_reader.hpp"
#include "sim/scenario/sections.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

namespace {
SimTime positive_duration(const Field& f) {
  const SimTime t = f.as_duration();
  if (t == 0) f.fail("must be greater than 0");
  return t;
}
}  // namespace

void read_cloud(const std::optional<Field>& section, CloudActors& c) {
  if (!section) return;
  const MapReader m(*section, {"ingest_latency", "association_latency", "network_server_latency",
                               "cloud_partner_latency", "application_server_latency", "mobile_app_latency",
                               "ingest_fault_rate", "prototype_limit", "handshake_timeout", "backoff",
                               "ack_timeout", "destination_buffer"});
  const std::pair<const char*, Distribution*> latencies[] = {
      {"ingest_latency", &c.ingest_latency},
      {"association_latency", &c.association_latency},
      {"network_server_latency", &c.network_server_latency},
      {"cloud_partner_latency", &c.cloud_partner_latency},
      {"application_server_latency", &c.application_server_latency},
      {"mobile_app_latency", &c.mobile_app_latency},
  };
  for (const auto& [key, dist] : latencies) {
    if (auto f = m.get(key)) *dist = read_time_distribution(*f);
  }
  if (auto f = m.get("ingest_fault_rate")) {
    c.ingest_fault_rate = f->as_probability();
    if (c.ingest_fault_rate < 0 || c.ingest_fault_rate >= 1) f->fail("must be in [0, 1) (e.g. 0.02 or 2%)");
  }
  if (auto f = m.get("prototype_limit")) c.prototype_limit = f->as_u32(1, kMaxDevices);
  if (auto f = m.get("handshake_timeout")) c.handshake_timeout = positive_duration(*f);
  if (auto f = m.get("ack_timeout")) c.ack_timeout = positive_duration(*f);
  if (auto f = m.get("destination_buffer")) c.destination_buffer = f->as_u32(0, 100'000'000);
  if (auto f = m.get("backoff")) {
    const MapReader b(*f, {"initial", "max"});
    if (auto i = b.get("initial")) c.backoff_initial = positive_duration(*i);
    const auto mx = b.get("max");
    if (mx) c.backoff_max = positive_duration(*mx);
    if (c.backoff_max < c.backoff_initial) {
      (mx ? *mx : *b.get("initial"))
          .fail("the backoff maximum (" + format_duration(c.backoff_max) + ") must not be less than its initial value (" +
                format_duration(c.backoff_initial) + ")");
    }
  }
}

}  // namespace st::scenario
