#include "models/air/gateway_schedule.hpp"

#include <algorithm>

#include "hw_models/radio/fsk_airtime.hpp"
#include "models/air/air_timing.hpp"
#include "models/channel/channel_plan.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models::air {

GatewaySchedule::GatewaySchedule(const GatewayPool& gateways, std::uint64_t seed, AirTopology& topology)
    : gateways_(gateways), seed_(seed), topology_(topology) {
  for (const auto& g : gateways_.groups()) {
    const bool fsk = has_link(g.links, LinkType::Fsk);
    beacon_air_.push_back(fsk ? hw::fsk_time_on_air(hw::FskParams{}, g.radio.beacon_bytes) : 0);
  }
  const std::uint32_t n = gateways_.gateway_count();
  for (std::uint32_t g = 0; g < n; ++g) {
    bookings_.emplace_back();
    gw_phase_.push_back(static_cast<SimTime>(mix64(seed_ ^ mix64(0x6a7e'0000ULL + g)) % gateways_.group(g).radio.beacon_period));
  }
  channel_busy_.assign(static_cast<std::size_t>(n) * channel::kSubGhzPlan.count, 0);
}

SimTime& GatewaySchedule::channel_busy(std::uint32_t gateway, std::uint16_t channel) {
  return channel_busy_[static_cast<std::size_t>(gateway) * channel::kSubGhzPlan.count + channel];
}

SimTime GatewaySchedule::next_fsk_slot(std::uint32_t gateway, SimTime t) const {
  const GatewayRadioConfig& r = gateways_.group(gateway).radio;
  const SimTime phase = gw_phase_[gateway];
  const SimTime slot = std::max<SimTime>(r.fsk_slot, kMillisecond);
  SimTime s = t <= phase ? phase : phase + (t - phase + slot - 1) / slot * slot;
  while (in_beacon(gateway, s, s + slot)) s += slot;
  return s;
}

bool GatewaySchedule::in_beacon(std::uint32_t gateway, SimTime from, SimTime to) const {
  if (!gateways_.serves(gateway, LinkType::Fsk)) return false;
  const GatewayRadioConfig& r = gateways_.group(gateway).radio;
  const SimTime phase = gw_phase_[gateway];
  const SimTime air = beacon_air_[gateways_.group_of(gateway)];
  const SimTime first = from <= phase ? 0 : (from - phase) / r.beacon_period;
  for (SimTime k = first; k <= first + 1; ++k) {
    const SimTime b = phase + k * r.beacon_period;
    if (b < to && from < b + air) return true;
  }
  return false;
}

SimTime GatewaySchedule::next_device_window(std::uint32_t device, SimTime spacing, SimTime t) const {
  spacing = std::max<SimTime>(spacing, kMillisecond);
  const SimTime phase = mix64(seed_ ^ mix64(0xd0e5'0000'0000ULL + device)) % spacing;
  return t <= phase ? phase : phase + (t - phase + spacing - 1) / spacing * spacing;
}

SimTime GatewaySchedule::book_downlink(std::uint32_t g, std::uint32_t device, SimTime spacing, SimTime ready,
                                       SimTime air, SimTime now) {
  auto& booked = bookings_[g];
  booked.erase(booked.begin(), std::find_if(booked.begin(), booked.end(),
                                            [&](const auto& b) { return b.second > now; }));
  SimTime start = next_device_window(
      device, spacing, std::max(ready, static_cast<SimTime>(topology_.device(device).downlink_free_ms) * kMillisecond));
  for (int guard = 0; guard < 100'000; ++guard) {
    const SimTime end = start + air + kTurnaround;
    bool clash = in_beacon(g, start, end);
    for (const auto& [s, e] : booked) {
      if (s >= end) break;
      if (start < e) {
        clash = true;
        break;
      }
    }
    if (!clash) break;
    start = next_device_window(device, spacing, start + 1);
  }
  const auto at = std::lower_bound(booked.begin(), booked.end(), std::make_pair(start, SimTime{0}));
  booked.insert(at, {start, start + air + kTurnaround});
  return start;
}

void GatewaySchedule::downlink_until(std::uint32_t device, SimTime end) {
  topology_.device(device).downlink_free_ms =
      static_cast<std::uint32_t>(std::min<SimTime>((end + kMillisecond - 1) / kMillisecond, 0xFFFF'FFFFu));
}

}  // namespace st::models::air
