#include "models/air/fsk_mac.hpp"

#include <algorithm>

#include "hw_models/radio/fsk_airtime.hpp"
#include "models/air/air_timing.hpp"
#include "models/channel/channel_plan.hpp"

namespace st::models::air {

FskMac::FskMac(const AirParts& parts) : p_(parts) {
  for (std::uint16_t t = 0; t < p_.budget.type_count(); ++t) {
    const LinkBudget::TypeRadio& tp = p_.budget.type(t);
    const DeviceRadioConfig& r = tp.cfg->radio;
    const SimTime ack = hw::fsk_time_on_air(tp.fsk, kAckBytes);
    costs_.push_back({ack, r.sx1262.receive_window(kCca).charge_uc,
                      r.sx1262.receive_window(kTurnaround + ack + kRxGuard).charge_uc});
  }
}

FramePlan FskMac::plan(const FrameRequest& f, RandomStream& rng) {
  const LinkBudget::TypeRadio& tp = p_.budget.type(f.type);
  const DeviceRadioConfig& r = tp.cfg->radio;
  FramePlan out;
  out.air = hw::fsk_time_on_air(tp.fsk, f.frame_bytes);
  if (f.uplink) {
    out.start = p_.schedule.next_fsk_slot(f.gateway, f.ready + r.sx1262.warm_wake + kCca);
    out.channel = channel::channel_for(LinkType::Fsk, p_.seed, f.device, out.start);
    // Listen before talk: a channel heard busy defers the frame by 1-4 slots.
    const SimTime busy = p_.schedule.channel_busy(f.gateway, out.channel);
    if (busy > out.start) {
      out.start = p_.schedule.next_fsk_slot(f.gateway, busy + (1 + rng.below(4)) * p_.gateways.group(f.gateway).radio.fsk_slot);
      out.channel = channel::channel_for(LinkType::Fsk, p_.seed, f.device, out.start);
    }
    const TypeCosts& c = costs_[f.type];
    out.device_charge_uc = r.sx1262.transmit(out.air, tp.subghz_dbm).charge_uc + c.cca_uc + c.ack_window_uc;
  } else {
    // A device in the middle of a registration, or of a fragmented message, listens at the fastest receive
    // spacing; otherwise the gateway waits for its next regular receive slot.
    const SimTime spacing = f.cls == MessageClass::Registration || f.fragment > 0 ? kFastRxSpacing : r.fsk_rx_spacing;
    // One downlink at a time to a device, and one transmission at a time from the gateway's radio.
    out.start = p_.schedule.book_downlink(f.gateway, f.device, spacing, f.ready, out.air, f.now);
    out.channel = channel::channel_for(LinkType::Fsk, p_.seed, f.device, out.start);
    out.device_charge_uc = r.sx1262.receive_window(out.air + kRxGuard).charge_uc;
  }
  return out;
}

unsigned FskMac::max_frame_payload(std::uint16_t type) const {
  return hw::fsk_max_payload_bytes(p_.budget.type(type).fsk);
}

SimTime FskMac::response_allowance(std::uint16_t type) const {
  const LinkBudget::TypeRadio& tp = p_.budget.type(type);
  return tp.cfg->radio.fsk_rx_spacing + 2 * hw::fsk_time_on_air(tp.fsk, 64);
}

double FskMac::listening_ma(std::uint16_t type) const {
  const LinkBudget::TypeRadio& tp = p_.budget.type(type);
  const DeviceRadioConfig& r = tp.cfg->radio;
  // It tracks the beacons of the FSK bridges (the first FSK group's period and beacon size) and opens its receive
  // slots.
  GatewayRadioConfig beacon;
  for (const auto& g : p_.gateways.groups())
    if (has_link(g.links, LinkType::Fsk)) {
      beacon = g.radio;
      break;
    }
  const SimTime beacon_air = hw::fsk_time_on_air(tp.fsk, beacon.beacon_bytes);
  double listen_ma = 0;
  listen_ma += r.sx1262.receive_window(beacon_air + 2 * kRxGuard).charge_uc / to_millis(beacon.beacon_period);
  listen_ma += r.sx1262.receive_window(kRxGuard).charge_uc / to_millis(r.fsk_rx_spacing);
  return listen_ma;
}

SimTime FskMac::after_uplink_received(std::uint16_t type, std::uint32_t gateway, SimTime now) {
  // The gateway acknowledges at once (MAC ACK): its radio transmits, so it cannot hear meanwhile.
  const SimTime ack = costs_[type].ack_air;
  p_.medium.add_transmission(gateway, now + kTurnaround, now + kTurnaround + ack,
                             channel::medium_id(channel::Medium::SubGhz));
  GatewayLoad& l = p_.gateways.load(gateway);
  ++l.frames_sent;
  l.tx_airtime += ack;
  return now + kTurnaround + ack;
}

SimTime FskMac::retry_ready(std::uint32_t gateway, bool uplink, SimTime now, RandomStream& rng) const {
  if (!uplink) return now;
  return now + kAckTimeout + rng.below(4) * p_.gateways.group(gateway).radio.fsk_slot;
}

}  // namespace st::models::air
