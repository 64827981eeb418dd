// DevicesCsv without a simulation: records fed by hand become devices.csv rows (index, SMSN, type name, position,
// home gateway per link, and what the device did: uplinks and their fates, radio frames by outcome, battery), and
// pass on unchanged to the next sink.
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/output/devices_csv.hpp"
#include "tests/support/text_file.hpp"

namespace st::output {
namespace {

namespace fs = std::filesystem;

struct CountingSink : metrics::NullSink {
  int finals = 0, frames = 0, traffic_records = 0;
  void device_final(const metrics::DeviceFinalRecord&) override { ++finals; }
  void radio_frame(const metrics::RadioFrameRecord&) override { ++frames; }
  void traffic(const metrics::TrafficRecord&) override { ++traffic_records; }
};

constexpr const char* kHeader =
    "device,smsn,type,x_m,y_m,home_ble,home_fsk,home_css,uplinks_sent,uplinks_delivered,uplinks_rejected,"
    "uplinks_dropped,frames_up,frames_down,frames_received,frames_below_sensitivity,frames_collision,"
    "frames_half_duplex,frames_gateway_busy,frames_gateway_down,frames_battery_depleted,charge_mah,"
    "battery_used_pct\n";

using test::read;

TEST(devicesCsv, OneRowPerDeviceWithPositionAndHomesAndEmptyCellsForWhatIsNot) {
  const fs::path path = fs::temp_directory_path() / ("devices_csv_test_" + std::to_string(::getpid()) + ".csv");
  CountingSink next;
  std::array<std::uint8_t, 32> smsn{};
  smsn[0] = 0xab;
  smsn[31] = 0x01;
  const std::array<std::uint8_t, 32> never_made{};
  {
    DevicesCsv csv(next, path.string(), {"tracker", "meter"});
    metrics::DeviceFinalRecord a{0, 1, metrics::FleetState::Registered, smsn};
    a.placed = true;
    a.x_m = 12.345;
    a.y_m = -7.05;
    a.home = {3, metrics::DeviceFinalRecord::kNoGateway, 17};
    csv.device_final(a);
    metrics::DeviceFinalRecord b{1, 0, metrics::FleetState::None, never_made};  // a reserve device never made
    b.placed = true;
    b.home = {metrics::DeviceFinalRecord::kNoGateway, metrics::DeviceFinalRecord::kNoGateway,
              metrics::DeviceFinalRecord::kNoGateway};
    csv.device_final(b);
    csv.close();
  }
  EXPECT_EQ(next.finals, 2);
  EXPECT_EQ(read(path), std::string(kHeader) +
                            "0,ab000000000000000000000000000000000000000000000000000000000000" "01,meter,12.3,-7.0,3,,17,"
                            "0,0,0,0,0,0,0,0,0,0,0,0,0,0.000000,\n"
                            "1,,tracker,0.0,0.0,,,,0,0,0,0,0,0,0,0,0,0,0,0,0,0.000000,\n");
  fs::remove(path);
}

TEST(devicesCsv, EachDeviceCountsItsUplinksTheirFatesItsFramesByOutcomeAndItsCharge) {
  const fs::path path = fs::temp_directory_path() / ("devices_csv_tally_" + std::to_string(::getpid()) + ".csv");
  CountingSink next;
  const std::array<std::uint8_t, 32> smsn{1};
  {
    DevicesCsv csv(next, path.string(), {"tracker", "meter"});
    using models::Direction;
    using models::TrafficOutcome;
    auto traffic = [&](std::uint32_t device, Direction d, TrafficOutcome o, bool attacker) {
      csv.traffic({0, device, 0, d, o, models::Cause::None, false, 1, attacker});
    };
    traffic(1, Direction::Uplink, TrafficOutcome::Sent, false);
    traffic(1, Direction::Uplink, TrafficOutcome::Sent, false);
    traffic(1, Direction::Uplink, TrafficOutcome::Sent, false);
    traffic(1, Direction::Uplink, TrafficOutcome::Sent, true);     // an adversary's copy: not the device's
    traffic(1, Direction::Downlink, TrafficOutcome::Sent, false);  // not an uplink
    csv.uplink_fate({0, 1, 0, 1, TrafficOutcome::Delivered, models::Cause::None});
    csv.uplink_fate({0, 1, 0, 2, TrafficOutcome::Rejected, models::Cause::Replay});
    csv.uplink_fate({0, 1, 0, 3, TrafficOutcome::Dropped, models::Cause::None});
    auto frame = [&](std::uint32_t device, bool uplink, models::FrameOutcome o) {
      metrics::RadioFrameRecord f{};
      f.device = device;
      f.uplink = uplink;
      f.outcome = o;
      csv.radio_frame(f);
    };
    frame(1, true, models::FrameOutcome::Received);
    frame(1, true, models::FrameOutcome::Collision);
    frame(1, false, models::FrameOutcome::Received);
    frame(0, true, models::FrameOutcome::GatewayDown);
    csv.battery({0, 1000.0, 3.0, 0.01});  // tracker: 1000 mAh
    csv.battery({1, 0.0, 3.0, 0.01});     // meter: mains powered
    csv.device_energy({0, 1, 0, 0, 36.0e6});  // device 0 (a meter): 10 mAh
    csv.device_energy({1, 0, 0, 0, 3.6e9});   // device 1 (a tracker): 1000 mAh: all of it
    csv.device_final({0, 1, metrics::FleetState::Registered, smsn});
    csv.device_final({1, 0, metrics::FleetState::Registered, smsn});
    csv.close();
  }
  EXPECT_EQ(next.frames, 4);
  EXPECT_EQ(next.traffic_records, 5);
  const std::string hex = "0100000000000000000000000000000000000000000000000000000000000000";
  EXPECT_EQ(read(path), std::string(kHeader) +
                            "0," + hex + ",meter,,,,,,0,0,0,0,1,0,0,0,0,0,0,1,0,10.000000,\n"
                            "1," + hex + ",tracker,,,,,,3,1,1,1,2,1,2,0,1,0,0,0,0,1000.000000,100.000\n");
  fs::remove(path);
}

TEST(devicesCsv, AFileThatCannotBeWrittenIsAnErrorNamingIt) {
  CountingSink next;
  try {
    DevicesCsv csv(next, "/nonexistent-dir/devices.csv", {"tracker"});
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/devices.csv"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace st::output
