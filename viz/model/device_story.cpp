#include "model/device_story.hpp"

#include <algorithm>
#include <cstdio>

namespace st::viz {

namespace {
constexpr const char* kLinkNames[] = {"ble", "fsk", "css"};

std::string str(std::string_view s) { return std::string(s); }
}  // namespace

DeviceStory story_of(const RunData& run, std::uint32_t device, double until) {
  DeviceStory s;
  s.device = device;
  const MapData& map = run.map;
  if (device < map.device_count()) {
    s.placed = true;
    s.x_m = map.x_m[device];
    s.y_m = map.y_m[device];
    if (map.device_type[device] < run.hello.device_types.size()) s.device_type = run.hello.device_types[map.device_type[device]];
    if (device < map.home.size())
      for (std::size_t l = 0; l < 3; ++l)
        if (map.home[device][l] != DevicesRecord::kNoGateway) s.homes.emplace_back(kLinkNames[l], map.home[device][l]);
    if (device < map.tally.size()) {
      s.tally = map.tally[device];
      s.frame_outcomes = map.frame_outcomes;
    }
  }

  const EventStore& store = run.events;
  std::uint32_t smsn_id = kNoIndex;
  const std::size_t end = store.end_at(until);
  for (std::size_t i = 0; i < store.events.size(); ++i) {
    const Event& e = store.events[i];
    if (e.device != device) continue;
    if (!e.ref_is_detail && e.ref != kNoIndex && smsn_id == kNoIndex) smsn_id = e.ref;
    if (s.device_type.empty()) s.device_type = str(store.device_types.name(e.device_type));
    if (i >= end) continue;
    DeviceStory::Entry entry;
    entry.t = e.t;
    switch (e.kind) {
      case EventKind::Transition:
        entry.what = "transition";
        entry.detail = str(to_string(e.from)) + " -> " + str(to_string(e.to)) + " (" + str(store.causes.name(e.cause)) + ")";
        s.state = e.to;
        break;
      case EventKind::Refusal:
        entry.what = "refusal";
        entry.detail = str(store.actors.name(e.actor)) + " refused " + str(store.whats.name(e.what)) + ": " +
                       str(store.causes.name(e.cause));
        break;
      case EventKind::Notice:
        entry.what = str(store.causes.name(e.cause));
        entry.detail = str(store.detail(e));
        break;
      case EventKind::Other:
        entry.what = "event";
        entry.detail = str(store.causes.name(e.cause));
        break;
    }
    s.entries.push_back(std::move(entry));
  }
  if (smsn_id != kNoIndex) {
    s.smsn = store.smsns.hex(smsn_id);
    char buf[96];
    for (const Handshake& h : run.handshakes) {
      if (h.smsn != smsn_id) continue;
      (h.success ? s.handshakes_succeeded : s.handshakes_failed) += 1;
      if (h.end_s > until) continue;
      std::snprintf(buf, sizeof buf, "%s, %.1f ms", str(to_string(h.link)).c_str(), h.latency_ms);
      s.entries.push_back({h.start_s, h.success ? "handshake" : "handshake failed",
                           std::string(buf) + (h.success ? "" : ": " + str(run.handshake_reasons.name(h.reason)))});
    }
  }
  std::stable_sort(s.entries.begin(), s.entries.end(),
                   [](const DeviceStory::Entry& a, const DeviceStory::Entry& b) { return a.t < b.t; });
  return s;
}

}  // namespace st::viz
