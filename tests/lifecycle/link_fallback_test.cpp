// Link fallback through the World, on explicit links whose loss is certain (set past the loader, which takes
// probabilities below 1): a registration moves to the next link after register.fallback_after timeouts in a row
// and starts on the first link again after a success; an uplink that fails on a link that acknowledges frames
// is sent again at once on the next link and returns to the first after traffic.back_to_preferred_after;
// downlinks and acknowledgements follow the last uplink the network heard. Every move is reported.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "recording_sink.hpp"

namespace st::test {
namespace {

using metrics::FleetState;
using models::LinkSwitchCause;
using models::LinkType;

// Gateways on every link, loss-free explicit hops; run_losing then makes one link lose every message.
std::string scenario_text(const std::string& duration, const std::string& device_types, const std::string& rest = "") {
  return explicit_scenario(duration, device_types, rest, "[ble, fsk, css]");
}

std::string device_type(const std::string& name, int count, const std::string& links, const std::string& reg,
                        const std::string& traffic) {
  return "    - name: " + name + "\n      count: " + std::to_string(count) + "\n      qualified: true\n      links: " +
         links + "\n      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}" + reg +
         "}\n      traffic: " + traffic + "\n";
}

TwinRun run_losing(const std::string& yaml, LinkType lost) {
  return TwinRun(yaml, 1, [lost](scenario::Scenario& s) { s.world.link_hops[models::link_index(lost)].loss = 1.0; });
}

std::vector<LinkSwitch> switches_of(const RecordingSink& sink, std::uint32_t device, LinkSwitchCause cause) {
  std::vector<LinkSwitch> out;
  for (const LinkSwitch& l : sink.link_switches)
    if (l.device == device && l.cause == cause) out.push_back(l);
  return out;
}

// BLE loses everything. [ble, fsk] devices with the default fallback_after (3) make three BLE attempts, move to
// FSK (one notice, when the third times out) and register there; with fallback_after 1 they move after one;
// with 0 they never leave BLE and never register. Registered, their uplinks start on BLE, move to FSK at once
// when BLE gives them up, come back to BLE 10 minutes later and move again; every uplink is delivered once and
// every downlink arrives (none goes out on BLE). De-registered and registered again, a device starts on BLE.
TEST(link_fallback, RegistrationsAndUplinksMoveToTheNextLinkAndComeBack) {
  const std::string traffic = "{uplink_period: 1min, downlink_every: 1, back_to_preferred_after: 10min}";
  TwinRun run = run_losing(
      scenario_text("45min",
                    device_type("three", 6, "[ble, fsk]", "", traffic) +
                        device_type("one", 4, "[ble, fsk]", ", fallback_after: 1", traffic) +
                        device_type("never", 3, "[ble, fsk]", ", fallback_after: 0", traffic),
                    R"(timeline:
  - {at: 30min, action: deregister, device_type: three, fraction: 1.0}
  - {at: 31min, action: register, device_type: three}
)"),
      LinkType::Ble);
  run.world->run();
  const auto& fleet = run.world->fleet();
  const auto& sink = run.sink;
  ASSERT_EQ(fleet.size(), 13u);
  constexpr SimTime kRereg = 31 * kMinute;

  for (std::uint32_t d = 0; d < 10; ++d) {
    const std::size_t limit = d < 6 ? 3 : 1;
    const auto hs = sink.handshakes_of(d);
    ASSERT_GT(hs.size(), limit) << "device " << d;
    for (std::size_t i = 0; i < limit; ++i) {
      EXPECT_EQ(hs[i].link, "ble") << "device " << d << " attempt " << i;
      EXPECT_FALSE(hs[i].success);
      EXPECT_EQ(hs[i].reason, "timeout");
    }
    EXPECT_EQ(hs[limit].link, "fsk") << "device " << d;
    EXPECT_TRUE(hs[limit].success) << "device " << d;
    const auto moves = switches_of(sink, d, LinkSwitchCause::Registration);
    ASSERT_GE(moves.size(), 1u) << "device " << d;
    EXPECT_EQ(moves[0].from, LinkType::Ble);
    EXPECT_EQ(moves[0].to, LinkType::Fsk);
    EXPECT_EQ(moves[0].time, hs[limit - 1].end) << "the move comes with the timeout that completes the run";
    EXPECT_GE(fleet[d].registrations, 1u);

    // Uplinks: each stay on BLE ends at once with a move to FSK; the while on FSK lasts 10 minutes.
    const auto up = switches_of(sink, d, LinkSwitchCause::Uplink);
    const auto back = switches_of(sink, d, LinkSwitchCause::BackToPreferred);
    ASSERT_GE(up.size(), 2u) << "device " << d;
    ASSERT_GE(back.size(), 1u) << "device " << d;
    for (const LinkSwitch& l : up) {
      EXPECT_EQ(l.from, LinkType::Ble);
      EXPECT_EQ(l.to, LinkType::Fsk);
    }
    for (const LinkSwitch& b : back) {
      EXPECT_EQ(b.from, LinkType::Fsk);
      EXPECT_EQ(b.to, LinkType::Ble);
      const auto before = std::find_if(up.rbegin(), up.rend(), [&](const LinkSwitch& l) { return l.time < b.time; });
      ASSERT_NE(before, up.rend());
      EXPECT_GE(b.time - before->time, 10 * kMinute) << "device " << d;
      // Back on BLE, the uplink fails there and moves to FSK again straight away (within its sealing time).
      const auto again = std::find_if(up.begin(), up.end(), [&](const LinkSwitch& l) { return l.time >= b.time; });
      ASSERT_NE(again, up.end()) << "device " << d;
      EXPECT_LT(again->time - b.time, kSecond) << "device " << d;
    }
  }
  for (std::uint32_t d = 10; d < 13; ++d) {
    const auto hs = sink.handshakes_of(d);
    ASSERT_GE(hs.size(), 5u) << "device " << d << " keeps retrying";
    for (const auto& h : hs) {
      EXPECT_EQ(h.link, "ble");
      EXPECT_FALSE(h.success);
    }
    EXPECT_NE(fleet[d].visible, FleetState::Registered);
    EXPECT_EQ(sink.count_if(sink.link_switches, [d](const LinkSwitch& l) { return l.device == d; }), 0u);
  }
  // Re-registration after the de-registration starts on BLE again: the first link, three timeouts, then FSK.
  for (std::uint32_t d = 0; d < 6; ++d) {
    std::vector<Handshake> after;
    for (const Handshake& h : sink.handshakes_of(d))
      if (h.start >= kRereg) after.push_back(h);
    ASSERT_EQ(after.size(), 4u) << "device " << d;
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(after[i].link, "ble") << "device " << d;
    EXPECT_EQ(after[3].link, "fsk");
    EXPECT_TRUE(after[3].success);
    EXPECT_EQ(fleet[d].visible, FleetState::Registered);
  }
  // Nothing waited for an acknowledgement that could not come: every uplink reached the application server once
  // (but those still queued at the end or dropped at the de-registration), and every downlink, and every MAC
  // acknowledgement, went out on FSK, the link of the uplink the network heard.
  const std::size_t sent = sink.uplinks("sent");
  const std::size_t delivered = sink.uplinks("delivered");
  EXPECT_GT(sent, 250u);
  EXPECT_GE(delivered + sink.uplinks("dropped", "deregistered") + 10, sent);
  EXPECT_EQ(sink.uplinks("duplicate"), 0u) << "an acknowledgement lost on BLE would have caused a retransmission";
  const auto downlinks = [&](std::string_view outcome) {
    return sink.count_if(sink.traffic_records,
                         [&](const Traffic& t) { return t.direction == "downlink" && t.outcome == outcome; });
  };
  EXPECT_GT(downlinks("delivered"), 200u);
  EXPECT_EQ(downlinks("dropped"), 0u);
}

// Only one link of the list can carry a registration: [fsk, css] devices whose FSK loses everything make every
// attempt on FSK (registration never runs over CSS) and report no move.
TEST(link_fallback, NoMoveWithoutAnotherLinkThatCanRegister) {
  TwinRun run = run_losing(scenario_text("20min", device_type("meter", 5, "[fsk, css]", "", "{uplink_period: 1min}")),
                           LinkType::Fsk);
  run.world->run();
  for (std::uint32_t d = 0; d < 5; ++d) {
    const auto hs = run.sink.handshakes_of(d);
    ASSERT_GE(hs.size(), 5u) << "device " << d;
    for (const auto& h : hs) {
      EXPECT_EQ(h.link, "fsk");
      EXPECT_EQ(h.reason, "timeout");
    }
  }
  EXPECT_TRUE(run.sink.link_switches.empty());
}

// CSS acknowledges no uplink frame: [css, fsk] devices registered over FSK whose CSS loses everything learn it
// only from the missing end-to-end acknowledgement, after cloud.ack_timeout: the retransmission goes on FSK.
TEST(link_fallback, ACssUplinkMovesToTheNextLinkWhenItsAcknowledgementDoesNotCome) {
  const std::string traffic = "{uplink_period: 2min, back_to_preferred_after: 1h}";
  TwinRun run = run_losing(scenario_text("30min", device_type("parking", 5, "[css, fsk]", "", traffic)), LinkType::Css);
  run.world->run();
  const auto& sink = run.sink;
  for (std::uint32_t d = 0; d < 5; ++d) {
    EXPECT_EQ(run.world->fleet()[d].visible, FleetState::Registered);
    const auto up = switches_of(sink, d, LinkSwitchCause::Uplink);
    ASSERT_EQ(up.size(), 1u) << "device " << d << ": once on FSK it stays there for the hour";
    EXPECT_EQ(up[0].from, LinkType::Css);
    EXPECT_EQ(up[0].to, LinkType::Fsk);
    // Its first uplink went out on CSS and the move came with the acknowledgement timeout (5 s), not before.
    const auto first = std::find_if(sink.traffic_records.begin(), sink.traffic_records.end(), [d](const Traffic& t) {
      return t.device == d && t.direction == "uplink" && t.outcome == "sent";
    });
    ASSERT_NE(first, sink.traffic_records.end());
    EXPECT_GE(up[0].time - first->time, 5 * kSecond) << "device " << d;
  }
  EXPECT_GE(sink.uplinks("delivered") + 5, sink.uplinks("sent"));
  EXPECT_EQ(sink.uplinks("dropped"), 0u);
}

}  // namespace
}  // namespace st::test
