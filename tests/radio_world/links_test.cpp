// Link choice through the World: registration over BLE or FSK only (never CSS), downlinks on the link of the
// last uplink, BLE-to-FSK fallback by range, and FSK fragmentation of the registration messages.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "models/security/handshake_messages.hpp"
#include "radio_sink.hpp"

namespace st::test {
namespace {

using models::LinkType;
constexpr std::uint32_t kNone = models::RadioAccessNetwork::kNone;

// Devices with links [css, fsk] 100 m from a bridge offering both: they register over FSK (registration
// never runs over CSS), then send over CSS, their first link, and hear acknowledgements and application
// downlinks over CSS too. [css, fsk] devices 1.2 km out (in CSS range, out of FSK range) and [css]-only
// devices never register: no link to register over.
TEST(radio_world, LinksRegistrationNeverRunsOverCssAndDownlinksFollowTheUplinkLink) {
  const std::string yaml = radio_scenario("10min", "  propagation:\n    sub_ghz: {shadowing: 0dB}\n",
                                          R"(    - name: gw
      links: [fsk, css]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                                          R"(    - name: dual
      count: 5
      qualified: true
      links: [css, fsk]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min, downlink_every: 2}
      radio:
        placement: {pattern: ring, radius: 100m}
    - name: far
      count: 3
      qualified: true
      links: [css, fsk]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      radio:
        placement: {pattern: line, from: 1200m, to: 1500m}
    - name: cssonly
      count: 3
      qualified: true
      links: [css, fsk]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      radio:
        placement: {pattern: ring, radius: 100m}
)");
  // The loader refuses a type without ble or fsk; the model must hold on its own.
  RadioRun run(yaml, [](scenario::Scenario& s) { s.world.device_types[2].links = {LinkType::Css}; });
  run.world->run();
  const auto& fleet = run.world->fleet();
  const auto& sink = run.sink;
  ASSERT_EQ(fleet.size(), 11u);

  for (std::uint32_t d = 0; d < 5; ++d) {
    const auto hs = sink.handshakes_of(d);
    ASSERT_EQ(hs.size(), 1u) << "device " << d;
    EXPECT_TRUE(hs[0].success);
    EXPECT_EQ(hs[0].link, "fsk") << "device " << d;
    EXPECT_EQ(hs[0].via, "gateway");
    EXPECT_EQ(fleet[d].visible, metrics::FleetState::Registered);
    EXPECT_NE(run.radio().home(d, LinkType::Css), kNone);
    EXPECT_NE(run.radio().home(d, LinkType::Fsk), kNone);
  }
  // FSK range (no shadowing, +4 dB fading allowance): 20 dBm - PL(d) >= -112 dBm, d <= 735 m; CSS 2.57 km.
  for (std::uint32_t d = 5; d < 8; ++d) {
    EXPECT_GT(run.distance_to(d, 0), 1199.0);
    EXPECT_EQ(run.radio().home(d, LinkType::Fsk), kNone) << "device " << d;
    EXPECT_NE(run.radio().home(d, LinkType::Css), kNone) << "device " << d;
  }
  for (std::uint32_t d = 5; d < 11; ++d) {
    const auto hs = sink.handshakes_of(d);
    ASSERT_GE(hs.size(), 2u) << "device " << d << " keeps retrying";
    for (const auto& h : hs) {
      EXPECT_FALSE(h.success) << "device " << d;
      EXPECT_EQ(h.reason, "no_coverage") << "device " << d;
    }
    EXPECT_NE(fleet[d].visible, metrics::FleetState::Registered);
    EXPECT_EQ(fleet[d].registrations, 0u);
  }
  // No registration frame ever goes over CSS, and the devices that cannot register put nothing on the air.
  EXPECT_EQ(sink.count_frames([](const Frame& f) { return f.message == "registration" && f.link == LinkType::Css; }),
            0u);
  EXPECT_EQ(sink.count_frames([](const Frame& f) { return f.device >= 5; }), 0u);
  const std::size_t fsk_registration =
      sink.count_frames([](const Frame& f) { return f.message == "registration" && f.link == LinkType::Fsk; });
  EXPECT_GE(fsk_registration, 5u * 4u);  // hello, server hello, confirm, server confirm at least, per device
  // Registered, they send over CSS, their first link; acknowledgements and application downlinks follow it. A CSS
  // uplink is not acknowledged on the link: one whose end-to-end acknowledgement does not come moves the device to
  // FSK (for the rest of this run: shorter than traffic.back_to_preferred_after), and only then do its uplinks go
  // over FSK.
  const std::size_t css_uplinks =
      sink.count_frames([](const Frame& f) { return f.is_uplink_message() && f.link == LinkType::Css; });
  EXPECT_GT(css_uplinks, 20u);
  const auto not_css = [](const Frame& f) { return f.is_uplink_message() && f.link != LinkType::Css; };
  for (const Frame& f : sink.frames_if(not_css)) {
    EXPECT_EQ(f.link, LinkType::Fsk);
    EXPECT_TRUE(std::any_of(sink.link_switches.begin(), sink.link_switches.end(), [&](const LinkSwitch& l) {
      return l.device == f.device && l.time <= f.start && l.from == LinkType::Css && l.to == LinkType::Fsk &&
             l.cause == models::LinkSwitchCause::Uplink;
    })) << "device " << f.device << " sent over FSK at " << to_seconds(f.start) << " s before leaving CSS";
  }
  for (const LinkSwitch& l : sink.link_switches) EXPECT_LT(l.device, 5u) << "only registered devices move";
  EXPECT_GT(sink.count_frames([](const Frame& f) { return f.message == "ack" && f.link == LinkType::Css; }), 10u);
  EXPECT_GT(sink.count_frames([](const Frame& f) { return f.message == "downlink" && f.link == LinkType::Css; }), 3u);
  std::size_t checked = 0, late = 0;
  expect_downlinks_follow_last_uplink(sink, checked, late);
  EXPECT_GT(checked, 30u);
  EXPECT_EQ(late, 0u);
  EXPECT_GT(sink.uplinks("delivered"), 20u);
  EXPECT_GT(sink.count_if(sink.traffic_records, [](const Traffic& t) {
    return t.direction == "downlink" && t.outcome == "delivered";
  }), 3u);
}

// The link of the uplinks changes with the network: [css, fsk] devices next to a bridge offering both, with
// an FSK-only bridge 100 m away. While the first is down they fall back to FSK through the second, then
// return to CSS (a device that moved to FSK when its CSS uplink went unanswered as the outage began tries CSS
// again 5 minutes later); every acknowledgement and downlink goes over the link their last uplink used.
TEST(radio_world, LinksDownlinksFollowTheLastUplinkAcrossALinkChange) {
  const std::string yaml = radio_scenario("30min", "",
                                          R"(    - name: main
      links: [fsk, css]
      placement: {pattern: list, points: [[0m, 0m]]}
    - name: fskonly
      links: [fsk]
      placement: {pattern: list, points: [[100m, 0m]]}
)",
                                          R"(    - name: dual
      count: 6
      qualified: true
      links: [css, fsk]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min, downlink_every: 1, back_to_preferred_after: 5min}
      radio:
        placement: {pattern: ring, radius: 10m}
)",
                                          R"(timeline:
  - {at: 10min, action: outage, target: gateways, gateway_group: main, for: 10min}
)");
  RadioRun run(yaml);
  run.world->run();
  const auto& sink = run.sink;
  constexpr SimTime kDown = 10 * kMinute, kUp = 20 * kMinute;
  // The link a device's uplinks are on at `t` (with CSS in reach): CSS, its first link, unless an uplink moved it to
  // FSK less than traffic.back_to_preferred_after before.
  const auto moved_to = [&](std::uint32_t device, SimTime t) {
    LinkType on = LinkType::Css;
    for (const LinkSwitch& l : sink.link_switches)
      if (l.device == device && l.time <= t) on = t < l.time + 5 * kMinute ? l.to : LinkType::Css;
    return on;
  };
  std::size_t css_before = 0, fsk_during = 0, css_after = 0;
  for (const Frame& f : sink.frames) {
    if (!f.is_uplink_message()) continue;
    if (f.start >= kDown && f.end <= kUp) {  // no CSS gateway in reach: FSK, with no move reported
      EXPECT_EQ(f.link, LinkType::Fsk) << "at " << to_seconds(f.start) << " s";
      EXPECT_EQ(f.gateway, 1u) << "the FSK-only bridge";
      fsk_during += f.received();
      continue;
    }
    if (f.end > kDown && f.start < kUp) continue;  // on the air as the outage began or ended
    EXPECT_EQ(f.link, moved_to(f.device, f.start)) << "device " << f.device << " at " << to_seconds(f.start) << " s";
    if (f.link == LinkType::Css) {
      EXPECT_EQ(f.gateway, 0u);
      (f.end <= kDown ? css_before : css_after) += f.received();
    }
  }
  // CSS uplinks are not acknowledged on the link: one whose acknowledgement does not come moves the device to FSK,
  // and it tries CSS again 5 minutes later.
  for (const LinkSwitch& l : sink.link_switches) {
    if (l.cause == models::LinkSwitchCause::Uplink) {
      EXPECT_EQ(l.from, LinkType::Css);
      EXPECT_EQ(l.to, LinkType::Fsk);
    } else {
      EXPECT_EQ(l.cause, models::LinkSwitchCause::BackToPreferred);
      EXPECT_EQ(l.to, LinkType::Css);
      const auto away = std::find_if(sink.link_switches.rbegin(), sink.link_switches.rend(), [&](const LinkSwitch& m) {
        return m.device == l.device && m.time < l.time;
      });
      ASSERT_NE(away, sink.link_switches.rend());
      EXPECT_GE(l.time - away->time, 5 * kMinute) << "device " << l.device;
    }
  }
  EXPECT_GT(sink.count_if(sink.link_switches, [](const LinkSwitch& l) {
    return l.cause == models::LinkSwitchCause::BackToPreferred;
  }), 0u);
  EXPECT_GT(css_before, 10u);
  EXPECT_GT(fsk_during, 10u);
  EXPECT_GT(css_after, 10u);
  EXPECT_GT(sink.count_frames([](const Frame& f) { return f.message == "downlink" && f.link == LinkType::Fsk; }), 5u);
  EXPECT_GT(sink.count_frames([](const Frame& f) { return f.message == "downlink" && f.link == LinkType::Css; }), 5u);
  std::size_t checked = 0, late = 0;
  expect_downlinks_follow_last_uplink(sink, checked, late);
  EXPECT_GT(checked, 50u);
  EXPECT_LE(late, 2u * 6u) << "at most a couple per device and change";
}

// [ble, fsk] devices: 5 m from the bridge they use BLE (registration and uplinks); 200 m away, far out of
// BLE range (0 dBm - PL_2.4GHz(200 m) = -121 dBm against -95 dBm) but well inside FSK range (-92 dBm
// against -108 dBm), they fall back to FSK.
TEST(radio_world, LinksBleWhenCloseFskWhenOutOfBleRange) {
  const std::string yaml = radio_scenario("10min", "",
                                          R"(    - name: gw
      links: [ble, fsk]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                                          R"(    - name: close
      count: 2
      qualified: true
      links: [ble, fsk]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min}
      radio:
        placement: {pattern: list, points: [[5m, 0m], [0m, -5m]]}
    - name: yard
      count: 2
      qualified: true
      links: [ble, fsk]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min}
      radio:
        placement: {pattern: list, points: [[200m, 0m], [0m, 200m]]}
)");
  RadioRun run(yaml);
  run.world->run();
  const auto& sink = run.sink;
  for (std::uint32_t d = 0; d < 4; ++d) {
    const bool close = d < 2;
    const LinkType expected = close ? LinkType::Ble : LinkType::Fsk;
    EXPECT_NEAR(run.distance_to(d, 0), close ? 5.0 : 200.0, 1e-3);
    EXPECT_EQ(run.radio().home(d, LinkType::Ble) != kNone, close) << "device " << d;
    EXPECT_NE(run.radio().home(d, LinkType::Fsk), kNone) << "device " << d;
    const auto hs = sink.handshakes_of(d);
    ASSERT_EQ(hs.size(), 1u) << "device " << d;
    EXPECT_TRUE(hs[0].success);
    EXPECT_EQ(hs[0].link, models::to_string(expected)) << "device " << d;
    const auto mine = sink.frames_if([d](const Frame& f) { return f.device == d; });
    ASSERT_FALSE(mine.empty());
    std::size_t uplinks = 0;
    for (const Frame& f : mine) {
      EXPECT_EQ(f.link, expected) << "device " << d << " " << f.message;
      uplinks += f.is_uplink_message() && f.received();
    }
    EXPECT_GT(uplinks, 3u) << "device " << d;
    EXPECT_GT(sink.traffic_of(d, "uplink", "delivered"), 3u) << "device " << d;
  }
}

// FSK registration: the device hello (1,501 bytes with X25519 and the two published chain blobs, 628 + 820) does
// not fit one FSK frame (251-byte payload): it goes as 6 fragments, 5 x 251 + 246 bytes, each acknowledged before
// the next; the server hello (443 bytes) comes down as 251 + 192. No FSK frame is longer than 251 bytes.
TEST(radio_world, LinksFskRegistrationIsFragmentedInto251ByteFrames) {
  const std::string yaml = radio_scenario("2min", "",
                                          R"(    - name: gw
      links: [fsk]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                                          R"(    - name: sensor
      count: 1
      qualified: true
      links: [fsk]
      register: {auto: true, delay: 5s}
      traffic: {uplink_period: 30d}
      radio:
        placement: {pattern: list, points: [[100m, 0m]]}
)");
  RadioRun run(yaml);
  run.world->run();
  const auto& sink = run.sink;
  const auto hs = sink.handshakes_of(0);
  ASSERT_EQ(hs.size(), 1u);
  ASSERT_TRUE(hs[0].success);
  EXPECT_EQ(hs[0].link, "fsk");
  const std::size_t hello = security::device_hello_size(security::EcdhCurve::X25519);
  const std::size_t server_hello = security::server_hello_size(security::EcdhCurve::X25519);
  ASSERT_EQ(hello, 1501u);
  ASSERT_EQ(server_hello, 443u);

  for (const Frame& f : sink.frames) {
    EXPECT_EQ(f.link, LinkType::Fsk);
    EXPECT_LE(f.length, 251u);
    EXPECT_GT(f.length, 0u);
  }
  // The registration messages in order: the uplink fragments before the first downlink are the device hello.
  std::vector<Frame> reg = sink.frames_if([](const Frame& f) { return f.message == "registration"; });
  std::stable_sort(reg.begin(), reg.end(), [](const Frame& a, const Frame& b) { return a.start < b.start; });
  std::vector<std::uint32_t> hello_fragments, server_fragments;
  std::size_t i = 0;
  for (; i < reg.size() && reg[i].uplink; ++i) {
    if (reg[i].received()) hello_fragments.push_back(reg[i].length);
  }
  for (; i < reg.size() && !reg[i].uplink; ++i) {
    if (reg[i].received()) server_fragments.push_back(reg[i].length);
  }
  EXPECT_EQ(hello_fragments, (std::vector<std::uint32_t>{251, 251, 251, 251, 251, 246}));
  EXPECT_EQ(server_fragments, (std::vector<std::uint32_t>{251, 192}));
  // Each fragment waits for the previous one's MAC acknowledgement: no two fragments overlap.
  for (std::size_t k = 1; k < reg.size(); ++k) EXPECT_GE(reg[k].start, reg[k - 1].end) << "fragment " << k;
  // The gateway received each fragment once per transmission and acknowledged it.
  EXPECT_GE(run.world->gateways().load(0).frames_received, 6u + 1u);
}

}  // namespace
}  // namespace st::test
