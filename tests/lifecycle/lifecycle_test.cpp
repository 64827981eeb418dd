// Device lifecycle through the whole World: small scenarios as YAML text, one simulation per TEST (each test
// runs in its own process), every record captured by a recording sink and the fleet inspected directly.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "models/cloud/cloud_partner_registry.hpp"
#include "recording_sink.hpp"

namespace st::test {
namespace {

using metrics::FleetState;

// Loss-free explicit links and enough gateways: every outcome below is exact, not statistical. (The physical
// layer has its own tests: tests/radio, tests/channel and tests/world.)
std::string scenario_text(const std::string& duration, const std::string& device_types,
                          const std::string& rest = "") {
  return explicit_scenario(duration, device_types, rest);
}

// A production (qualified) BLE device type registering 1-10 s after association, an uplink a minute.
std::string tracker(int count, const std::string& name = "tracker",
                    const std::string& traffic = "{uplink_period: 1min}") {
  return "    - name: " + name + "\n      count: " + std::to_string(count) +
         "\n      qualified: true\n      register: {auto: true, delay: {dist: uniform, min: 1s, max: 10s}}\n"
         "      traffic: " + traffic + "\n";
}

std::size_t count_state(const std::vector<FleetState>& v, FleetState s) {
  return static_cast<std::size_t>(std::count(v.begin(), v.end(), s));
}

// (a) created -> associated -> registered, one successful handshake per device, keys in place.
TEST(lifecycle, DevicesGoCreatedAssociatedRegisteredWithOneHandshakeEach) {
  TwinRun run(scenario_text("15min", tracker(20)));
  run.world->run();
  const auto& fleet = run.world->fleet();
  ASSERT_EQ(fleet.size(), 20u);
  std::set<std::string> smsns;
  for (std::uint32_t d = 0; d < fleet.size(); ++d) {
    const auto tr = run.sink.transitions_of(d);
    ASSERT_EQ(tr.size(), 3u) << "device " << d;
    EXPECT_EQ(tr[0].from, FleetState::None);
    EXPECT_EQ(tr[0].to, FleetState::Created);
    EXPECT_EQ(tr[0].cause, "provisioned");
    EXPECT_EQ(tr[1].from, FleetState::Created);
    EXPECT_EQ(tr[1].to, FleetState::Associated);
    EXPECT_EQ(tr[1].cause, "associated");
    EXPECT_EQ(tr[2].from, FleetState::Associated);
    EXPECT_EQ(tr[2].to, FleetState::Registered);
    EXPECT_EQ(tr[2].cause, "registered");
    EXPECT_LT(tr[0].time, tr[1].time);
    EXPECT_LT(tr[1].time, tr[2].time);
    // Ingest latency 2 s, association 200 ms (defaults, constant).
    EXPECT_EQ(tr[0].time, 2 * kSecond);
    EXPECT_EQ(tr[1].time, 2 * kSecond + 200 * kMillisecond);

    const auto hs = run.sink.handshakes_of(d);
    ASSERT_EQ(hs.size(), 1u) << "device " << d;
    EXPECT_TRUE(hs[0].success);
    EXPECT_EQ(hs[0].reason, "");
    EXPECT_EQ(hs[0].link, "ble");
    EXPECT_EQ(hs[0].via, "gateway");
    EXPECT_GE(hs[0].start, tr[1].time + kSecond);        // register delay at least 1 s after association
    EXPECT_LE(hs[0].start, tr[1].time + 10 * kSecond);   // and at most 10 s
    EXPECT_GT(hs[0].end, hs[0].start);
    EXPECT_LT(hs[0].end - hs[0].start, 10 * kSecond);    // well under the handshake timeout
    EXPECT_LE(hs[0].end, tr[2].time + kSecond);
    EXPECT_EQ(hs[0].smsn, tr[0].smsn);
    smsns.insert(tr[0].smsn);

    const auto& rec = fleet[d];
    EXPECT_EQ(rec.visible, FleetState::Registered);
    EXPECT_TRUE(rec.network_key.valid);
    EXPECT_TRUE(rec.application_key.valid);
    EXPECT_EQ(rec.network_key.epoch, 1);
    EXPECT_EQ(rec.application_key.epoch, 1);
    EXPECT_EQ(rec.epoch, 1);
    EXPECT_EQ(rec.registrations, 1);
    EXPECT_NE(rec.network_key.key, rec.application_key.key);
  }
  EXPECT_EQ(smsns.size(), 20u) << "SMSNs are unique";
  EXPECT_TRUE(run.sink.refusals.empty());
  // Registered devices send; on loss-free links every uplink but the last few in flight is delivered.
  const std::size_t sent = run.sink.uplinks("sent");
  const std::size_t delivered = run.sink.uplinks("delivered");
  EXPECT_GT(sent, 150u);  // 20 devices, ~14 min, one a minute
  EXPECT_LE(delivered, sent);
  EXPECT_GE(delivered + 20, sent);
  EXPECT_EQ(run.sink.uplinks("rejected"), 0u);
  EXPECT_EQ(run.sink.uplinks("dropped"), 0u);
}

// (b) de-registration wipes the session keys on the device, the network server and the application server,
// and stops the traffic; re-registration gives a new epoch and new keys, the same on each side.
TEST(lifecycle, DeregistrationWipesKeysAndReRegistrationGivesAFreshEpoch) {
  TwinRun run(scenario_text("30min", tracker(10), R"(timeline:
  - at: 10min
    action: deregister
    fraction: 1.0
  - at: 20min
    action: register
)"));
  constexpr SimTime kDereg = 10 * kMinute;
  constexpr SimTime kRereg = 20 * kMinute;
  const auto& fleet = run.world->fleet();
  // World hands the servers out const, but NetworkServer/ApplicationServer::session() has no const overload:
  // the objects themselves are not const, so casting the constness away to read them is well defined.
  const auto& ns = run.world->network_server();
  const auto& as = run.world->application_server();
  std::vector<std::array<std::uint8_t, 16>> net_before(10), app_before(10);
  bool checked_before = false;
  bool checked_during = false;
  run.world->probe().add(kDereg - kSecond, [&](SimTime) {
    for (std::uint32_t d = 0; d < 10; ++d) {
      ASSERT_EQ(fleet[d].visible, FleetState::Registered);
      ASSERT_TRUE(fleet[d].network_key.valid);
      net_before[d] = fleet[d].network_key.key;
      app_before[d] = fleet[d].application_key.key;
      // Both servers hold the device's keys of the same epoch.
      EXPECT_TRUE(ns.session(d).key.valid) << d;
      EXPECT_EQ(ns.session(d).key.key, fleet[d].network_key.key) << d;
      EXPECT_EQ(ns.session(d).key.epoch, 1) << d;
      EXPECT_TRUE(as.session(d).key.valid) << d;
      EXPECT_EQ(as.session(d).key.key, fleet[d].application_key.key) << d;
      EXPECT_EQ(as.session(d).key.epoch, 1) << d;
    }
    checked_before = true;
  });
  run.world->probe().add(15 * kMinute, [&](SimTime) {
    for (std::uint32_t d = 0; d < 10; ++d) {
      const auto& rec = fleet[d];
      EXPECT_EQ(rec.visible, FleetState::Deregistered) << d;
      EXPECT_FALSE(rec.network_key.valid) << d;
      EXPECT_FALSE(rec.application_key.valid) << d;
      const std::array<std::uint8_t, 16> zero{};
      EXPECT_EQ(rec.network_key.key, zero) << "device " << d << ": network key not wiped";
      EXPECT_EQ(rec.application_key.key, zero) << "device " << d << ": application key not wiped";
      EXPECT_FALSE(ns.session(d).key.valid) << "device " << d << ": network server session not wiped";
      EXPECT_EQ(ns.session(d).key.key, zero) << d;
      EXPECT_FALSE(as.session(d).key.valid) << "device " << d << ": application server session not wiped";
      EXPECT_EQ(as.session(d).key.key, zero) << d;
    }
    checked_during = true;
  });
  run.world->run();
  ASSERT_TRUE(checked_before);
  ASSERT_TRUE(checked_during);

  EXPECT_EQ(run.sink.count_if(run.sink.transitions, [](const Transition& t) {
    return t.to == FleetState::Deregistered && t.cause == "end_customer_deregister" && t.time == kDereg;
  }), 10u);
  for (std::uint32_t d = 0; d < 10; ++d) {
    const auto hs = run.sink.handshakes_of(d);
    ASSERT_EQ(hs.size(), 2u) << "device " << d;
    EXPECT_TRUE(hs[0].success);
    EXPECT_TRUE(hs[1].success);
    EXPECT_LT(hs[0].end, kDereg);
    EXPECT_GT(hs[1].start, kRereg);
    // Re-registration: deregistered -> associated -> registered.
    const auto tr = run.sink.transitions_of(d);
    ASSERT_EQ(tr.size(), 6u) << "device " << d;
    EXPECT_EQ(tr[3].to, FleetState::Deregistered);
    EXPECT_EQ(tr[4].from, FleetState::Deregistered);
    EXPECT_EQ(tr[4].to, FleetState::Associated);
    EXPECT_EQ(tr[5].to, FleetState::Registered);

    const auto& rec = fleet[d];
    EXPECT_EQ(rec.visible, FleetState::Registered);
    EXPECT_TRUE(rec.network_key.valid);
    EXPECT_TRUE(rec.application_key.valid);
    EXPECT_EQ(rec.epoch, 2);
    EXPECT_EQ(rec.network_key.epoch, 2);
    EXPECT_EQ(rec.application_key.epoch, 2);
    EXPECT_EQ(rec.registrations, 2);
    EXPECT_NE(rec.network_key.key, net_before[d]) << "device " << d << " got its old network key back";
    EXPECT_NE(rec.application_key.key, app_before[d]) << "device " << d << " got its old application key back";
    EXPECT_TRUE(ns.session(d).key.valid);
    EXPECT_EQ(ns.session(d).key.key, rec.network_key.key) << d;
    EXPECT_EQ(ns.session(d).key.epoch, 2) << d;
    EXPECT_TRUE(as.session(d).key.valid);
    EXPECT_EQ(as.session(d).key.key, rec.application_key.key) << d;
    EXPECT_EQ(as.session(d).key.epoch, 2) << d;
  }
  // Nothing is sent while de-registered, nothing is delivered after the keys were wiped until the new session.
  SimTime first_rereg = kNever;
  for (const auto& h : run.sink.handshakes)
    if (h.start > kDereg) first_rereg = std::min(first_rereg, h.end);
  EXPECT_EQ(run.sink.uplinks("sent", [&](const Traffic& t) { return t.time > kDereg && t.time < first_rereg; }), 0u);
  EXPECT_EQ(run.sink.uplinks("delivered", [&](const Traffic& t) { return t.time > kDereg && t.time < first_rereg; }),
            0u);
  // ...and traffic resumes under the new session.
  EXPECT_GT(run.sink.uplinks("delivered", [&](const Traffic& t) { return t.time > first_rereg; }), 20u);
  EXPECT_EQ(run.sink.uplinks("rejected"), 0u);
}

// (c) revoking a device type blocks all of its devices; every later uplink of theirs is refused at the network
// server with device_type_revoked and none is delivered; the other type is untouched.
TEST(lifecycle, RevokeDeviceTypeBlocksTheTypeAndRejectsAllItsUplinks) {
  TwinRun run(scenario_text("30min", tracker(12, "tracker") + tracker(8, "sensor"), R"(timeline:
  - at: 10min
    action: revoke_device_type
    device_type: tracker
)"));
  constexpr SimTime kRevoke = 10 * kMinute;
  run.world->run();
  const auto& fleet = run.world->fleet();
  const auto states = visible_states(fleet);
  for (std::uint32_t d = 0; d < 12; ++d) EXPECT_EQ(states[d], FleetState::Blocked) << d;
  for (std::uint32_t d = 12; d < 20; ++d) EXPECT_EQ(states[d], FleetState::Registered) << d;
  EXPECT_EQ(run.sink.count_if(run.sink.transitions, [](const Transition& t) {
    return t.to == FleetState::Blocked && t.cause == "device_type_revoked" && t.time == kRevoke && t.type == 0;
  }), 12u);

  auto tracker_after = [&](const Traffic& t) { return t.type == 0 && t.time > kRevoke; };
  const std::size_t sent_after = run.sink.uplinks("sent", tracker_after);
  const std::size_t rejected_after = run.sink.uplinks("rejected", tracker_after);
  EXPECT_GT(sent_after, 100u) << "blocked devices keep sending (they do not know)";
  EXPECT_EQ(run.sink.uplinks("delivered", tracker_after), 0u);
  EXPECT_EQ(run.sink.uplinks("delivered", [](const Traffic& t) { return t.from_blocked; }), 0u);
  EXPECT_EQ(rejected_after, run.sink.uplinks("rejected", "device_type_revoked"));
  // Every uplink sent after the revocation is refused, except at most one per device still on its way.
  // (up to one per device sent before the revocation and refused after it).
  EXPECT_LE(rejected_after, sent_after + 12);
  EXPECT_GE(rejected_after + 12, sent_after);
  EXPECT_EQ(run.sink.count_if(run.sink.refusals, [](const Refusal& r) {
    return r.actor == "network_server" && r.what == "uplink" && r.cause == "device_type_revoked";
  }), rejected_after);
  // The sensors keep delivering.
  EXPECT_GT(run.sink.uplinks("delivered", [&](const Traffic& t) { return t.type == 1 && t.time > kRevoke; }), 100u);
  EXPECT_EQ(run.sink.uplinks("rejected", [](const Traffic& t) { return t.type == 1; }), 0u);
}

// (d) revoke_device with a count blocks exactly that many devices.
TEST(lifecycle, RevokeDeviceCountBlocksExactlyThatMany) {
  TwinRun run(scenario_text("20min", tracker(20), R"(timeline:
  - at: 8min
    action: revoke_device
    device_type: tracker
    count: 7
)"));
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  EXPECT_EQ(count_state(states, FleetState::Blocked), 7u);
  EXPECT_EQ(count_state(states, FleetState::Registered), 13u);
  std::set<std::uint32_t> blocked;
  for (const auto& t : run.sink.transitions)
    if (t.to == FleetState::Blocked) {
      EXPECT_EQ(t.cause, "device_revoked");
      EXPECT_EQ(t.time, 8 * kMinute);
      blocked.insert(t.device);
    }
  EXPECT_EQ(blocked.size(), 7u);
  EXPECT_EQ(run.sink.count_if(run.sink.notices, [](const Notice& n) {
    return n.actor == "timeline" && n.kind == "revoke_device" && n.detail == "7 devices of tracker";
  }), 1u);
  // Uplinks of revoked devices are refused (device_revoked), never delivered after the revocation.
  auto revoked_after = [&](const Traffic& t) { return blocked.count(t.device) > 0 && t.time > 8 * kMinute; };
  EXPECT_EQ(run.sink.uplinks("delivered", revoked_after), 0u);
  EXPECT_GT(run.sink.uplinks("rejected", revoked_after), 0u);
  EXPECT_EQ(run.sink.uplinks("rejected", revoked_after), run.sink.uplinks("rejected", "device_revoked"));
  EXPECT_EQ(run.sink.uplinks("rejected", [&](const Traffic& t) { return blocked.count(t.device) == 0; }), 0u);
}

// (d') revoke_device of one device by its index blocks that device alone; a de-registration of a device that is not
// registered (here: the same, now blocked) changes nothing, and its notice says so.
TEST(lifecycle, RevokeOneDeviceByItsIndexBlocksItAlone) {
  TwinRun run(scenario_text("20min", tracker(20), R"(timeline:
  - at: 8min
    action: revoke_device
    device: 13
  - at: 9min
    action: deregister
    device: 13
)"));
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  EXPECT_EQ(count_state(states, FleetState::Blocked), 1u);
  EXPECT_EQ(states[13], FleetState::Blocked);
  EXPECT_EQ(count_state(states, FleetState::Registered), 19u);
  EXPECT_EQ(run.sink.count_if(run.sink.notices, [](const Notice& n) {
    return n.kind == "revoke_device" && n.detail == "1 devices (device 13)";
  }), 1u);
  EXPECT_EQ(run.sink.count_if(run.sink.notices, [](const Notice& n) {
    return n.kind == "deregister" && n.detail == "0 devices (device 13)";
  }), 1u);
}

// (e) the developer revokes permission: the devices are blocked and their uplinks refused by the cloud partner.
TEST(lifecycle, DeveloperRevokeBlocksAndRefusesUplinks) {
  TwinRun run(scenario_text("20min", tracker(10), R"(timeline:
  - at: 8min
    action: developer_revoke
    device_type: tracker
    count: 4
)"));
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  EXPECT_EQ(count_state(states, FleetState::Blocked), 4u);
  EXPECT_EQ(count_state(states, FleetState::Registered), 6u);
  std::set<std::uint32_t> blocked;
  for (const auto& t : run.sink.transitions)
    if (t.to == FleetState::Blocked) {
      EXPECT_EQ(t.cause, "developer_revoked");
      blocked.insert(t.device);
    }
  ASSERT_EQ(blocked.size(), 4u);
  auto after = [&](const Traffic& t) { return blocked.count(t.device) > 0 && t.time > 8 * kMinute; };
  EXPECT_EQ(run.sink.uplinks("delivered", after), 0u);
  const std::size_t rejected = run.sink.uplinks("rejected", "developer_revoked");
  EXPECT_GT(rejected, 0u);
  EXPECT_EQ(run.sink.uplinks("rejected", after), rejected);
  EXPECT_EQ(run.sink.count_if(run.sink.refusals, [](const Refusal& r) {
    return r.actor == "cloud_partner" && r.what == "uplink" && r.cause == "developer_revoked";
  }), rejected);
}

// The cloud partner counts revoked permissions, so that the uplinks' check reads no device record while none is.
TEST(lifecycle, CloudPartnerCountsRevokedPermissions) {
  models::CloudPartnerRegistry registry(models::CloudConfig{}, {}, 3);
  EXPECT_EQ(registry.permissions_revoked(), 0u);
  EXPECT_FALSE(registry.permission_revoked(1));
  registry.revoke_permission(1);
  registry.revoke_permission(1);
  EXPECT_EQ(registry.permissions_revoked(), 1u);
  EXPECT_TRUE(registry.permission_revoked(1));
  EXPECT_TRUE(registry.device(1).permission_revoked);
  EXPECT_FALSE(registry.permission_revoked(0));
  EXPECT_FALSE(registry.permission_revoked(2));
}

// (f) every control-log record corrupted on its way to the ingest: every mass-production device is rejected
// on its device signature and the factory is notified; hand-flashed prototypes do not go through the ingest.
// The loader only accepts rates below 100% (a run where nothing can be made is a misconfiguration), so the
// rate is raised to exactly 1 on the loaded scenario.
TEST(lifecycle, IngestFaultsRejectEveryMassProductionDeviceAndNotifyTheFactory) {
  TwinRun run(scenario_text("10min", tracker(10) + R"(    - name: devkit
      count: 3
      stage: prototype
      register: {auto: true, delay: 2s}
)"),
          1, [](scenario::Scenario& s) { s.world.cloud.ingest_fault_rate = 1.0; });
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  for (std::uint32_t d = 0; d < 10; ++d) {
    EXPECT_EQ(states[d], FleetState::Rejected) << d;
    const auto tr = run.sink.transitions_of(d);
    ASSERT_EQ(tr.size(), 1u);
    EXPECT_EQ(tr[0].from, FleetState::None);
    EXPECT_EQ(tr[0].cause, "bad_device_signature");
  }
  for (std::uint32_t d = 10; d < 13; ++d) EXPECT_EQ(states[d], FleetState::Registered) << d;
  EXPECT_EQ(run.sink.count_if(run.sink.refusals, [](const Refusal& r) {
    return r.actor == "ingest" && r.what == "ingest_record" && r.cause == "bad_device_signature" && r.type == 0;
  }), 10u);
  EXPECT_EQ(run.sink.refusals.size(), 10u);
  std::set<std::string> notified;
  for (const auto& n : run.sink.notices)
    if (n.kind == "factory_notified") {
      EXPECT_EQ(n.actor, "ingest");
      EXPECT_NE(n.detail.find("rejected: bad_device_signature"), std::string::npos) << n.detail;
      notified.insert(n.detail);
    }
  EXPECT_EQ(notified.size(), 10u) << "one notice per rejected device";
  for (const auto& h : run.sink.handshakes) EXPECT_GE(h.device, 10u) << "a rejected device tried to register";
}

// (g) the prototype limit counts per developer account, across device types.
TEST(lifecycle, PrototypeLimitRejectsTheDevicesBeyondItPerAccount) {
  TwinRun run(scenario_text("10min", R"(    - name: proto-a
      count: 8
      stage: prototype
      developer: lab
    - name: proto-b
      count: 7
      stage: prototype
      developer: lab
      manufacture: {at: 1min}
    - name: proto-c
      count: 4
      stage: prototype
      developer: other
)", R"(cloud:
  prototype_limit: 10
)"));
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  // proto-a: devices 0-7, proto-b: 8-14 (two fit, five over the limit), proto-c: 15-18 (its own account).
  std::set<std::uint32_t> rejected;
  for (const auto& t : run.sink.transitions)
    if (t.to == FleetState::Rejected) {
      EXPECT_EQ(t.cause, "prototype_limit");
      rejected.insert(t.device);
    }
  EXPECT_EQ(rejected, (std::set<std::uint32_t>{10, 11, 12, 13, 14}));
  EXPECT_EQ(count_state(states, FleetState::Rejected), 5u);
  EXPECT_EQ(count_state(states, FleetState::Registered), 14u);
  EXPECT_EQ(run.sink.count_if(run.sink.refusals, [](const Refusal& r) {
    return r.actor == "cloud_partner" && r.what == "provisioning" && r.cause == "prototype_limit";
  }), 5u);
  EXPECT_EQ(run.sink.notices_of_kind("factory_notified"), 0u) << "prototypes have no factory";
}

// (h) an unqualified production type cannot be made; once qualified, the devices made later pass.
TEST(lifecycle, UnqualifiedProductionIsRejectedUntilQualified) {
  TwinRun run(scenario_text("30min", R"(    - name: widget
      count: 10
      manufacture: {at: 0s, over: 10min}
      register: {auto: true, delay: 2s}
)", R"(timeline:
  - at: 270s
    action: qualify
    device_type: widget
)"));
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  // Device i is made at i minutes: 0-4 before the qualification at 4.5 min, 5-9 after.
  for (std::uint32_t d = 0; d < 5; ++d) {
    EXPECT_EQ(states[d], FleetState::Rejected) << d;
    const auto tr = run.sink.transitions_of(d);
    ASSERT_EQ(tr.size(), 1u);
    EXPECT_EQ(tr[0].cause, "not_qualified");
    EXPECT_EQ(tr[0].time, d * kMinute);
  }
  for (std::uint32_t d = 5; d < 10; ++d) EXPECT_EQ(states[d], FleetState::Registered) << d;
  EXPECT_EQ(run.sink.count_if(run.sink.refusals, [](const Refusal& r) {
    return r.actor == "contract_manufacturer" && r.cause == "not_qualified";
  }), 5u);
  EXPECT_EQ(run.sink.notices_of_kind("factory_notified"), 5u);
}

// The loader refuses a production type that is never qualified (nothing of it could be made), so the qualify
// action is dropped from the loaded scenario to see the model on its own.
TEST(lifecycle, UnqualifiedProductionWithoutQualificationRejectsAll) {
  TwinRun run(scenario_text("10min", R"(    - name: widget
      count: 6
)", R"(timeline:
  - at: 9min
    action: qualify
    device_type: widget
)"),
          1, [](scenario::Scenario& s) { s.timeline.clear(); });
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  EXPECT_EQ(count_state(states, FleetState::Rejected), 6u);
  EXPECT_EQ(run.sink.uplinks("sent"), 0u);
  EXPECT_TRUE(run.sink.handshakes.empty());
}

// (i) a pre-production DAK signs at most its limit.
TEST(lifecycle, PreproductionDakSignatureLimit) {
  TwinRun run(scenario_text("10min", R"(    - name: sensor
      count: 8
      stage: preproduction
      dak_signature_limit: 5
      register: {auto: true, delay: 2s}
)"));
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  for (std::uint32_t d = 0; d < 5; ++d) EXPECT_EQ(states[d], FleetState::Registered) << d;
  for (std::uint32_t d = 5; d < 8; ++d) EXPECT_EQ(states[d], FleetState::Rejected) << d;
  EXPECT_EQ(run.sink.count_if(run.sink.transitions, [](const Transition& t) {
    return t.to == FleetState::Rejected && t.cause == "dak_signature_limit";
  }), 3u);
  EXPECT_EQ(run.sink.count_if(run.sink.refusals, [](const Refusal& r) {
    return r.actor == "contract_manufacturer" && r.cause == "dak_signature_limit";
  }), 3u);
}

// (j) a network server outage: registrations during it time out and are retried with backoff until they
// succeed after it; uplinks queued during it are delivered after it.
TEST(lifecycle, NetworkServerOutageRegistrationsRetryAndQueuedUplinksAreDelivered) {
  TwinRun run(scenario_text("40min", tracker(10, "early", "{uplink_period: 1min, queue_limit: 32}") +
                                     R"(    - name: late
      count: 10
      qualified: true
      manufacture: {at: 6min}
      register: {auto: true, delay: {dist: uniform, min: 1s, max: 20s}}
)",
                          R"(timeline:
  - at: 5min
    action: outage
    target: network_server
    for: 5min
)"));
  constexpr SimTime kDown = 5 * kMinute;
  constexpr SimTime kUp = 10 * kMinute;
  constexpr SimTime kEnd = 40 * kMinute;
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  EXPECT_EQ(count_state(states, FleetState::Registered), 20u);

  // Late devices: every attempt that started in the outage timed out; each device needed at least one retry.
  for (std::uint32_t d = 10; d < 20; ++d) {
    const auto hs = run.sink.handshakes_of(d);
    ASSERT_GE(hs.size(), 2u) << "device " << d;
    for (std::size_t i = 0; i + 1 < hs.size(); ++i) {
      EXPECT_FALSE(hs[i].success);
      EXPECT_EQ(hs[i].reason, "timeout");
      EXPECT_EQ(hs[i].end - hs[i].start, 10 * kSecond);  // the handshake timeout
      EXPECT_LT(hs[i].start, kUp);
      if (i > 0) {
        EXPECT_GT(hs[i].start, hs[i - 1].end) << "a retry before the previous attempt ended";
      }
    }
    EXPECT_TRUE(hs.back().success);
    EXPECT_GT(hs.back().end, kUp);
    // Backoff: the k-th wait is in [50%, 100%] of 2 s * 2^k, so each wait is at least as long as the one before.
    for (std::size_t i = 2; i < hs.size(); ++i)
      EXPECT_GE(hs[i].start - hs[i - 1].end, hs[i - 1].start - hs[i - 2].end) << "device " << d << " retry " << i;
    EXPECT_GE(hs[1].start - hs[0].end, kSecond);
    EXPECT_LE(hs[1].start - hs[0].end, 2 * kSecond);
  }
  EXPECT_EQ(run.sink.count_if(run.sink.handshakes, [](const Handshake& h) { return !h.success; }),
            run.sink.count_if(run.sink.handshakes, [](const Handshake& h) { return h.reason == "timeout"; }));

  // Early devices: uplinks keep being queued during the outage, nothing is delivered during it (after the
  // frames already past the network server), everything is delivered afterwards, nothing is dropped.
  auto early = [](const Traffic& t) { return t.type == 0; };
  const std::size_t sent_in_outage =
      run.sink.uplinks("sent", [&](const Traffic& t) { return early(t) && t.time >= kDown && t.time < kUp; });
  EXPECT_GT(sent_in_outage, 20u);
  EXPECT_EQ(run.sink.uplinks("delivered", [&](const Traffic& t) {
    return early(t) && t.time > kDown + kSecond && t.time < kUp;
  }), 0u);
  const std::size_t sent = run.sink.uplinks("sent", early);
  const std::size_t sent_before_last_minutes =
      run.sink.uplinks("sent", [&](const Traffic& t) { return early(t) && t.time < kEnd - 3 * kMinute; });
  const std::size_t delivered = run.sink.uplinks("delivered", early);
  EXPECT_LE(delivered, sent);
  EXPECT_GE(delivered, sent_before_last_minutes) << "uplinks queued in the outage were lost";
  EXPECT_EQ(run.sink.uplinks("dropped"), 0u);
  EXPECT_EQ(run.sink.uplinks("rejected"), 0u);
  EXPECT_EQ(run.sink.notices_of_kind("outage_start"), 1u);
  EXPECT_EQ(run.sink.notices_of_kind("outage_end"), 1u);
}

// (k) replayed uplinks are refused as replays and forged ones as forgeries, at the network server; the attacks
// add no delivered uplink and do not disturb the genuine frames they copy or race.
TEST(lifecycle, ReplayAndForgeAttacksAreRefusedAndDeliverNothingExtra) {
  TwinRun run(scenario_text("30min", tracker(20), R"(timeline:
  - at: 10min
    action: replay_attack
    count: 5
  - at: 12min
    action: forge_attack
    count: 6
)"));
  run.world->run();
  EXPECT_EQ(run.sink.uplinks("rejected", "replay"), 5u);
  EXPECT_EQ(run.sink.uplinks("rejected", "forged"), 6u);
  EXPECT_EQ(run.sink.uplinks("rejected"), 11u);
  EXPECT_EQ(run.sink.count_if(run.sink.refusals, [](const Refusal& r) {
    return r.actor == "network_server" && r.what == "uplink" && (r.cause == "replay" || r.cause == "forged");
  }), 11u);
  const std::size_t sent = run.sink.uplinks("sent");
  const std::size_t delivered = run.sink.uplinks("delivered");
  EXPECT_LE(delivered, sent) << "an attack delivered an uplink the devices never sent";
  EXPECT_GE(delivered + 20, sent) << "an attack made genuine uplinks undeliverable";
  EXPECT_EQ(run.sink.uplinks("duplicate"), 0u);
  EXPECT_EQ(run.sink.uplinks("dropped"), 0u);
  // Per device: delivered never exceeds sent.
  std::map<std::uint32_t, std::pair<int, int>> per_device;
  for (const auto& t : run.sink.traffic_records) {
    if (t.direction != "uplink") continue;
    if (t.outcome == "sent") ++per_device[t.device].first;
    if (t.outcome == "delivered") ++per_device[t.device].second;
  }
  for (const auto& [d, sd] : per_device) EXPECT_LE(sd.second, sd.first) << "device " << d;
  EXPECT_EQ(count_state(visible_states(run.world->fleet()), FleetState::Registered), 20u);
}

// An application server outage: the network server still acknowledges, the cloud partner's destination holds
// the uplinks and hands them over when the application server is back; nothing is lost.
TEST(lifecycle, ApplicationServerOutageBuffersUplinksAtTheDestination) {
  TwinRun run(scenario_text("30min", tracker(10), R"(timeline:
  - at: 5min
    action: outage
    target: application_server
    for: 5min
)"));
  constexpr SimTime kDown = 5 * kMinute;
  constexpr SimTime kUp = 10 * kMinute;
  run.world->run();
  const std::size_t sent_in_outage =
      run.sink.uplinks("sent", [&](const Traffic& t) { return t.time >= kDown && t.time < kUp; });
  EXPECT_GT(sent_in_outage, 25u);
  EXPECT_EQ(run.sink.uplinks("delivered", [&](const Traffic& t) { return t.time > kDown + kSecond && t.time < kUp; }),
            0u);
  // Everything held is handed over (and delivered) the moment the application server is back.
  EXPECT_GE(run.sink.uplinks("delivered", [&](const Traffic& t) { return t.time == kUp; }),
            sent_in_outage - 10);
  const std::size_t sent_early =
      run.sink.uplinks("sent", [&](const Traffic& t) { return t.time < 27 * kMinute; });
  EXPECT_GE(run.sink.uplinks("delivered"), sent_early);
  EXPECT_EQ(run.sink.uplinks("dropped"), 0u);
  EXPECT_EQ(run.sink.uplinks("rejected"), 0u);
}

// With a small destination buffer, what does not fit while the application server is down is dropped.
TEST(lifecycle, ApplicationServerOutageBeyondTheDestinationBufferDropsTheRest) {
  TwinRun run(scenario_text("30min", tracker(10), R"(cloud:
  destination_buffer: 5
timeline:
  - at: 5min
    action: outage
    target: application_server
    for: 5min
)"));
  constexpr SimTime kDown = 5 * kMinute;
  constexpr SimTime kUp = 10 * kMinute;
  run.world->run();
  const std::size_t dropped = run.sink.uplinks("dropped", "destination_full");
  EXPECT_EQ(run.sink.uplinks("dropped"), dropped);
  const std::size_t held_and_delivered =
      run.sink.uplinks("delivered", [&](const Traffic& t) { return t.time == kUp; });
  EXPECT_EQ(held_and_delivered, 5u) << "the destination holds exactly its buffer";
  const std::size_t sent_in_outage =
      run.sink.uplinks("sent", [&](const Traffic& t) { return t.time >= kDown && t.time < kUp; });
  EXPECT_LE(dropped + 5, sent_in_outage + 10);
  EXPECT_GE(dropped + 5 + 10, sent_in_outage);
  for (const auto& t : run.sink.traffic_records)
    if (t.outcome == "dropped") {
      EXPECT_GE(t.time, kDown);
      EXPECT_LT(t.time, kUp);
    }
}

// An ingest outage: the contract manufacturer's uploads fail and are retried; every device is provisioned
// after the outage and registers.
TEST(lifecycle, IngestOutageDelaysProvisioningUntilItEnds) {
  TwinRun run(scenario_text("30min", R"(    - name: tracker
      count: 10
      qualified: true
      manufacture: {at: 1min, over: 2min}
      register: {auto: true, delay: 2s}
)", R"(timeline:
  - at: 30s
    action: outage
    target: ingest
    for: 4min
)"));
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  EXPECT_EQ(count_state(states, FleetState::Registered), 10u);
  for (const auto& t : run.sink.transitions)
    if (t.to == FleetState::Created) {
      EXPECT_GE(t.time, 4 * kMinute + 30 * kSecond) << "provisioned during the outage";
    }
  EXPECT_EQ(run.sink.count_if(run.sink.transitions, [](const Transition& t) { return t.to == FleetState::Created; }),
            10u);
  EXPECT_TRUE(run.sink.refusals.empty());
}

// A type revoked while it is still being made: the devices already provisioned are blocked, those made later
// are refused at the ingest, none is ever registered afterwards.
TEST(lifecycle, RevokeDeviceTypeDuringManufacturingRejectsTheRest) {
  TwinRun run(scenario_text("30min", R"(    - name: tracker
      count: 10
      qualified: true
      manufacture: {at: 0s, over: 10min}
      register: {auto: true, delay: 2s}
)", R"(timeline:
  - at: 270s
    action: revoke_device_type
    device_type: tracker
)"));
  run.world->run();
  const auto states = visible_states(run.world->fleet());
  // Device i is made at i minutes (+2 s ingest): 0-4 exist at 4.5 min and are blocked, 5-9 are refused.
  for (std::uint32_t d = 0; d < 5; ++d) EXPECT_EQ(states[d], FleetState::Blocked) << d;
  for (std::uint32_t d = 5; d < 10; ++d) {
    EXPECT_EQ(states[d], FleetState::Rejected) << d;
    const auto tr = run.sink.transitions_of(d);
    ASSERT_EQ(tr.size(), 1u);
    EXPECT_EQ(tr[0].cause, "device_type_revoked");
  }
  EXPECT_EQ(run.sink.count_if(run.sink.refusals, [](const Refusal& r) {
    return r.actor == "ingest" && r.cause == "device_type_revoked";
  }), 5u);
  for (const auto& h : run.sink.handshakes) EXPECT_LT(h.start, 270 * kSecond);
  EXPECT_EQ(run.sink.uplinks("delivered", [](const Traffic& t) { return t.time > 271 * kSecond; }), 0u);
}

// Devices that do not register on their own wait, associated, for the end customer's register action.
TEST(lifecycle, ManualRegistrationRegistersExactlyTheSelectedDevices) {
  TwinRun run(scenario_text("20min", R"(    - name: hub
      count: 10
      qualified: true
      register: {auto: false}
)", R"(timeline:
  - at: 5min
    action: register
    device_type: hub
    count: 3
)"));
  bool checked = false;
  run.world->probe().add(5 * kMinute - kSecond, [&](SimTime) {
    EXPECT_EQ(count_state(visible_states(run.world->fleet()), FleetState::Associated), 10u);
    checked = true;
  });
  run.world->run();
  ASSERT_TRUE(checked);
  const auto states = visible_states(run.world->fleet());
  EXPECT_EQ(count_state(states, FleetState::Registered), 3u);
  EXPECT_EQ(count_state(states, FleetState::Associated), 7u);
  EXPECT_EQ(run.sink.handshakes.size(), 3u);
  for (const auto& h : run.sink.handshakes) {
    EXPECT_TRUE(h.success);
    EXPECT_GE(h.start, 5 * kMinute);
  }
}

// Registration from the developer's phone over BLE, and downlinks answering every second uplink.
TEST(lifecycle, MobileAppRegistrationAndDownlinks) {
  TwinRun run(scenario_text("20min", R"(    - name: lamp
      count: 5
      qualified: true
      register_via: mobile_app
      register: {auto: true, delay: 2s}
      traffic: {uplink_period: 1min, downlink_every: 2}
)"));
  run.world->run();
  ASSERT_EQ(run.sink.handshakes.size(), 5u);
  for (const auto& h : run.sink.handshakes) {
    EXPECT_TRUE(h.success);
    EXPECT_EQ(h.via, "mobile_app");
    EXPECT_EQ(h.link, "ble");
    // Four crossings of the phone (300 ms each) at least.
    EXPECT_GT(h.end - h.start, 1200 * kMillisecond);
  }
  const std::size_t up = run.sink.uplinks("delivered");
  const auto down_sent = run.sink.count_if(run.sink.traffic_records, [](const Traffic& t) {
    return t.direction == "downlink" && t.outcome == "sent";
  });
  const auto down_delivered = run.sink.count_if(run.sink.traffic_records, [](const Traffic& t) {
    return t.direction == "downlink" && t.outcome == "delivered";
  });
  EXPECT_GT(up, 50u);
  // Every second delivered uplink of each device is answered (per device floor(n/2)).
  std::map<std::uint32_t, std::size_t> per_device;
  for (const auto& t : run.sink.traffic_records)
    if (t.direction == "uplink" && t.outcome == "delivered") ++per_device[t.device];
  std::size_t want = 0;
  for (const auto& [d, n] : per_device) want += n / 2;
  EXPECT_EQ(down_sent, want);
  EXPECT_LE(down_delivered, down_sent);
  EXPECT_GE(down_delivered + 5, down_sent);
  EXPECT_EQ(run.sink.count_if(run.sink.traffic_records, [](const Traffic& t) {
    return t.direction == "downlink" && t.outcome == "rejected";
  }), 0u);
}

// A message the air loses ends its attempt but for the device's timeout: the parties' handshake states and the
// message are freed at once instead of at the timeout (in a registration burst they are most of the memory).
// Samples the attempts in flight and those holding handshake state every `every` until `until`.
std::vector<Handshake> sample_attempts(bool lossy, SimTime every, SimTime until, std::size_t& in_flight,
                                       std::size_t& held) {
  std::string text = scenario_text("2min", tracker(20));
  if (lossy) {
    for (std::size_t at = text.find("loss: 0}"); at != std::string::npos; at = text.find("loss: 0}", at))
      text.replace(at, 8, "loss: 0.999999}");
  }
  TwinRun run(text);
  for (SimTime t = every; t < until; t += every) {
    run.world->probe().add(t, [&](SimTime) {
      in_flight += run.world->registration().in_flight();
      held += run.world->registration().handshake_states_held();
    });
  }
  run.world->run();
  return run.sink.handshakes;
}

TEST(lifecycle, AttemptsWhoseMessageWasLostHoldNoHandshakeState) {
  std::size_t in_flight = 0, held = 0;
  const auto lossy = sample_attempts(true, 100 * kMillisecond, 2 * kMinute, in_flight, held);
  ASSERT_FALSE(lossy.empty());
  for (const auto& h : lossy) {
    EXPECT_FALSE(h.success);
    EXPECT_EQ(h.reason, "timeout");
  }
  EXPECT_GT(in_flight, 1000u);      // attempts wait ~10 s each for their timeout
  EXPECT_LT(held * 50, in_flight);  // held only while the device makes its key and M1 (milliseconds)
}

// The same sampling without loss sees the parties' states during the handshakes.
TEST(lifecycle, AttemptsInFlightHoldTheirHandshakeState) {
  std::size_t in_flight = 0, held = 0;
  const auto clean = sample_attempts(false, 20 * kMillisecond, 15 * kSecond, in_flight, held);
  EXPECT_EQ(clean.size(), 20u);
  EXPECT_GT(held, 0u);
  EXPECT_EQ(held, in_flight);
}

}  // namespace
}  // namespace st::test
