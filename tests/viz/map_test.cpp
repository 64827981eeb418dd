// The map's data layer: gateways.csv and devices.csv read as the live stream's `gateways` and `devices` records
// (columns by name, older files too, every bad cell named by file and line); the live records themselves; each
// device's state at a time; which gateways an outage took down; and a device's story.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "model/device_story.hpp"
#include "model/map_state.hpp"
#include "model/run_directory_reader.hpp"

namespace st::viz {
namespace {

namespace fs = std::filesystem;

const char* kSummary = R"({"scenario":"tiny","seed":3,"duration_s":180,"devices":3,"final_states_by_type":{"tracker":{},"lock":{}}})";
const char* kGateways =
    "gateway,group,x_m,y_m,links,devices_served,frames_received,frames_lost,frames_sent,rx_airtime_s,tx_airtime_s,"
    "backhaul_bytes,backhaul_delayed,backhaul_wait_s,backhaul_dropped,reach_ble_m,reach_fsk_m,reach_css_m\n"
    "0,city,0.0,0.0,ble+fsk,2,40,1,5,1.5,0.2,900,0,0,0,105.4,4053.2,\n"
    "1,city,500.0,-20.5,fsk,1,12,0,2,0.5,0.1,300,0,0,0,,4053.2,\n";
const char* kDevicesHeader =
    "device,smsn,type,x_m,y_m,home_ble,home_fsk,home_css,uplinks_sent,uplinks_delivered,uplinks_rejected,"
    "uplinks_dropped,frames_up,frames_down,frames_received,frames_collision,charge_mah,battery_used_pct\n";
const char* kDevices =
    "0,0a01,tracker,10.0,5.0,0,0,,12,10,1,1,20,8,26,2,0.125000,0.013\n"
    "1,,lock,450.5,-30.0,,1,,0,0,0,0,0,0,0,0,0.000000,\n"
    "2,0a03,tracker,-7.5,2.0,,0,,3,3,0,0,4,1,5,0,0.010000,0.001\n";
const char* kStates = "time_s,created,associated,registered,deregistered,blocked,rejected\n0,0,0,0,0,0,0\n180,0,0,1,0,0,0\n";
const char* kHandshakes =
    "smsn,device_type,link,start_s,end_s,latency_ms,outcome,reason\n"
    "0a01,tracker,fsk,61.5,62.75,1250.000,success,\n"
    "0a01,tracker,ble,20,30,10000.000,failure,timeout\n";
const char* kEvents =
    R"({"t":1,"event":"transition","device":0,"smsn":"0a01","device_type":"tracker","from":"none","to":"created","cause":"provisioned"})" "\n"
    R"({"t":2,"event":"transition","device":2,"smsn":"0a03","device_type":"tracker","from":"none","to":"created","cause":"provisioned"})" "\n"
    R"({"t":5,"event":"transition","device":0,"smsn":"0a01","device_type":"tracker","from":"created","to":"associated","cause":"associated"})" "\n"
    R"j({"t":40,"event":"notice","actor":"device","kind":"link_switch","device":0,"smsn":"0a01","device_type":"tracker","detail":"device 0: fsk -> ble (uplink)"})j" "\n"
    R"({"t":60,"event":"notice","actor":"gateways","kind":"outage_start","detail":"1 gateways of city for 30.000000 s: 1"})" "\n"
    R"({"t":62.75,"event":"transition","device":0,"smsn":"0a01","device_type":"tracker","from":"associated","to":"registered","cause":"registered"})" "\n"
    R"({"t":90,"event":"notice","actor":"gateways","kind":"outage_end","detail":""})" "\n"
    R"({"t":100,"event":"notice","actor":"gateways","kind":"outage_start","detail":"2 gateways for 10.000000 s"})" "\n"
    R"({"t":150,"event":"refusal","device":0,"smsn":"0a01","device_type":"tracker","actor":"application_server","what":"uplink","cause":"replay"})" "\n";

class MapFiles : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("viz-map-" + std::to_string(rd()));
    fs::create_directories(dir);
    write("summary.json", kSummary);
    write("states.csv", kStates);
    write("handshakes.csv", kHandshakes);
    write("events.jsonl", kEvents);
    write("gateways.csv", kGateways);
    write("devices.csv", std::string(kDevicesHeader) + kDevices);
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir / name, std::ios::binary) << text; }
  std::string error() {
    try {
      load_run_directory(dir);
    } catch (const InputError& e) {
      return e.what();
    }
    return "(no error)";
  }
  std::string at(const std::string& name) { return (dir / name).string(); }
};

TEST_F(MapFiles, GatewaysAndDevicesComeRightAfterTheHello) {
  std::vector<std::size_t> kinds;
  RunData run;
  RunDirectoryReader(dir).read([&](Record&& r) {
    if (kinds.empty() || kinds.back() != r.index()) kinds.push_back(r.index());
    run.apply(std::move(r));
  });
  ASSERT_GE(kinds.size(), 4u);
  EXPECT_EQ(kinds[0], Record(HelloRecord{}).index());
  EXPECT_EQ(kinds[1], Record(GatewaysRecord{}).index());
  EXPECT_EQ(kinds[2], Record(DevicesRecord{}).index());
  const MapData& m = run.map;
  ASSERT_EQ(m.gateways.size(), 2u);
  EXPECT_EQ(m.gateways[1].group, "city");
  EXPECT_EQ(m.gateways[1].links, "fsk");
  EXPECT_DOUBLE_EQ(m.gateways[1].x_m, 500.0);
  EXPECT_DOUBLE_EQ(m.gateways[1].y_m, -20.5);
  EXPECT_DOUBLE_EQ(m.gateways[0].reach_m[static_cast<int>(Link::Ble)], 105.4);
  EXPECT_DOUBLE_EQ(m.gateways[1].reach_m[static_cast<int>(Link::Ble)], 0.0);  // not its link
  EXPECT_DOUBLE_EQ(m.gateways[1].reach_m[static_cast<int>(Link::Fsk)], 4053.2);
  EXPECT_TRUE(m.gateways[0].has_load);
  EXPECT_EQ(m.gateways[0].frames_received, 40u);
  ASSERT_EQ(m.device_count(), 3u);
  // Device types by the hello's index (summary.json names them in alphabetical order: lock, tracker).
  EXPECT_EQ(run.hello.device_types[m.device_type[1]], "lock");
  EXPECT_EQ(run.hello.device_types[m.device_type[2]], "tracker");
  EXPECT_FLOAT_EQ(m.x_m[1], 450.5f);
  EXPECT_FLOAT_EQ(m.y_m[2], 2.0f);
  ASSERT_EQ(m.home.size(), 3u);
  EXPECT_EQ(m.home[1][static_cast<int>(Link::Ble)], DevicesRecord::kNoGateway);
  EXPECT_EQ(m.home[1][static_cast<int>(Link::Fsk)], 1u);
  ASSERT_EQ(m.tally.size(), 3u);
  EXPECT_EQ(m.tally[0].uplinks_sent, 12u);
  EXPECT_EQ(m.tally[0].uplinks_rejected, 1u);
  EXPECT_EQ(m.frame_outcomes, (std::vector<std::string>{"received", "collision"}));
  EXPECT_EQ(m.tally[0].frames_by_outcome, (std::vector<std::uint64_t>{26, 2}));
  EXPECT_DOUBLE_EQ(m.tally[0].battery_used_pct, 0.013);
  EXPECT_DOUBLE_EQ(m.tally[1].battery_used_pct, -1);  // mains powered
}

TEST_F(MapFiles, OlderFilesWithFewerColumnsAndRunsWithoutThemStillOpen) {
  write("gateways.csv", "gateway,group,x_m,y_m,links,devices_served,frames_received,frames_lost\n0,city,1.0,2.0,css,0,0,0\n");
  write("devices.csv", "device,smsn,type,x_m,y_m,home_ble,home_fsk,home_css\n0,0a01,tracker,1.0,1.0,,,0\n");
  RunData run = load_run_directory(dir);
  ASSERT_EQ(run.map.gateways.size(), 1u);
  EXPECT_DOUBLE_EQ(run.map.gateways[0].reach_m[static_cast<int>(Link::Css)], 0.0);
  EXPECT_EQ(run.map.device_count(), 1u);
  EXPECT_TRUE(run.map.tally.empty());
  fs::remove(dir / "gateways.csv");
  fs::remove(dir / "devices.csv");
  EXPECT_TRUE(load_run_directory(dir).map.empty());  // radio: explicit writes neither
}

TEST_F(MapFiles, EveryBadCellIsNamedByFileAndLine) {
  write("devices.csv", std::string(kDevicesHeader) + "0,0a01,tracker,ten,5.0,0,0,,12,10,1,1,20,8,26,2,0.1,0.0\n");
  EXPECT_EQ(error(), at("devices.csv") + ":2: column 'x_m': not a number ('ten')");
  write("devices.csv", std::string(kDevicesHeader) + "0,0a01,sensor,1,5.0,0,0,,12,10,1,1,20,8,26,2,0.1,0.0\n");
  EXPECT_EQ(error(), at("devices.csv") + ":2: column 'type': 'sensor' is not a device type of the run");
  write("devices.csv", std::string(kDevicesHeader) + "1,0a01,lock,1,5.0,0,0,,12,10,1,1,20,8,26,2,0.1,0.0\n");
  EXPECT_EQ(error(), at("devices.csv") + ":2: device 1 out of order (expected 0)");
  write("devices.csv", std::string(kDevicesHeader) + "0,0a01,lock,1,5.0\n");
  EXPECT_EQ(error(), at("devices.csv") + ":2: 5 columns, expected 18");
  write("devices.csv", "device,smsn,kind,x_m,y_m\n");
  EXPECT_EQ(error(), at("devices.csv") + ":1: no column 'type' in the header");
  write("devices.csv", "");
  EXPECT_EQ(error(), at("devices.csv") + ":1: empty file (expected a header)");
  write("devices.csv", std::string(kDevicesHeader) + kDevices);
  write("gateways.csv", "gateway,group,x_m,y_m,links,devices_served\n0,city,1,2,css,many\n");
  EXPECT_EQ(error(), at("gateways.csv") + ":2: column 'devices_served': not a count ('many')");
}

TEST(MapRecords, TheLiveStreamSendsGatewaysDevicesInChunksAndReplies) {
  RunData run;
  run.apply(parse_record(R"({"type":"gateways","gateways":[{"gateway":0,"group":"g","x_m":1.5,"y_m":-2,"links":"ble+css","reach_m":{"ble":80,"css":9000}}]})"));
  run.apply(parse_record(R"({"type":"devices","first":2,"device_type":[1,0],"x_m":[5,6.5],"y_m":[7,8]})"));
  run.apply(parse_record(R"({"type":"devices","first":0,"device_type":[0,0],"x_m":[1,2],"y_m":[3,4]})"));
  ASSERT_EQ(run.map.gateways.size(), 1u);
  EXPECT_FALSE(run.map.gateways[0].has_load);  // known at the end only
  EXPECT_DOUBLE_EQ(run.map.gateways[0].reach_m[static_cast<int>(Link::Css)], 9000);
  ASSERT_EQ(run.map.device_count(), 4u);
  EXPECT_FLOAT_EQ(run.map.x_m[3], 6.5f);
  EXPECT_EQ(run.map.device_type[2], 1u);
  EXPECT_TRUE(run.map.home.empty());
  run.apply(parse_record(R"({"type":"gateway_load","gateway":0,"devices_served":3,"frames_received":41,"frames_lost":2,"frames_sent":9})"));
  run.apply(parse_record(R"({"type":"gateway_load","gateway":7,"devices_served":1,"frames_received":1,"frames_lost":0})"));  // no such gateway: ignored
  EXPECT_TRUE(run.map.gateways[0].has_load);  // the end's loads colour the live map
  EXPECT_EQ(run.map.gateways[0].frames_received, 41u);
  run.apply(parse_record(R"({"type":"reply","cmd":"action","ok":false,"error":"action.device_type: no such type"})"));
  run.apply(parse_record(R"({"type":"reply","cmd":"action","ok":true,"t":120.5})"));
  ASSERT_EQ(run.replies.size(), 2u);
  EXPECT_FALSE(run.replies[0].ok);
  EXPECT_EQ(run.replies[0].error, "action.device_type: no such type");
  EXPECT_DOUBLE_EQ(run.replies[1].t, 120.5);
  auto error_of = [](const char* line) {
    try {
      parse_record(line);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(error_of(R"({"type":"devices","first":0,"device_type":[0],"x_m":[1,2],"y_m":[3]})"),
            "fields 'device_type', 'x_m' and 'y_m' differ in length (1, 2, 1)");
  EXPECT_EQ(error_of(R"({"type":"gateways","gateways":[{"group":"g","x_m":"far","y_m":0,"links":"ble"}]})"),
            "gateway 0: field 'x_m' is not a number (\"far\")");
  EXPECT_EQ(error_of(R"({"type":"devices","first":0,"device_type":7})"), "field 'device_type' is not a list (7)");
}

TEST_F(MapFiles, StatesAtATimeOutagesAndADevicesStory) {
  const RunData run = load_run_directory(dir);
  auto states = device_states_at(run, 3);
  ASSERT_EQ(states.size(), 3u);
  EXPECT_EQ(states[0], State::Created);
  EXPECT_EQ(states[1], State::None);  // never made
  EXPECT_EQ(states[2], State::Created);
  EXPECT_EQ(device_states_at(run, 70)[0], State::Registered);

  const auto outages = gateway_outages(run);
  ASSERT_EQ(outages.size(), 1u);  // the second notice does not name its gateways
  EXPECT_DOUBLE_EQ(outages[0].start_s, 60);
  EXPECT_DOUBLE_EQ(outages[0].end_s, 90);
  EXPECT_EQ(gateways_down_at(outages, 2, 59.9), (std::vector<bool>{false, false}));
  EXPECT_EQ(gateways_down_at(outages, 2, 60), (std::vector<bool>{false, true}));
  EXPECT_EQ(gateways_down_at(outages, 2, 90), (std::vector<bool>{false, false}));

  const DeviceStory s = story_of(run, 0, 100);
  EXPECT_EQ(s.smsn, "0a01");
  EXPECT_EQ(s.device_type, "tracker");
  EXPECT_TRUE(s.placed);
  EXPECT_DOUBLE_EQ(s.x_m, 10.0);
  ASSERT_EQ(s.homes.size(), 2u);
  EXPECT_EQ(s.homes[1], (std::pair<std::string, std::uint32_t>{"fsk", 0}));
  ASSERT_TRUE(s.state.has_value());
  EXPECT_EQ(*s.state, State::Registered);
  EXPECT_EQ(s.handshakes_succeeded, 1u);
  EXPECT_EQ(s.handshakes_failed, 1u);
  ASSERT_TRUE(s.tally.has_value());
  EXPECT_EQ(s.tally->uplinks_delivered, 10u);
  // In time order: created (1), associated (5), the failed handshake (started 20), its link switch (40, a notice
  // about the device), the good handshake (61.5), registered (62.75); the refusal at 150 is after the time asked for.
  std::vector<std::string> what;
  for (const auto& e : s.entries) what.push_back(e.what);
  EXPECT_EQ(what, (std::vector<std::string>{"transition", "transition", "handshake failed", "link_switch", "handshake",
                                            "transition"}));
  EXPECT_EQ(s.entries[2].detail, "ble, 10000.0 ms: timeout");
  EXPECT_EQ(s.entries[3].detail, "device 0: fsk -> ble (uplink)");
  EXPECT_EQ(s.entries[5].detail, "associated -> registered (registered)");
  EXPECT_EQ(story_of(run, 0, 180).entries.back().detail, "application_server refused uplink: replay");
  const DeviceStory never = story_of(run, 1, 180);
  EXPECT_TRUE(never.smsn.empty());
  EXPECT_FALSE(never.state.has_value());
  EXPECT_EQ(never.device_type, "lock");
}

}  // namespace
}  // namespace st::viz
