#include "model/placement_files.hpp"

#include <string>

#include "model/csv_file.hpp"

namespace st::viz {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLinkColumns[] = {"ble", "fsk", "css"};  // by Link

std::uint64_t optional_count(const std::vector<std::string_view>& cells, std::optional<std::size_t> col,
                             const csv::Header& h) {
  return col ? csv::to_count(cells[*col], h.name(*col)) : 0;
}

}  // namespace

GatewaysRecord read_gateways_csv(const fs::path& file) {
  GatewaysRecord r;
  std::size_t group = 0, links = 0, x = 0, y = 0;
  std::optional<std::size_t> served, received, lost, reach[3];
  std::ifstream in = csv::open(file);
  csv::each_row(in, file, [&](const csv::Header& h, const std::vector<std::string_view>& cells, std::uint64_t line) {
    if (line == 0) {
      group = h.at("group");
      links = h.at("links");
      x = h.at("x_m");
      y = h.at("y_m");
      served = h.find("devices_served");
      received = h.find("frames_received");
      lost = h.find("frames_lost");
      for (std::size_t l = 0; l < 3; ++l) reach[l] = h.find(std::string("reach_") + kLinkColumns[l] + "_m");
      return;
    }
    GatewayInfo g;
    g.group = cells[group];
    g.links = cells[links];
    g.x_m = csv::to_number(cells[x], "x_m");
    g.y_m = csv::to_number(cells[y], "y_m");
    for (std::size_t l = 0; l < 3; ++l)
      if (reach[l] && !cells[*reach[l]].empty()) g.reach_m[l] = csv::to_number(cells[*reach[l]], h.name(*reach[l]));
    g.has_load = served.has_value();
    g.devices_served = optional_count(cells, served, h);
    g.frames_received = optional_count(cells, received, h);
    g.frames_lost = optional_count(cells, lost, h);
    r.gateways.push_back(std::move(g));
  });
  return r;
}

DevicesRecord read_devices_csv(const fs::path& file, const HelloRecord& hello) {
  DevicesRecord r;
  std::size_t device = 0, type = 0, x = 0, y = 0;
  std::optional<std::size_t> home[3], sent, delivered, rejected, dropped, up, down, charge, used;
  std::vector<std::size_t> outcome_columns;
  std::ifstream in = csv::open(file);
  csv::each_row(in, file, [&](const csv::Header& h, const std::vector<std::string_view>& cells, std::uint64_t line) {
    if (line == 0) {
      device = h.at("device");
      type = h.at("type");
      x = h.at("x_m");
      y = h.at("y_m");
      for (std::size_t l = 0; l < 3; ++l) home[l] = h.find(std::string("home_") + kLinkColumns[l]);
      sent = h.find("uplinks_sent");
      delivered = h.find("uplinks_delivered");
      rejected = h.find("uplinks_rejected");
      dropped = h.find("uplinks_dropped");
      up = h.find("frames_up");
      down = h.find("frames_down");
      charge = h.find("charge_mah");
      used = h.find("battery_used_pct");
      for (std::size_t c = 0; c < h.size(); ++c)
        if (h.name(c).starts_with("frames_") && h.name(c) != "frames_up" && h.name(c) != "frames_down") {
          outcome_columns.push_back(c);
          r.frame_outcomes.push_back(h.name(c).substr(7));
        }
      return;
    }
    const std::uint64_t index = csv::to_count(cells[device], "device");
    if (index != r.first + r.x_m.size())
      throw InputError("device " + std::to_string(index) + " out of order (expected " +
                       std::to_string(r.first + r.x_m.size()) + ")");
    std::uint16_t t = 0;
    while (t < hello.device_types.size() && hello.device_types[t] != cells[type]) ++t;
    if (t == hello.device_types.size())
      throw InputError("column 'type': '" + std::string(cells[type]) + "' is not a device type of the run");
    r.device_type.push_back(t);
    r.x_m.push_back(cells[x].empty() ? 0.0f : static_cast<float>(csv::to_number(cells[x], "x_m")));
    r.y_m.push_back(cells[y].empty() ? 0.0f : static_cast<float>(csv::to_number(cells[y], "y_m")));
    std::array<std::uint32_t, 3> homes{DevicesRecord::kNoGateway, DevicesRecord::kNoGateway, DevicesRecord::kNoGateway};
    for (std::size_t l = 0; l < 3; ++l)
      if (home[l] && !cells[*home[l]].empty())
        homes[l] = static_cast<std::uint32_t>(csv::to_count(cells[*home[l]], h.name(*home[l])));
    r.home.push_back(homes);
    if (sent) {
      DeviceTally tally;
      tally.uplinks_sent = optional_count(cells, sent, h);
      tally.uplinks_delivered = optional_count(cells, delivered, h);
      tally.uplinks_rejected = optional_count(cells, rejected, h);
      tally.uplinks_dropped = optional_count(cells, dropped, h);
      tally.frames_up = optional_count(cells, up, h);
      tally.frames_down = optional_count(cells, down, h);
      for (const std::size_t c : outcome_columns) tally.frames_by_outcome.push_back(csv::to_count(cells[c], h.name(c)));
      if (charge) tally.charge_mah = csv::to_number(cells[*charge], "charge_mah");
      if (used && !cells[*used].empty()) tally.battery_used_pct = csv::to_number(cells[*used], "battery_used_pct");
      r.tally.push_back(std::move(tally));
    }
  });
  return r;
}

}  // namespace st::viz
