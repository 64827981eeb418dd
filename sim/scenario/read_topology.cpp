// The `topology:` section: gateway groups (name, count, links, backhaul latency, radio), the physical layer, and the
// per-link hop model of `radio: explicit` (defaults in models/base/radio_world_config.hpp).
#include <algorithm>

#include "sim/scenario/distribution_reader.hpp"
#include "sim/scenario/enum_tables.hpp"
#include "sim/scenario/radio_sections.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/sections.hpp"
#include "sim/scenario/settings_reader.hpp"

namespace st::scenario {

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
  if (!section) return;
  const MapReader m(*section, with_keys({"gateways", "link_model"}, topology_radio_keys()));
  read_topology_radio(m, s.world.radio);

  if (auto gateways = m.get("gateways")) {
    for (const auto& item : gateways->as_list()) {
      const MapReader g(item, with_keys(with_keys({"name", "links"}, setting_keys_of<models::GatewayGroupConfig>()),
                                        gateway_radio_keys()));
      models::GatewayGroupConfig group;
      const Field name = g.require("name");
      group.name = name.as_name();
      for (std::size_t i = 0; i < s.world.gateways.size(); ++i) {
        if (s.world.gateways[i].name == group.name) {
          name.fail_raw("duplicate gateway name '" + group.name + "' (first defined at line " +
                        std::to_string(s.gateway_where[i].line) + ")");
        }
      }
      read_settings(g, group);
      group.links = read_links(g.require("links"));
      read_gateway_radio(g, group.count, group.radio);
      s.world.gateways.push_back(std::move(group));
      s.gateway_where.push_back(item.where());
    }
    std::uint64_t total = 0;
    for (const auto& g : s.world.gateways) total += g.count;
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
      if (const auto entry = lm.get(name))
        read_settings(MapReader(*entry, setting_keys_of<models::LinkHopConfig>()), s.world.link_hops[models::link_index(link)]);
    }
  }
}

}  // namespace st::scenario
