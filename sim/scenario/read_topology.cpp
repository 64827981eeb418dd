// The `topology:` section: gateway groups (name, count, links, backhaul latency) and the per-link hop model,
// whose missing links get defaults (ble 40ms/1%, fsk 120ms/2%, css 400ms/5%).
#include <algorithm>

#include "sim/scenario/distribution_reader.hpp"
#include "sim/scenario/enum_tables.hpp"
#include "sim/scenario/radio_sections.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/sections.hpp"

namespace st::scenario {

namespace {

LinkHop default_hop(models::LinkType link) {
  switch (link) {
    case models::LinkType::Ble: return {Distribution::constant(40.0 * 1e6), 0.01};
    case models::LinkType::Fsk: return {Distribution::constant(120.0 * 1e6), 0.02};
    case models::LinkType::Css: return {Distribution::constant(400.0 * 1e6), 0.05};
  }
  return {};
}

}  // namespace

// A non-empty list of distinct links (shared with the fleet reader).
std::vector<models::LinkType> read_links(const Field& field) {
  const auto items = field.as_list();
  if (items.empty()) field.fail("must name at least one link (ble, fsk, css)");
  std::vector<models::LinkType> links;
  for (const auto& item : items) {
    const auto link = item.as_enum("link", link_names());
    if (std::find(links.begin(), links.end(), link) != links.end()) {
      item.fail_raw("duplicate link '" + item.node().Scalar() + "' in '" + field.path() + "'");
    }
    links.push_back(link);
  }
  return links;
}

void read_topology(const std::optional<Field>& section, Scenario& s) {
  for (const auto& [name, link] : link_names()) s.topology.link_model[link] = default_hop(link);
  if (!section) return;
  const MapReader m(*section, {"gateways", "link_model", "radio", "propagation", "capture_threshold", "noise_figure",
                               "ble_scan_duty", "ble_idle_timeout", "fading"});
  read_topology_radio(m, s.topology);

  if (auto gateways = m.get("gateways")) {
    for (const auto& item : gateways->as_list()) {
      const MapReader g(item, {"name", "count", "links", "backhaul_latency", "placement", "tx_power", "ble_tx_power",
                               "demodulators", "ble_connections", "backhaul_rate", "monthly_data_cap", "fsk_slot",
                               "beacon_period"});
      GatewayGroup group;
      group.where = item.where();
      const Field name = g.require("name");
      group.name = name.as_name();
      for (const auto& other : s.topology.gateways) {
        if (other.name == group.name) {
          name.fail_raw("duplicate gateway name '" + group.name + "' (first defined at line " +
                        std::to_string(other.where.line) + ")");
        }
      }
      if (auto count = g.get("count")) group.count = count->as_u32(1, kMaxGateways);
      group.links = read_links(g.require("links"));
      if (auto b = g.get("backhaul_latency")) group.backhaul_latency = read_time_distribution(*b);
      read_gateway_radio(g, group);
      s.topology.gateways.push_back(std::move(group));
    }
    std::uint64_t total = 0;
    for (const auto& g : s.topology.gateways) total += g.count;
    if (total > kMaxGateways) {
      gateways->fail_key("the topology has " + std::to_string(total) + " gateways in all, absurdly many (at most " +
                         std::to_string(kMaxGateways) + ")");
    }
  }

  if (auto model = m.get("link_model")) {
    std::vector<std::string> names;
    for (const auto& [name, link] : link_names()) names.push_back(name);
    const MapReader lm(*model, names);
    for (const auto& [name, link] : link_names()) {
      const auto entry = lm.get(name);
      if (!entry) continue;
      const MapReader hop(*entry, {"latency", "loss"});
      LinkHop& h = s.topology.link_model[link];
      if (auto latency = hop.get("latency")) h.latency = read_time_distribution(*latency);
      if (auto loss = hop.get("loss")) {
        h.loss = loss->as_probability();
        if (h.loss < 0 || h.loss >= 1) loss->fail("must be in [0, 1) (e.g. 0.02 or 2%)");
      }
    }
  }
}

}  // namespace st::scenario
