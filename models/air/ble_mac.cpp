#include "models/air/ble_mac.hpp"

#include <algorithm>

#include "hw_models/radio/ble_timing.hpp"
#include "models/channel/channel_plan.hpp"

namespace st::models::air {

SimTime BleMac::link_ready(const FrameRequest& f, RandomStream& rng) {
  AirTopology::Device& dr = p_.topology.device(f.device);
  if (static_cast<SimTime>(dr.ble_until_ms) * kMillisecond >= f.ready) return f.ready;  // connection still open
  const LinkBudget::TypeRadio& tp = p_.budget.type(f.type);
  const DeviceRadioConfig& r = tp.cfg->radio;
  const hw::BleAdvertisingParams& adv = r.ble_advertising;
  // The device advertises (fast when it starts because it has data; at its slow reachability interval when
  // the gateway wants it); the gateway's scanner hears each advertising event with probability scan_duty.
  const bool device_initiates = f.uplink;
  const SimTime interval = device_initiates ? adv.fast_interval : r.ble_adv_interval;
  SimTime t = device_initiates ? f.ready : p_.schedule.next_device_window(f.device, r.ble_adv_interval, f.ready);
  const double p = std::clamp(p_.radio.ble_scan_duty, 0.01, 1.0);
  unsigned events = 1;
  while (events < 1000 && !rng.bernoulli(p)) {
    t += interval + static_cast<SimTime>(rng.uniform() * static_cast<double>(adv.adv_delay_max));
    ++events;
  }
  p_.energy.charge(f.device, r.nrf52840.advertising_event(tp.ble_dbm, adv).charge_uc * events, f.cls, f.now);
  return t + hw::ble_connection_setup(adv, r.ble_connection).ready;
}

FramePlan BleMac::plan(const FrameRequest& f, RandomStream& rng) {
  const LinkBudget::TypeRadio& tp = p_.budget.type(f.type);
  const DeviceRadioConfig& r = tp.cfg->radio;
  FramePlan out;
  const hw::BleTransfer x = hw::ble_transfer(r.ble_connection, std::max<std::uint32_t>(f.frame_bytes, 1));
  out.air = std::max<SimTime>(x.duration, 1);
  out.start = link_ready(f, rng);
  out.start += static_cast<SimTime>(rng.uniform() * static_cast<double>(r.ble_connection.interval));
  out.channel = channel::ble_data_channel_for(p_.seed, f.device, out.start);
  const unsigned ppe = std::max(1u, r.ble_connection.packets_per_event);
  const unsigned full = x.ll_packets / ppe, rest = x.ll_packets % ppe;
  const auto dir = f.uplink ? hw::BleDirection::Send : hw::BleDirection::Receive;
  out.device_charge_uc =
      full * r.nrf52840.connection_event(ppe, r.ble_connection.ll_max_payload_bytes, tp.ble_dbm, dir).charge_uc;
  if (rest > 0)
    out.device_charge_uc +=
        r.nrf52840.connection_event(rest, r.ble_connection.ll_max_payload_bytes, tp.ble_dbm, dir).charge_uc;
  p_.topology.device(f.device).ble_until_ms = static_cast<std::uint32_t>(
      std::min<SimTime>((out.start + out.air + p_.radio.ble_idle_timeout) / kMillisecond, 0xFFFF'FFFFu));
  return out;
}

unsigned BleMac::max_frame_payload(std::uint16_t /*type*/) const { return 0xFFFFu; }  // the connection fragments

SimTime BleMac::response_allowance(std::uint16_t type) const {
  return p_.budget.type(type).cfg->radio.ble_adv_interval + p_.radio.ble_idle_timeout / 10;
}

double BleMac::listening_ma(std::uint16_t type) const {
  const LinkBudget::TypeRadio& tp = p_.budget.type(type);
  const DeviceRadioConfig& r = tp.cfg->radio;
  double listen_ma = 0;
  listen_ma += r.nrf52840.advertising_event(tp.ble_dbm, r.ble_advertising).charge_uc / to_millis(r.ble_adv_interval);
  return listen_ma;
}

}  // namespace st::models::air
