#include "sim/world/world_config_from_scenario.hpp"

namespace st::world {

models::WorldConfig world_config_from(const scenario::Scenario& s) {
  models::WorldConfig w;
  w.seed = s.seed;
  for (const auto& t : s.fleet.device_types) {
    models::DeviceTypeConfig c;
    c.name = t.name;
    c.count = t.count;
    c.stage = t.stage;
    c.flow = t.flow;
    c.developer = t.developer;
    c.links = t.links;
    c.register_via = t.register_via;
    c.curve = t.curve;
    c.mcu_core = t.mcu_core;
    c.mcu_clock_hz = t.mcu_clock_hz;
    c.mcu_cycles = t.mcu_cycles;
    c.manufacture_at = t.manufacture_at;
    c.manufacture_over = t.manufacture_over;
    c.auto_register = t.auto_register;
    c.register_delay = t.register_delay;
    c.traffic = {t.traffic.uplink_period, t.traffic.payload_bytes, t.traffic.downlink_every, t.traffic.queue_limit,
                 t.traffic.ttl};
    c.dak_signature_limit = t.dak_signature_limit;
    c.qualified = t.qualified;
    c.radio = t.radio;
    w.device_types.push_back(std::move(c));
  }
  for (const auto& g : s.topology.gateways) w.gateways.push_back({g.name, g.count, g.links, g.backhaul_latency, g.radio});
  for (const auto& [link, hop] : s.topology.link_model) w.link_hops[models::link_index(link)] = {hop.latency, hop.loss};
  w.radio = s.topology.radio;
  const auto& c = s.cloud;
  w.cloud = {c.ingest_latency,        c.association_latency, c.network_server_latency, c.cloud_partner_latency,
             c.application_server_latency, c.mobile_app_latency, c.ingest_fault_rate, c.prototype_limit,
             c.handshake_timeout,     c.backoff_initial,     c.backoff_max,            c.ack_timeout,
             c.destination_buffer};
  return w;
}

}  // namespace st::world
