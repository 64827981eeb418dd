// Energy through the World: an idle device draws its hand-derived baseline current times the time; a tiny battery
// empties (by operations or by the baseline alone), and an emptied device sends and draws nothing more.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "radio_sink.hpp"

namespace st::test {
namespace {

using models::LinkType;
using models::MessageClass;

std::string idle_type(const std::string& name, const std::string& links, const std::string& extra_radio = "") {
  return "    - name: " + name + "\n      count: 1\n      qualified: true\n      links: " + links +
         "\n      register: {auto: true, delay: 5s}\n      traffic: {uplink_period: 30d}\n      radio:\n"
         "        placement: {pattern: list, points: [[20m, 0m]]}\n" + extra_radio;
}

// One day, three idle devices, one per first link, each registered (FSK for the CSS one: registration never
// runs over CSS) and then silent (an uplink every 30 days on average).
TEST(radio_world, IdleDeviceDrawsItsBaselineCurrentTimesTheTime) {
  RadioRun run(radio_scenario("1d", "",
                              R"(    - name: gw
      links: [ble, fsk, css]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                              idle_type("fsk-first", "[fsk]") + idle_type("css-first", "[css, fsk]") +
                                  idle_type("ble-first", "[ble]")));
  run.world->run();
  const auto& fleet = run.world->fleet();
  const auto& ran = run.radio();
  ASSERT_EQ(fleet.size(), 3u);

  // Baselines by hand (currents in mA, times in ms, charges in uC; SX1262 wake 0.406 ms at 1.6 mA and
  // synthesis 0.05 ms at 2.1 mA before every receive window, RX 4.2 mA; sleep 2 uA):
  // FSK: the beacon (20 B payload at 50 kbps: 8+3+2+20+4 = 37 B = 5.92 ms) with 2 ms guards either side
  //      every 10.08 s: 0.6496 + 0.105 + 4.2 x 9.92 = 42.4186 uC; a 2 ms receive slot every 3.15 s:
  //      0.6496 + 0.105 + 8.4 = 9.1546 uC.
  const double wake = 1.6 * 0.406 + 2.1 * 0.05;
  const double fsk_ma = (wake + 4.2 * 9.92) / 10080.0 + (wake + 4.2 * 2.0) / 3150.0 + 0.002;
  // CSS: 6 symbols of SF11 at 500 kHz (4.096 ms each) every 5 s: 0.7546 + 4.2 x 24.576 = 103.9738 uC.
  const double css_ma = (wake + 4.2 * 6 * 4.096) / 5000.0 + 0.002;
  // BLE: an advertising event every second on 3 channels, each 40 us ramp-up + 376 us ADV_IND (47 B at 1 Mbps)
  //      at 6.4 mA (0 dBm) then 200 us listening at 6.26 mA: 3 x (2.6624 + 1.252) = 11.7432 uC.
  const double ble_ma = 3 * (6.4 * 0.416 + 6.26 * 0.2) / 1000.0 + 0.002;
  EXPECT_NEAR(fsk_ma, 0.0091144, 1e-6);
  EXPECT_NEAR(css_ma, 0.0227948, 1e-6);
  EXPECT_NEAR(ble_ma, 0.0137432, 1e-6);
  EXPECT_NEAR(ran.baseline_ma(0), fsk_ma, 1e-9);
  EXPECT_NEAR(ran.baseline_ma(1), css_ma, 1e-9);
  EXPECT_NEAR(ran.baseline_ma(2), ble_ma, 1e-9);

  const double day_ms = 86'400'000.0;
  const std::array<double, 3> expected = {fsk_ma * day_ms, css_ma * day_ms, ble_ma * day_ms};  // 787 / 1969 / 1187 mC
  double sum_charge = 0, sum_baseline = 0;
  for (std::uint32_t d = 0; d < 3; ++d) {
    ASSERT_EQ(fleet[d].visible, metrics::FleetState::Registered) << "device " << d;
    const auto hs = run.sink.handshakes_of(d);
    ASSERT_EQ(hs.size(), 1u);
    EXPECT_EQ(hs[0].link, d == 2 ? "ble" : "fsk");
    const double charge = fleet[d].energy.charge_uc();
    EXPECT_EQ(fleet[d].energy.last_update(), kHour * 24) << "integrated to the end of the run";
    // At least the baseline; registration (the 1,501-byte hello in six FSK fragments, each with its receive
    // window for the acknowledgement) and the odd uplink add under 4%.
    EXPECT_GE(charge, expected[d]) << "device " << d;
    EXPECT_LE(charge, expected[d] * 1.04) << "device " << d;
    sum_charge += charge;
    sum_baseline += ran.baseline_ma(fleet[d].device_type) * day_ms;
  }
  // The account is exact: baseline x time plus every operation's charge (by message class).
  double operations = 0;
  for (MessageClass c : {MessageClass::Registration, MessageClass::Uplink, MessageClass::Ack, MessageClass::Downlink})
    operations += ran.charge_by_class_uc(c);
  EXPECT_GT(ran.charge_by_class_uc(MessageClass::Registration), 0.0);
  EXPECT_NEAR(sum_charge, sum_baseline + operations, 1e-6 * sum_charge);
  EXPECT_EQ(ran.depleted_devices(), 0u);
}

// Six 0.02 mAh batteries (72,000 uC) under an uplink a minute: each empties within the hour; the radio layer flags
// it once (a battery_depleted notice), and from then on the device sends nothing: no uplink is queued and no
// frame goes on the air. A twin with a real battery keeps sending.
TEST(radio_world, TinyBatteryDepletesAndTheDeviceFallsSilent) {
  RadioRun run(radio_scenario("2h", "",
                              R"(    - name: gw
      links: [fsk]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                              R"(    - name: coin
      count: 6
      qualified: true
      links: [fsk]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min}
      radio:
        battery: 0.02mAh
        placement: {pattern: list, points: [[50m, 0m], [0m, 50m], [35m, 35m], [-35m, 35m], [35m, -35m], [0m, -50m]]}
    - name: aa
      count: 1
      qualified: true
      links: [fsk]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min}
      radio:
        placement: {pattern: list, points: [[-50m, 0m]]}
)"));
  run.world->run();
  const auto& sink = run.sink;
  const auto& fleet = run.world->fleet();
  constexpr std::uint32_t kCoins = 6;
  EXPECT_EQ(run.radio().depleted_devices(), kCoins);
  ASSERT_EQ(sink.notices_of_kind("battery_depleted"), kCoins);
  for (std::uint32_t d = 0; d < kCoins; ++d) {
    const auto it = std::find_if(sink.notices.begin(), sink.notices.end(), [d](const Notice& n) {
      return n.kind == "battery_depleted" && n.detail == "device " + std::to_string(d);
    });
    ASSERT_NE(it, sink.notices.end()) << "device " << d;
    const SimTime dead = it->time;
    EXPECT_LT(dead, kHour) << "device " << d;
    EXPECT_FALSE(run.radio().powered(d));
    // It drew its battery and no more: the operation that emptied it overshoots by at most one frame's charge
    // (an FSK uplink at 20 dBm, ~1,500 uC), and nothing is drawn afterwards.
    EXPECT_GE(fleet[d].energy.charge_uc(), 72'000.0);
    EXPECT_LT(fleet[d].energy.charge_uc(), 72'000.0 + 2'000.0) << "device " << d;
    EXPECT_LE(fleet[d].energy.last_update(), dead);
    // Before: it registered (the FSK hello alone costs ~23,000 uC of transmission) and sent.
    EXPECT_GE(sink.count_frames([&](const Frame& f) { return f.device == d && f.is_uplink_message() && f.end < dead; }),
              2u);
    // After: at most the frame whose charge emptied it (charged when the device prepared it, so it may start
    // a slot later), and it is lost, battery_depleted; nothing else goes on the air, no uplink is queued.
    const auto late = sink.frames_if([&](const Frame& f) { return f.device == d && f.end > dead; });
    EXPECT_LE(late.size(), 1u) << "device " << d;
    for (const Frame& f : late) {
      EXPECT_EQ(f.outcome, "battery_depleted");
      EXPECT_LT(f.start, dead + kSecond);
    }
    EXPECT_EQ(sink.count_if(sink.traffic_records, [&](const Traffic& t) {
      return t.device == d && t.direction == "uplink" && t.outcome == "sent" && t.time > dead;
    }), 0u) << "device " << d;
  }
  // The gateway counts the frame that emptied a battery as lost, as its record says.
  const auto& load = run.world->gateways().load(0);
  EXPECT_EQ(load.frames_received, sink.count_frames([](const Frame& f) { return f.uplink && f.received(); }));
  EXPECT_EQ(load.frames_lost, sink.count_frames([](const Frame& f) { return f.uplink && !f.received(); }));
  // (An uplink's charge is about three minutes of baseline: most batteries empty on a frame.)
  EXPECT_GE(sink.count_frames([](const Frame& f) { return f.outcome == "battery_depleted"; }), 1u);
  // The device with two AA cells is alive and sending to the end.
  EXPECT_TRUE(run.radio().powered(kCoins));
  EXPECT_GT(sink.count_frames([](const Frame& f) { return f.device == kCoins && f.is_uplink_message() && f.received() &&
                                                         f.start > kHour + 30 * kMinute; }), 10u);
}

// A battery emptied by the sleep and listening baseline alone, while the device is idle, is empty at the end of
// the run too: 0.01 mAh lasts 36,000 uC / 0.0091 mA = 66 min of an FSK device's baseline (less what the
// registration drew), the run is a day. The device draws exactly its battery: the baseline stops when the
// battery is empty, at (capacity - registration) / baseline.
TEST(radio_world, BatteryEmptiedByTheBaselineAloneCountsAsDepleted) {
  RadioRun run(radio_scenario("1d", "",
                              R"(    - name: gw
      links: [fsk]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                              idle_type("idle", "[fsk]", "        battery: 0.01mAh\n")));
  run.world->run();
  const auto& fleet = run.world->fleet();
  ASSERT_EQ(run.sink.handshakes_of(0).size(), 1u);
  double operations = 0;
  for (MessageClass c : {MessageClass::Registration, MessageClass::Uplink, MessageClass::Ack, MessageClass::Downlink})
    operations += run.radio().charge_by_class_uc(c);
  EXPECT_GT(operations, 10'000.0) << "the FSK registration";
  EXPECT_LT(operations, 36'000.0);
  EXPECT_NEAR(fleet[0].energy.charge_uc(), 36'000.0, 0.01);
  const double empty_ms = (36'000.0 - operations) / run.radio().baseline_ma(0);
  EXPECT_NEAR(static_cast<double>(fleet[0].energy.last_update()) / 1e6, empty_ms, 1.0);
  EXPECT_EQ(run.radio().depleted_devices(), 1u);
  EXPECT_EQ(run.sink.notices_of_kind("battery_depleted"), 1u);
  EXPECT_FALSE(run.radio().powered(0));
}

}  // namespace
}  // namespace st::test
