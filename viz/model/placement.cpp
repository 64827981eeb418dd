// The live stream's placement records (docs/telemetry.md): `gateways` and `devices`, and the end's `gateway_load`.
#include <limits>

#include "model/json_fields.hpp"
#include "model/records.hpp"

namespace st::viz {

using namespace json_fields;  // NOLINT: this file reads records field by field

GatewaysRecord parse_gateways(const json& j) {
  GatewaysRecord r;
  const json& list = array(j, "gateways");
  r.gateways.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& g = list[i];
    try {
      require_object(g);
      GatewayInfo info;
      info.group = text(g, "group");
      info.links = text(g, "links");
      info.x_m = number(g, "x_m");
      info.y_m = number(g, "y_m");
      for (auto& [link, reach] : object_or_empty(g, "reach_m").items()) {
        const Link l = link_from_string(link);
        if (l != Link::Other) info.reach_m[static_cast<std::size_t>(l)] = number_value(reach, "reach_m");
      }
      r.gateways.push_back(std::move(info));
    } catch (const InputError& e) {
      throw InputError("gateway " + std::to_string(i) + ": " + e.what());
    }
  }
  return r;
}

DevicesRecord parse_devices(const json& j) {
  DevicesRecord r;
  const std::uint64_t first = count(j, "first");
  if (first >= std::numeric_limits<std::uint32_t>::max()) throw InputError("field 'first' is too large");
  r.first = static_cast<std::uint32_t>(first);
  const json& types = array(j, "device_type");
  const json& xs = array(j, "x_m");
  const json& ys = array(j, "y_m");
  if (xs.size() != types.size() || ys.size() != types.size())
    throw InputError("fields 'device_type', 'x_m' and 'y_m' differ in length (" + std::to_string(types.size()) + ", " +
                     std::to_string(xs.size()) + ", " + std::to_string(ys.size()) + ")");
  r.device_type.reserve(types.size());
  r.x_m.reserve(types.size());
  r.y_m.reserve(types.size());
  for (std::size_t i = 0; i < types.size(); ++i) {
    const std::uint64_t t = count_value(types[i], "device_type");
    if (t >= 65535) throw InputError("field 'device_type': " + std::to_string(t) + " is not a device type index");
    r.device_type.push_back(static_cast<std::uint16_t>(t));
    r.x_m.push_back(static_cast<float>(number_value(xs[i], "x_m")));
    r.y_m.push_back(static_cast<float>(number_value(ys[i], "y_m")));
  }
  return r;
}

GatewayLoadRecord parse_gateway_load(const json& j) {
  GatewayLoadRecord r;
  const std::uint64_t g = count(j, "gateway");
  if (g >= std::numeric_limits<std::uint32_t>::max()) throw InputError("field 'gateway' is too large");
  r.gateway = static_cast<std::uint32_t>(g);
  r.devices_served = count(j, "devices_served");
  r.frames_received = count(j, "frames_received");
  r.frames_lost = count(j, "frames_lost");
  return r;
}

}  // namespace st::viz
