// Uplink link fallback on the physical layer: [fsk, css] devices at the edge of their bridge's FSK range. An
// uplink whose FSK frames are lost (their retries spent, the device gets no link-layer ACK) is sent again at once
// on CSS; the device stays on CSS for traffic.back_to_preferred_after (or until a CSS uplink goes unanswered),
// then tries FSK again. Acknowledgements and downlinks follow the link of the last uplink the network heard.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "radio_sink.hpp"

namespace st::test {
namespace {

using models::LinkSwitchCause;
using models::LinkType;

TEST(radio_world, UplinkFallbackLostFskUplinksGoAgainOnCssAtOnceAndReturnLater) {
  const std::string yaml = radio_scenario("1h", "  propagation:\n    sub_ghz: {shadowing: 0dB}\n",
                                          R"(    - name: gw
      links: [fsk, css]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                                          R"(    - name: dual
      count: 8
      qualified: true
      links: [fsk, css]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min, downlink_every: 2, back_to_preferred_after: 5min}
      radio:
        placement: {pattern: ring, radius: 450m}
)");
  RadioRun run(yaml);
  run.world->run();
  const auto& sink = run.sink;
  std::size_t moves = 0, returns = 0;
  for (const LinkSwitch& l : sink.link_switches) {
    ASSERT_NE(l.cause, LinkSwitchCause::Registration) << "FSK is the only link that can carry a registration";
    if (l.cause == LinkSwitchCause::BackToPreferred) {
      ++returns;
      EXPECT_EQ(l.from, LinkType::Css);
      EXPECT_EQ(l.to, LinkType::Fsk);
      const auto away = std::find_if(sink.link_switches.rbegin(), sink.link_switches.rend(), [&](const LinkSwitch& m) {
        return m.device == l.device && m.time < l.time;
      });
      ASSERT_NE(away, sink.link_switches.rend());
      EXPECT_GE(l.time - away->time, 5 * kMinute);
      continue;
    }
    if (l.from == LinkType::Css) {
      // On CSS (no link-layer ACK) a missing end-to-end acknowledgement moves it on: to FSK, after the last CSS
      // uplink plus the acknowledgement timeout (5 s).
      EXPECT_EQ(l.to, LinkType::Fsk);
      const auto css = sink.frames_if([&](const Frame& f) {
        return f.device == l.device && f.is_uplink_message() && f.link == LinkType::Css && f.start <= l.time;
      });
      ASSERT_FALSE(css.empty());
      EXPECT_GE(l.time - css.back().end, 5 * kSecond) << "device " << l.device << " at " << to_seconds(l.time) << " s";
      continue;
    }
    ++moves;
    EXPECT_EQ(l.from, LinkType::Fsk);
    EXPECT_EQ(l.to, LinkType::Css);
    // The FSK frame before the move was lost: the last uplink frame of the device on FSK did not get through...
    const auto lost = sink.frames_if([&](const Frame& f) {
      return f.device == l.device && f.is_uplink_message() && f.link == LinkType::Fsk && f.end <= l.time;
    });
    ASSERT_FALSE(lost.empty());
    EXPECT_FALSE(lost.back().received()) << "device " << l.device << " at " << to_seconds(l.time) << " s";
    // ...and the same uplink goes out on CSS at once: after sealing it again, not after an acknowledgement timeout.
    const auto css = sink.frames_if([&](const Frame& f) {
      return f.device == l.device && f.is_uplink_message() && f.link == LinkType::Css && f.start >= l.time;
    });
    ASSERT_FALSE(css.empty()) << "device " << l.device;
    EXPECT_LT(css.front().start - l.time, kSecond) << "device " << l.device << " at " << to_seconds(l.time) << " s";
  }
  EXPECT_GT(moves, 10u);
  EXPECT_GT(returns, 3u);
  // Uplinks go on CSS only while a device is away from FSK (by its notices).
  const auto on_css = [](const Frame& f) { return f.is_uplink_message() && f.link == LinkType::Css; };
  for (const Frame& f : sink.frames_if(on_css)) {
    LinkType on = LinkType::Fsk;
    for (const LinkSwitch& l : sink.link_switches)
      if (l.device == f.device && l.time <= f.start) on = l.to;
    EXPECT_EQ(on, LinkType::Css) << "device " << f.device << " at " << to_seconds(f.start) << " s";
  }
  std::size_t checked = 0, late = 0;
  expect_downlinks_follow_last_uplink(sink, checked, late);
  EXPECT_GT(checked, 100u);
  EXPECT_GT(sink.count_frames([](const Frame& f) { return f.message == "ack" && f.link == LinkType::Css; }), 10u);
  EXPECT_GT(sink.uplinks("delivered"), 350u);
}

}  // namespace
}  // namespace st::test
