// The live stream's placement records from a PlacementRecord: one `gateways` line (positions and reach rounded to
// 0.1 m, never "-0.0"; links named, a link it lacks left out of reach_m), then `devices` lines of at most 10,000 devices each,
// in index order, with their type index and position.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "sim/output/placement_records.hpp"

namespace st::output {
namespace {

TEST(placementRecords, OneGatewaysLineThenDevicesInChunks) {
  const std::vector<models::LinkType> links{models::LinkType::Ble, models::LinkType::Css};
  std::vector<metrics::GatewayPlace> gateways{{0, "city", 12.345, -0.04, links, {105.44, 0, 14034.26}}};
  std::vector<metrics::DevicePlace> devices;
  for (std::uint32_t i = 0; i < kDevicesPerPlacementRecord + 3; ++i)
    devices.push_back({static_cast<std::uint16_t>(i % 2), 0.25 * i, -1.0 * i});
  const auto lines = placement_lines({gateways, devices});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], R"({"type":"gateways","gateways":[{"gateway":0,"group":"city","x_m":12.3,"y_m":0.0,)"
                      R"("links":"ble+css","reach_m":{"ble":105.4,"css":14034.3}}]})");
  const auto first = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(first["type"], "devices");
  EXPECT_EQ(first["first"], 0);
  EXPECT_EQ(first["device_type"].size(), kDevicesPerPlacementRecord);
  EXPECT_EQ(first["device_type"][1], 1);
  EXPECT_DOUBLE_EQ(first["x_m"][3].get<double>(), 0.8);  // 0.75 rounded to 0.1 m
  const auto rest = nlohmann::json::parse(lines[2]);
  EXPECT_EQ(rest["first"], kDevicesPerPlacementRecord);
  EXPECT_EQ(rest["x_m"].size(), 3u);
  EXPECT_DOUBLE_EQ(rest["y_m"][2].get<double>(), -10002.0);
}

TEST(placementRecords, AGatewaysLoadAtTheEnd) {
  const std::vector<models::LinkType> links{models::LinkType::Fsk};
  metrics::GatewayRecord r{};
  r.gateway = 12;
  r.links = links;
  r.load.devices_served = 3;
  r.load.frames_received = 40;
  r.load.frames_lost = 2;
  r.load.frames_sent = 7;
  EXPECT_EQ(gateway_load_line(r),
            R"({"type":"gateway_load","gateway":12,"devices_served":3,"frames_received":40,"frames_lost":2,"frames_sent":7})");
}

TEST(placementRecords, NoDevicesNoDevicesLine) {
  const auto lines = placement_lines({{}, {}});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], R"({"type":"gateways","gateways":[]})");
}

}  // namespace
}  // namespace st::output
