// RadioReport without a simulation: end-of-run records fed by hand (gateway loads, batteries, device charges)
// become gateways.csv and the summary's gateways and energy sections, with the documented aggregates.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/output/radio_report.hpp"

namespace st::output {
namespace {

namespace fs = std::filesystem;

using models::LinkType;
constexpr LinkType kBleFskCss[] = {LinkType::Ble, LinkType::Fsk, LinkType::Css};
constexpr LinkType kCssBle[] = {LinkType::Css, LinkType::Ble};

metrics::GatewayRecord gateway(std::uint32_t id, std::uint32_t group, std::string_view name,
                               std::span<const LinkType> links, std::uint64_t received, std::uint64_t bytes) {
  metrics::GatewayRecord r{};
  r.gateway = id;
  r.group = group;
  r.group_name = name;
  r.x_m = 10.0 * id;
  r.y_m = -2.25;
  r.links = links;
  r.load.devices_served = id + 1;
  r.load.frames_received = received;
  r.load.frames_lost = 1;
  r.load.frames_sent = 2;
  r.load.rx_airtime = 1'500'000'000;  // 1.5 s
  r.load.tx_airtime = 250'000'000;
  r.load.backhaul_bytes = bytes;
  // Reach where the gateway has the link (empty cells elsewhere).
  for (const models::LinkType l : links) r.reach_m[models::link_index(l)] = l == models::LinkType::Ble ? 80.04 : 4053.25;
  return r;
}

TEST(outputRadioReport, GatewaysCsvAndGroupsComeFromTheGatewayRecords) {
  RadioReport report;
  const std::string name_a = "floodlight", name_b = "echo";
  report.gateway(gateway(0, 0, name_a, kBleFskCss, 5, 100));
  report.gateway(gateway(1, 0, name_a, kBleFskCss, 9, 300));
  report.gateway(gateway(2, 1, name_b, kCssBle, 0, 0));
  const fs::path path = fs::temp_directory_path() / ("radio_report_" + std::to_string(::getpid()) + ".csv");
  report.write_gateways_csv(path.string());
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  fs::remove(path);
  EXPECT_EQ(ss.str(),
            "gateway,group,x_m,y_m,links,devices_served,frames_received,frames_lost,frames_sent,rx_airtime_s,"
            "tx_airtime_s,backhaul_bytes,backhaul_delayed,backhaul_wait_s,backhaul_dropped,reach_ble_m,reach_fsk_m,"
            "reach_css_m\n"
            "0,floodlight,0.0,-2.2,ble+fsk+css,1,5,1,2,1.5,0.25,100,0,0,0,80.0,4053.2,4053.2\n"
            "1,floodlight,10.0,-2.2,ble+fsk+css,2,9,1,2,1.5,0.25,300,0,0,0,80.0,4053.2,4053.2\n"
            "2,echo,20.0,-2.2,css+ble,3,0,1,2,1.5,0.25,0,0,0,0,80.0,,4053.2\n");
  const auto j = report.gateways_section();
  EXPECT_EQ(j["count"], 3);
  EXPECT_EQ(j["backhaul_bytes"], 400);
  const auto& a = j["by_group"]["floodlight"];
  EXPECT_EQ(a["gateways"], 2);
  EXPECT_EQ(a["links"], "ble+fsk+css");
  EXPECT_EQ(a["devices_served"], 3);
  EXPECT_EQ(a["frames_received"], 14);
  EXPECT_EQ(a["frames_received_per_gateway"]["busiest"], 1);
  EXPECT_EQ(a["frames_received_per_gateway"]["max"], 9);
  EXPECT_EQ(a["backhaul_bytes_per_gateway"]["max"], 300);
  // A group whose gateways received nothing names its first gateway as the busiest.
  EXPECT_EQ(j["by_group"]["echo"]["frames_received_per_gateway"]["busiest"], 2);
  EXPECT_EQ(j["by_group"]["echo"]["links"], "css+ble");
}

TEST(outputRadioReport, EnergyComesFromTheBatteryAndDeviceRecords) {
  RadioReport report;
  constexpr SimTime kDay = 24 * kHour;
  report.battery({0, 2400.0, 3.0, 0.01});
  // One day alive, 3.6e6 uC (1 mAh) drawn: 10.8 J, i.e. 10,800 mJ/day; 1 mAh/day = 1/24 mA: 2400 mAh lasts 2400 days.
  report.device_energy({0, 0, 0, kDay, 3.6e6});
  report.device_energy({1, 0, 0, kDay, 7.2e6});
  report.battery({1, 0.0, 3.6, 0.0});  // mains powered: no lifetime
  report.device_energy({2, 1, kDay / 2, kDay, 3.6e6});
  report.energy_totals({1e6, 4});
  const auto j = report.energy_section({"tracker", "plug"}, 10);
  EXPECT_EQ(j["devices"], 3);
  EXPECT_EQ(j["total_j"].dump(), "45.36");  // 10.8 + 21.6 + 12.96
  EXPECT_EQ(j["by_type"]["tracker"]["per_device_per_day_mj"]["mean"].dump(), "16200.0");
  EXPECT_EQ(j["by_type"]["tracker"]["baseline_ua"].dump(), "10.0");
  EXPECT_EQ(j["by_type"]["plug"]["per_device_per_day_mj"]["mean"].dump(), "25920.0");
  EXPECT_EQ(j["battery_lifetime_days"]["mean"].dump(), "1800.0");  // 2400 and 1200 days; the plug has none
  EXPECT_EQ(j["registration_energy_j"].dump(), "3.0");              // 1e6 uC at the first type's 3 V
  EXPECT_EQ(j["per_registration_mj"].dump(), "300.0");
  EXPECT_EQ(j["depleted_devices"], 4);
}

}  // namespace
}  // namespace st::output
