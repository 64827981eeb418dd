// The `action` command alone (no simulation): how a line is taken apart, and the server's part: the command goes to
// the action handler (or waits for one), and the reply goes to the client that sent it, never to the others nor
// into the history later clients get; actions still waiting when the run ends are refused before `end`.
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "sim/telemetry/telemetry_command.hpp"
#include "sim/telemetry/telemetry_server.hpp"
#include "tests/telemetry/test_client.hpp"

namespace st::telemetry_test {
namespace {

using namespace std::chrono_literals;
using telemetry::ActionAnswer;
using telemetry::AnswerAction;
using telemetry::parse_telemetry_command;
using telemetry::ServerOptions;
using telemetry::TelemetryCommand;
using telemetry::TelemetryServer;
using Json = nlohmann::ordered_json;

const std::string kHello = R"({"type":"hello","version":1,"scenario":"unit","seed":1,"duration_s":100})";
std::string states(int t) { return R"({"type":"states","t":)" + std::to_string(t) + "}"; }

TEST(telemetryCommand, AnActionCommandCarriesItsActionAndTheCommandAsReceived) {
  const auto c = parse_telemetry_command(
      R"({"cmd":"action","action":{"action":"deregister","device_type":"sensor","fraction":0.2}})");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, TelemetryCommand::Action);
  EXPECT_EQ(c->action, R"({"action":"deregister","device_type":"sensor","fraction":0.2})");  // members in order
  EXPECT_EQ(c->request, R"({"cmd":"action","action":{"action":"deregister","device_type":"sensor","fraction":0.2}})");
  EXPECT_EQ(c->error, "");
}

TEST(telemetryCommand, WhatIsWrongWithAnActionCommandIsKeptForItsReply) {
  // Its action is read later, against the scenario: here it is only carried, whatever it is.
  const auto list = parse_telemetry_command(R"({"cmd":"action","action":[1,2]})");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->action, "[1,2]");
  EXPECT_EQ(list->error, "");
  const auto none = parse_telemetry_command(R"({"cmd":"action"})");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->kind, TelemetryCommand::Action);
  EXPECT_EQ(none->action, "");
  // A key the command does not have.
  const auto extra = parse_telemetry_command(R"({"cmd":"action","action":{"action":"register"},"at":"5min"})");
  ASSERT_TRUE(extra);
  EXPECT_EQ(extra->error, "unknown key 'at' in the command (allowed: cmd, action)");
  // Not a command at all: ignored as before.
  EXPECT_FALSE(parse_telemetry_command(R"(["cmd","action"])"));
  EXPECT_FALSE(parse_telemetry_command(R"({"cmd":"action")"));
  EXPECT_FALSE(parse_telemetry_command(R"({"cmd":"actions","action":{}})"));
  // The others are unchanged.
  const auto pace = parse_telemetry_command(R"({"cmd":"pace","sim_seconds_per_second":60})");
  ASSERT_TRUE(pace);
  EXPECT_EQ(pace->kind, TelemetryCommand::Pace);
  EXPECT_EQ(pace->sim_seconds_per_second, 60);
}

// A handler that answers every action at once: ok at t = 42.5 s, or an error when its action has "bad" in it.
void answer_at_once(TelemetryServer& server, std::vector<std::string>& taken, std::mutex& m) {
  server.on_action([&taken, &m](const TelemetryCommand& c, AnswerAction answer) {
    {
      std::lock_guard lock(m);
      taken.push_back(c.request);
    }
    if (c.action.find("bad") != std::string::npos) {
      answer(ActionAnswer{false, 0, "action.device_type: undefined device type 'bad'"});
    } else {
      answer(ActionAnswer{true, 42'500'000'000, {}});
    }
  });
}

TEST(telemetryServer, AnActionIsAnsweredToItsClientAloneAndIsNotInTheHistory) {
  TelemetryServer server(ServerOptions{});
  std::vector<std::string> taken;
  std::mutex m;
  answer_at_once(server, taken, m);
  server.record(kHello);
  LineClient sender(server.port());
  LineClient watcher(server.port());
  ASSERT_TRUE(sender.connected());
  ASSERT_TRUE(watcher.connected());
  ASSERT_EQ(sender.read_line(10s), kHello);
  ASSERT_EQ(watcher.read_line(10s), kHello);

  const std::string good = R"({"cmd":"action","action":{"action":"qualify","device_type":"lock"}})";
  const std::string bad = R"({"cmd":"action","action":{"action":"deregister","device_type":"bad"}})";
  ASSERT_TRUE(sender.send(good));
  ASSERT_TRUE(sender.send(bad));
  const auto ok = sender.read_json(10s);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, Json::parse(R"({"type":"reply","cmd":"action","ok":true,"t":42.5})"));
  const auto refused = sender.read_json(10s);
  ASSERT_TRUE(refused);
  EXPECT_EQ(*refused, Json::parse(R"({"type":"reply","cmd":"action","ok":false,)"
                                  R"("error":"action.device_type: undefined device type 'bad'"})"));
  {
    std::lock_guard lock(m);
    EXPECT_EQ(taken, (std::vector<std::string>{good, bad}));
  }

  // The watcher's next record is the next one of the run; a client arriving now gets no reply in its history.
  server.record(states(1));
  EXPECT_EQ(watcher.read_line(10s), states(1));
  EXPECT_EQ(sender.read_line(10s), states(1));
  LineClient late(server.port());
  ASSERT_TRUE(late.connected());
  EXPECT_EQ(late.read_line(10s), kHello);
  EXPECT_EQ(late.read_line(10s), states(1));
  server.finish(R"({"type":"end","t":100,"summary":{}})");
  for (LineClient* c : {&sender, &watcher, &late}) {
    const auto end = c->read_json(10s);
    ASSERT_TRUE(end);
    EXPECT_EQ((*end)["type"], "end");
  }
}

TEST(telemetryServer, ActionsSentBeforeThereIsAHandlerWaitForIt) {
  TelemetryServer server(ServerOptions{});
  LineClient sender(server.port());
  ASSERT_TRUE(sender.connected());
  ASSERT_TRUE(sender.send(R"({"cmd":"action","action":{"action":"register"}})"));
  EXPECT_FALSE(sender.read_line(300ms)) << "answered without a handler";
  std::vector<std::string> taken;
  std::mutex m;
  answer_at_once(server, taken, m);
  const auto reply = sender.read_json(10s);
  ASSERT_TRUE(reply);
  EXPECT_EQ((*reply)["ok"], true);
  std::lock_guard lock(m);
  EXPECT_EQ(taken.size(), 1u);
}

TEST(telemetryServer, ActionsStillWaitingWhenTheRunEndsAreRefusedBeforeEnd) {
  TelemetryServer server(ServerOptions{});
  LineClient sender(server.port());
  ASSERT_TRUE(sender.connected());
  ASSERT_TRUE(sender.send(R"({"cmd":"action","action":{"action":"register"}})"));
  ASSERT_TRUE(sender.send(R"({"cmd":"pause"})"));  // its control record: the action was read before it
  ASSERT_TRUE(sender.read_until_type("control", 10s));
  server.finish(R"({"type":"end","t":100,"summary":{}})");
  const auto reply = sender.read_until_type("reply", 10s);  // (past periodic control records: the run was paused)
  ASSERT_TRUE(reply) << "no reply before the end of the stream";
  EXPECT_EQ(*reply, Json::parse(R"({"type":"reply","cmd":"action","ok":false,"error":"the run has ended"})"));
  const auto end = sender.read_until_type("end", 10s);
  EXPECT_TRUE(end);
}

}  // namespace
}  // namespace st::telemetry_test
