#include "sim/output/placement_records.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace st::output {

namespace {

double decimetre(double metres) {
  const double d = std::round(metres * 10.0) / 10.0;
  return d == 0 ? 0.0 : d;  // no "-0.0"
}

std::string link_names(std::span<const models::LinkType> links) {
  std::string s;
  for (const models::LinkType l : links) s += (s.empty() ? "" : "+") + std::string(models::to_string(l));
  return s;
}

}  // namespace

std::vector<std::string> placement_lines(const metrics::PlacementRecord& r) {
  std::vector<std::string> lines;
  nlohmann::ordered_json g;
  g["type"] = "gateways";
  g["gateways"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.gateways.size(); ++i) {
    const metrics::GatewayPlace& p = r.gateways[i];
    nlohmann::ordered_json one;
    one["gateway"] = i;
    one["group"] = p.group_name;
    one["x_m"] = decimetre(p.x_m);
    one["y_m"] = decimetre(p.y_m);
    one["links"] = link_names(p.links);
    nlohmann::ordered_json reach = nlohmann::ordered_json::object();
    for (const models::LinkType l : models::kLinks)
      if (p.reach_m[models::link_index(l)] > 0) reach[std::string(models::to_string(l))] = decimetre(p.reach_m[models::link_index(l)]);
    one["reach_m"] = std::move(reach);
    g["gateways"].push_back(std::move(one));
  }
  lines.push_back(g.dump());
  for (std::size_t first = 0; first < r.devices.size(); first += kDevicesPerPlacementRecord) {
    const std::size_t end = std::min(r.devices.size(), first + kDevicesPerPlacementRecord);
    nlohmann::ordered_json types = nlohmann::ordered_json::array(), xs = types, ys = types;
    for (std::size_t i = first; i < end; ++i) {
      types.push_back(r.devices[i].device_type);
      xs.push_back(decimetre(r.devices[i].x_m));
      ys.push_back(decimetre(r.devices[i].y_m));
    }
    nlohmann::ordered_json d;  // (an ordered object's members move as it grows: filled whole, in order)
    d["type"] = "devices";
    d["first"] = first;
    d["device_type"] = std::move(types);
    d["x_m"] = std::move(xs);
    d["y_m"] = std::move(ys);
    lines.push_back(d.dump());
  }
  return lines;
}

std::string gateway_load_line(const metrics::GatewayRecord& r) {
  nlohmann::ordered_json j;
  j["type"] = "gateway_load";
  j["gateway"] = r.gateway;
  j["devices_served"] = r.load.devices_served;
  j["frames_received"] = r.load.frames_received;
  j["frames_lost"] = r.load.frames_lost;
  j["frames_sent"] = r.load.frames_sent;
  return j.dump();
}

}  // namespace st::output
