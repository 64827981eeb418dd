// `sidewalk-twin run --serve` end to end: the binary runs in a child process, a Boost.Asio client follows it
// over loopback: the whole stream, run files identical to a run without --serve, early leavers, pause/resume.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/telemetry/test_client.hpp"
#include "tests/support/text_file.hpp"
#include "tests/telemetry/twin_child.hpp"

#ifndef ST_BINARY
#error "ST_BINARY must name the sidewalk-twin binary"
#endif

namespace st::telemetry_test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

const std::string kQuickstart = std::string(ST_SOURCE_DIR) + "/scenarios/quickstart.yaml";

using test::lines;
using test::read;

// The binary in a child process (TwinChild), stdout and stderr to files.
class Child : public TwinChild {
 public:
  Child(const std::vector<std::string>& args, const fs::path& out, const fs::path& err)
      : TwinChild(ST_BINARY, args, out, err) {}
};

class telemetryServe : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto stamp = Clock::now().time_since_epoch().count();
    dir_ = fs::temp_directory_path() / ("st-serve-test-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) +
                                        "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!HasFailure()) fs::remove_all(dir_, ec);  // kept on failure for inspection
  }

  // `sidewalk-twin <args>` to completion (a reference run); its exit code.
  int twin(const std::vector<std::string>& args) {
    Child c(args, dir_ / "ref.out", dir_ / "ref.err");
    const auto code = c.wait(300s);
    EXPECT_TRUE(code) << "the reference run did not finish in time";
    return code.value_or(-2);
  }

  // Starts a served run and returns the port it printed on stderr (0 on failure).
  std::uint16_t serve(std::unique_ptr<Child>& child, const std::vector<std::string>& args) {
    child = std::make_unique<Child>(args, dir_ / "served.out", dir_ / "served.err");
    EXPECT_TRUE(child->started());
    const std::regex line("serving telemetry on 127\\.0\\.0\\.1:([0-9]+)\n");
    const auto deadline = Clock::now() + 60s;
    while (Clock::now() < deadline) {
      std::smatch m;
      const std::string err = read(dir_ / "served.err");
      if (std::regex_search(err, m, line)) return static_cast<std::uint16_t>(std::stoi(m[1].str()));
      if (child->wait(0ms)) {
        ADD_FAILURE() << "the served run exited before listening: " << err;
        return 0;
      }
      std::this_thread::sleep_for(20ms);
    }
    ADD_FAILURE() << "no 'serving telemetry' line on stderr";
    return 0;
  }

  // Every file of a run directory; summary.json without wall_s (the one value that differs between runs).
  static std::map<std::string, std::string> run_files(const fs::path& d) {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::directory_iterator(d)) m[e.path().filename().string()] = read(e.path());
    if (m.count("summary.json")) {
      Json j = Json::parse(m["summary.json"]);
      j.erase("wall_s");
      m["summary.json"] = j.dump(2);
    }
    return m;
  }

  fs::path dir_;
};

// Every record until the end of the stream (bounded in time).
std::vector<Json> read_stream(LineClient& c, std::chrono::milliseconds timeout = 300s) {
  std::vector<Json> out;
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline && !c.eof()) {
    const auto line = c.read_line(5s);
    if (line) out.push_back(Json::parse(*line));
  }
  EXPECT_TRUE(c.eof()) << "the stream did not end in time";
  return out;
}

Json without_type(Json j) {
  j.erase("type");
  return j;
}

TEST_F(telemetryServe, AClientFollowsTheWholeRunAndTheRunFilesAreThoseOfARunWithoutServe) {
  ASSERT_EQ(twin({"run", kQuickstart, "--out", (dir_ / "plain").string(), "-q"}), 0);

  std::unique_ptr<Child> child;
  const std::uint16_t port =
      serve(child, {"run", kQuickstart, "--out", (dir_ / "served").string(), "--serve", "0", "--serve-wait", "-q"});
  ASSERT_NE(port, 0);
  LineClient client(port);
  ASSERT_TRUE(client.connected());
  const std::vector<Json> records = read_stream(client);
  ASSERT_EQ(child->wait(120s), 0) << read(dir_ / "served.err");
  EXPECT_EQ(read(dir_ / "served.out"), "");
  EXPECT_EQ(read(dir_ / "served.err"), "serving telemetry on 127.0.0.1:" + std::to_string(port) + "\n");

  // The run files: byte-identical to the run without --serve (but wall_s), and an empty stimuli.jsonl (no client
  // sent an action).
  const auto plain = run_files(dir_ / "plain");
  auto served = run_files(dir_ / "served");
  ASSERT_TRUE(served.count("stimuli.jsonl"));
  EXPECT_EQ(served["stimuli.jsonl"], "");
  served.erase("stimuli.jsonl");
  ASSERT_FALSE(plain.empty());
  for (const auto& [name, content] : plain) {
    ASSERT_TRUE(served.count(name)) << name;
    EXPECT_TRUE(served.at(name) == content) << name << " differs with --serve";
  }
  EXPECT_EQ(served.size(), plain.size());

  // The stream: hello first, end last, and every record of the run files.
  ASSERT_GE(records.size(), 3u);
  const Json& hello = records.front();
  EXPECT_EQ(hello["type"], "hello");
  EXPECT_EQ(hello["version"], 1);
  EXPECT_EQ(hello["scenario"], "quickstart");
  EXPECT_EQ(hello["seed"], 7);
  EXPECT_EQ(hello["duration_s"], 7200);
  EXPECT_EQ(hello["sample_interval_s"], 60);
  EXPECT_EQ(hello["devices"], 2010);
  EXPECT_EQ(hello["device_types"], Json::parse(R"(["pet-tracker","leak-sensor","door-lock","devkit"])"));
  ASSERT_EQ(hello["timeline"].size(), 9u);
  EXPECT_EQ(hello["timeline"][0], Json::parse(R"({"t":600,"action":"register","detail":"device_type: devkit, fraction: 80%"})"));
  EXPECT_EQ(hello["timeline"][3], Json::parse(R"({"t":3600,"action":"outage","detail":"target: network_server, for: 5min"})"));
  EXPECT_EQ(hello["timeline"][5]["detail"], "device_type: leak-sensor, count: 10");

  const Json& end = records.back();
  EXPECT_EQ(end["type"], "end");
  EXPECT_EQ(end["t"], 7200);
  EXPECT_EQ(end["summary"], Json::parse(read(dir_ / "served" / "summary.json")));

  std::vector<std::string> states_rows;
  std::vector<std::string> counters_lines;
  std::vector<std::string> event_lines;
  std::size_t handshakes = 0;
  std::size_t placements = 0;
  std::vector<std::string> load_rows;
  for (std::size_t i = 1; i + 1 < records.size(); ++i) {
    const Json& r = records[i];
    const std::string type = r["type"];
    if (type == "states") {
      std::string row = r["t"].dump();
      for (const char* c : {"created", "associated", "registered", "deregistered", "blocked", "rejected"})
        row += "," + r[c].dump();
      states_rows.push_back(row);
    } else if (type == "counters") {
      counters_lines.push_back(without_type(r).dump());
    } else if (type == "event") {
      event_lines.push_back(without_type(r).dump());
    } else if (type == "handshake") {
      ++handshakes;
    } else if (type == "gateways" || type == "devices") {
      ++placements;  // where the gateways and the devices are (the dashboard's map), before the first event
    } else if (type == "gateway_load") {
      // At the end, each gateway's load: the same as its gateways.csv row.
      load_rows.push_back(r["gateway"].dump() + "," + r["devices_served"].dump() + "," + r["frames_received"].dump() +
                          "," + r["frames_lost"].dump() + "," + r["frames_sent"].dump());
    } else {
      ADD_FAILURE() << "unexpected record " << r.dump();
    }
  }
  auto gateways_csv = lines(read(dir_ / "plain" / "gateways.csv"));
  gateways_csv.erase(gateways_csv.begin());  // header
  ASSERT_EQ(load_rows.size(), gateways_csv.size());
  for (std::size_t g = 0; g < gateways_csv.size(); ++g) {
    // gateway,group,x_m,y_m,links,devices_served,frames_received,frames_lost,frames_sent,...
    const auto cells = [&] {
      std::vector<std::string> c;
      std::stringstream ss(gateways_csv[g]);
      for (std::string cell; std::getline(ss, cell, ',');) c.push_back(cell);
      return c;
    }();
    EXPECT_EQ(load_rows[g], cells[0] + "," + cells[5] + "," + cells[6] + "," + cells[7] + "," + cells[8]) << g;
  }
  auto states_csv = lines(read(dir_ / "plain" / "states.csv"));
  states_csv.erase(states_csv.begin());  // header
  ASSERT_EQ(states_rows.size(), 121u);   // t = 0, 60, ..., 7200
  EXPECT_EQ(states_rows.front().substr(0, 2), "0,");
  EXPECT_EQ(states_rows.back().substr(0, 5), "7200,");
  EXPECT_EQ(states_rows, states_csv);
  EXPECT_EQ(counters_lines, lines(read(dir_ / "plain" / "counters.jsonl")));
  EXPECT_EQ(event_lines, lines(read(dir_ / "plain" / "events.jsonl")));
  EXPECT_EQ(handshakes, lines(read(dir_ / "plain" / "handshakes.csv")).size() - 1);
  EXPECT_GT(handshakes, 1000u);
  EXPECT_GE(placements, 2u);  // one gateways record, and the devices in one or more
}

TEST_F(telemetryServe, AClientThatLeavesAtOnceDoesNotStopTheRun) {
  std::unique_ptr<Child> child;
  const std::uint16_t port =
      serve(child, {"run", kQuickstart, "--out", (dir_ / "served").string(), "--serve", "0", "--serve-wait", "-q"});
  ASSERT_NE(port, 0);
  {
    LineClient client(port);
    ASSERT_TRUE(client.connected());
    client.close();
  }
  ASSERT_EQ(child->wait(300s), 0) << read(dir_ / "served.err");
  for (const char* f : {"summary.json", "states.csv", "handshakes.csv", "events.jsonl", "gateways.csv", "counters.jsonl"})
    EXPECT_TRUE(fs::exists(dir_ / "served" / f)) << f;
  EXPECT_EQ(lines(read(dir_ / "served" / "states.csv")).size(), 122u);
  const Json summary = Json::parse(read(dir_ / "served" / "summary.json"));
  EXPECT_EQ(summary["duration_s"], 7200);
  EXPECT_EQ(summary["devices"], 2010);
}

TEST_F(telemetryServe, PauseHoldsSimulatedTimeAndResumeCompletesTheRun) {
  std::unique_ptr<Child> child;
  const std::uint16_t port =
      serve(child, {"run", kQuickstart, "--out", (dir_ / "served").string(), "--serve", "0", "--serve-wait", "-q"});
  ASSERT_NE(port, 0);
  LineClient client(port);
  ASSERT_TRUE(client.connected());
  // Slow it down (2 simulated hours in about 2 s) so that the pause lands mid-run.
  ASSERT_TRUE(client.send(R"({"cmd":"pace","sim_seconds_per_second":3600})"));
  double last_states_t = -1;
  auto track = [&](const Json& j) {
    if (j["type"] == "states") last_states_t = j["t"].get<double>();
  };
  while (last_states_t < 600) ASSERT_TRUE(client.read_until_type("states", 60s, track)) << "no states record";
  ASSERT_TRUE(client.send(R"({"cmd":"pause"})"));
  auto control = client.read_until_type("control", 10s, track);
  while (control && (*control)["paused"] != true) control = client.read_until_type("control", 10s, track);
  ASSERT_TRUE(control) << "no control record after pause";

  // The control record sent when the pause takes effect (where the simulation stopped), then another ~0.5 s
  // later (after a second pause command): the simulated time has not moved.
  auto first = client.read_until_type("control", 5s, track);
  ASSERT_TRUE(first);
  EXPECT_EQ((*first)["paused"], true);
  const double states_when_paused = last_states_t;
  std::this_thread::sleep_for(500ms);
  ASSERT_TRUE(client.send(R"({"cmd":"pause"})"));
  auto second = client.read_until_type("control", 5s, track);
  ASSERT_TRUE(second);
  EXPECT_EQ((*second)["paused"], true);
  EXPECT_EQ((*second)["t"], (*first)["t"]) << "simulated time advanced while paused";
  EXPECT_EQ(last_states_t, states_when_paused) << "states records arrived while paused";
  EXPECT_GT((*first)["t"].get<double>(), 0);
  EXPECT_LT((*first)["t"].get<double>(), 7200);
  EXPECT_FALSE(child->wait(0ms)) << "the run ended while paused";

  ASSERT_TRUE(client.send(R"({"cmd":"pace","sim_seconds_per_second":0})"));
  ASSERT_TRUE(client.send(R"({"cmd":"resume"})"));
  const auto end = client.read_until_type("end", 300s, track);
  ASSERT_TRUE(end) << "no end record after resume";
  EXPECT_EQ(last_states_t, 7200);
  ASSERT_EQ(child->wait(120s), 0) << read(dir_ / "served.err");
  EXPECT_EQ(lines(read(dir_ / "served" / "states.csv")).size(), 122u);

  // Pausing and pacing change when the simulation computes, never what it computes.
  ASSERT_EQ(twin({"run", kQuickstart, "--out", (dir_ / "plain").string(), "-q"}), 0);
  const auto plain = run_files(dir_ / "plain");
  auto served = run_files(dir_ / "served");
  EXPECT_EQ(served["stimuli.jsonl"], "");  // no action was sent
  served.erase("stimuli.jsonl");
  ASSERT_EQ(served.size(), plain.size());
  for (const auto& [name, content] : plain) EXPECT_TRUE(served.at(name) == content) << name << " differs";
}

TEST_F(telemetryServe, ServeErrorsAreOneLineAndExit2BeforeAnythingIsWritten) {
  // A port already taken.
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor taken(io, {boost::asio::ip::address_v4::loopback(), 0});
  const std::string port = std::to_string(taken.local_endpoint().port());
  const fs::path out = dir_ / "out";
  ASSERT_EQ(twin({"run", kQuickstart, "--out", out.string(), "--serve", port, "-q"}), 2);
  const auto err = lines(read(dir_ / "ref.err"));
  ASSERT_EQ(err.size(), 1u) << read(dir_ / "ref.err");
  EXPECT_NE(err[0].find("cannot serve telemetry on 127.0.0.1:" + port), std::string::npos) << err[0];
  EXPECT_FALSE(fs::exists(out));

  // Bad options.
  EXPECT_EQ(twin({"run", kQuickstart, "--out", out.string(), "--serve", "70000"}), 2);
  EXPECT_EQ(twin({"run", kQuickstart, "--out", out.string(), "--serve", "http"}), 2);
  EXPECT_EQ(twin({"run", kQuickstart, "--out", out.string(), "--serve-wait"}), 2);
  EXPECT_FALSE(fs::exists(out));

  // A bad scenario: exit 2 before listening.
  const fs::path bad = dir_ / "bad.yaml";
  std::ofstream(bad) << "scenario:\n  name: bad\n  duration: -5min\nfleet:\n  device_types: []\n";
  EXPECT_EQ(twin({"run", bad.string(), "--out", out.string(), "--serve", "0", "--serve-wait"}), 2);
  EXPECT_EQ(read(dir_ / "ref.err").find("serving telemetry"), std::string::npos) << read(dir_ / "ref.err");
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace st::telemetry_test
