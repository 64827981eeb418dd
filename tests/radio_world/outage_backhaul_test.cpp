// Gateways and their backhaul through the World: an outage silences a lone gateway and traffic recovers after
// it, devices with a second gateway in range move to it; the monthly data cap drops and the rate cap delays.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "radio_sink.hpp"

namespace st::test {
namespace {

using models::LinkType;
constexpr SimTime kDown = 10 * kMinute;
constexpr SimTime kUp = 20 * kMinute;

std::string fsk_sensors(int count, const std::string& placement, const std::string& traffic = "{uplink_period: 1min}") {
  return "    - name: sensor\n      count: " + std::to_string(count) +
         "\n      qualified: true\n      links: [fsk]\n      register: {auto: true, delay: {dist: uniform, min: 1s, "
         "max: 10s}}\n      traffic: " + traffic + "\n      radio:\n        placement: " + placement + "\n";
}

const std::string kOutage = R"(timeline:
  - {at: 10min, action: outage, target: gateways, for: 10min}
)";

// One gateway, down from 10 to 20 minutes: nothing it was to receive during the outage is received (frames on
// the air when it went down are lost as gateway_down; afterwards the devices find no gateway and send nothing),
// and after it the traffic flows again, the queued uplinks included.
TEST(radio_world, OutageOfTheOnlyGatewaySilencesItAndTrafficRecovers) {
  RadioRun run(radio_scenario("30min", "",
                              R"(    - name: gw
      links: [fsk]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                              fsk_sensors(10, "{pattern: disc, radius: 150m}"), kOutage));
  run.world->run();
  const auto& sink = run.sink;
  std::size_t before = 0, after = 0, during_any = 0, down = 0;
  for (const Frame& f : sink.frames) {
    ASSERT_EQ(f.gateway, 0u);
    const bool overlaps = f.start < kUp && kDown < f.end;
    if (overlaps) {
      ++during_any;
      EXPECT_FALSE(f.received()) << f.message << " at " << to_seconds(f.start) << " s: received during the outage";
      EXPECT_EQ(f.outcome, "gateway_down") << "at " << to_seconds(f.start) << " s";
      down += f.outcome == "gateway_down";
    }
    if (!f.is_uplink_message() || !f.received()) continue;
    if (f.end <= kDown) ++before;
    if (f.start >= kUp) ++after;
  }
  // Only frames already scheduled when it went down overlap the outage (a few at most per device).
  EXPECT_LE(during_any, 2u * 10u);
  EXPECT_EQ(down, during_any);
  EXPECT_GT(before, 40u);
  EXPECT_GT(after, 40u);
  // Uplinks delivered again after the outage, including uplinks queued during it.
  const auto delivered_between = [&](SimTime from, SimTime to) {
    return sink.count_if(sink.traffic_records, [&](const Traffic& t) {
      return t.direction == "uplink" && t.outcome == "delivered" && t.time >= from && t.time < to;
    });
  };
  EXPECT_EQ(delivered_between(kDown + 30 * kSecond, kUp), 0u);
  EXPECT_GT(delivered_between(kUp, kUp + 5 * kMinute), 30u);
  const auto& load = run.world->gateways().load(0);
  EXPECT_GT(load.frames_received, 80u);
  EXPECT_EQ(load.frames_lost, run.sink.count_frames([](const Frame& f) { return f.uplink && !f.received(); }));
  // What it sent: every downlink frame it put on the air and a MAC acknowledgement (4 bytes at 50 kbps: 21 bytes
  // on air, 3.36 ms) for every FSK uplink frame it received; nothing while it was down.
  std::uint64_t sent = 0;
  SimTime sent_air = 0;
  for (const Frame& f : sink.frames) {
    if (!f.uplink && f.outcome != "gateway_down") {
      ++sent;
      sent_air += f.end - f.start;
    }
    if (f.uplink && f.received()) {
      ++sent;
      sent_air += 3360 * kMicrosecond;
    }
  }
  EXPECT_EQ(load.frames_sent, sent);
  EXPECT_EQ(load.tx_airtime, sent_air);
  EXPECT_EQ(sink.notices_of_kind("outage_start"), 1u);
  EXPECT_EQ(sink.notices_of_kind("outage_end"), 1u);
}

// Forty 3-second outages of the lone gateway, one every 9 s from 2 to 8 min: acknowledgements booked into a
// device's receive slot before an outage began go out as gateway_down (with ten devices sending every minute,
// some are pending at most of the outage starts), and nothing is received or sent while the gateway is down.
TEST(radio_world, DownlinksBookedIntoAnOutageAreLostAsGatewayDown) {
  std::string timeline = "timeline:\n";
  std::vector<std::pair<SimTime, SimTime>> outages;
  for (int k = 0; k < 40; ++k) {
    const SimTime at = 2 * kMinute + k * 9 * kSecond;
    outages.emplace_back(at, at + 3 * kSecond);
    timeline += "  - {at: " + std::to_string(120 + 9 * k) + "s, action: outage, target: gateways, for: 3s}\n";
  }
  RadioRun run(radio_scenario("10min", "",
                              R"(    - name: gw
      links: [fsk]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                              fsk_sensors(10, "{pattern: disc, radius: 150m}"), timeline));
  run.world->run();
  std::size_t lost_downlinks = 0;
  for (const Frame& f : run.sink.frames) {
    const bool during = std::any_of(outages.begin(), outages.end(),
                                    [&](const auto& o) { return f.start < o.second && o.first < f.end; });
    if (during) {
      EXPECT_EQ(f.outcome, "gateway_down") << (f.uplink ? "uplink" : "downlink") << " at " << to_seconds(f.start);
    }
    lost_downlinks += !f.uplink && f.outcome == "gateway_down";
  }
  EXPECT_GT(lost_downlinks, 2u) << "downlinks were booked into the outages";
  EXPECT_EQ(run.sink.notices_of_kind("outage_start"), 40u);
}

// Two outage actions on the same gateway, the second inside the first (10-20 min and 12-13 min): the gateway
// stays down until the later end, 20 min, not until the end of the shorter one.
TEST(radio_world, OverlappingOutagesKeepTheGatewayDownUntilTheLastOneEnds) {
  RadioRun run(radio_scenario("30min", "",
                              R"(    - name: gw
      links: [fsk]
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                              fsk_sensors(10, "{pattern: disc, radius: 150m}"),
                              R"(timeline:
  - {at: 10min, action: outage, target: gateways, for: 10min}
  - {at: 12min, action: outage, target: gateways, for: 1min}
)"));
  run.world->run();
  const auto& gw = run.world->gateways();
  EXPECT_FALSE(gw.up(0, 15 * kMinute));
  EXPECT_TRUE(gw.up(0, kUp));
  EXPECT_EQ(run.sink.count_frames([](const Frame& f) { return f.received() && f.start < kUp && kDown < f.end; }), 0u);
  EXPECT_GT(run.sink.count_frames(
                [](const Frame& f) { return f.is_uplink_message() && f.received() && f.start >= kUp; }),
            40u);
}

// Two gateways 150 m apart, devices around the first: while it is down they send through the second (their
// best gateway still up) and get through; before and after, through their own.
TEST(radio_world, OutageMovesDevicesToAnotherGatewayInRange) {
  RadioRun run(radio_scenario("30min", "",
                              R"(    - name: home
      links: [fsk]
      placement: {pattern: list, points: [[0m, 0m]]}
    - name: neighbour
      links: [fsk]
      placement: {pattern: list, points: [[150m, 0m]]}
)",
                              fsk_sensors(10, "{pattern: disc, radius: 20m}"),
                              R"(timeline:
  - {at: 10min, action: outage, target: gateways, gateway_group: home, for: 10min}
)"));
  run.world->run();
  const auto& sink = run.sink;
  std::size_t homed_on_first = 0;
  for (std::uint32_t d = 0; d < 10; ++d) homed_on_first += run.radio().home(d, LinkType::Fsk) == 0;
  ASSERT_GE(homed_on_first, 8u) << "20 m from the first gateway, 130 m or more from the second";
  std::size_t on_home = 0, on_neighbour = 0, neighbour_during = 0;
  for (const Frame& f : sink.frames) {
    if (!f.uplink) continue;
    const std::uint32_t home = run.radio().home(f.device, LinkType::Fsk);
    ASSERT_NE(home, models::RadioAccessNetwork::kNone);
    const bool during = f.start >= kDown && f.start < kUp;
    if (home == 0 && during) {
      EXPECT_EQ(f.gateway, 1u) << "device " << f.device << " at " << to_seconds(f.start) << " s";
      neighbour_during += f.received() && f.is_uplink_message();
    } else if (!during && f.end <= kDown) {
      EXPECT_EQ(f.gateway, home);
    } else if (f.start >= kUp) {
      EXPECT_EQ(f.gateway, home) << "device " << f.device << " back on its own gateway";
    }
    (f.gateway == 0 ? on_home : on_neighbour) += f.received();
  }
  EXPECT_GT(neighbour_during, 40u);
  EXPECT_GT(on_home, 80u);
  EXPECT_GT(on_neighbour, 40u);
  // The outage costs nearly nothing end to end: delivered uplinks keep flowing through it.
  const std::size_t delivered_during = sink.count_if(sink.traffic_records, [](const Traffic& t) {
    return t.direction == "uplink" && t.outcome == "delivered" && t.time >= kDown && t.time < kUp;
  });
  EXPECT_GT(delivered_during, 60u);
  EXPECT_GT(run.world->gateways().load(1).frames_received, 40u);
}

// A 2,250-byte monthly data cap: a registration moves 2,044 bytes across the backhaul (device hello 1,501,
// server hello 443, device confirm 66, server confirm 34), so one fits and a second does not; an uplink is 68
// bytes and its acknowledgement 12, so at most two more fit. Then the gateway drops what would cross its backhaul,
// and it never moves more than the cap.
TEST(radio_world, MonthlyDataCapDropsMessages) {
  RadioRun run(radio_scenario("10min", "",
                              R"(    - name: gw
      links: [fsk]
      monthly_data_cap: 2250B
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                              fsk_sensors(3, "{pattern: disc, radius: 100m}")));
  run.world->run();
  const auto& load = run.world->gateways().load(0);
  EXPECT_GT(load.backhaul_dropped, 0u);
  EXPECT_LE(load.backhaul_bytes, 2250u);
  EXPECT_GT(load.backhaul_bytes, 2044u) << "one registration crossed";
  // The radio frames still arrive at the gateway; what is lost is lost behind it.
  EXPECT_GT(load.frames_received, 5u);
  EXPECT_LE(run.sink.count_if(run.sink.handshakes, [](const Handshake& h) { return h.success; }), 1u);
  EXPECT_LE(run.sink.uplinks("delivered"), 2u);
  EXPECT_GT(run.sink.uplinks("sent"), 10u) << "the registered device keeps sending into the void";
}

// A 100 bps backhaul: a 1,501-byte hello takes 120 s to cross, so messages queue behind each other and wait.
TEST(radio_world, BackhaulRateCapDelaysMessages) {
  RadioRun run(radio_scenario("10min", "",
                              R"(    - name: gw
      links: [fsk]
      backhaul_rate: 100bps
      placement: {pattern: list, points: [[0m, 0m]]}
)",
                              fsk_sensors(3, "{pattern: disc, radius: 100m}")));
  run.world->run();
  const auto& load = run.world->gateways().load(0);
  EXPECT_GT(load.backhaul_delayed, 0u);
  EXPECT_GT(load.backhaul_wait, 0);
  // Whatever waited, waited for bytes ahead of it at 100 bps: on average at least a confirm's worth (5 s for
  // 66 bytes), and each message no longer than all the bytes that entered the backhaul take.
  EXPECT_GT(load.backhaul_wait / static_cast<SimTime>(load.backhaul_delayed), 5 * kSecond);
  const auto all_bytes_s = static_cast<SimTime>(load.backhaul_bytes) * 8 * kSecond / 100;
  EXPECT_LE(load.backhaul_wait, static_cast<SimTime>(load.backhaul_delayed) * all_bytes_s);
  EXPECT_EQ(load.backhaul_dropped, 0u);
}

}  // namespace
}  // namespace st::test
