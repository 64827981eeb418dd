// An outage of the cloud partner (AWS IoT Core for Amazon Sidewalk): uplinks the network server took are dropped
// (cloud_partner_unavailable), associations and registrations wait for it to be back, and the developer's
// downlinks wait in their queue for a receive window after it.
#include <gtest/gtest.h>

#include <string>

#include "recording_sink.hpp"

namespace st::test {
namespace {

using metrics::FleetState;

constexpr SimTime kDown = 5 * kMinute;
constexpr SimTime kUp = 10 * kMinute;

std::string outage_of_the_cloud_partner() {
  return R"(timeline:
  - at: 5min
    action: outage
    target: cloud_partner
    for: 5min
)";
}

// Ten devices registered before the outage (an uplink a minute), ten made during it.
std::string early_and_late() {
  return R"(    - name: early
      count: 10
      qualified: true
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}
      traffic: {uplink_period: 1min}
    - name: late
      count: 10
      qualified: true
      manufacture: {at: 6min}
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 20s}}
      traffic: {uplink_period: 1min}
)";
}

TEST(cloudPartnerOutage, UplinksTakenByTheNetworkServerAreDroppedAndTheRestWaitsForIt) {
  TwinRun run(explicit_scenario("30min", early_and_late(), outage_of_the_cloud_partner()));
  run.world->run();

  // Uplinks of the registered devices still reach the network server in the outage; it has nowhere to pass them.
  const std::size_t dropped = run.sink.uplinks("dropped", "cloud_partner_unavailable");
  EXPECT_GT(dropped, 20u);
  EXPECT_EQ(run.sink.uplinks("dropped"), dropped);
  for (const auto& t : run.sink.traffic_records)
    if (t.outcome == "dropped") {
      EXPECT_GE(t.time, kDown);
      EXPECT_LT(t.time, kUp);
    }
  EXPECT_EQ(run.sink.uplinks("delivered", [](const Traffic& t) { return t.time > kDown + kSecond && t.time < kUp; }),
            0u);
  EXPECT_GT(run.sink.uplinks("delivered", [](const Traffic& t) { return t.time > kUp; }), 150u);

  // The devices made in the outage are provisioned (the ingest is up) but associated only after it, then register.
  for (const auto& t : run.sink.transitions) {
    if (t.device < 10) continue;
    if (t.to == FleetState::Associated || t.to == FleetState::Registered) {
      EXPECT_GE(t.time, kUp) << "device " << t.device;
    }
  }
  const auto states = visible_states(run.world->fleet());
  for (std::uint32_t d = 0; d < 20; ++d) EXPECT_EQ(states[d], FleetState::Registered) << "device " << d;
  EXPECT_TRUE(run.sink.refusals.empty());

  ASSERT_EQ(run.sink.notices_of_kind("outage_start"), 1u);
  for (const auto& n : run.sink.notices)
    if (n.kind == "outage_start" || n.kind == "outage_end") {
      EXPECT_EQ(n.actor, "cloud_partner");
    }
}

TEST(cloudPartnerOutage, RegistrationsStartedInTheOutageTimeOutAndSucceedAfterIt) {
  TwinRun run(explicit_scenario("30min", R"(    - name: meter
      count: 10
      qualified: true
      register: {auto: false}
)", R"(timeline:
  - at: 5min
    action: outage
    target: cloud_partner
    for: 5min
  - at: 6min
    action: register
)"));
  run.world->run();
  for (std::uint32_t d = 0; d < 10; ++d) {
    const auto tr = run.sink.transitions_of(d);
    ASSERT_FALSE(tr.empty());
    EXPECT_EQ(tr.back().to, FleetState::Registered) << "device " << d;
    EXPECT_GE(tr.back().time, kUp) << "device " << d;
  }
  // Every attempt in the outage failed on the device's timeout, none was refused by an actor.
  EXPECT_GT(run.sink.count_if(run.sink.handshakes, [](const Handshake& h) { return !h.success; }), 0u);
  EXPECT_TRUE(run.sink.refusals.empty());
}

TEST(cloudPartnerOutage, ADeveloperDownlinkWaitsInItsQueueUntilTheCloudPartnerIsBack) {
  TwinRun run(explicit_scenario("20min", R"(    - name: meter
      count: 1
      qualified: true
      register: {auto: true, delay: 1s}
      traffic: {uplink_period: 30s}
)", outage_of_the_cloud_partner()));
  world::Stimulus s;
  s.kind = world::StimulusKind::SendData;
  s.device = 0;
  s.message = 9;
  s.payload = {0x0a};
  s.acknowledged = true;
  s.keep_for = kHour;
  run.world->probe().add(6 * kMinute, [&run, s](SimTime now) { run.world->stimuli().submit(s, now); });
  run.world->run();
  ASSERT_EQ(run.sink.downlink_statuses.size(), 1u);
  EXPECT_TRUE(run.sink.downlink_statuses[0].success);
  EXPECT_GE(run.sink.downlink_statuses[0].time, kUp);
  EXPECT_LT(run.sink.downlink_statuses[0].time, kUp + 2 * kMinute);
}

}  // namespace
}  // namespace st::test
