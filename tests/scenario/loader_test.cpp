// What a valid scenario loads into: converted units, distributions, defaults filled in, the derived provisioning
// flow, timeline actions and expectations with their texts; and the file-level entry point.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "hw_models/mcu/mcu_timing.hpp"
#include "models/base/identity_codes.hpp"
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
      device_type_id: A17XHX23H06INH
      apid: pd25
      dsn_prefix: FAB7
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
  EXPECT_EQ(s.world.seed, 7u);
  EXPECT_EQ(s.duration, 2 * kHour);
  EXPECT_EQ(s.sample_interval, 30 * kSecond);

  ASSERT_EQ(s.world.gateways.size(), 2u);
  const auto& ring = s.world.gateways[0];
  EXPECT_EQ(ring.name, "ring");
  EXPECT_EQ(ring.count, 20u);
  EXPECT_EQ(ring.links, (std::vector{models::LinkType::Ble, models::LinkType::Fsk, models::LinkType::Css}));
  EXPECT_EQ(ring.backhaul_latency.kind, Distribution::Kind::Uniform);
  EXPECT_DOUBLE_EQ(ring.backhaul_latency.a, 10e6);
  EXPECT_DOUBLE_EQ(ring.backhaul_latency.b, 50e6);
  EXPECT_EQ(s.gateway_where.at(0).line, 9);
  EXPECT_EQ(s.gateway_where.at(0).column, 7);
  EXPECT_EQ(s.world.gateways[1].count, 1u);  // default
  EXPECT_EQ(s.world.gateways[1].backhaul_latency.kind, Distribution::Kind::Constant);
  EXPECT_DOUBLE_EQ(s.world.gateways[1].backhaul_latency.a, 30e6);

  ASSERT_EQ(s.world.link_hops.size(), models::kLinkCount);  // every link present
  const auto& ble = s.world.link_hops[models::link_index(models::LinkType::Ble)];
  EXPECT_DOUBLE_EQ(ble.latency.a, 40e6);
  EXPECT_DOUBLE_EQ(ble.loss, 0.01);
  const auto& fsk = s.world.link_hops[models::link_index(models::LinkType::Fsk)];
  EXPECT_EQ(fsk.latency.kind, Distribution::Kind::LogNormal);
  EXPECT_DOUBLE_EQ(fsk.latency.a, 120e6);
  EXPECT_DOUBLE_EQ(fsk.latency.b, 0.3);
  EXPECT_DOUBLE_EQ(fsk.loss, 0.02);
  const auto& css = s.world.link_hops[models::link_index(models::LinkType::Css)];
  EXPECT_DOUBLE_EQ(css.latency.a, 400e6);  // default latency kept
  EXPECT_DOUBLE_EQ(css.loss, 0.10);

  ASSERT_EQ(s.world.device_types.size(), 3u);
  EXPECT_EQ(s.device_count(), 1055u);
  const auto& t = s.world.device_types[0];
  EXPECT_EQ(t.name, "tracker");
  EXPECT_EQ(t.count, 1000u);
  EXPECT_EQ(t.stage, models::Stage::Production);
  EXPECT_EQ(t.flow, models::ProvisioningFlow::MassProduction);
  EXPECT_EQ(t.developer, "acme");
  EXPECT_EQ(t.device_type_id, "A17XHX23H06INH");
  EXPECT_EQ(t.apid, "pd25");
  EXPECT_EQ(models::device_serial_number(t, 3), "FAB70000003");
  EXPECT_EQ(t.links, (std::vector{models::LinkType::Fsk, models::LinkType::Css}));
  EXPECT_EQ(t.register_via, models::RegistrationPath::Gateway);
  EXPECT_EQ(t.curve, security::EcdhCurve::P256);
  EXPECT_EQ(t.mcu.core, "cortex-m33");
  EXPECT_DOUBLE_EQ(t.mcu.clock_hz, 128e6);
  EXPECT_EQ(t.manufacture_at, kMinute);
  EXPECT_EQ(t.manufacture_over, 10 * kMinute);
  EXPECT_FALSE(t.registration.automatic);
  EXPECT_EQ(t.registration.delay.kind, Distribution::Kind::Normal);
  EXPECT_DOUBLE_EQ(t.registration.delay.a, 1e9);
  EXPECT_DOUBLE_EQ(t.registration.delay.b, 200e6);
  EXPECT_EQ(t.traffic.uplink_period, 10 * kMinute);
  EXPECT_EQ(t.traffic.payload_bytes, 24u);
  EXPECT_EQ(t.traffic.downlink_every, 4u);
  EXPECT_EQ(t.traffic.queue_limit, 16u);
  EXPECT_EQ(t.traffic.ttl, 30 * kMinute);
  EXPECT_FALSE(t.qualified);  // qualified by the timeline instead

  const auto& proto = s.world.device_types[1];
  EXPECT_EQ(proto.stage, models::Stage::Prototype);
  EXPECT_EQ(proto.flow, models::ProvisioningFlow::Prototyping);  // derived from the stage
  EXPECT_EQ(proto.developer, "default");
  // Sidewalk identity codes from the name where the scenario gives none.
  EXPECT_EQ(proto.device_type_id.size(), 14u);
  EXPECT_EQ(proto.device_type_id, models::default_device_type_id(proto.name));
  EXPECT_EQ(proto.apid, models::default_apid(proto.name));
  EXPECT_EQ(proto.dsn_prefix, "SN");
  EXPECT_EQ(models::default_device_type_id("tracker").substr(0, 10), "ATRACKER00");
  EXPECT_EQ(models::default_apid("tracker"), "trac");
  EXPECT_EQ(models::default_apid("x-1"), "x100");
  EXPECT_EQ(models::device_serial_number(proto, 42), "SN0000042");
  EXPECT_EQ(models::device_serial_number(proto, 12345678), "SN12345678");
  EXPECT_EQ(proto.links, std::vector{models::LinkType::Ble});
  EXPECT_EQ(proto.register_via, models::RegistrationPath::MobileApp);
  EXPECT_EQ(proto.mcu.core, "cortex-m4");
  EXPECT_TRUE(proto.registration.automatic);
  EXPECT_EQ(proto.registration.delay.kind, Distribution::Kind::Exponential);
  EXPECT_EQ(proto.traffic.payload_bytes, 19u);
  EXPECT_EQ(s.world.device_types[2].dak_signature_limit, 500u);

  EXPECT_EQ(s.world.cloud.ingest_latency.kind, Distribution::Kind::Exponential);
  EXPECT_DOUBLE_EQ(s.world.cloud.ingest_latency.a, 3e9);
  EXPECT_DOUBLE_EQ(s.world.cloud.association_latency.a, 200e6);  // default
  EXPECT_DOUBLE_EQ(s.world.cloud.ingest_fault_rate, 0.02);
  EXPECT_EQ(s.world.cloud.prototype_limit, 10u);
  EXPECT_EQ(s.world.cloud.handshake_timeout, 15 * kSecond);
  EXPECT_EQ(s.world.cloud.backoff.initial, kSecond);
  EXPECT_EQ(s.world.cloud.backoff.max, kMinute);
  EXPECT_EQ(s.world.cloud.ack_timeout, 4 * kSecond);
  EXPECT_EQ(s.world.cloud.destination_buffer, 50u);

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
  EXPECT_EQ(outage.where.line, 65);
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
  EXPECT_EQ(s.world.seed, 1u);
  EXPECT_EQ(s.sample_interval, 30 * kSecond);  // the 1min default, clamped to a shorter run
  EXPECT_TRUE(s.world.gateways.empty());
  EXPECT_EQ(s.world.link_hops.size(), models::kLinkCount);
  EXPECT_DOUBLE_EQ(s.world.link_hops[models::link_index(models::LinkType::Fsk)].latency.a, 120e6);
  EXPECT_DOUBLE_EQ(s.world.link_hops[models::link_index(models::LinkType::Css)].loss, 0.05);
  EXPECT_EQ(s.world.cloud.handshake_timeout, 10 * kSecond);
  EXPECT_TRUE(s.timeline.empty());
  EXPECT_TRUE(s.expectations.empty());
  const auto& d = s.world.device_types.at(0);
  EXPECT_EQ(s.device_type_where.at(0).line, 3);
  EXPECT_EQ(s.device_type_where.at(0).column, 18);
  EXPECT_EQ(d.stage, models::Stage::Production);
  EXPECT_EQ(d.links, std::vector{models::LinkType::Ble});
}

TEST(Loader, QuotedValuesAndByteOrderMarkAreFine) {
  const Scenario s = load_scenario_text(
      "\xEF\xBB\xBFscenario: {name: \"q\", duration: \"1h\", seed: '5'}\nfleet:\n"
      "  device_types: [{name: d, count: 3, qualified: true}]\n",
      "q.yaml");
  EXPECT_EQ(s.duration, kHour);
  EXPECT_EQ(s.world.seed, 5u);
}

// ---- the physical layer (radio keys) ----

namespace ch = models::channel;

TEST(LoaderRadio, DefaultsWithoutRadioKeys) {
  const Scenario s = load_scenario_text(
      "scenario: {name: r, duration: 1h}\n"
      "topology:\n  gateways:\n    - {name: g, count: 4, links: [ble, fsk]}\n"
      "fleet:\n  device_types: [{name: d, count: 3, qualified: true}]\n",
      "r.yaml");
  const models::RadioWorldConfig& w = s.world.radio;
  EXPECT_TRUE(w.physical);
  EXPECT_EQ(w.subghz.kind, ch::PathLossKind::LogDistance);
  EXPECT_DOUBLE_EQ(w.subghz.exponent, 3.5);
  EXPECT_DOUBLE_EQ(w.subghz.shadowing_sigma_db, 6.0);
  EXPECT_DOUBLE_EQ(w.subghz.frequency_hz, 915e6);
  EXPECT_DOUBLE_EQ(w.subghz.reference_distance_m, 1.0);
  EXPECT_EQ(w.ble.kind, ch::PathLossKind::LogDistance);
  EXPECT_DOUBLE_EQ(w.ble.frequency_hz, 2.44e9);
  EXPECT_DOUBLE_EQ(w.ble.shadowing_sigma_db, 6.0);
  EXPECT_DOUBLE_EQ(w.capture_threshold_db, 6.0);
  EXPECT_DOUBLE_EQ(w.fading_sigma_db, 2.0);
  EXPECT_DOUBLE_EQ(w.noise_figure_db, 6.0);
  EXPECT_DOUBLE_EQ(w.ble_scan_duty, 0.5);
  EXPECT_EQ(w.ble_idle_timeout, 10 * kSecond);

  const models::GatewayRadioConfig& g = s.world.gateways.at(0).radio;
  EXPECT_FALSE(g.placement.near_gateways);
  EXPECT_EQ(g.placement.spec.kind, ch::PlacementKind::Grid);
  EXPECT_DOUBLE_EQ(g.placement.spec.spacing_m, 400.0);
  EXPECT_EQ(g.placement.spec.columns, 0u);  // ceil(sqrt(count))
  EXPECT_EQ(g.placement.spec.origin, (ch::Position{0, 0}));
  EXPECT_DOUBLE_EQ(g.subghz_tx_power_dbm, 20.0);
  EXPECT_DOUBLE_EQ(g.ble_tx_power_dbm, 8.0);
  EXPECT_EQ(g.subghz_demodulators, 1u);
  EXPECT_EQ(g.ble_demodulators, 1u);
  EXPECT_DOUBLE_EQ(g.backhaul_rate_bps, 80'000.0);
  EXPECT_EQ(g.monthly_cap_bytes, 500'000'000u);
  EXPECT_EQ(g.fsk_slot, 63 * kMillisecond);
  EXPECT_EQ(g.beacon_period, 10'080 * kMillisecond);

  const models::DeviceRadioConfig& d = s.world.device_types.at(0).radio;
  EXPECT_TRUE(d.placement.near_gateways);
  EXPECT_DOUBLE_EQ(d.placement.near_radius_m, 25.0);
  EXPECT_DOUBLE_EQ(d.subghz_tx_power_dbm, 20.0);
  EXPECT_DOUBLE_EQ(d.ble_tx_power_dbm, 0.0);
  EXPECT_EQ(d.fsk_rate, ch::DataRate::Fsk50k);
  EXPECT_EQ(d.css_rate, ch::DataRate::Css2k);
  EXPECT_EQ(d.fsk_rx_spacing, 3150 * kMillisecond);
  EXPECT_EQ(d.css_rx_interval, 5 * kSecond);
  EXPECT_DOUBLE_EQ(d.battery_mah, 2400.0);
  EXPECT_EQ(d.mac_retries, 3u);
  EXPECT_DOUBLE_EQ(d.sleep_ua, 2.0);
}

constexpr const char* kRadio = R"(scenario: {name: radio, duration: 2h}
topology:
  radio: physical
  propagation:
    sub_ghz: {model: okumura_hata, environment: urban_large, base_height: 40m, mobile_height: 2m, shadowing: 8dB}
    ble: {model: free_space, shadowing: 0dB}
  capture_threshold: 10dB
  fading: 3.5dB
  noise_figure: 5dB
  ble_scan_duty: 25%
  ble_idle_timeout: 2s
  gateways:
    - name: floodlight
      count: 9
      links: [ble, fsk, css]
      placement: {pattern: grid, spacing: 2.5km, columns: 3, origin: [-1km, 500m]}
      tx_power: 14dBm
      ble_tx_power: -4dBm
      demodulators: 8
      ble_connections: 3
      backhaul_rate: 1.5Mbps
      monthly_data_cap: 1MiB
      fsk_slot: 100ms
    - {name: disc, links: [ble], count: 2, placement: {pattern: disc, radius: 2km, center: [1km, -1km]}}
    - {name: annulus, links: [ble], count: 2, placement: {pattern: annulus, radius: 3km, inner_radius: 0.5km}}
    - {name: ring, links: [ble], count: 2, placement: {pattern: ring, radius: 750m, angle: 90}}
    - {name: line, links: [ble], count: 2, placement: {pattern: line, from: 0m, to: 10km, angle: -45, origin: [1m, 2m]}}
    - {name: list, links: [ble], count: 2, placement: {pattern: list, points: [[0m, 0m], [-2.5km, 12m], [3m, 4m]]}}
fleet:
  device_types:
    - name: meter
      count: 100
      links: [fsk, css]
      qualified: true
      radio:
        placement: {pattern: near_gateways, radius: 40m}
        tx_power: 14dBm
        ble_tx_power: 4dBm
        fsk_rate: 150kbps
        css_rate: 12.5kbps
        fsk_rx_spacing: 630ms
        css_rx_interval: 10s
        battery: 2.4Ah
        mac_retries: 0
        sleep_current: 500nA
    - name: lock
      count: 10
      qualified: true
      radio: {placement: {pattern: disc, radius: 80m}}
)";

TEST(LoaderRadio, ReadsEveryKeyWithItsUnit) {
  const Scenario s = load_scenario_text(kRadio, "radio.yaml");

  const models::RadioWorldConfig& w = s.world.radio;
  EXPECT_TRUE(w.physical);
  EXPECT_EQ(w.subghz.kind, ch::PathLossKind::OkumuraHata);
  EXPECT_EQ(w.subghz.environment, ch::HataEnvironment::UrbanLarge);
  EXPECT_DOUBLE_EQ(w.subghz.base_height_m, 40.0);
  EXPECT_DOUBLE_EQ(w.subghz.mobile_height_m, 2.0);
  EXPECT_DOUBLE_EQ(w.subghz.shadowing_sigma_db, 8.0);
  EXPECT_DOUBLE_EQ(w.subghz.frequency_hz, 915e6);
  EXPECT_EQ(w.ble.kind, ch::PathLossKind::FreeSpace);
  EXPECT_DOUBLE_EQ(w.ble.shadowing_sigma_db, 0.0);
  EXPECT_DOUBLE_EQ(w.ble.frequency_hz, 2.44e9);
  EXPECT_DOUBLE_EQ(w.capture_threshold_db, 10.0);
  EXPECT_DOUBLE_EQ(w.fading_sigma_db, 3.5);
  EXPECT_DOUBLE_EQ(w.noise_figure_db, 5.0);
  EXPECT_DOUBLE_EQ(w.ble_scan_duty, 0.25);
  EXPECT_EQ(w.ble_idle_timeout, 2 * kSecond);

  ASSERT_EQ(s.world.gateways.size(), 6u);
  const models::GatewayRadioConfig& g = s.world.gateways[0].radio;
  EXPECT_FALSE(g.placement.near_gateways);
  EXPECT_EQ(g.placement.spec.kind, ch::PlacementKind::Grid);
  EXPECT_DOUBLE_EQ(g.placement.spec.spacing_m, 2500.0);  // 2.5km
  EXPECT_EQ(g.placement.spec.columns, 3u);
  EXPECT_EQ(g.placement.spec.origin, (ch::Position{-1000.0, 500.0}));
  EXPECT_DOUBLE_EQ(g.subghz_tx_power_dbm, 14.0);
  EXPECT_DOUBLE_EQ(g.ble_tx_power_dbm, -4.0);
  EXPECT_EQ(g.subghz_demodulators, 8u);
  EXPECT_EQ(g.ble_demodulators, 3u);
  EXPECT_DOUBLE_EQ(g.backhaul_rate_bps, 1.5e6);
  EXPECT_EQ(g.monthly_cap_bytes, 1'048'576u);
  EXPECT_EQ(g.fsk_slot, 100 * kMillisecond);

  const ch::PlacementSpec& disc = s.world.gateways[1].radio.placement.spec;
  EXPECT_EQ(disc.kind, ch::PlacementKind::Disc);
  EXPECT_DOUBLE_EQ(disc.radius_m, 2000.0);
  EXPECT_EQ(disc.origin, (ch::Position{1000.0, -1000.0}));
  const ch::PlacementSpec& annulus = s.world.gateways[2].radio.placement.spec;
  EXPECT_EQ(annulus.kind, ch::PlacementKind::Annulus);
  EXPECT_DOUBLE_EQ(annulus.radius_m, 3000.0);
  EXPECT_DOUBLE_EQ(annulus.inner_radius_m, 500.0);
  EXPECT_EQ(annulus.origin, (ch::Position{0.0, 0.0}));
  const ch::PlacementSpec& ring = s.world.gateways[3].radio.placement.spec;
  EXPECT_EQ(ring.kind, ch::PlacementKind::Ring);
  EXPECT_DOUBLE_EQ(ring.radius_m, 750.0);
  EXPECT_DOUBLE_EQ(ring.angle_rad, std::numbers::pi / 2);  // degrees in the file
  const ch::PlacementSpec& line = s.world.gateways[4].radio.placement.spec;
  EXPECT_EQ(line.kind, ch::PlacementKind::Line);
  EXPECT_DOUBLE_EQ(line.d0_m, 0.0);
  EXPECT_DOUBLE_EQ(line.d1_m, 10'000.0);
  EXPECT_DOUBLE_EQ(line.angle_rad, -std::numbers::pi / 4);
  EXPECT_EQ(line.origin, (ch::Position{1.0, 2.0}));
  const ch::PlacementSpec& list = s.world.gateways[5].radio.placement.spec;
  EXPECT_EQ(list.kind, ch::PlacementKind::Explicit);
  EXPECT_EQ(list.points, (std::vector<ch::Position>{{0, 0}, {-2500.0, 12.0}, {3.0, 4.0}}));  // more than count: fine

  const models::DeviceRadioConfig& d = s.world.device_types.at(0).radio;
  EXPECT_TRUE(d.placement.near_gateways);
  EXPECT_DOUBLE_EQ(d.placement.near_radius_m, 40.0);
  EXPECT_DOUBLE_EQ(d.subghz_tx_power_dbm, 14.0);
  EXPECT_DOUBLE_EQ(d.ble_tx_power_dbm, 4.0);
  EXPECT_EQ(d.fsk_rate, ch::DataRate::Fsk150k);
  EXPECT_EQ(d.css_rate, ch::DataRate::Css12k5);
  EXPECT_EQ(d.fsk_rx_spacing, 630 * kMillisecond);
  EXPECT_EQ(d.css_rx_interval, 10 * kSecond);
  EXPECT_DOUBLE_EQ(d.battery_mah, 2400.0);  // 2.4Ah
  EXPECT_EQ(d.mac_retries, 0u);
  EXPECT_NEAR(d.sleep_ua, 0.5, 1e-12);  // 500nA
  const models::DeviceRadioConfig& lock = s.world.device_types.at(1).radio;
  EXPECT_FALSE(lock.placement.near_gateways);
  EXPECT_EQ(lock.placement.spec.kind, ch::PlacementKind::Disc);
  EXPECT_DOUBLE_EQ(lock.placement.spec.radius_m, 80.0);
  EXPECT_DOUBLE_EQ(lock.sleep_ua, 2.0);  // a radio map keeps the defaults of the keys it leaves out
}

TEST(LoaderRadio, UnitConversions) {
  auto device = [](const std::string& radio) {
    return load_scenario_text("scenario: {name: u, duration: 1h}\nfleet:\n  device_types:\n"
                              "    - {name: d, count: 2, qualified: true, radio: " + radio + "}\n",
                              "u.yaml")
        .world.device_types.at(0)
        .radio;
  };
  EXPECT_DOUBLE_EQ(device("{placement: {pattern: disc, radius: 2.5km}}").placement.spec.radius_m, 2500.0);
  EXPECT_DOUBLE_EQ(device("{placement: {pattern: near_gateways}}").placement.near_radius_m, 25.0);
  EXPECT_DOUBLE_EQ(device("{battery: 2400mAh}").battery_mah, 2400.0);
  EXPECT_DOUBLE_EQ(device("{battery: 0}").battery_mah, 0.0);  // mains powered
  EXPECT_DOUBLE_EQ(device("{sleep_current: 2uA}").sleep_ua, 2.0);
  EXPECT_DOUBLE_EQ(device("{sleep_current: 1.5mA}").sleep_ua, 1500.0);
  EXPECT_DOUBLE_EQ(device("{tx_power: -3dBm}").subghz_tx_power_dbm, -3.0);
  EXPECT_EQ(device("{fsk_rate: 250kbps}").fsk_rate, ch::DataRate::Fsk250k);
  EXPECT_EQ(device("{css_rate: 22kbps}").css_rate, ch::DataRate::Css22k);

  auto topology = [](const std::string& keys) {
    return load_scenario_text("scenario: {name: u, duration: 1h}\ntopology:\n" + keys +
                                  "fleet:\n  device_types: [{name: d, count: 2, qualified: true}]\n",
                              "u.yaml")
        .world;
  };
  EXPECT_DOUBLE_EQ(topology("  capture_threshold: 6dB\n").radio.capture_threshold_db, 6.0);
  EXPECT_DOUBLE_EQ(topology("  noise_figure: 0dB\n").radio.noise_figure_db, 0.0);
  EXPECT_DOUBLE_EQ(topology("  ble_scan_duty: 0.8\n").radio.ble_scan_duty, 0.8);
  EXPECT_FALSE(topology("  radio: explicit\n").radio.physical);
  const auto ld = topology("  propagation: {sub_ghz: {exponent: 2.7, reference_distance: 10m}}\n").radio.subghz;
  EXPECT_EQ(ld.kind, ch::PathLossKind::LogDistance);  // the model defaults to log_distance
  EXPECT_DOUBLE_EQ(ld.exponent, 2.7);
  EXPECT_DOUBLE_EQ(ld.reference_distance_m, 10.0);
  EXPECT_DOUBLE_EQ(ld.shadowing_sigma_db, 6.0);  // default kept
  const auto hata = topology("  propagation: {sub_ghz: {model: okumura_hata}}\n").radio.subghz;
  EXPECT_EQ(hata.environment, ch::HataEnvironment::Suburban);  // defaults of okumura_hata
  EXPECT_DOUBLE_EQ(hata.base_height_m, 30.0);
  EXPECT_DOUBLE_EQ(hata.mobile_height_m, 1.5);
  EXPECT_DOUBLE_EQ(hata.shadowing_sigma_db, 6.0);
  const auto g = topology("  gateways:\n    - {name: g, links: [ble], backhaul_rate: 80kbps, monthly_data_cap: 0B}\n")
                     .gateways.at(0)
                     .radio;
  EXPECT_DOUBLE_EQ(g.backhaul_rate_bps, 80'000.0);
  EXPECT_EQ(g.monthly_cap_bytes, 0u);  // no cap
}

TEST(LoaderRadio, HardwareProfilesAndTimings) {
  const Scenario s = load_scenario_text(
      "scenario: {name: hw, duration: 1h}\n"
      "topology:\n  gateways:\n    - {name: g, links: [ble, fsk], beacon_period: 5s}\n"
      "fleet:\n  device_types:\n"
      "    - name: d\n      count: 2\n      qualified: true\n"
      "      mcu: {core: cortex-m33, active_current: 4.5mA, cycles: {x25519_ecdh: 600000, hkdf_sha256: 70000}}\n"
      "      radio:\n"
      "        ble_adv_interval: 2s\n"
      "        sx1262: {tx_current: [[10dBm, 30mA], [20dBm, 100mA]], rx: 5mA, warm_wake: 500us, region_max_power: 14dBm,\n"
      "                 wake_current: 1200uA, synthesis_current: 3mA}\n"
      "        nrf52840: {tx_current: [[0dBm, 7mA]], rx: 6mA}\n"
      "    - {name: e, count: 1, qualified: true}\n",
      "hw.yaml");
  EXPECT_EQ(s.world.gateways.at(0).radio.beacon_period, 5 * kSecond);
  const models::DeviceTypeConfig& d = s.world.device_types.at(0);
  EXPECT_DOUBLE_EQ(d.mcu.active_ma, 4.5);
  EXPECT_EQ(d.mcu.cycles, (std::vector<std::pair<std::uint8_t, std::uint64_t>>{
                              {static_cast<std::uint8_t>(hw::CryptoOp::X25519Ecdh), 600'000},
                              {static_cast<std::uint8_t>(hw::CryptoOp::HkdfSha256), 70'000}}));
  EXPECT_EQ(d.radio.ble_adv_interval, 2 * kSecond);
  const hw::Sx1262Profile& x = d.radio.sx1262;
  ASSERT_EQ(x.tx_current.size(), 2u);
  EXPECT_DOUBLE_EQ(x.tx_current[0].power_dbm, 10.0);
  EXPECT_DOUBLE_EQ(x.tx_current[0].current_ma, 30.0);
  EXPECT_DOUBLE_EQ(x.tx_current[1].power_dbm, 20.0);
  EXPECT_DOUBLE_EQ(x.tx_current[1].current_ma, 100.0);
  EXPECT_DOUBLE_EQ(x.rx_ma, 5.0);
  EXPECT_EQ(x.warm_wake, 500 * kMicrosecond);
  EXPECT_DOUBLE_EQ(x.region_max_power_dbm, 14.0);
  EXPECT_DOUBLE_EQ(x.wake_ma, 1.2);
  EXPECT_DOUBLE_EQ(x.synthesis_ma, 3.0);
  const hw::Nrf52840BleProfile& n = d.radio.nrf52840;
  ASSERT_EQ(n.tx_current.size(), 1u);
  EXPECT_DOUBLE_EQ(n.tx_current[0].current_ma, 7.0);
  EXPECT_DOUBLE_EQ(n.rx_ma, 6.0);

  // Defaults of the other type: the hardware profiles' own values.
  const models::DeviceTypeConfig& e = s.world.device_types.at(1);
  EXPECT_TRUE(e.mcu.cycles.empty());
  EXPECT_DOUBLE_EQ(e.mcu.active_ma, 3.3);
  EXPECT_EQ(e.radio.ble_adv_interval, 1000 * kMillisecond);
  EXPECT_EQ(e.radio.sx1262.tx_current.size(), 3u);
  EXPECT_DOUBLE_EQ(e.radio.sx1262.rx_ma, 4.2);
  EXPECT_EQ(e.radio.sx1262.warm_wake, 406 * kMicrosecond);
  EXPECT_DOUBLE_EQ(e.radio.sx1262.region_max_power_dbm, 20.0);
  EXPECT_DOUBLE_EQ(e.radio.nrf52840.rx_ma, 6.26);
}

TEST(LoaderRadio, GatewayOutagesAndRatios) {
  const Scenario s = load_scenario_text(
      "scenario: {name: o, duration: 1h}\n"
      "topology:\n  gateways:\n    - {name: floodlight, count: 10, links: [ble, fsk]}\n"
      "    - {name: echo, count: 4, links: [ble]}\n"
      "fleet:\n  device_types: [{name: tracker, count: 5, qualified: true}]\n"
      "timeline:\n"
      "  - {at: 10min, action: outage, target: gateways, gateway_group: floodlight, fraction: 30%, for: 5min}\n"
      "  - {at: 20min, action: outage, target: gateways, count: 14, for: 1min}\n"
      "  - {at: 30min, action: outage, target: gateways, gateway_group: echo, count: 4, for: 1min}\n"
      "expect:\n"
      "  - {ratio: [uplinks_delivered, uplinks_sent], min: 90%}\n"
      "  - {ratio: [radio_received.fsk, radio_frames.fsk], min: 0.5, max: 1}\n"
      "  - {ratio: [uplinks_delivered_by_type.tracker, uplinks_sent_by_type.tracker], equals: 1}\n"
      "  - {counter: radio_lost.collision, max: 10}\n"
      "  - {counter: radio_uplinks_received_by_type.tracker, min: 1}\n",
      "o.yaml");
  ASSERT_EQ(s.timeline.size(), 3u);
  const Action& a = s.timeline[0];
  EXPECT_EQ(a.kind, ActionKind::Outage);
  EXPECT_EQ(a.target, OutageTarget::Gateways);
  EXPECT_EQ(a.gateway_group, "floodlight");
  EXPECT_DOUBLE_EQ(a.fraction, 0.3);
  EXPECT_FALSE(a.count);
  EXPECT_EQ(a.duration, 5 * kMinute);
  EXPECT_FALSE(s.timeline[1].gateway_group);  // every group: 14 gateways in all
  EXPECT_EQ(s.timeline[1].count, 14u);
  EXPECT_EQ(s.timeline[2].count, 4u);

  ASSERT_EQ(s.expectations.size(), 5u);
  const Expectation& r = s.expectations[0];
  EXPECT_EQ(r.kind, ExpectKind::Ratio);
  EXPECT_EQ(r.counter, "uplinks_delivered");
  EXPECT_EQ(r.denominator, "uplinks_sent");
  EXPECT_DOUBLE_EQ(r.min, 0.9);
  EXPECT_TRUE(std::isinf(r.max));
  EXPECT_EQ(r.text, "ratio uplinks_delivered / uplinks_sent >= 90%");
  EXPECT_EQ(s.expectations[1].text, "ratio radio_received.fsk / radio_frames.fsk >= 50% and <= 100%");
  EXPECT_EQ(s.expectations[2].denominator, "uplinks_sent_by_type.tracker");
  EXPECT_EQ(s.expectations[2].text,
            "ratio uplinks_delivered_by_type.tracker / uplinks_sent_by_type.tracker == 100%");
  EXPECT_EQ(s.expectations[3].kind, ExpectKind::Counter);
  EXPECT_EQ(s.expectations[3].counter, "radio_lost.collision");
  EXPECT_EQ(s.expectations[4].counter, "radio_uplinks_received_by_type.tracker");
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
