// DevicesCsv without a simulation: end-of-run device records fed by hand become devices.csv rows (index, SMSN,
// type name, position, home gateway per link), and pass on unchanged to the next sink.
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/output/devices_csv.hpp"

namespace st::output {
namespace {

namespace fs = std::filesystem;

struct CountingSink : metrics::NullSink {
  int finals = 0;
  void device_final(const metrics::DeviceFinalRecord&) override { ++finals; }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

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
  EXPECT_EQ(read(path),
            "device,smsn,type,x_m,y_m,home_ble,home_fsk,home_css\n"
            "0,ab000000000000000000000000000000000000000000000000000000000000" "01,meter,12.3,-7.0,3,,17\n"
            "1,,tracker,0.0,0.0,,,\n");
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
