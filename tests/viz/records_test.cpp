// The record format of docs/telemetry.md: each record type parses into its typed value; bad lines are
// refused with their cause; RunData stores them (events compactly) and orders them by time.
#include <gtest/gtest.h>

#include "model/records.hpp"
#include "model/run_data.hpp"

namespace st::viz {
namespace {

template <class T>
T as(const std::string& line) {
  Record r = parse_record(line);
  EXPECT_TRUE(std::holds_alternative<T>(r)) << line;
  return std::get<T>(std::move(r));
}

std::string error_of(const std::string& line) {
  try {
    parse_record(line);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Records, Hello) {
  auto h = as<HelloRecord>(
      R"({"type":"hello","version":1,"scenario":"quickstart","seed":7,"duration_s":7200,"sample_interval_s":60,)"
      R"("devices":2010,"device_types":["pet-tracker","devkit"],)"
      R"("timeline":[{"t":600,"action":"register","detail":"devkit 80%"},{"t":3600,"action":"outage","detail":{"target":"network_server"}}]})");
  EXPECT_EQ(h.version, 1);
  EXPECT_EQ(h.scenario, "quickstart");
  EXPECT_EQ(h.seed, 7u);
  EXPECT_DOUBLE_EQ(h.duration_s, 7200);
  EXPECT_DOUBLE_EQ(h.sample_interval_s, 60);
  EXPECT_EQ(h.devices, 2010u);
  ASSERT_EQ(h.device_types.size(), 2u);
  EXPECT_EQ(h.device_types[1], "devkit");
  ASSERT_EQ(h.timeline.size(), 2u);
  EXPECT_DOUBLE_EQ(h.timeline[0].t, 600);
  EXPECT_EQ(h.timeline[0].action, "register");
  EXPECT_EQ(h.timeline[0].detail, "devkit 80%");
  EXPECT_EQ(h.timeline[1].detail, R"({"target":"network_server"})");  // a non-string detail as JSON text
}

TEST(Records, States) {
  auto s = as<StatesSample>(
      R"({"type":"states","t":60,"created":1,"associated":95,"registered":23,"deregistered":0,"blocked":2,"rejected":3})");
  EXPECT_DOUBLE_EQ(s.t, 60);
  EXPECT_EQ(s.count[static_cast<int>(State::Created)], 1u);
  EXPECT_EQ(s.count[static_cast<int>(State::Associated)], 95u);
  EXPECT_EQ(s.count[static_cast<int>(State::Registered)], 23u);
  EXPECT_EQ(s.count[static_cast<int>(State::Blocked)], 2u);
  EXPECT_EQ(s.count[static_cast<int>(State::Rejected)], 3u);
  EXPECT_EQ(s.total(), 124u);
}

TEST(Records, Counters) {
  auto c = as<CountersSample>(
      R"({"type":"counters","t":120,"uplinks_sent":10,"uplinks_delivered":8,"uplinks_duplicate":0,"uplinks_rejected":2,)"
      R"("uplinks_dropped":1,"downlinks_sent":3,"downlinks_delivered":3,"downlinks_rejected":0,"downlinks_dropped":0,)"
      R"("handshakes_succeeded":5,"handshakes_failed":1,"refusals":4,"radio_frames":100,"radio_received":90,"radio_lost":10,)"
      R"("uplinks_rejected_by_cause":{"replay":1,"forged":1},"uplinks_dropped_by_cause":{"queue_full":1},)"
      R"("refusals_by_cause":{"timeout":4},"radio_lost_by_cause":{"collision":7,"below_sensitivity":3}})");
  EXPECT_DOUBLE_EQ(c.t, 120);
  EXPECT_EQ(c.uplinks_sent, 10u);
  EXPECT_EQ(c.uplinks_delivered, 8u);
  EXPECT_EQ(c.uplinks_rejected, 2u);
  EXPECT_EQ(c.uplinks_dropped, 1u);
  EXPECT_EQ(c.downlinks_sent, 3u);
  EXPECT_EQ(c.handshakes_succeeded, 5u);
  EXPECT_EQ(c.radio_lost, 10u);
  const CountersSample::ByCause rejected{{"forged", 1}, {"replay", 1}};  // sorted by cause
  EXPECT_EQ(c.uplinks_rejected_by_cause, rejected);
  EXPECT_EQ(c.uplinks_dropped_by_cause, (CountersSample::ByCause{{"queue_full", 1}}));
  EXPECT_EQ(c.radio_lost_by_cause.front().first, "below_sensitivity");
}

TEST(Records, Handshake) {
  auto h = as<HandshakeRecord>(
      R"({"type":"handshake","smsn":"d3f3","device_type":"pet-tracker","link":"fsk","start_s":8.25,"end_s":9.5,)"
      R"("latency_ms":1250.0,"outcome":"success","reason":""})");
  EXPECT_EQ(h.smsn, "d3f3");
  EXPECT_EQ(h.link, "fsk");
  EXPECT_DOUBLE_EQ(h.latency_ms, 1250.0);
  EXPECT_TRUE(h.success);
  auto f = as<HandshakeRecord>(
      R"({"type":"handshake","smsn":"aa","device_type":"x","link":"ble","start_s":1,"end_s":11,"latency_ms":"10000.000","outcome":"failure","reason":"timeout"})");
  EXPECT_FALSE(f.success);
  EXPECT_EQ(f.reason, "timeout");
  EXPECT_DOUBLE_EQ(f.latency_ms, 10000.0);  // numbers written as strings are tolerated
}

TEST(Records, Events) {
  auto t = as<EventRecord>(
      R"({"type":"event","t":0.04,"event":"transition","device":1950,"smsn":"1d03","device_type":"devkit","from":"none","to":"created","cause":"provisioned"})");
  EXPECT_EQ(t.kind, EventKind::Transition);
  EXPECT_EQ(*t.device, 1950u);
  EXPECT_EQ(t.from, "none");
  EXPECT_EQ(t.to, "created");
  EXPECT_EQ(t.cause, "provisioned");
  auto r = as<EventRecord>(
      R"({"type":"event","t":5,"event":"refusal","device":3,"smsn":"ab","device_type":"x","actor":"application_server","what":"uplink","cause":"replay"})");
  EXPECT_EQ(r.kind, EventKind::Refusal);
  EXPECT_EQ(r.actor, "application_server");
  EXPECT_EQ(r.what, "uplink");
  EXPECT_EQ(r.cause, "replay");
  auto n = as<EventRecord>(
      R"({"type":"event","t":600,"event":"notice","actor":"timeline","kind":"register","detail":"48 devices of devkit"})");
  EXPECT_EQ(n.kind, EventKind::Notice);
  EXPECT_FALSE(n.device);
  EXPECT_EQ(n.cause, "register");
  EXPECT_EQ(n.detail, "48 devices of devkit");
}

void expect_same(const EventRecord& a, const EventRecord& b) {
  EXPECT_EQ(a.t, b.t);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.event, b.event);
  EXPECT_EQ(a.device, b.device);
  EXPECT_EQ(a.smsn, b.smsn);
  EXPECT_EQ(a.device_type, b.device_type);
  EXPECT_EQ(a.from, b.from);
  EXPECT_EQ(a.to, b.to);
  EXPECT_EQ(a.actor, b.actor);
  EXPECT_EQ(a.what, b.what);
  EXPECT_EQ(a.cause, b.cause);
  EXPECT_EQ(a.detail, b.detail);
}

TEST(Records, FastEventPathAgreesWithTheFullParser) {
  const std::string lines[] = {
      R"({"t":0.04,"event":"transition","device":1950,"smsn":"1d03","device_type":"devkit","from":"none","to":"created","cause":"provisioned"})",
      R"({"type":"event","t":1e3,"event":"refusal","device":3,"smsn":"ab","device_type":"x","actor":"network_server","what":"handshake","cause":"timeout"})",
      R"({ "t" : 600 , "event":"notice","actor":"timeline","kind":"register","detail":"48 devices of devkit"})",
      R"({"t":3900,"event":"notice","actor":"network_server","kind":"outage_end","detail":""})",
  };
  for (const auto& line : lines) {
    auto fast = parse_event_fast(line);
    ASSERT_TRUE(fast) << line;
    expect_same(*fast, parse_event(nlohmann::json::parse(line)));
  }
  // Anything unusual takes the full parser, which reads it or says what is wrong.
  const std::string escaped = R"({"t":1,"event":"notice","actor":"timeline","kind":"x","detail":"a \"quoted\" word"})";
  EXPECT_FALSE(parse_event_fast(escaped));
  EXPECT_EQ(std::get<EventRecord>(parse_record(R"({"type":"event",)" + escaped.substr(1))).detail, "a \"quoted\" word");
  EXPECT_FALSE(parse_event_fast(R"({"t":"1","event":"notice","actor":"a","kind":"k"})"));
  EXPECT_FALSE(parse_event_fast(R"({"t":1,"event":"transition","device":1,"smsn":"ab","from":"none","to":"flying"})"));
  EXPECT_FALSE(parse_event_fast(R"({"t":1,"event":"transition","device":1})"));
  EXPECT_FALSE(parse_event_fast(R"({"type":"states","t":1,"event":"x"})"));
  EXPECT_FALSE(parse_event_fast(R"({"t":1,"event":"notice","actor":"a","kind":"k"} trailing)"));
  EXPECT_FALSE(parse_event_fast(R"({"t":1,"event":"notice","actor":"a","kind":"k")"));
  EXPECT_FALSE(parse_event_fast(R"({"t":1,"event":"notice","actor":"a","kind":"k","extra":{"x":1}})"));
}

TEST(Records, GapControlEndUnknown) {
  EXPECT_EQ(as<GapRecord>(R"({"type":"gap","events_skipped":12})").events_skipped, 12u);
  auto c = as<ControlRecord>(R"({"type":"control","paused":true,"sim_seconds_per_second":60,"t":30.5})");
  EXPECT_TRUE(c.paused);
  EXPECT_DOUBLE_EQ(c.sim_seconds_per_second, 60);
  EXPECT_DOUBLE_EQ(c.t, 30.5);
  auto e = as<EndRecord>(R"({"type":"end","t":7200,"summary":{"scenario":"q"}})");
  EXPECT_DOUBLE_EQ(e.t, 7200);
  EXPECT_EQ(e.summary["scenario"], "q");
  EXPECT_EQ(as<UnknownRecord>(R"({"type":"someday","x":1})").type, "someday");
}

TEST(Records, Commands) {
  EXPECT_EQ(pause_command(), "{\"cmd\":\"pause\"}\n");
  EXPECT_EQ(resume_command(), "{\"cmd\":\"resume\"}\n");
  EXPECT_EQ(pace_command(60), "{\"cmd\":\"pace\",\"sim_seconds_per_second\":60.0}\n");
}

TEST(Records, BadLinesSayWhy) {
  EXPECT_NE(error_of("{\"type\":").find("not JSON"), std::string::npos);
  EXPECT_EQ(error_of("[1,2]"), "not a JSON object ([1,2])");
  EXPECT_EQ(error_of(R"({"t":1})"), "missing field 'type'");
  EXPECT_EQ(error_of(R"({"type":"states","t":1,"created":1})"), "missing field 'associated'");
  EXPECT_EQ(error_of(R"({"type":"states","t":"x","created":1})"), "field 't' is not a number (\"x\")");
  EXPECT_EQ(error_of(R"({"type":"states","t":1,"created":-1,"associated":0,"registered":0,"deregistered":0,"blocked":0,"rejected":0})"),
            "field 'created' is not a count (-1)");
  EXPECT_EQ(error_of(R"({"type":"event","t":1,"event":"transition","device":1,"smsn":"ab","from":"none","to":"flying","cause":"x"})"),
            "field 'to': unknown state 'flying'");
  EXPECT_EQ(error_of(R"({"type":"handshake","smsn":"ab","link":"ble","start_s":1,"end_s":2,"latency_ms":1,"outcome":"maybe"})"),
            "field 'outcome' is neither success nor failure ('maybe')");
}

TEST(RunDataStore, AppliesRecordsInTimeOrder) {
  RunData run;
  run.apply(parse_record(R"({"type":"hello","duration_s":100,"devices":3})"));
  run.apply(parse_record(R"({"type":"states","t":10,"created":1,"associated":0,"registered":0,"deregistered":0,"blocked":0,"rejected":0})"));
  run.apply(parse_record(R"({"type":"states","t":0,"created":0,"associated":0,"registered":0,"deregistered":0,"blocked":0,"rejected":0})"));
  ASSERT_EQ(run.states.size(), 2u);
  EXPECT_DOUBLE_EQ(run.states[0].t, 0);  // an out-of-order sample goes to its place
  run.apply(parse_record(R"({"type":"handshake","smsn":"0a","device_type":"d","link":"ble","start_s":1,"end_s":3,"latency_ms":2000,"outcome":"success","reason":""})"));
  run.apply(parse_record(R"({"type":"handshake","smsn":"0b","device_type":"d","link":"fsk","start_s":1,"end_s":2,"latency_ms":1000,"outcome":"failure","reason":"timeout"})"));
  ASSERT_EQ(run.handshakes.size(), 2u);
  EXPECT_EQ(run.handshakes[0].link, Link::Fsk);  // ordered by end_s
  EXPECT_EQ(run.handshake_reasons.name(run.handshakes[0].reason), "timeout");
  EXPECT_EQ(run.events.smsns.hex(run.handshakes[1].smsn), "0a");
  run.apply(parse_record(R"({"type":"event","t":5,"event":"transition","device":7,"smsn":"ABCDEF01","device_type":"d","from":"none","to":"created","cause":"provisioned"})"));
  run.apply(parse_record(R"({"type":"event","t":6,"event":"notice","actor":"timeline","kind":"register","detail":"2 devices of d"})"));
  run.apply(parse_record(R"({"type":"event","t":7,"event":"notice","actor":"network_server","kind":"outage_start","detail":"for 300 s"})"));
  run.apply(parse_record(R"({"type":"gap","events_skipped":4})"));
  ASSERT_EQ(run.events.events.size(), 3u);
  const Event& e = run.events.events[0];
  EXPECT_EQ(e.device, 7u);
  EXPECT_EQ(run.events.smsn(e), "abcdef01");  // stored as bytes, shown in lowercase
  EXPECT_EQ(e.from, State::None);
  EXPECT_EQ(e.to, State::Created);
  EXPECT_EQ(run.events.causes.name(e.cause), "provisioned");
  EXPECT_EQ(run.events.detail(run.events.events[1]), "2 devices of d");
  EXPECT_EQ(run.events.smsn(run.events.events[1]), "");
  ASSERT_EQ(run.notice_marks.size(), 2u);
  EXPECT_EQ(run.notice_marks[0].action, "register");
  EXPECT_EQ(run.notice_marks[1].action, "outage: network_server");
  EXPECT_EQ(run.events_skipped, 4u);
  EXPECT_EQ(run.events.end_at(5.5), 1u);
  EXPECT_EQ(run.events.end_at(7), 3u);
  EXPECT_DOUBLE_EQ(run.latest_time(), 10);
  EXPECT_DOUBLE_EQ(run.duration(), 100);
  run.apply(parse_record(R"({"type":"end","t":100,"summary":{}})"));
  EXPECT_TRUE(run.ended);
  // A new hello (a reconnection) starts over.
  run.apply(parse_record(R"({"type":"hello","duration_s":50})"));
  EXPECT_TRUE(run.states.empty());
  EXPECT_TRUE(run.events.events.empty());
  EXPECT_FALSE(run.ended);
  EXPECT_DOUBLE_EQ(run.duration(), 50);
}

TEST(RunDataStore, SmsnTableInternsAndMatchesPrefixes) {
  SmsnTable t;
  const auto a = t.intern("d3f306271fb89e235891ec66fb0955b1a9e0b1085fcae9302f51e8cab9976499");
  EXPECT_EQ(t.intern("D3F306271FB89E235891EC66FB0955B1A9E0B1085FCAE9302F51E8CAB9976499"), a);
  EXPECT_EQ(t.hex(a), "d3f306271fb89e235891ec66fb0955b1a9e0b1085fcae9302f51e8cab9976499");
  const auto b = t.intern("abc");  // odd digit counts work too
  EXPECT_NE(a, b);
  EXPECT_EQ(t.hex(b), "abc");
  EXPECT_TRUE(t.has_prefix(a, "d3f3"));
  EXPECT_FALSE(t.has_prefix(a, "d3f4"));
  EXPECT_TRUE(t.has_prefix(b, "abc"));
  EXPECT_FALSE(t.has_prefix(b, "abcd"));
  EXPECT_EQ(t.intern(""), kNoIndex);
  EXPECT_THROW(t.intern("xyz"), InputError);
  EXPECT_EQ(t.size(), 2u);
}

}  // namespace
}  // namespace st::viz
