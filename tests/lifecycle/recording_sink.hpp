// Test support for the lifecycle suite: a metrics sink that keeps a copy of every record (the records hold
// string_views and spans into model state, so they are copied), query helpers, and a runner that builds a
// World from scenario text with deterministic keys.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "models/security/bytes.hpp"
#include "models/security/key_source.hpp"
#include "sim/metrics/metrics_sink.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/world/world.hpp"

namespace st::test {

struct Transition {
  SimTime time;
  std::uint32_t device;
  std::uint16_t type;
  std::string smsn;
  metrics::FleetState from;
  metrics::FleetState to;
  std::string cause;
};
struct Refusal {
  SimTime time;
  std::uint32_t device;
  std::uint16_t type;
  std::string actor;
  std::string what;
  std::string cause;
};
struct Handshake {
  std::uint32_t device;
  std::uint16_t type;
  std::string smsn;
  std::string link;
  std::string via;
  SimTime start;
  SimTime end;
  bool success;
  std::string reason;
};
struct Traffic {
  SimTime time;
  std::uint32_t device;
  std::uint16_t type;
  std::string direction;
  std::string outcome;
  std::string cause;
  bool from_blocked;
};
struct LinkSwitch {
  SimTime time;
  std::uint32_t device;
  models::LinkType from;
  models::LinkType to;
  models::LinkSwitchCause cause;
};
struct Notice {
  SimTime time;
  std::string actor;
  std::string kind;
  std::string detail;
};

class RecordingSink : public metrics::MetricsSink {
 public:
  void transition(const metrics::TransitionRecord& r) override {
    transitions.push_back({r.time, r.device, r.device_type, security::to_hex(r.smsn), r.from, r.to,
                           std::string(models::to_string(r.cause))});
  }
  void refusal(const metrics::RefusalRecord& r) override {
    refusals.push_back({r.time, r.device, r.device_type, std::string(models::to_string(r.actor)), std::string(models::to_string(r.what)),
                        std::string(models::to_string(r.cause))});
  }
  void handshake(const metrics::HandshakeRecord& r) override {
    handshakes.push_back({r.device, r.device_type, security::to_hex(r.smsn), std::string(models::to_string(r.link)), std::string(models::to_string(r.via)),
                          r.start, r.end, r.success, std::string(models::to_string(r.reason))});
  }
  void traffic(const metrics::TrafficRecord& r) override {
    traffic_records.push_back({r.time, r.device, r.device_type, std::string(models::to_string(r.direction)), std::string(models::to_string(r.outcome)),
                               std::string(models::to_string(r.cause)), r.from_blocked_device});
  }
  void notice(const metrics::NoticeRecord& r) override {
    notices.push_back({r.time, std::string(models::to_string(r.actor)), std::string(metrics::notice_name(r)), r.detail});
  }

  void link_switch(const metrics::LinkSwitchRecord& r) override {
    link_switches.push_back({r.time, r.device, r.from, r.to, r.cause});
  }
  void downlink_status(const metrics::DownlinkStatusRecord& r) override {
    downlink_statuses.push_back({r.time, r.device, r.message, r.success, std::string(models::to_string(r.cause))});
  }

  struct DownlinkStatus {
    SimTime time;
    std::uint32_t device;
    std::uint32_t message;
    bool success;
    std::string cause;
  };
  std::vector<DownlinkStatus> downlink_statuses;
  std::vector<Transition> transitions;
  std::vector<Refusal> refusals;
  std::vector<LinkSwitch> link_switches;
  std::vector<Handshake> handshakes;
  std::vector<Traffic> traffic_records;
  std::vector<Notice> notices;

  // ---- queries ----
  template <typename T, typename Pred>
  static std::size_t count_if(const std::vector<T>& v, Pred p) {
    return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), p));
  }
  // Uplink traffic records with this outcome (and cause, if given), optionally restricted.
  std::size_t uplinks(std::string_view outcome, std::function<bool(const Traffic&)> also = {}) const {
    return count_if(traffic_records, [&](const Traffic& t) {
      return t.direction == "uplink" && t.outcome == outcome && (!also || also(t));
    });
  }
  std::size_t uplinks(std::string_view outcome, std::string_view cause) const {
    return uplinks(outcome, [cause](const Traffic& t) { return t.cause == cause; });
  }
  std::vector<Transition> transitions_of(std::uint32_t device) const {
    std::vector<Transition> out;
    for (const auto& t : transitions)
      if (t.device == device) out.push_back(t);
    return out;
  }
  std::vector<Handshake> handshakes_of(std::uint32_t device) const {
    std::vector<Handshake> out;
    for (const auto& h : handshakes)
      if (h.device == device) out.push_back(h);
    return out;
  }
  std::size_t notices_of_kind(std::string_view kind) const {
    return count_if(notices, [kind](const Notice& n) { return n.kind == kind; });
  }
};

// A scenario on loss-free explicit links (every outcome exact, not statistical), with 4 gateways serving
// `gateway_links`; `device_types` are the fleet's items, `rest` any further sections (timeline).
inline std::string explicit_scenario(const std::string& duration, const std::string& device_types,
                                     const std::string& rest = "", const std::string& gateway_links = "[ble, fsk]") {
  return R"(scenario:
  name: lifecycle-test
  seed: 7
  duration: )" + duration + R"(
topology:
  radio: explicit
  gateways:
    - name: gw
      count: 4
      links: )" + gateway_links + R"(
  link_model:
    ble: {latency: 40ms, loss: 0}
    fsk: {latency: 120ms, loss: 0}
    css: {latency: 400ms, loss: 0}
fleet:
  device_types:
)" + device_types + rest;
}

// One World per process: tests create exactly one of these.
struct TwinRun {
  explicit TwinRun(const std::string& yaml, std::uint64_t key_seed = 1,
               const std::function<void(scenario::Scenario&)>& adjust = {})
      : scenario(scenario::load_scenario_text(yaml, "test.yaml")),
        keys(security::KeySource::deterministic(key_seed)) {
    if (adjust) adjust(scenario);
    world = std::make_unique<world::World>(scenario, sink, keys);
  }
  scenario::Scenario scenario;
  RecordingSink sink;
  security::KeySource keys;
  std::unique_ptr<world::World> world;
};

// The visible state of every device of the fleet now.
inline std::vector<metrics::FleetState> visible_states(const models::Fleet& fleet) {
  std::vector<metrics::FleetState> out;
  for (std::uint32_t d = 0; d < fleet.size(); ++d) out.push_back(fleet[d].visible);
  return out;
}

}  // namespace st::test
