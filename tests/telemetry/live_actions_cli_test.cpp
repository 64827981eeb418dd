// What-if actions on a live run, end to end: `sidewalk-twin run --serve` in a child process, paced by a client on
// 127.0.0.1 that sends timeline actions mid-run; each is answered to it (where it takes effect, or why not), performed
// as a scenario action (its notices in events.jsonl), recorded in stimuli.jsonl, and `--replay-stimuli` gives the same
// run files byte for byte. A bad stimuli.jsonl action is refused before the run as the scenario reader says.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
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

const std::string kScenario = std::string(ST_SOURCE_DIR) + "/tests/telemetry/live_actions.yaml";

using test::lines;
using test::read;

class telemetryLiveActions : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto stamp = Clock::now().time_since_epoch().count();
    dir_ = fs::temp_directory_path() / ("st-live-actions-" + std::to_string(::getpid()) + "-" + std::to_string(stamp));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!HasFailure()) fs::remove_all(dir_, ec);  // kept on failure for inspection
  }

  // The port a served run printed on stderr (0 when it did not within 30 s).
  std::uint16_t port_of(TwinChild& child, const fs::path& err) {
    const std::regex line("serving telemetry on 127\\.0\\.0\\.1:([0-9]+)\n");
    const auto deadline = Clock::now() + 30s;
    while (Clock::now() < deadline) {
      std::smatch m;
      const std::string text = read(err);
      if (std::regex_search(text, m, line)) return static_cast<std::uint16_t>(std::stoi(m[1].str()));
      if (child.wait(0ms)) {
        ADD_FAILURE() << "the served run exited before listening: " << text;
        return 0;
      }
      std::this_thread::sleep_for(20ms);
    }
    ADD_FAILURE() << "no 'serving telemetry' line on stderr";
    return 0;
  }

  fs::path dir_;
};

// The notice of `kind` in events.jsonl lines (null when there is none).
Json notice(const std::vector<std::string>& events, const std::string& kind, const Json& t) {
  for (const std::string& l : events) {
    const Json e = Json::parse(l);
    if (e["event"] == "notice" && e["kind"] == kind && e["t"] == t) return e;
  }
  return Json();
}

TEST_F(telemetryLiveActions, ActionsOnAServedRunAreAnsweredPerformedRecordedAndReplayedByteForByte) {
  const fs::path live = dir_ / "live";
  TwinChild twin(ST_BINARY, {"run", kScenario, "--out", live.string(), "--serve", "0", "--serve-wait", "-q"},
                 dir_ / "live.out", dir_ / "live.err");
  ASSERT_TRUE(twin.started());
  const std::uint16_t port = port_of(twin, dir_ / "live.err");
  ASSERT_NE(port, 0);
  LineClient client(port);
  ASSERT_TRUE(client.connected());

  // Half an hour in about 6 s; the actions go in once the run has passed 2 min.
  ASSERT_TRUE(client.send(R"({"cmd":"pace","sim_seconds_per_second":300})"));
  double t = 0;
  const auto track = [&t](const Json& j) {
    if (j["type"] == "states") t = j["t"].get<double>();
  };
  while (t < 120) ASSERT_TRUE(client.read_until_type("states", 30s, track)) << "no states record";
  const std::vector<std::string> commands = {
      R"({"cmd":"action","action":{"action":"deregister","device_type":"sensor","fraction":0.25}})",
      R"({"cmd":"action","action":{"action":"outage","target":"gateways","gateway_group":"city","count":2,"for":"5min"}})",
      R"({"cmd":"action","action":{"action":"qualify","device_type":"lock"}})",
      R"({"cmd":"action","action":{"action":"deregister","device_type":"sensr"}})",
      R"({"cmd":"action","action":{"action":"deregister","at":"20min"}})",
      R"({"cmd":"action","action":[]})",
  };
  for (const std::string& c : commands) ASSERT_TRUE(client.send(c));
  std::vector<Json> replies;
  while (replies.size() < commands.size()) {
    const auto reply = client.read_until_type("reply", 30s);
    ASSERT_TRUE(reply) << "no reply to " << commands[replies.size()];
    replies.push_back(*reply);
  }
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(replies[i]["cmd"], "action");
    EXPECT_EQ(replies[i]["ok"], true) << replies[i].dump();
    ASSERT_TRUE(replies[i]["t"].is_number()) << replies[i].dump();
    EXPECT_GE(replies[i]["t"].get<double>(), 120.0);
    EXPECT_LT(replies[i]["t"].get<double>(), 1200.0);
  }
  EXPECT_EQ(replies[3], Json::parse(R"j({"type":"reply","cmd":"action","ok":false,)j"
                                    R"j("error":"action.device_type: undefined device type 'sensr' (did you mean 'sensor'?)"})j"));
  EXPECT_EQ(replies[4]["ok"], false);
  EXPECT_EQ(replies[4]["error"], "action.at: a live action takes effect at the current simulated instant, once: it has "
                                 "no 'at', 'repeat' or 'every'");
  EXPECT_EQ(replies[5]["ok"], false);
  EXPECT_EQ(replies[5]["error"].get<std::string>().rfind("action: expected a map with keys action, device_type,", 0), 0u)
      << replies[5].dump();

  // As fast as possible to the end.
  ASSERT_TRUE(client.send(R"({"cmd":"pace","sim_seconds_per_second":0})"));
  ASSERT_TRUE(client.read_until_type("end", 60s)) << "no end record";
  ASSERT_EQ(twin.wait(60s), 0) << read(dir_ / "live.err");

  // The notices, at the instants the replies gave.
  const auto events = lines(read(live / "events.jsonl"));
  const Json deregistered = notice(events, "deregister", replies[0]["t"]);
  ASSERT_FALSE(deregistered.is_null()) << "no deregister notice at " << replies[0]["t"];
  EXPECT_EQ(deregistered["actor"], "timeline");
  EXPECT_EQ(deregistered["detail"], "3 devices of sensor");
  const Json down = notice(events, "outage_start", replies[1]["t"]);
  ASSERT_FALSE(down.is_null()) << "no outage_start notice at " << replies[1]["t"];
  EXPECT_EQ(down["actor"], "gateways");
  EXPECT_TRUE(std::regex_match(down["detail"].get<std::string>(),
                               std::regex("2 gateways of city for 300\\.000000 s: [0-5] [0-5]")))
      << down["detail"];
  bool ended = false;
  for (const std::string& l : events) {
    const Json e = Json::parse(l);
    ended = ended || (e["event"] == "notice" && e["kind"] == "outage_end" && e["actor"] == "gateways" &&
                      std::abs(e["t"].get<double>() - replies[1]["t"].get<double>() - 300) < 1e-6);
  }
  EXPECT_TRUE(ended) << "no outage_end notice 300 s after the outage_start";
  const Json qualified = notice(events, "qualify", replies[2]["t"]);
  ASSERT_FALSE(qualified.is_null()) << "no qualify notice at " << replies[2]["t"];
  EXPECT_EQ(qualified["detail"], "0 devices of lock");
  // Qualified live before its locks were made (from 10 min), none of them is rejected (they all are without it).
  const Json summary = Json::parse(read(live / "summary.json"));
  EXPECT_EQ(summary["final_states_by_type"]["lock"]["rejected"], 0);
  EXPECT_EQ(summary["final_states_by_type"]["sensor"]["deregistered"], 3);

  // stimuli.jsonl: one line per accepted action, the action as the timeline writes it and the command as sent.
  const auto stimuli = lines(read(live / "stimuli.jsonl"));
  ASSERT_EQ(stimuli.size(), 3u);
  const std::vector<std::string> actions = {
      R"({"action":"deregister","device_type":"sensor","fraction":0.25})",
      R"({"action":"outage","target":"gateways","gateway_group":"city","fraction":1.0,"count":2,"for":"5min"})",
      R"({"action":"qualify","device_type":"lock"})",
  };
  for (std::size_t i = 0; i < stimuli.size(); ++i) {
    const Json s = Json::parse(stimuli[i]);
    EXPECT_EQ(s["operation"], "TimelineAction");
    EXPECT_GT(s["activation"].get<std::uint64_t>(), 0u);
    EXPECT_EQ(s["t_ns"].get<long long>(), std::llround(replies[i]["t"].get<double>() * 1e9));
    EXPECT_EQ(s["action"].dump(), actions[i]);
    EXPECT_EQ(s["request"].dump(), commands[i]);
    EXPECT_FALSE(s.contains("device"));
  }

  // The replay, nobody connected: the same run files byte for byte (summary.json but wall_s).
  const fs::path again = dir_ / "again";
  TwinChild replay(ST_BINARY,
                   {"run", kScenario, "--out", again.string(), "--replay-stimuli", (live / "stimuli.jsonl").string(),
                    "-q"},
                   dir_ / "again.out", dir_ / "again.err");
  ASSERT_EQ(replay.wait(60s), 0) << read(dir_ / "again.err");
  EXPECT_EQ(read(dir_ / "again.err"), "");
  for (const char* f : {"events.jsonl", "states.csv", "handshakes.csv", "counters.jsonl", "gateways.csv",
                        "devices.csv", "stimuli.jsonl"}) {
    ASSERT_TRUE(fs::exists(again / f)) << f;
    EXPECT_TRUE(read(live / f) == read(again / f)) << f << " differs in the replay";
  }
  Json a = Json::parse(read(live / "summary.json"));
  Json b = Json::parse(read(again / "summary.json"));
  a.erase("wall_s");
  b.erase("wall_s");
  EXPECT_EQ(a.dump(2), b.dump(2)) << "summary.json differs in the replay";

  // A recorded action the scenario refuses: one line naming the file, the line and the cause; exit 2, nothing written.
  const fs::path bad = dir_ / "bad.jsonl";
  std::string edited = read(live / "stimuli.jsonl");
  edited.replace(edited.find(R"("device_type":"sensor")"), 22, R"("device_type":"sensr")");
  std::ofstream(bad, std::ios::binary) << edited;
  TwinChild refused(ST_BINARY, {"run", kScenario, "--out", (dir_ / "bad").string(), "--replay-stimuli", bad.string()},
                    dir_ / "bad.out", dir_ / "bad.err");
  ASSERT_EQ(refused.wait(60s), 2);
  EXPECT_EQ(read(dir_ / "bad.err"),
            bad.string() + ":1: action.device_type: undefined device type 'sensr' (did you mean 'sensor'?)\n");
  EXPECT_FALSE(fs::exists(dir_ / "bad"));
}

}  // namespace
}  // namespace st::telemetry_test
