// RunRecorder without a simulation: records fed by hand become the documented counters, state counts and
// file lines (handshakes.csv, states.csv, events.jsonl, the key log).
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/output/run_recorder.hpp"
#include "sim/scenario/counter_names.hpp"

namespace st::output {
namespace {

namespace fs = std::filesystem;
using metrics::FleetState;
using models::Actor;
using models::Cause;
using models::Direction;
using models::FrameOutcome;
using models::LinkType;
using models::MessageClass;
using models::Refused;
using models::TrafficOutcome;

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

class outputRunRecorder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("st-recorder-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    smsn_.fill(0xab);
    smsn_[0] = 0x01;
  }
  void TearDown() override { fs::remove_all(dir_); }
  RecorderFiles files(bool keylog = false) const {
    return {(dir_ / "events.jsonl").string(), (dir_ / "handshakes.csv").string(), (dir_ / "states.csv").string(),
            keylog ? (dir_ / "keylog.txt").string() : std::string(), (dir_ / "counters.jsonl").string()};
  }
  metrics::Smsn smsn() const { return metrics::Smsn(smsn_); }

  fs::path dir_;
  std::array<std::uint8_t, 32> smsn_{};
};

TEST_F(outputRunRecorder, TransitionsMoveStateCountsAndCountBlockedByCause) {
  RunRecorder r({"tracker", "sensor"}, files());
  r.transition({kSecond, 0, 0, smsn(), FleetState::None, FleetState::Created, Cause::Provisioned});
  r.transition({kSecond, 1, 1, smsn(), FleetState::None, FleetState::Created, Cause::Provisioned});
  r.transition({2 * kSecond, 0, 0, smsn(), FleetState::Created, FleetState::Associated, Cause::Associated});
  r.transition({3 * kSecond, 0, 0, smsn(), FleetState::Associated, FleetState::Registered, Cause::Registered});
  r.transition({4 * kSecond, 0, 0, smsn(), FleetState::Registered, FleetState::Blocked, Cause::DeviceRevoked});
  r.transition({5 * kSecond, 1, 1, smsn(), FleetState::Created, FleetState::Rejected, Cause::BadChainSignature});
  const auto& c = r.counts();
  EXPECT_EQ(c[static_cast<std::size_t>(FleetState::Created)], 0);
  EXPECT_EQ(c[static_cast<std::size_t>(FleetState::Registered)], 0);
  EXPECT_EQ(c[static_cast<std::size_t>(FleetState::Blocked)], 1);
  EXPECT_EQ(c[static_cast<std::size_t>(FleetState::Rejected)], 1);
  EXPECT_EQ(r.counts(0)[static_cast<std::size_t>(FleetState::Blocked)], 1);
  EXPECT_EQ(r.counts(1)[static_cast<std::size_t>(FleetState::Rejected)], 1);
  EXPECT_EQ(r.counts(1)[static_cast<std::size_t>(FleetState::Blocked)], 0);
  EXPECT_EQ(r.counter("blocked.device_revoked"), 1u);
  EXPECT_EQ(r.counter("provisioning_rejected"), 1u);
  EXPECT_EQ(r.counter("no.such.counter"), 0u);
  EXPECT_EQ(r.records(), 6u);
  r.finish();
  const auto ev = lines(read(dir_ / "events.jsonl"));
  ASSERT_EQ(ev.size(), 6u);
  const auto j = nlohmann::json::parse(ev[4]);
  EXPECT_EQ(j["event"], "transition");
  EXPECT_EQ(j["t"], 4);
  EXPECT_EQ(j["device"], 0);
  EXPECT_EQ(j["device_type"], "tracker");
  EXPECT_EQ(j["from"], "registered");
  EXPECT_EQ(j["to"], "blocked");
  EXPECT_EQ(j["cause"], "device_revoked");
  std::string smsn_hex = "01";
  for (int i = 1; i < 32; ++i) smsn_hex += "ab";
  EXPECT_EQ(j["smsn"], smsn_hex);
}

TEST_F(outputRunRecorder, TrafficAndRefusalCountersAreNamedByOutcomeAndCause) {
  RunRecorder r({"t"}, files());
  r.traffic({kSecond, 0, 0, Direction::Uplink, TrafficOutcome::Sent, Cause::None, false, 0, false});
  r.traffic({kSecond, 0, 0, Direction::Uplink, TrafficOutcome::Sent, Cause::None, false, 0, false});
  r.traffic({kSecond, 0, 0, Direction::Uplink, TrafficOutcome::Delivered, Cause::None, false, 0, false});
  r.traffic({kSecond, 0, 0, Direction::Uplink, TrafficOutcome::Rejected, Cause::Replay, false, 0, false});
  r.traffic({kSecond, 0, 0, Direction::Uplink, TrafficOutcome::Rejected, Cause::DeviceTypeRevoked, true, 0, false});
  r.traffic({kSecond, 0, 0, Direction::Uplink, TrafficOutcome::Delivered, Cause::None, true, 0, false});
  r.traffic({kSecond, 0, 0, Direction::Downlink, TrafficOutcome::Dropped, Cause::LinkLoss, false, 0, false});
  r.refusal({kSecond, 0, 0, smsn(), Actor::NetworkServer, Refused::Uplink, Cause::Replay});
  r.refusal({kSecond, 0, 0, smsn(), Actor::Ingest, Refused::IngestRecord, Cause::BadDeviceSignature});
  r.notice({kSecond, Actor::Ingest, models::NoticeKind::FactoryNotified, "device x rejected"});
  EXPECT_EQ(r.counter("uplinks_sent"), 2u);
  EXPECT_EQ(r.counter("uplinks_delivered"), 2u);
  EXPECT_EQ(r.counter("uplinks_rejected"), 2u);
  EXPECT_EQ(r.counter("uplinks_rejected.replay"), 1u);
  EXPECT_EQ(r.counter("uplinks_rejected.device_type_revoked"), 1u);
  EXPECT_EQ(r.counter("uplinks_accepted_from_blocked"), 1u);
  EXPECT_EQ(r.counter("downlinks_dropped.link_loss"), 1u);
  EXPECT_EQ(r.counter("refusals"), 2u);
  EXPECT_EQ(r.counter("refusals.replay"), 1u);
  EXPECT_EQ(r.counter("refusals.bad_device_signature"), 1u);
  EXPECT_EQ(r.counter("ingest_rejected"), 1u);
  EXPECT_EQ(r.counter("notices.factory_notified"), 1u);
}

// The counters bumped on every radio frame and uplink are looked up once and then remembered: they must still
// count per link and per device type, and appear only once counted (a run without a device type's uplinks has
// no counter of them).
TEST_F(outputRunRecorder, RadioAndUplinkCountersByLinkAndTypeAppearWhenFirstCounted) {
  RunRecorder r({"a", "b"}, files());
  auto frame = [&](LinkType link, bool uplink, std::uint16_t type, MessageClass message, FrameOutcome outcome) {
    metrics::RadioFrameRecord f{};
    f.start = kSecond;
    f.end = 2 * kSecond;
    f.link = link;
    f.uplink = uplink;
    f.device_type = type;
    f.message = message;
    f.outcome = outcome;
    r.radio_frame(f);
  };
  EXPECT_EQ(r.counters().count("radio_frames"), 0u);
  frame(LinkType::Fsk, true, 1, MessageClass::Uplink, FrameOutcome::Received);
  frame(LinkType::Fsk, true, 1, MessageClass::Uplink, FrameOutcome::Received);
  frame(LinkType::Css, true, 0, MessageClass::Uplink, FrameOutcome::Collision);
  frame(LinkType::Ble, false, 0, MessageClass::Ack, FrameOutcome::Received);
  frame(LinkType::Fsk, true, 1, MessageClass::Registration, FrameOutcome::HalfDuplex);
  EXPECT_EQ(r.counter("radio_frames"), 5u);
  EXPECT_EQ(r.counter("radio_frames.fsk"), 3u);
  EXPECT_EQ(r.counter("radio_frames.css"), 1u);
  EXPECT_EQ(r.counter("radio_frames.ble"), 1u);
  EXPECT_EQ(r.counter("radio_received"), 3u);
  EXPECT_EQ(r.counter("radio_received.fsk"), 2u);
  EXPECT_EQ(r.counter("radio_received.ble"), 1u);
  EXPECT_EQ(r.counters().count("radio_received.css"), 0u);
  EXPECT_EQ(r.counter("radio_lost"), 2u);
  EXPECT_EQ(r.counter("radio_lost.collision"), 1u);
  EXPECT_EQ(r.counter("radio_lost.half_duplex"), 1u);
  EXPECT_EQ(r.counter("radio_uplinks_by_type.b"), 2u);
  EXPECT_EQ(r.counter("radio_uplinks_received_by_type.b"), 2u);
  EXPECT_EQ(r.counter("radio_uplinks_by_type.a"), 1u);
  EXPECT_EQ(r.counters().count("radio_uplinks_received_by_type.a"), 0u);

  r.traffic({kSecond, 0, 1, Direction::Uplink, TrafficOutcome::Sent, Cause::None, false, 0, false});
  r.traffic({kSecond, 0, 1, Direction::Uplink, TrafficOutcome::Sent, Cause::None, false, 0, false});
  r.traffic({kSecond, 0, 0, Direction::Downlink, TrafficOutcome::Sent, Cause::None, false, 0, false});
  r.traffic({kSecond, 0, 0, Direction::Uplink, TrafficOutcome::Duplicate, Cause::None, false, 0, false});
  EXPECT_EQ(r.counter("uplinks_sent"), 2u);
  EXPECT_EQ(r.counter("uplinks_sent_by_type.b"), 2u);
  EXPECT_EQ(r.counters().count("uplinks_sent_by_type.a"), 0u);
  EXPECT_EQ(r.counter("downlinks_sent"), 1u);
  EXPECT_EQ(r.counter("uplinks_duplicate"), 1u);
  EXPECT_EQ(r.counters().count("uplinks_delivered"), 0u);
}

// Every counter the recorder creates, for any record it can get, is one `counter:` expectations may name.
TEST_F(outputRunRecorder, EveryCounterItCreatesIsADocumentedCounterName) {
  RunRecorder r({"tracker", "door-lock_2"}, files());
  // Every cause but None (what a refusal, a block, a failure, a rejection or a drop carries).
  const auto causes = [](auto each) {
    for (int c = 1; c <= static_cast<int>(Cause::LinkLoss); ++c) each(static_cast<Cause>(c));
  };
  for (const FleetState to : {FleetState::Created, FleetState::Associated, FleetState::Registered,
                              FleetState::Deregistered, FleetState::Blocked, FleetState::Rejected})
    causes([&](Cause c) { r.transition({kSecond, 0, 1, smsn(), FleetState::None, to, c}); });
  causes([&](Cause c) { r.refusal({kSecond, 0, 0, smsn(), Actor::Ingest, Refused::IngestRecord, c}); });
  r.handshake({0, 1, smsn(), LinkType::Fsk, models::RegistrationPath::Gateway, 0, kSecond, true, Cause::None});
  causes([&](Cause c) {
    r.handshake({0, 1, smsn(), LinkType::Fsk, models::RegistrationPath::Gateway, 0, kSecond, false, c});
  });
  for (const Direction d : {Direction::Uplink, Direction::Downlink}) {
    for (const TrafficOutcome o : {TrafficOutcome::Sent, TrafficOutcome::Delivered})
      r.traffic({kSecond, 0, 1, d, o, Cause::None, true, 0, false});
    for (const TrafficOutcome o : {TrafficOutcome::Rejected, TrafficOutcome::Dropped})
      causes([&](Cause c) { r.traffic({kSecond, 0, 1, d, o, c, true, 0, false}); });
  }
  r.traffic({kSecond, 0, 1, Direction::Uplink, TrafficOutcome::Duplicate, Cause::None, true, 0, false});  // (uplinks only)
  for (const LinkType l : models::kLinks)
    for (int o = 0; o <= static_cast<int>(FrameOutcome::BatteryDepleted); ++o) {
      metrics::RadioFrameRecord f{};
      f.link = l;
      f.uplink = true;
      f.device_type = 1;
      f.message = MessageClass::Uplink;
      f.outcome = static_cast<FrameOutcome>(o);
      r.radio_frame(f);
    }
  for (int k = 0; k <= static_cast<int>(models::NoticeKind::TimelineAction); ++k)
    for (const models::ActionKind a : models::kActionKinds)
      r.notice({kSecond, Actor::Timeline, static_cast<models::NoticeKind>(k), "", a});
  for (int c = 0; c <= static_cast<int>(models::LinkSwitchCause::BackToPreferred); ++c)
    r.link_switch({kSecond, 0, 1, smsn(), LinkType::Ble, LinkType::Fsk, static_cast<models::LinkSwitchCause>(c)});
  EXPECT_GT(r.counters().size(), 150u);
  for (const auto& [name, n] : r.counters()) {
    if (name.rfind("notices.", 0) == 0) continue;  // notices are counted for the summary's `notices`, not expectations
    EXPECT_EQ(scenario::counter_name_problem(name), std::nullopt) << name;
  }
  for (const std::string_view name : scenario::kSampledCounters) EXPECT_TRUE(scenario::is_counter_name(name)) << name;
}

// A device moving to another of its links: a link_switch notice naming the device, its SMSN, its type, the two
// links and the cause, counted in total, by cause and by device type.
TEST_F(outputRunRecorder, LinkSwitchesAreNoticesCountedByCauseAndType) {
  RunRecorder r({"tracker", "meter"}, files());
  r.link_switch({90 * kSecond, 7, 0, smsn(), LinkType::Ble, LinkType::Fsk, models::LinkSwitchCause::Registration});
  r.link_switch({100 * kSecond, 7, 0, smsn(), LinkType::Fsk, LinkType::Css, models::LinkSwitchCause::Uplink});
  r.link_switch({200 * kSecond, 3, 1, smsn(), LinkType::Css, LinkType::Fsk, models::LinkSwitchCause::BackToPreferred});
  EXPECT_EQ(r.counter("link_switches"), 3u);
  EXPECT_EQ(r.counter("link_switches.registration"), 1u);
  EXPECT_EQ(r.counter("link_switches.uplink"), 1u);
  EXPECT_EQ(r.counter("link_switches.back_to_preferred"), 1u);
  EXPECT_EQ(r.counter("link_switches_by_type.tracker"), 2u);
  EXPECT_EQ(r.counter("link_switches_by_type.meter"), 1u);
  EXPECT_EQ(r.counter("notices.link_switch"), 3u);
  r.finish();
  const auto ev = lines(read(dir_ / "events.jsonl"));
  ASSERT_EQ(ev.size(), 3u);
  const auto j = nlohmann::json::parse(ev[0]);
  EXPECT_EQ(j["t"], 90);
  EXPECT_EQ(j["event"], "notice");
  EXPECT_EQ(j["actor"], "device");
  EXPECT_EQ(j["kind"], "link_switch");
  EXPECT_EQ(j["device"], 7);
  EXPECT_EQ(j["device_type"], "tracker");
  EXPECT_EQ(j["smsn"].get<std::string>().size(), 64u);
  EXPECT_EQ(j["detail"], "device 7: ble -> fsk (registration)");
  EXPECT_EQ(nlohmann::json::parse(ev[1])["detail"], "device 7: fsk -> css (uplink)");
  EXPECT_EQ(nlohmann::json::parse(ev[2])["detail"], "device 3: css -> fsk (back_to_preferred)");
}

TEST_F(outputRunRecorder, HandshakesCsvRowsAndLatencies) {
  RunRecorder r({"tracker"}, files());
  r.handshake({0, 0, smsn(), LinkType::Ble, models::RegistrationPath::Gateway, 10 * kSecond, 10 * kSecond + 1'234'567'891ULL, true, Cause::None});
  r.handshake({0, 0, smsn(), LinkType::Fsk, models::RegistrationPath::Gateway, kMinute, kMinute + 10 * kSecond, false, Cause::Timeout});
  EXPECT_EQ(r.counter("handshakes_succeeded"), 1u);
  EXPECT_EQ(r.counter("registrations"), 1u);
  EXPECT_EQ(r.counter("handshakes_failed"), 1u);
  EXPECT_EQ(r.counter("handshakes_failed.timeout"), 1u);
  ASSERT_EQ(r.latencies_ms().size(), 1u);
  EXPECT_DOUBLE_EQ(r.latencies_ms()[0], 1234.567891);
  ASSERT_EQ(r.latencies_by_link().count("ble"), 1u);
  EXPECT_EQ(r.latencies_by_link().count("fsk"), 0u);
  r.finish();
  const auto rows = lines(read(dir_ / "handshakes.csv"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "smsn,device_type,link,start_s,end_s,latency_ms,outcome,reason");
  std::string smsn_hex = "01";
  for (int i = 1; i < 32; ++i) smsn_hex += "ab";
  EXPECT_EQ(rows[1], smsn_hex + ",tracker,ble,10,11.234567891,1234.568,success,");
  EXPECT_EQ(rows[2], smsn_hex + ",tracker,fsk,60,70,10000.000,failure,timeout");
}

TEST_F(outputRunRecorder, StatesCsvSamplesTheCurrentCounts) {
  RunRecorder r({"t"}, files());
  r.sample_states(0);
  r.transition({kSecond, 0, 0, smsn(), FleetState::None, FleetState::Created, Cause::Provisioned});
  r.transition({kSecond, 1, 0, smsn(), FleetState::None, FleetState::Created, Cause::Provisioned});
  r.transition({kSecond, 1, 0, smsn(), FleetState::Created, FleetState::Associated, Cause::Associated});
  r.sample_states(90 * kSecond);
  r.finish();
  const auto rows = lines(read(dir_ / "states.csv"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "time_s,created,associated,registered,deregistered,blocked,rejected");
  EXPECT_EQ(rows[1], "0,0,0,0,0,0,0");
  EXPECT_EQ(rows[2], "90,1,1,0,0,0,0");
}

TEST_F(outputRunRecorder, KeyLogLinesFollowTheDocumentedFormat) {
  RunRecorder r({"t"}, files(true));
  ASSERT_TRUE(r.wants_keylog());
  const std::array<std::uint8_t, 2> priv = {0x01, 0x02};
  const std::array<std::uint8_t, 2> peer = {0xfe, 0xff};
  const std::array<std::uint8_t, 3> secret = {0x00, 0x10, 0xa0};
  r.keylog({true, smsn(), metrics::KeyLayer::Network, security::EcdhCurve::X25519, metrics::KeyParty::Device, priv, peer,
            secret});
  r.keylog({false, smsn(), metrics::KeyLayer::Application, security::EcdhCurve::X25519, metrics::KeyParty::AppServer, {},
            {}, secret});
  r.finish();
  std::string smsn_hex = "01";
  for (int i = 1; i < 32; ++i) smsn_hex += "ab";
  const auto rows = lines(read(dir_ / "keylog.txt"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], "ECDH " + smsn_hex + " network x25519 device 0102 feff 0010a0");
  EXPECT_EQ(rows[1], "SESSION_KEY " + smsn_hex + " application appserver 0010a0");
}

TEST_F(outputRunRecorder, NoKeyLogFileMeansNoKeyLog) {
  RunRecorder r({"t"}, files(false));
  EXPECT_FALSE(r.wants_keylog());
}


// Every record the run files get also reaches a listener as one JSON line with its type: the live stream.
TEST_F(outputRunRecorder, ListenerGetsEveryRecordAsATypedJsonLine) {
  struct Collect : RecordListener {
    std::vector<std::string> lines;
    void record(std::string_view line) override { lines.emplace_back(line); }
  } listener;
  {
    RunRecorder r({"tracker"}, files());
    r.set_listener(&listener);
    r.transition({kSecond, 0, 0, smsn(), metrics::FleetState::None, metrics::FleetState::Created, Cause::Manufactured});
    r.handshake({0, 0, smsn(), LinkType::Ble, models::RegistrationPath::Gateway, kSecond, 2 * kSecond, true, Cause::None});
    r.traffic({2 * kSecond, 0, 0, Direction::Uplink, TrafficOutcome::Sent, Cause::None, false, 0, false});
    r.traffic({2 * kSecond, 0, 0, Direction::Uplink, TrafficOutcome::Rejected, Cause::Replay, false, 0, false});
    r.sample_states(3 * kSecond);
    r.finish();
  }
  ASSERT_EQ(listener.lines.size(), 4u);
  const auto a = nlohmann::json::parse(listener.lines[0]);
  EXPECT_EQ(a["type"], "event");
  EXPECT_EQ(a["to"], "created");
  const auto b = nlohmann::json::parse(listener.lines[1]);
  EXPECT_EQ(b["type"], "handshake");
  EXPECT_EQ(b["latency_ms"], 1000.0);
  EXPECT_EQ(b["link"], "ble");
  const auto c = nlohmann::json::parse(listener.lines[2]);
  EXPECT_EQ(c["type"], "states");
  EXPECT_EQ(c["t"], 3);
  EXPECT_EQ(c["created"], 1);
  const auto d = nlohmann::json::parse(listener.lines[3]);
  EXPECT_EQ(d["type"], "counters");
  EXPECT_EQ(d["uplinks_sent"], 1);
  EXPECT_EQ(d["uplinks_rejected_by_cause"]["replay"], 1);
  // counters.jsonl holds the same counters line, without the type.
  std::ifstream in(dir_ / "counters.jsonl");
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  auto e = nlohmann::json::parse(line);
  EXPECT_FALSE(e.contains("type"));
  e["type"] = "counters";
  EXPECT_EQ(e, d);
}
}  // namespace
}  // namespace st::output
