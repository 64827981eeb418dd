// The telemetry server alone (records fed to record() directly, no simulation) and RunControl: late clients'
// history and gaps, a client that never reads, commands (garbage ignored), pause/resume/pace, pacing.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "sim/telemetry/run_control.hpp"
#include "sim/telemetry/telemetry_server.hpp"
#include "tests/telemetry/test_client.hpp"

namespace st::telemetry_test {
namespace {

using namespace std::chrono_literals;
using telemetry::RunControl;
using telemetry::ServerOptions;
using telemetry::TelemetryServer;
using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

std::string hello() { return R"({"type":"hello","version":1,"scenario":"unit","seed":1,"duration_s":100})"; }
std::string states(int t) {
  return R"({"type":"states","t":)" + std::to_string(t) + R"(,"created":)" + std::to_string(t) + "}";
}
std::string counters(int t) { return R"({"type":"counters","t":)" + std::to_string(t) + R"(,"uplinks_sent":1})"; }
std::string handshake(int n) { return R"({"type":"handshake","smsn":"h)" + std::to_string(n) + R"(","outcome":"success"})"; }
std::string event(int n, std::size_t padding = 0) {
  return R"({"type":"event","t":)" + std::to_string(n) + R"(,"event":"notice","detail":")" + std::string(padding, 'x') +
         R"("})";
}
std::string end_line() { return R"({"type":"end","t":100,"summary":{}})"; }

// 1,000 records after hello: a sample (states + counters) every 10, a handshake every 7, events otherwise.
std::vector<std::string> thousand_records() {
  std::vector<std::string> out;
  for (int i = 0; out.size() < 1000; ++i) {
    if (i % 10 == 0) {
      out.push_back(states(i));
      out.push_back(counters(i));
    } else if (i % 7 == 0) {
      out.push_back(handshake(i));
    } else {
      out.push_back(event(i));
    }
  }
  out.resize(1000);
  return out;
}

// Every line until the end of the stream (bounded in time).
std::vector<std::string> read_all(LineClient& c, std::chrono::milliseconds timeout = 30s) {
  std::vector<std::string> out;
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    auto line = c.read_line(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
    if (!line) break;
    out.push_back(std::move(*line));
  }
  EXPECT_TRUE(c.eof()) << "the stream did not end in time";
  return out;
}

std::string type_of(const std::string& line) { return Json::parse(line).value("type", ""); }

// Waits until `pred` holds (polling), at most `timeout`.
template <typename P>
bool eventually(P pred, std::chrono::milliseconds timeout = 5s) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return pred();
}

// ---- history for late clients ----------------------------------------------------------------------------------

TEST(telemetryServer, ClientConnectingAfterAThousandRecordsGetsHelloAndTheWholeHistoryThenLiveRecords) {
  TelemetryServer server(ServerOptions{});
  ASSERT_NE(server.port(), 0);
  std::vector<std::string> sent{hello()};
  for (auto& r : thousand_records()) sent.push_back(r);
  for (const auto& r : sent) server.record(r);

  LineClient client(server.port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(server.wait_for_client(10s));
  for (const auto& r : {states(2000), event(2001), handshake(2002)}) {
    server.record(r);
    sent.push_back(r);
  }
  server.finish(end_line());
  sent.push_back(end_line());
  server.record(states(9999));  // after finish: ignored

  const auto got = read_all(client);
  EXPECT_EQ(got, sent);  // nothing skipped, nothing reordered, no gap record
}

TEST(telemetryServer, LateClientGetsTheMostRecentEventsAndAGapRecordForTheOlderOnes) {
  ServerOptions o;
  o.event_history = 100;
  TelemetryServer server(o);
  server.record(hello());
  const auto records = thousand_records();
  std::size_t events = 0;
  std::size_t others = 0;
  for (const auto& r : records) {
    server.record(r);
    (type_of(r) == "event" ? events : others) += 1;
  }
  ASSERT_GT(events, 100u);

  LineClient client(server.port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(server.wait_for_client(10s));
  server.finish(end_line());
  const auto got = read_all(client);

  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got.front(), hello());
  EXPECT_EQ(got.back(), end_line());
  std::vector<std::string> got_events;
  std::size_t got_others = 0;
  std::size_t gap_at = got.size();
  for (std::size_t i = 0; i < got.size(); ++i) {
    const std::string type = type_of(got[i]);
    if (type == "gap") {
      EXPECT_EQ(gap_at, got.size()) << "one gap record";
      gap_at = i;
      EXPECT_EQ(Json::parse(got[i])["events_skipped"].get<std::size_t>(), events - 100);
    } else if (type == "event") {
      EXPECT_LT(gap_at, i) << "the gap record comes before the events it follows";
      got_events.push_back(got[i]);
    } else if (type != "hello" && type != "end") {
      ++got_others;
    }
  }
  EXPECT_LT(gap_at, got.size());
  EXPECT_EQ(got_others, others);  // every states, counters and handshake record
  std::vector<std::string> last_events;
  for (const auto& r : records)
    if (type_of(r) == "event") last_events.push_back(r);
  last_events.erase(last_events.begin(), last_events.end() - 100);
  EXPECT_EQ(got_events, last_events);
}

// ---- slow clients ----------------------------------------------------------------------------------------------

TEST(telemetryServer, ClientThatNeverReadsDoesNotBlockRecordAndGetsAGapButEverySample) {
  ServerOptions o;
  o.event_history = 1000;  // keeps the test's memory small; the queue limit is the real one (64 MiB)
  o.flush_timeout = 20s;   // the client reads only after the pushes
  TelemetryServer server(o);
  server.record(hello());
  LineClient client(server.port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(server.wait_for_client(10s));

  // 200 MB of 1 kB events, a states record every 1,000 events; the client reads nothing meanwhile.
  constexpr int kEvents = 200'000;
  const auto start = Clock::now();
  int samples = 0;
  for (int i = 0; i < kEvents; ++i) {
    server.record(event(i, 1000));
    if (i % 1000 == 0) server.record(states(samples++));
  }
  const auto elapsed = Clock::now() - start;
  EXPECT_LT(elapsed, 30s) << "record() must never wait for the network";

  auto finished = std::async(std::launch::async, [&server] { server.finish(end_line()); });
  std::size_t got_events = 0;
  std::uint64_t skipped = 0;
  int got_samples = 0;
  bool ended = false;
  const auto deadline = Clock::now() + 120s;
  while (Clock::now() < deadline) {
    auto line = client.read_line(10s);
    if (!line) break;
    const std::string type = type_of(*line);
    if (type == "event") ++got_events;
    if (type == "gap") skipped += Json::parse(*line)["events_skipped"].get<std::uint64_t>();
    if (type == "states") {
      EXPECT_EQ(Json::parse(*line)["t"].get<int>(), got_samples);
      ++got_samples;
    }
    if (type == "end") ended = true;
  }
  ASSERT_EQ(finished.wait_for(30s), std::future_status::ready);
  EXPECT_TRUE(ended);
  EXPECT_GT(skipped, 0u) << "a client more than 64 MiB behind loses events";
  EXPECT_EQ(got_events + skipped, static_cast<std::size_t>(kEvents)) << "every dropped event is counted";
  EXPECT_EQ(got_samples, samples) << "states records are never dropped";
}

TEST(telemetryServer, ClientThatLeavesIsForgottenAndOthersGoOn) {
  TelemetryServer server(ServerOptions{});
  server.record(hello());
  {
    LineClient gone(server.port());
    ASSERT_TRUE(gone.connected());
    ASSERT_TRUE(server.wait_for_client(10s));
    gone.close();
  }
  LineClient stays(server.port());
  ASSERT_TRUE(stays.connected());
  for (int i = 0; i < 100; ++i) server.record(event(i, 100));
  server.finish(end_line());
  const auto got = read_all(stays);
  ASSERT_EQ(got.size(), 102u);
  EXPECT_EQ(got.back(), end_line());
}

TEST(telemetryServer, DestroyingWithoutFinishClosesConnections) {
  auto server = std::make_unique<TelemetryServer>(ServerOptions{});
  server->record(hello());
  LineClient client(server->port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(server->wait_for_client(10s));
  ASSERT_EQ(client.read_line(10s), hello());
  server.reset();
  EXPECT_FALSE(client.read_line(10s));
  EXPECT_TRUE(client.eof());
}

TEST(telemetryServer, APortInUseIsAOneLineError) {
  TelemetryServer first(ServerOptions{});
  try {
    TelemetryServer second(first.port());
    FAIL() << "bound a port twice";
  } catch (const std::runtime_error& e) {  // expected
    const std::string what = e.what();
    EXPECT_NE(what.find("127.0.0.1:" + std::to_string(first.port())), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  }
}

// ---- commands --------------------------------------------------------------------------------------------------

TEST(telemetryServer, GarbageCommandsAreIgnoredAndDisconnectNobody) {
  TelemetryServer server(ServerOptions{});
  server.record(hello());
  LineClient a(server.port());
  LineClient b(server.port());
  ASSERT_TRUE(a.connected());
  ASSERT_TRUE(b.connected());
  ASSERT_EQ(a.read_line(10s), hello());
  ASSERT_EQ(b.read_line(10s), hello());

  for (const std::string& garbage :
       {std::string("not json"), std::string("{}"), std::string("[1,2,3]"), std::string(R"({"cmd":42})"),
        std::string(R"({"cmd":"explode"})"), std::string(R"({"cmd":"pace","sim_seconds_per_second":"fast"})"),
        std::string(R"({"cmd":"pace","sim_seconds_per_second":-1})"), std::string(R"({"cmd":"pace"})"),
        std::string(R"({"cmd":"paus)"), std::string(""), std::string("\x01\x02\xff\xfe", 4),
        std::string(200'000, '{')})
    ASSERT_TRUE(a.send(garbage));
  ASSERT_TRUE(a.send(R"({"cmd":"pause"})"));

  for (LineClient* c : {&a, &b}) {
    const auto control = c->read_json(10s);  // the first record after the garbage: pause's control record
    ASSERT_TRUE(control);
    EXPECT_EQ((*control)["type"], "control");
    EXPECT_EQ((*control)["paused"], true);
    EXPECT_EQ((*control)["sim_seconds_per_second"], 0);
  }
  EXPECT_TRUE(server.control().state().paused);
  EXPECT_EQ(server.control().state().sim_seconds_per_second, 0);
  server.control().resume();
  server.record(states(1));
  server.finish(end_line());
  for (LineClient* c : {&a, &b}) {
    std::vector<std::string> rest = read_all(*c);
    while (!rest.empty() && type_of(rest.front()) == "control") rest.erase(rest.begin());  // periodic ones
    EXPECT_EQ(rest, (std::vector<std::string>{states(1), end_line()}));
  }
}

TEST(telemetryServer, PauseResumeAndPaceUpdateRunControlAndBroadcastControlRecords) {
  ServerOptions o;
  o.control_period = 200ms;
  TelemetryServer server(o);
  LineClient client(server.port());
  LineClient watcher(server.port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(watcher.connected());
  ASSERT_TRUE(eventually([&] { return server.wait_for_client(0ms); }));
  server.control().gate(42 * kSecond);  // the simulation is at t = 42 s

  ASSERT_TRUE(client.send(R"({"cmd":"pace","sim_seconds_per_second":120})"));
  for (LineClient* c : {&client, &watcher}) {
    const auto j = c->read_until_type("control", 10s);
    ASSERT_TRUE(j);
    EXPECT_EQ(*j, Json::parse(R"({"type":"control","paused":false,"sim_seconds_per_second":120.0,"t":42})"));
  }
  EXPECT_EQ(server.control().state().sim_seconds_per_second, 120.0);

  ASSERT_TRUE(client.send(R"({"cmd":"pause"})"));
  for (LineClient* c : {&client, &watcher}) {
    const auto j = c->read_until_type("control", 10s);
    ASSERT_TRUE(j);
    EXPECT_EQ((*j)["paused"], true);
    EXPECT_EQ((*j)["sim_seconds_per_second"], 120.0);
  }
  EXPECT_TRUE(server.control().state().paused);
  // While paused: a control record every control_period.
  for (int i = 0; i < 2; ++i) {
    const auto j = watcher.read_until_type("control", 5s);
    ASSERT_TRUE(j);
    EXPECT_EQ((*j)["paused"], true);
    EXPECT_EQ((*j)["t"], 42);
  }

  ASSERT_TRUE(client.send(R"({"cmd":"resume"})"));
  // Periodic records sent before the resume may come first: read until the resumed one.
  auto j = client.read_until_type("control", 10s);
  while (j && (*j)["paused"] == true) j = client.read_until_type("control", 5s);
  ASSERT_TRUE(j);
  EXPECT_EQ((*j)["paused"], false);
  EXPECT_FALSE(server.control().state().paused);

  ASSERT_TRUE(client.send(R"({"cmd":"pace","sim_seconds_per_second":0})"));
  j = client.read_until_type("control", 10s);
  while (j && (*j)["sim_seconds_per_second"] != 0) j = client.read_until_type("control", 5s);
  ASSERT_TRUE(j);
  EXPECT_EQ(server.control().state().sim_seconds_per_second, 0);
  server.finish(end_line());
}

TEST(telemetryServer, GateBlocksWhileAClientHasPausedAndReturnsAfterItResumes) {
  TelemetryServer server(ServerOptions{});
  LineClient client(server.port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send(R"({"cmd":"pause"})"));
  ASSERT_TRUE(client.read_until_type("control", 10s));
  std::atomic<bool> passed{false};
  std::thread sim([&] {
    server.control().gate(kSecond);
    passed = true;
  });
  // When the pause takes effect, a control record says where the simulation stopped.
  const auto held = client.read_until_type("control", 10s);
  ASSERT_TRUE(held);
  EXPECT_EQ(*held, Json::parse(R"({"type":"control","paused":true,"sim_seconds_per_second":0.0,"t":1})"));
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(passed.load()) << "gate() returned while paused";
  ASSERT_TRUE(client.send(R"({"cmd":"resume"})"));
  EXPECT_TRUE(eventually([&] { return passed.load(); }, 10s));
  if (!passed) server.control().shutdown();  // never leave the thread blocked
  sim.join();
  server.finish(end_line());
}

TEST(telemetryServer, APauseIsLiftedWhenTheLastClientLeaves) {
  ServerOptions o;
  o.control_period = 100ms;  // the control records while paused find out that the client is gone
  TelemetryServer server(o);
  {
    LineClient client(server.port());
    ASSERT_TRUE(client.connected());
    ASSERT_TRUE(client.send(R"({"cmd":"pause"})"));
    ASSERT_TRUE(client.read_until_type("control", 10s));
    ASSERT_TRUE(server.control().state().paused);
    client.close();
  }
  std::atomic<bool> passed{false};
  std::thread sim([&] {
    server.control().gate(kSecond);
    passed = true;
  });
  EXPECT_TRUE(eventually([&] { return passed.load(); }, 10s)) << "a run paused by a client that left stays paused";
  if (!passed) server.control().shutdown();
  sim.join();
  EXPECT_FALSE(server.control().state().paused);
  server.finish(end_line());
}

// ---- RunControl ------------------------------------------------------------------------------------------------

TEST(telemetryRunControl, GateBlocksWhilePausedAndReturnsAfterResume) {
  RunControl rc;
  rc.gate(0);  // not paused: returns at once
  rc.pause();
  std::atomic<bool> passed{false};
  std::thread sim([&] {
    rc.gate(5 * kSecond);
    passed = true;
  });
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(passed.load());
  EXPECT_EQ(rc.state().now, 5 * kSecond);
  rc.resume();
  EXPECT_TRUE(eventually([&] { return passed.load(); }, 10s));
  if (!passed) rc.shutdown();
  sim.join();
}

TEST(telemetryRunControl, TheHoldHookRunsOnceWhenAPauseTakesEffect) {
  RunControl rc;
  std::atomic<int> holds{0};
  rc.on_hold([&] { ++holds; });
  rc.gate(kSecond);
  EXPECT_EQ(holds.load(), 0);
  rc.pause();
  std::thread sim([&] { rc.gate(2 * kSecond); });
  EXPECT_TRUE(eventually([&] { return holds.load() == 1; }, 10s));
  std::this_thread::sleep_for(100ms);
  rc.pause();  // again: still the same hold
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(holds.load(), 1);
  EXPECT_EQ(rc.state().now, 2 * kSecond);
  rc.resume();
  sim.join();  // returns once resumed (gate is bounded by the resume above)
}

TEST(telemetryRunControl, ShutdownReleasesAPausedGateForGood) {
  RunControl rc;
  rc.pause();
  std::atomic<bool> passed{false};
  std::thread sim([&] {
    rc.gate(kSecond);
    passed = true;
  });
  std::this_thread::sleep_for(100ms);
  EXPECT_FALSE(passed.load());
  rc.shutdown();
  EXPECT_TRUE(eventually([&] { return passed.load(); }, 10s));
  sim.join();
  rc.pause();
  rc.gate(2 * kSecond);  // returns: shut down
}

TEST(telemetryRunControl, PacingLimitsSimulatedSecondsPerWallSecond) {
  RunControl rc;
  rc.set_pace(10.0);  // 10 simulated seconds per wall second
  const auto start = Clock::now();
  for (SimTime t = 0; t <= 5 * kSecond; t += 100 * kMillisecond) rc.gate(t);  // 5 simulated seconds
  const auto elapsed = Clock::now() - start;
  EXPECT_GE(elapsed, 450ms) << "5 simulated seconds at 10 per second take at least 0.5 s";

  rc.set_pace(0);  // as fast as possible again: no more sleeping (no upper bound asserted on a shared machine)
  EXPECT_EQ(rc.state().sim_seconds_per_second, 0);
  rc.set_pace(-3);
  EXPECT_EQ(rc.state().sim_seconds_per_second, 0);
}

TEST(telemetryRunControl, PacingIsMeasuredFromWhenItIsSetAndAPauseIsNotCaughtUp) {
  RunControl rc;
  rc.gate(100 * kSecond);  // far into the run before the pace is set
  rc.set_pace(20.0);
  auto start = Clock::now();
  rc.gate(110 * kSecond);  // 10 simulated seconds after the pace was set: at least 0.5 s
  EXPECT_GE(Clock::now() - start, 450ms);

  rc.pause();
  std::thread resumer([&] {
    std::this_thread::sleep_for(600ms);
    rc.resume();
  });
  rc.gate(110 * kSecond);  // blocks until resumed
  resumer.join();
  start = Clock::now();
  rc.gate(120 * kSecond);  // 10 more simulated seconds: paced again from the resume, not caught up
  EXPECT_GE(Clock::now() - start, 450ms);
}

}  // namespace
}  // namespace st::telemetry_test
