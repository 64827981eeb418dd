// The developer's downlinks and de-registrations as the API hands them to the world (StimulusPort): sent in the
// device's next receive window, acknowledged mode until the device has it, unacknowledged once, an error when the
// time is up or the device is de-registered; every stimulus recorded with its activation and instant.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "recording_sink.hpp"

namespace st::test {
namespace {

// Two BLE devices, loss-free, registering within seconds; an uplink every 30 s on average.
std::string two_devices(const std::string& duration, const std::string& automatic = "true") {
  return explicit_scenario(duration, R"(    - name: meter
      count: 2
      qualified: true
      register: {auto: )" + automatic + R"(, delay: 1s}
      traffic: {uplink_period: 30s}
)");
}

world::Stimulus send_data(std::uint32_t device, std::uint32_t message, bool acknowledged, SimTime keep_for) {
  world::Stimulus s;
  s.kind = world::StimulusKind::SendData;
  s.device = device;
  s.message = message;
  s.payload = {0x01, 0x02, 0x03};
  s.acknowledged = acknowledged;
  s.keep_for = keep_for;
  return s;
}

// Submits `s` from a probe at `at` (a handler, as the kernel's observer would between two activations).
void submit_at(TwinRun& run, SimTime at, world::Stimulus s) {
  run.world->probe().add(at, [&run, s](SimTime now) { run.world->stimuli().submit(s, now); });
}

SimTime first_uplink_after(const RecordingSink& sink, std::uint32_t device, SimTime t) {
  for (const auto& r : sink.traffic_records)
    if (r.device == device && r.direction == "uplink" && r.outcome == "delivered" && r.time > t) return r.time;
  return kNever;
}

TEST(developerDownlinks, AcknowledgedDownlinkReachesTheDeviceAfterItsNextUplinkAndSucceeds) {
  TwinRun run(two_devices("10min"));
  std::vector<world::TimedStimulus> recorded;
  run.world->stimuli().on_record([&](const world::TimedStimulus& t) { recorded.push_back(t); });
  submit_at(run, 2 * kMinute, send_data(0, 7, true, 5 * kMinute));
  run.world->run();
  ASSERT_EQ(run.sink.downlink_statuses.size(), 1u);
  const auto& st = run.sink.downlink_statuses[0];
  EXPECT_TRUE(st.success);
  EXPECT_EQ(st.message, 7u);
  EXPECT_EQ(st.device, 0u);
  // Sent when the device's next uplink reached the network server (its receive window), on the air within a second.
  const SimTime window = first_uplink_after(run.sink, 0, 2 * kMinute);
  ASSERT_NE(window, kNever);
  EXPECT_GT(st.time + kSecond, window);
  EXPECT_LT(st.time, window + kSecond);
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].at, 2 * kMinute);
  EXPECT_GT(recorded[0].activation, 0u);
}

TEST(developerDownlinks, UnacknowledgedDownlinkSucceedsWhenSentOnce) {
  TwinRun run(two_devices("10min"));
  submit_at(run, 2 * kMinute, send_data(1, 3, false, 5 * kMinute));
  run.world->run();
  ASSERT_EQ(run.sink.downlink_statuses.size(), 1u);
  EXPECT_TRUE(run.sink.downlink_statuses[0].success);
  const std::size_t sent = RecordingSink::count_if(run.sink.traffic_records, [](const auto& r) {
    return r.device == 1 && r.direction == "downlink" && r.outcome == "sent";
  });
  EXPECT_EQ(sent, 1u);
}

TEST(developerDownlinks, ADownlinkToADeviceWithoutSessionEndsInAnErrorWhenItsTimeIsUp) {
  TwinRun run(two_devices("5min", "false"));  // associated, never registered: no session, no receive window
  submit_at(run, 500 * kMillisecond, send_data(0, 1, true, 30 * kSecond));
  run.world->run();
  ASSERT_EQ(run.sink.downlink_statuses.size(), 1u);
  const auto& st = run.sink.downlink_statuses[0];
  EXPECT_FALSE(st.success);
  EXPECT_EQ(st.cause, "ttl_expired");
  EXPECT_EQ(st.time, 500 * kMillisecond + 30 * kSecond);
}

TEST(developerDownlinks, DeveloperDeregistrationWipesKeysAndEndsQueuedDownlinksInErrors) {
  TwinRun run(two_devices("10min"));
  world::Stimulus dereg;
  dereg.kind = world::StimulusKind::Deregister;
  dereg.device = 0;
  submit_at(run, 3 * kMinute, send_data(0, 1, true, kHour));
  run.world->probe().add(3 * kMinute, [&run, dereg](SimTime now) { run.world->stimuli().submit(dereg, now); });
  run.world->run();
  ASSERT_EQ(run.sink.downlink_statuses.size(), 1u);
  EXPECT_FALSE(run.sink.downlink_statuses[0].success);
  EXPECT_EQ(run.sink.downlink_statuses[0].cause, "deregistered");
  EXPECT_EQ(run.sink.downlink_statuses[0].time, 3 * kMinute);
  const auto tr = run.sink.transitions_of(0);
  ASSERT_FALSE(tr.empty());
  EXPECT_EQ(tr.back().to, metrics::FleetState::Deregistered);
  EXPECT_EQ(tr.back().cause, "developer_deregister");
  EXPECT_EQ(tr.back().time, 3 * kMinute);
  EXPECT_FALSE(run.world->fleet()[0].network_key.valid);
  EXPECT_FALSE(run.world->fleet()[0].application_key.valid);
}

TEST(developerDownlinks, AReserveDeviceIsMadeOnlyWhenCreatedAndThenRegisters) {
  TwinRun run(explicit_scenario("5min", R"(    - name: meter
      count: 1
      reserve: 2
      qualified: true
      register: {auto: true, delay: 1s}
)"));
  ASSERT_EQ(run.world->fleet().size(), 3u);
  world::Stimulus create;
  create.kind = world::StimulusKind::Create;
  create.device = 2;
  run.world->probe().add(kMinute, [&run, create](SimTime now) { run.world->stimuli().submit(create, now); });
  run.world->run();
  EXPECT_TRUE(run.sink.transitions_of(1).empty());  // never asked for
  const auto made = run.sink.transitions_of(2);
  ASSERT_FALSE(made.empty());
  EXPECT_EQ(made.front().time, kMinute + 2 * kSecond);  // made at the stimulus's instant, 2 s through the ingest
  EXPECT_EQ(made.back().to, metrics::FleetState::Registered);
}

}  // namespace
}  // namespace st::test
