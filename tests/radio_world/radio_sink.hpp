// Test support for the radio_world suite: the lifecycle suite's recording sink plus a copy of every radio frame,
// a runner that builds one World (physical radio) from scenario text, frame queries, and the check that downlinks
// follow the last uplink's link.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "../lifecycle/recording_sink.hpp"
#include "models/air/radio_access_network.hpp"

namespace st::test {

struct Frame {
  SimTime start;
  SimTime end;
  std::uint32_t device;
  std::uint32_t gateway;
  std::uint16_t type;
  models::LinkType link;
  bool uplink;
  std::uint16_t channel;
  double rssi;
  double snr;
  std::uint32_t length;
  std::string message;
  std::string outcome;
  bool received() const { return outcome == "received"; }
  bool is_uplink_message() const { return uplink && message == "uplink"; }
};

class RadioSink : public RecordingSink {
 public:
  void radio_frame(const metrics::RadioFrameRecord& r) override {
    frames.push_back({r.start, r.end, r.device, r.gateway, r.device_type, r.link,
                      r.uplink, r.channel, r.rssi_dbm, r.snr_db, r.length, std::string(models::to_string(r.message)),
                      std::string(models::to_string(r.outcome))});
  }
  std::vector<Frame> frames;

  std::vector<Frame> frames_if(const std::function<bool(const Frame&)>& p) const {
    std::vector<Frame> out;
    for (const auto& f : frames)
      if (p(f)) out.push_back(f);
    return out;
  }
  std::size_t count_frames(const std::function<bool(const Frame&)>& p) const {
    return count_if(frames, p);
  }
  std::size_t traffic_of(std::uint32_t device, std::string_view direction, std::string_view outcome) const {
    return count_if(traffic_records, [&](const Traffic& t) {
      return t.device == device && t.direction == direction && t.outcome == outcome;
    });
  }
};

// One World per process: tests create exactly one of these.
struct RadioRun {
  explicit RadioRun(const std::string& yaml, const std::function<void(scenario::Scenario&)>& adjust = {})
      : scenario(scenario::load_scenario_text(yaml, "radio-world-test.yaml")),
        keys(security::KeySource::deterministic(1)) {
    if (adjust) adjust(scenario);
    world = std::make_unique<world::World>(scenario, sink, keys);
  }
  const models::RadioAccessNetwork& radio() const { return *world->radio(); }
  double distance_to(std::uint32_t device, std::uint32_t gateway) const {
    return models::channel::distance_m(radio().device_position(device), world->gateways().position(gateway));
  }
  scenario::Scenario scenario;
  RadioSink sink;
  security::KeySource keys;
  std::unique_ptr<world::World> world;
};

// The head of a scenario with the physical radio model: `topology_extra` goes under `topology:` (propagation,
// fading, ...) before the gateway list, `gateways` is the list's items, `types` the device types' items, `rest`
// any further sections (timeline).
inline std::string radio_scenario(const std::string& duration, const std::string& topology_extra,
                                  const std::string& gateways, const std::string& types,
                                  const std::string& rest = "") {
  return "scenario:\n  name: radio-world\n  seed: 11\n  duration: " + duration +
         "\ntopology:\n  radio: physical\n" + topology_extra + "  gateways:\n" + gateways +
         "fleet:\n  device_types:\n" + types + rest;
}

// Mean (without fading) received power of a sub-GHz frame at `distance_m` with the scenario's propagation.
inline double mean_subghz_rssi(const scenario::Scenario& s, double tx_dbm, double distance_m) {
  return tx_dbm - s.world.radio.subghz.loss_db(distance_m);
}

// For every downlink-direction frame (registration replies, acknowledgements, application downlinks) of a
// device, the link of the device's latest uplink-direction frame that started before it. The network picks the
// link when it sends, and the frame waits for the device's receive window (and a free gateway radio): a
// downlink requested just before the device changed links still goes out on the old one. Those are counted
// in `late` (only allowed within 30 s of a change), every other one must match.
inline void expect_downlinks_follow_last_uplink(const RadioSink& sink, std::size_t& checked, std::size_t& late) {
  std::vector<Frame> frames = sink.frames;
  std::stable_sort(frames.begin(), frames.end(), [](const Frame& a, const Frame& b) { return a.start < b.start; });
  struct Last {
    models::LinkType link;
    models::LinkType before;
    SimTime changed;
  };
  std::map<std::uint32_t, Last> last;
  for (const Frame& f : frames) {
    if (f.gateway == metrics::kNoGateway) continue;  // the phone
    if (f.uplink) {
      auto [it, fresh] = last.try_emplace(f.device, Last{f.link, f.link, f.start});
      if (!fresh && it->second.link != f.link) it->second = {f.link, it->second.link, f.start};
      continue;
    }
    const auto it = last.find(f.device);
    ASSERT_NE(it, last.end()) << "device " << f.device << ": a downlink before any uplink";
    ++checked;
    if (f.link == it->second.link) continue;
    ++late;
    EXPECT_TRUE(f.link == it->second.before && f.start - it->second.changed < 30 * kSecond)
        << "device " << f.device << " " << f.message << " at " << to_seconds(f.start) << " s on "
        << models::to_string(f.link) << ", last uplink on " << models::to_string(it->second.link);
  }
}

// The standard normal CDF.
inline double phi(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

}  // namespace st::test
