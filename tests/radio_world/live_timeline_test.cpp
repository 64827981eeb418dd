// Live timeline actions through the World (StimulusPort -> TimelineDriver): a gateway outage given while the run
// goes takes the gateways its notice names down at that instant and its end notice comes after its duration, beside
// the scenario's own actions (the driver finds each outage's action again, the scenario's and the live ones).
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "radio_sink.hpp"
#include "sim/scenario/live_action.hpp"

namespace st::test {
namespace {

constexpr SimTime kLive = 5 * kMinute;  // when the live outage is given
constexpr SimTime kFor = 10 * kMinute;

// Six FSK gateways (a `city` of four, a `port` of two) among twenty sensors sending every minute, and a scenario
// outage of the network server from 2 to 4 min.
std::string city() {
  return radio_scenario("30min", "", R"(    - name: city
      count: 4
      links: [fsk]
      placement: {pattern: grid, spacing: 150m}
    - name: port
      count: 2
      links: [fsk]
      placement: {pattern: list, points: [[600m, 0m], [600m, 150m]]}
)",
                        R"(    - name: sensor
      count: 20
      qualified: true
      links: [fsk]
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min}
      radio:
        placement: {pattern: disc, radius: 300m}
)",
                        "timeline:\n  - {at: 2min, action: outage, target: network_server, for: 2min}\n");
}

// Submits the live action at `at`, as the telemetry's service does between two kernel activations.
void give_at(RadioRun& run, SimTime at, const std::string& json) {
  run.world->probe().add(at, [&run, json](SimTime now) {
    world::Stimulus s;
    s.kind = world::StimulusKind::Timeline;
    s.action = scenario::read_live_action(json, run.scenario, now);
    run.world->stimuli().submit(s, now);
  });
}

TEST(radio_world, ALiveGatewayOutageTakesTheGatewaysItNamesDownAndEnds) {
  RadioRun run(city());
  std::vector<world::TimedStimulus> recorded;
  run.world->stimuli().on_record([&](const world::TimedStimulus& t) { recorded.push_back(t); });
  give_at(run, kLive, R"({"action":"outage","target":"gateways","gateway_group":"city","count":2,"for":"10min"})");
  run.world->run();

  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].at, kLive);
  EXPECT_EQ(recorded[0].stimulus.kind, world::StimulusKind::Timeline);

  std::vector<Notice> outages;
  for (const Notice& n : run.sink.notices)
    if (n.kind == "outage_start" || n.kind == "outage_end") outages.push_back(n);
  ASSERT_EQ(outages.size(), 4u);
  // The scenario's outage of the network server, then the live one of two city gateways, each with its end.
  EXPECT_EQ(outages[0].time, 2 * kMinute);
  EXPECT_EQ(outages[0].actor, "network_server");
  EXPECT_EQ(outages[1].time, 4 * kMinute);
  EXPECT_EQ(outages[1].actor, "network_server");
  EXPECT_EQ(outages[1].kind, "outage_end");
  EXPECT_EQ(outages[2].time, kLive);
  EXPECT_EQ(outages[2].actor, "gateways");
  EXPECT_EQ(outages[2].kind, "outage_start");
  EXPECT_EQ(outages[3].time, kLive + kFor);
  EXPECT_EQ(outages[3].actor, "gateways");
  EXPECT_EQ(outages[3].kind, "outage_end");

  // Its detail names the two gateways, city ones (0..3), in the order picked.
  std::smatch m;
  const std::regex detail("2 gateways of city for 600\\.000000 s: ([0-9]+) ([0-9]+)");
  ASSERT_TRUE(std::regex_match(outages[2].detail, m, detail)) << outages[2].detail;
  const std::set<std::uint32_t> down{static_cast<std::uint32_t>(std::stoul(m[1].str())),
                                     static_cast<std::uint32_t>(std::stoul(m[2].str()))};
  ASSERT_EQ(down.size(), 2u);
  for (const std::uint32_t g : down) EXPECT_LT(g, 4u);

  // Those two receive nothing during the outage and receive again after it; the others go on receiving.
  std::size_t received_down_during = 0, lost_down_during = 0, received_down_after = 0, received_up_during = 0;
  for (const Frame& f : run.sink.frames) {
    if (!f.uplink || f.gateway == metrics::kNoGateway) continue;
    const bool during = f.start < kLive + kFor && kLive < f.end;
    const bool is_down = down.count(f.gateway) > 0;
    if (is_down && during) {
      received_down_during += f.received();
      lost_down_during += f.outcome == "gateway_down";
    }
    if (is_down && f.start >= kLive + kFor && f.received()) ++received_down_after;
    if (!is_down && during && f.received()) ++received_up_during;
  }
  EXPECT_EQ(received_down_during, 0u);
  EXPECT_GT(received_up_during, 20u);
  EXPECT_GT(received_down_after + lost_down_during, 0u) << "the downed gateways served no device at all";
}

TEST(radio_world, LiveActionsArePerformedAsTheScenariosAreWithTheSameNotices) {
  RadioRun run(city());
  give_at(run, kLive, R"({"action":"deregister","device_type":"sensor","count":5})");
  give_at(run, 2 * kLive, R"({"action":"outage","target":"application_server","for":"1min"})");
  run.world->run();
  std::vector<Notice> live;
  for (const Notice& n : run.sink.notices)
    if (n.time == kLive || n.time == 2 * kLive || n.time == 2 * kLive + kMinute) live.push_back(n);
  ASSERT_EQ(live.size(), 3u);
  EXPECT_EQ(live[0].actor, "timeline");
  EXPECT_EQ(live[0].kind, "deregister");
  EXPECT_EQ(live[0].detail, "5 devices of sensor");
  EXPECT_EQ(live[1].actor, "application_server");
  EXPECT_EQ(live[1].kind, "outage_start");
  EXPECT_EQ(live[1].detail, "for 60.000000 s");
  EXPECT_EQ(live[2].actor, "application_server");
  EXPECT_EQ(live[2].kind, "outage_end");
  std::size_t deregistered = 0;
  for (const Transition& t : run.sink.transitions)
    deregistered += t.time == kLive && t.to == metrics::FleetState::Deregistered;
  EXPECT_EQ(deregistered, 5u);
}

}  // namespace
}  // namespace st::test
