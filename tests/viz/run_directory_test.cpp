// RunDirectoryReader: a small run directory written here becomes the same records as a live stream; older
// directories without counters.jsonl take their counters from summary.json; every bad input names its file
// and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "model/aggregate.hpp"
#include "model/run_directory_reader.hpp"

namespace st::viz {
namespace {

namespace fs = std::filesystem;

const char* kSummary = R"({"scenario":"tiny","file":"tiny.yaml","seed":3,"duration_s":180,"devices":3,
  "final_states":{"created":0,"associated":1,"registered":1,"deregistered":0,"blocked":0,"rejected":1,"not_yet_made":0},
  "final_states_by_type":{"tracker":{},"lock":{}},
  "handshakes":{"attempts":2,"succeeded":1,"failed":1},
  "uplinks":{"sent":9,"delivered":7,"duplicates":0,"rejected":2,"rejected_by_cause":{"replay":2},"dropped":0,"dropped_by_cause":{}},
  "downlinks":{"sent":1,"delivered":1,"rejected":0,"dropped":0},
  "refusals":{"total":3,"by_cause":{"replay":2,"bad_device_signature":1}},
  "radio":{"frames":20,"received":18,"lost_by_cause":{"collision":2}}})";

const char* kStates =
    "time_s,created,associated,registered,deregistered,blocked,rejected\n"
    "0,0,0,0,0,0,0\n"
    "60,1,1,0,0,0,1\n"
    "120,0,1,1,0,0,1\n"
    "180,0,1,1,0,0,1\n";

const char* kHandshakes =
    "smsn,device_type,link,start_s,end_s,latency_ms,outcome,reason\n"
    "0a01,tracker,fsk,61.5,62.75,1250.000,success,\n"
    "0a02,lock,ble,70,80,10000.000,failure,timeout\n";

const char* kEvents =
    R"({"t":1,"event":"transition","device":0,"smsn":"0a01","device_type":"tracker","from":"none","to":"created","cause":"provisioned"})" "\n"
    R"({"t":2,"event":"transition","device":2,"smsn":"0a03","device_type":"lock","from":"none","to":"rejected","cause":"bad_device_signature"})" "\n"
    R"({"t":2,"event":"notice","actor":"ingest","kind":"factory_notified","detail":"device 0a03 rejected: bad_device_signature"})" "\n"
    R"({"t":60,"event":"notice","actor":"timeline","kind":"register","detail":"2 devices of tracker"})" "\n"
    R"({"t":62.75,"event":"transition","device":0,"smsn":"0a01","device_type":"tracker","from":"associated","to":"registered","cause":"registered"})" "\n"
    R"({"t":150,"event":"refusal","device":0,"smsn":"0a01","device_type":"tracker","actor":"application_server","what":"uplink","cause":"replay"})" "\n";

const char* kCounters =
    R"({"t":0,"uplinks_sent":0,"uplinks_delivered":0,"uplinks_rejected":0,"uplinks_dropped":0,"uplinks_rejected_by_cause":{},"uplinks_dropped_by_cause":{}})" "\n"
    R"({"t":60,"uplinks_sent":2,"uplinks_delivered":2,"uplinks_rejected":0,"uplinks_dropped":0,"uplinks_rejected_by_cause":{},"uplinks_dropped_by_cause":{}})" "\n"
    R"({"t":120,"uplinks_sent":5,"uplinks_delivered":4,"uplinks_rejected":1,"uplinks_dropped":0,"uplinks_rejected_by_cause":{"replay":1},"uplinks_dropped_by_cause":{}})" "\n"
    R"({"t":180,"uplinks_sent":9,"uplinks_delivered":7,"uplinks_rejected":2,"uplinks_dropped":0,"uplinks_rejected_by_cause":{"replay":2},"uplinks_dropped_by_cause":{}})" "\n";

class RunDirectory : public ::testing::Test {
 protected:
  fs::path dir;
  void SetUp() override {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("viz-run-" + std::to_string(rd()));
    fs::create_directories(dir);
    write("summary.json", kSummary);
    write("states.csv", kStates);
    write("handshakes.csv", kHandshakes);
    write("events.jsonl", kEvents);
    write("counters.jsonl", kCounters);
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
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

TEST_F(RunDirectory, ReadsEveryFileAsRecords) {
  std::vector<std::string> order;
  RunDirectoryReader reader(dir);
  RunData run;
  reader.read([&](Record&& r) {
    static const char* kNames[] = {"hello", "states",  "counters", "handshake", "event", "gap",
                                   "control", "end", "gateways", "devices", "gateway_load", "reply", "unknown"};
    if (order.empty() || order.back() != kNames[r.index()]) order.push_back(kNames[r.index()]);
    run.apply(std::move(r));
  });
  EXPECT_EQ(order, (std::vector<std::string>{"hello", "states", "counters", "handshake", "event", "end"}));
  EXPECT_TRUE(reader.had_counters_file());
  EXPECT_EQ(run.hello.scenario, "tiny");
  EXPECT_EQ(run.hello.seed, 3u);
  EXPECT_DOUBLE_EQ(run.hello.duration_s, 180);
  EXPECT_DOUBLE_EQ(run.hello.sample_interval_s, 60);
  EXPECT_EQ(run.hello.devices, 3u);
  EXPECT_EQ(run.hello.device_types.size(), 2u);
  ASSERT_EQ(run.states.size(), 4u);
  EXPECT_EQ(run.states[2].count[static_cast<int>(State::Registered)], 1u);
  ASSERT_EQ(run.counters.size(), 4u);
  ASSERT_EQ(run.handshakes.size(), 2u);
  EXPECT_TRUE(run.handshakes[0].success);
  EXPECT_EQ(run.handshakes[1].link, Link::Ble);
  EXPECT_DOUBLE_EQ(run.handshakes[1].latency_ms, 10000);
  ASSERT_EQ(run.events.events.size(), 6u);
  EXPECT_EQ(run.events.events[5].kind, EventKind::Refusal);
  ASSERT_EQ(timeline_marks(run).size(), 1u);
  EXPECT_DOUBLE_EQ(timeline_marks(run)[0].t, 60);
  EXPECT_TRUE(run.ended);
  EXPECT_DOUBLE_EQ(run.end->t, 180);
}

TEST_F(RunDirectory, OlderDirectoriesTakeCountersFromTheSummary) {
  fs::remove(dir / "counters.jsonl");
  RunDirectoryReader reader(dir);
  RunData run;
  reader.read([&](Record&& r) { run.apply(std::move(r)); });
  EXPECT_FALSE(reader.had_counters_file());
  ASSERT_EQ(run.counters.size(), 1u);
  const CountersSample& c = run.counters[0];
  EXPECT_DOUBLE_EQ(c.t, 180);  // at the end of the run
  EXPECT_EQ(c.uplinks_sent, 9u);
  EXPECT_EQ(c.uplinks_delivered, 7u);
  EXPECT_EQ(c.uplinks_rejected_by_cause, (CountersSample::ByCause{{"replay", 2}}));
  EXPECT_EQ(c.refusals, 3u);
  EXPECT_EQ(c.handshakes_failed, 1u);
  EXPECT_EQ(c.radio_lost, 2u);
  EXPECT_EQ(counters_at(run, 179), nullptr);
  EXPECT_EQ(counters_at(run, 180), &run.counters[0]);
}

TEST_F(RunDirectory, ReportsProgressAndCancels) {
  std::uint64_t last = 0, total = 0;
  load_run_directory(dir, [&](std::uint64_t done, std::uint64_t all) {
    EXPECT_GE(done, last);
    last = done;
    total = all;
    return true;
  });
  EXPECT_EQ(last, total);
  EXPECT_GT(total, 0u);
  EXPECT_THROW(load_run_directory(dir, [](std::uint64_t, std::uint64_t) { return false; }), ReadCancelled);
}

TEST_F(RunDirectory, MissingDirectoryOrFile) {
  fs::path nowhere = dir / "nowhere";
  try {
    load_run_directory(nowhere);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), nowhere.string() + ": no such directory");
  }
  fs::remove(dir / "handshakes.csv");
  EXPECT_EQ(error(), at("handshakes.csv") + ": missing (not a complete run directory?)");
}

TEST_F(RunDirectory, WrongCsvHeader) {
  write("states.csv", "time,created\n0,0\n");
  EXPECT_EQ(error(), at("states.csv") +
                         ":1: unexpected header 'time,created' (expected "
                         "'time_s,created,associated,registered,deregistered,blocked,rejected')");
}

TEST_F(RunDirectory, BadCsvRows) {
  write("states.csv", std::string(kStates) + "240,1,2\n");
  EXPECT_EQ(error(), at("states.csv") + ":6: 3 columns, expected 7");
  write("states.csv", std::string(kStates) + "240,1,2,x,0,0,0\n");
  EXPECT_EQ(error(), at("states.csv") + ":6: column 'registered': not a count ('x')");
  write("states.csv", kStates);
  write("handshakes.csv", std::string(kHandshakes) + "0a09,lock,ble,1,2,oops,success,\n");
  EXPECT_EQ(error(), at("handshakes.csv") + ":4: column 'latency_ms': not a number ('oops')");
}

TEST_F(RunDirectory, MalformedJsonLines) {
  write("events.jsonl", std::string(kEvents) + "{\"t\":200,\"event\":\n");
  EXPECT_EQ(error().rfind(at("events.jsonl") + ":7: not JSON: ", 0), 0u) << error();
  write("events.jsonl", std::string(kEvents) + R"({"t":200,"event":"transition","device":1})" "\n");
  EXPECT_EQ(error(), at("events.jsonl") + ":7: missing field 'smsn'");
  write("events.jsonl", kEvents);
  write("counters.jsonl", R"({"uplinks_sent":1})" "\n");
  EXPECT_EQ(error(), at("counters.jsonl") + ":1: missing field 't'");
  write("counters.jsonl", kCounters);
  write("summary.json", "{\"scenario\":");
  EXPECT_EQ(error().rfind(at("summary.json") + ": not JSON: ", 0), 0u) << error();
  write("summary.json", "{\"scenario\":\"x\"}");
  EXPECT_EQ(error(), at("summary.json") + ": missing field 'duration_s'");
}

}  // namespace
}  // namespace st::viz
