// What a valid scenario loads into: converted units, distributions, defaults filled in, the derived provisioning
// flow, timeline actions and expectations with their texts; and the file-level entry point.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "sim/scenario/scenario_loader.hpp"

namespace st::scenario {
namespace {

constexpr const char* kFull = R"(scenario:
  name: quickstart
  description: "a small run"
  seed: 7
  duration: 2h
  sample_interval: 30s
topology:
  gateways:
    - name: ring
      count: 20
      links: [ble, fsk, css]
      backhaul_latency: {dist: uniform, min: 10ms, max: 50ms}
    - name: echo
      links: [ble]
  link_model:
    fsk: {latency: {dist: lognormal, median: 120ms, sigma: 0.3}, loss: 0.02}
    css: {loss: 10%}
fleet:
  device_types:
    - name: tracker
      count: 1000
      stage: production
      developer: acme
      links: [fsk, css]
      curve: p256
      mcu: {core: cortex-m33, clock: 128MHz}
      manufacture: {at: 1min, over: 10min}
      register: {auto: false, delay: {dist: normal, mean: 1s, sd: 200ms}}
      traffic: {uplink_period: 10min, payload: 24B, downlink_every: 4, queue_limit: 16, ttl: 30min}
    - name: proto
      count: 5
      stage: prototype
      register_via: mobile_app
    - name: pre
      count: 50
      stage: preproduction
      links: [ble, fsk]
      dak_signature_limit: 500
      qualified: true
cloud:
  ingest_latency: {dist: exponential, mean: 3s}
  ingest_fault_rate: 2%
  prototype_limit: 10
  handshake_timeout: 15s
  backoff: {initial: 1s, max: 1min}
  ack_timeout: 4s
  destination_buffer: 50
timeline:
  - at: 5min
    action: qualify
    device_type: tracker
  - at: 20min
    action: register
    device_type: tracker
  - at: 30min
    action: deregister
    device_type: tracker
    fraction: 20%
  - at: 40min
    action: revoke_device
    count: 10
  - at: 50min
    action: outage
    target: application_server
    for: 5min
    repeat: 3
    every: 20min
  - at: 1h
    action: forge_attack
expect:
  - state: registered
    at: 30min
    device_type: tracker
    min: 100
    max: 1000
  - state: blocked
    min_fraction: 0.5%
  - handshake_latency: p95
    max: 3s
  - counter: uplinks_accepted_from_blocked
    equals: 0
  - counter: handshakes_failed.timeout
    max: 5
)";

TEST(Loader, ConvertsEverySection) {
  const Scenario s = load_scenario_text(kFull, "full.yaml");
  EXPECT_EQ(s.file, "full.yaml");
  EXPECT_EQ(s.name, "quickstart");
  EXPECT_EQ(s.description, "a small run");
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(s.duration, 2 * kHour);
  EXPECT_EQ(s.sample_interval, 30 * kSecond);

  ASSERT_EQ(s.topology.gateways.size(), 2u);
  const auto& ring = s.topology.gateways[0];
  EXPECT_EQ(ring.name, "ring");
  EXPECT_EQ(ring.count, 20u);
  EXPECT_EQ(ring.links, (std::vector{models::LinkType::Ble, models::LinkType::Fsk, models::LinkType::Css}));
  EXPECT_EQ(ring.backhaul_latency.kind, Distribution::Kind::Uniform);
  EXPECT_DOUBLE_EQ(ring.backhaul_latency.a, 10e6);
  EXPECT_DOUBLE_EQ(ring.backhaul_latency.b, 50e6);
  EXPECT_EQ(ring.where.line, 9);
  EXPECT_EQ(ring.where.column, 7);
  EXPECT_EQ(s.topology.gateways[1].count, 1u);  // default
  EXPECT_EQ(s.topology.gateways[1].backhaul_latency.kind, Distribution::Kind::Constant);
  EXPECT_DOUBLE_EQ(s.topology.gateways[1].backhaul_latency.a, 30e6);

  ASSERT_EQ(s.topology.link_model.size(), 3u);  // every link present
  const auto& ble = s.topology.link_model.at(models::LinkType::Ble);
  EXPECT_DOUBLE_EQ(ble.latency.a, 40e6);
  EXPECT_DOUBLE_EQ(ble.loss, 0.01);
  const auto& fsk = s.topology.link_model.at(models::LinkType::Fsk);
  EXPECT_EQ(fsk.latency.kind, Distribution::Kind::LogNormal);
  EXPECT_DOUBLE_EQ(fsk.latency.a, 120e6);
  EXPECT_DOUBLE_EQ(fsk.latency.b, 0.3);
  EXPECT_DOUBLE_EQ(fsk.loss, 0.02);
  const auto& css = s.topology.link_model.at(models::LinkType::Css);
  EXPECT_DOUBLE_EQ(css.latency.a, 400e6);  // default latency kept
  EXPECT_DOUBLE_EQ(css.loss, 0.10);

  ASSERT_EQ(s.fleet.device_types.size(), 3u);
  EXPECT_EQ(s.device_count(), 1055u);
  const auto& t = s.fleet.device_types[0];
  EXPECT_EQ(t.name, "tracker");
  EXPECT_EQ(t.count, 1000u);
  EXPECT_EQ(t.stage, models::Stage::Production);
  EXPECT_EQ(t.flow, models::ProvisioningFlow::MassProduction);
  EXPECT_EQ(t.developer, "acme");
  EXPECT_EQ(t.links, (std::vector{models::LinkType::Fsk, models::LinkType::Css}));
  EXPECT_EQ(t.register_via, models::RegistrationPath::Gateway);
  EXPECT_EQ(t.curve, security::EcdhCurve::P256);
  EXPECT_EQ(t.mcu_core, "cortex-m33");
  EXPECT_DOUBLE_EQ(t.mcu_clock_hz, 128e6);
  EXPECT_EQ(t.manufacture_at, kMinute);
  EXPECT_EQ(t.manufacture_over, 10 * kMinute);
  EXPECT_FALSE(t.auto_register);
  EXPECT_EQ(t.register_delay.kind, Distribution::Kind::Normal);
  EXPECT_DOUBLE_EQ(t.register_delay.a, 1e9);
  EXPECT_DOUBLE_EQ(t.register_delay.b, 200e6);
  EXPECT_EQ(t.traffic.uplink_period, 10 * kMinute);
  EXPECT_EQ(t.traffic.payload_bytes, 24u);
  EXPECT_EQ(t.traffic.downlink_every, 4u);
  EXPECT_EQ(t.traffic.queue_limit, 16u);
  EXPECT_EQ(t.traffic.ttl, 30 * kMinute);
  EXPECT_FALSE(t.qualified);  // qualified by the timeline instead

  const auto& proto = s.fleet.device_types[1];
  EXPECT_EQ(proto.stage, models::Stage::Prototype);
  EXPECT_EQ(proto.flow, models::ProvisioningFlow::Prototyping);  // derived from the stage
  EXPECT_EQ(proto.developer, "default");
  EXPECT_EQ(proto.links, std::vector{models::LinkType::Ble});
  EXPECT_EQ(proto.register_via, models::RegistrationPath::MobileApp);
  EXPECT_EQ(proto.mcu_core, "cortex-m4");
  EXPECT_TRUE(proto.auto_register);
  EXPECT_EQ(proto.register_delay.kind, Distribution::Kind::Exponential);
  EXPECT_EQ(proto.traffic.payload_bytes, 19u);
  EXPECT_EQ(s.fleet.device_types[2].dak_signature_limit, 500u);

  EXPECT_EQ(s.cloud.ingest_latency.kind, Distribution::Kind::Exponential);
  EXPECT_DOUBLE_EQ(s.cloud.ingest_latency.a, 3e9);
  EXPECT_DOUBLE_EQ(s.cloud.association_latency.a, 200e6);  // default
  EXPECT_DOUBLE_EQ(s.cloud.ingest_fault_rate, 0.02);
  EXPECT_EQ(s.cloud.prototype_limit, 10u);
  EXPECT_EQ(s.cloud.handshake_timeout, 15 * kSecond);
  EXPECT_EQ(s.cloud.backoff_initial, kSecond);
  EXPECT_EQ(s.cloud.backoff_max, kMinute);
  EXPECT_EQ(s.cloud.ack_timeout, 4 * kSecond);
  EXPECT_EQ(s.cloud.destination_buffer, 50u);

  ASSERT_EQ(s.timeline.size(), 6u);
  EXPECT_EQ(s.timeline[0].kind, ActionKind::Qualify);
  EXPECT_EQ(s.timeline[2].kind, ActionKind::Deregister);
  EXPECT_EQ(s.timeline[2].at, 30 * kMinute);
  EXPECT_EQ(s.timeline[2].device_type, "tracker");
  EXPECT_DOUBLE_EQ(s.timeline[2].fraction, 0.2);
  EXPECT_FALSE(s.timeline[2].count);
  EXPECT_EQ(s.timeline[3].kind, ActionKind::RevokeDevice);
  EXPECT_EQ(s.timeline[3].count, 10u);
  EXPECT_FALSE(s.timeline[3].device_type);
  const auto& outage = s.timeline[4];
  EXPECT_EQ(outage.kind, ActionKind::Outage);
  EXPECT_EQ(outage.target, OutageTarget::ApplicationServer);
  EXPECT_EQ(outage.duration, 5 * kMinute);
  EXPECT_EQ(outage.repeat, 3u);
  EXPECT_EQ(outage.every, 20 * kMinute);
  EXPECT_EQ(outage.where.line, 62);
  EXPECT_EQ(s.timeline[5].kind, ActionKind::ForgeAttack);
  EXPECT_EQ(s.timeline[5].at, 2 * kHour - kHour);

  ASSERT_EQ(s.expectations.size(), 5u);
  const auto& e0 = s.expectations[0];
  EXPECT_EQ(e0.kind, ExpectKind::StateCount);
  EXPECT_EQ(e0.state, "registered");
  EXPECT_EQ(e0.at, 30 * kMinute);
  EXPECT_EQ(e0.device_type, "tracker");
  EXPECT_DOUBLE_EQ(e0.min, 100);
  EXPECT_DOUBLE_EQ(e0.max, 1000);
  EXPECT_EQ(e0.text, "state registered (tracker) at 30min >= 100 and <= 1000");
  const auto& e1 = s.expectations[1];
  EXPECT_EQ(e1.kind, ExpectKind::StateFraction);
  EXPECT_EQ(e1.at, kNever);
  EXPECT_DOUBLE_EQ(e1.min, 0.005);
  EXPECT_TRUE(std::isinf(e1.max));
  EXPECT_EQ(e1.text, "state blocked at end >= 0.5%");
  const auto& e2 = s.expectations[2];
  EXPECT_EQ(e2.kind, ExpectKind::HandshakeLatency);
  EXPECT_EQ(e2.percentile, 95);
  EXPECT_DOUBLE_EQ(e2.max, 3000);
  EXPECT_EQ(e2.text, "handshake_latency p95 <= 3000 ms");
  const auto& e3 = s.expectations[3];
  EXPECT_EQ(e3.kind, ExpectKind::Counter);
  EXPECT_EQ(e3.counter, "uplinks_accepted_from_blocked");
  EXPECT_DOUBLE_EQ(e3.min, 0);
  EXPECT_DOUBLE_EQ(e3.max, 0);
  EXPECT_EQ(e3.text, "counter uplinks_accepted_from_blocked == 0");
  EXPECT_EQ(s.expectations[4].counter, "handshakes_failed.timeout");
}

TEST(Loader, MinimalScenarioGetsDefaults) {
  const Scenario s = load_scenario_text(
      "scenario: {name: m, duration: 30s}\nfleet:\n  device_types: [{name: d, count: 3, qualified: true}]\n", "m.yaml");
  EXPECT_EQ(s.seed, 1u);
  EXPECT_EQ(s.sample_interval, 30 * kSecond);  // the 1min default, clamped to a shorter run
  EXPECT_TRUE(s.topology.gateways.empty());
  EXPECT_EQ(s.topology.link_model.size(), 3u);
  EXPECT_DOUBLE_EQ(s.topology.link_model.at(models::LinkType::Fsk).latency.a, 120e6);
  EXPECT_DOUBLE_EQ(s.topology.link_model.at(models::LinkType::Css).loss, 0.05);
  EXPECT_EQ(s.cloud.handshake_timeout, 10 * kSecond);
  EXPECT_TRUE(s.timeline.empty());
  EXPECT_TRUE(s.expectations.empty());
  const auto& d = s.fleet.device_types.at(0);
  EXPECT_EQ(d.where.line, 3);
  EXPECT_EQ(d.where.column, 18);
  EXPECT_EQ(d.stage, models::Stage::Production);
  EXPECT_EQ(d.links, std::vector{models::LinkType::Ble});
}

TEST(Loader, QuotedValuesAndByteOrderMarkAreFine) {
  const Scenario s = load_scenario_text(
      "\xEF\xBB\xBFscenario: {name: \"q\", duration: \"1h\", seed: '5'}\nfleet:\n"
      "  device_types: [{name: d, count: 3, qualified: true}]\n",
      "q.yaml");
  EXPECT_EQ(s.duration, kHour);
  EXPECT_EQ(s.seed, 5u);
}

TEST(LoaderFile, MissingFileIsOneLine) {
  try {
    load_scenario_file("/nonexistent/dir/x.yaml");
    FAIL() << "a missing file loaded";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/dir/x.yaml:0:0: cannot read: No such file or directory");
    EXPECT_EQ(e.line(), 0);
    EXPECT_EQ(e.column(), 0);
  }
}

TEST(LoaderFile, DirectoryCannotBeRead) {
  try {
    load_scenario_file(ST_SOURCE_DIR);
    FAIL() << "a directory loaded";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find(":0:0: cannot read: "), std::string::npos) << e.what();
  }
}

TEST(LoaderFile, ReadsAndNamesTheFile) {
  const auto path = std::filesystem::temp_directory_path() / "st_scenario_loader_test.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    out << "scenario: {name: f, duration: 1h}\nfleet:\n  device_types: [{name: d, count: 1, qualified: true}]\n"
           "expect:\n  - {counter: refusals, max: -1}\n";
  }
  try {
    load_scenario_file(path.string());
    FAIL() << "a negative bound loaded";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), path.string());
    EXPECT_EQ(e.line(), 5);
    EXPECT_EQ(e.column(), 30);
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace st::scenario
