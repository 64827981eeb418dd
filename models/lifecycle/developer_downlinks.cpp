#include "models/lifecycle/developer_downlinks.hpp"

#include <algorithm>
#include <utility>

#include "models/security/secure_frame.hpp"

namespace st::models {

void DeveloperDownlinks::queue(std::uint32_t device, DeveloperDownlink m) {
  const SimTime expires = m.expires;
  const std::uint32_t message = m.message;
  queues_[device].push_back(std::move(m));
  ++queued_count_;
  ctx_.sink.downlink_queued({ctx_.now(), device, ctx_.fleet[device].device_type, message});
  ctx_.kernel.schedule_at(expires, kDownlinkTarget, kExpired, device, message);
}

const std::deque<DeveloperDownlink>* DeveloperDownlinks::queued(std::uint32_t device) const {
  const auto it = queues_.find(device);
  return it == queues_.end() ? nullptr : &it->second;
}

void DeveloperDownlinks::receive_window(std::uint32_t device, SimTime at) {
  const auto q = queues_.find(device);
  if (q == queues_.end() || q->second.empty()) return;
  DeveloperDownlink& m = q->second.front();
  if (m.on_air) return;
  ApplicationSession& as = ctx_.cloud.application_server.sessions()[device];
  NetworkSession& ns = ctx_.cloud.network_server.sessions()[device];
  if (!as.key.valid || !ns.key.valid) return;
  // While the cloud partner is down nothing reaches the network server: the message waits for a later window.
  if (!ctx_.cloud.cloud_partner.station().available(at)) return;
  const security::Bytes inner = security::seal_downlink_application(as.key, ++as.downlink_counter, m.payload);
  const std::uint32_t slot = frames_.acquire();
  FrameSlot& f = frames_[slot];
  f.bytes = security::seal_downlink_network(ns.key, device, ++ns.downlink_counter, inner);
  f.device = device;
  f.tx_id = m.message;
  f.generation = ctx_.fleet[device].generation;
  f.link = ctx_.fleet[device].uplink_link;
  count(device, TrafficOutcome::Sent, Cause::None);
  AirMessage air;
  air.device = device;
  air.link = f.link;
  air.cls = MessageClass::Downlink;
  air.bytes = f.bytes;
  air.depart = at;
  air.arrived = {kDownlinkTarget, kArrived, device, slot};
  air.lost = Continuation{kDownlinkTarget, kLost, device, slot};
  RandomStream rng = ctx_.fleet.stream(device);
  ctx_.air.to_device(air, rng);
  ctx_.fleet.commit(device, rng);
  if (m.acknowledged) {
    m.on_air = true;
  } else {
    finish(device, q->second.begin(), true, Cause::None);  // sent once: that is all unacknowledged mode promises
  }
}

void DeveloperDownlinks::flush(std::uint32_t device, Cause cause) {
  for (auto q = queues_.find(device); q != queues_.end(); q = queues_.find(device))
    finish(device, q->second.begin(), false, cause);  // (the last one removes the device's queue)
}

void DeveloperDownlinks::on_event(const CalendarEntry& e) {
  switch (e.kind) {
    case kArrived: arrived(e.arg); break;
    case kLost: lost(e.arg); break;
    case kExpired: expired(e.device, e.arg); break;
    default: break;
  }
}

void DeveloperDownlinks::arrived(std::uint32_t slot) {
  FrameSlot& f = frames_[slot];
  const std::uint32_t device = f.device;
  const std::uint32_t message = f.tx_id;
  DeviceRecord& d = ctx_.fleet[device];
  security::Bytes payload;
  const security::FrameError err = security::open_downlink(d.application_key, d.network_key, f.bytes,
                                                           d.downlink_network_window, d.downlink_application_window,
                                                           payload);
  frames_.release(slot);
  const auto q = queues_.find(device);
  auto it = q == queues_.end() ? std::deque<DeveloperDownlink>::iterator{}
                               : std::find_if(q->second.begin(), q->second.end(),
                                              [message](const DeveloperDownlink& m) { return m.message == message; });
  const bool pending = q != queues_.end() && it != q->second.end();
  if (err != security::FrameError::None) {
    ctx_.fleet.report_refusal(device, ctx_.now(), Actor::Device, Refused::Downlink, security::cause_of(err));
    count(device, TrafficOutcome::Rejected, security::cause_of(err));
    if (pending) it->on_air = false;  // tried again in the next window, while it has time
    return;
  }
  count(device, TrafficOutcome::Delivered, Cause::None);
  if (pending) finish(device, it, true, Cause::None);
}

void DeveloperDownlinks::lost(std::uint32_t slot) {
  const FrameSlot& f = frames_[slot];
  const std::uint32_t device = f.device;
  const std::uint32_t message = f.tx_id;
  frames_.release(slot);
  count(device, TrafficOutcome::Dropped, Cause::LinkLoss);
  const auto q = queues_.find(device);
  if (q == queues_.end()) return;
  for (DeveloperDownlink& m : q->second)
    if (m.message == message) m.on_air = false;
}

void DeveloperDownlinks::expired(std::uint32_t device, std::uint32_t message) {
  const auto q = queues_.find(device);
  if (q == queues_.end()) return;
  const auto it = std::find_if(q->second.begin(), q->second.end(),
                               [message](const DeveloperDownlink& m) { return m.message == message; });
  if (it != q->second.end()) finish(device, it, false, Cause::TtlExpired);
}

void DeveloperDownlinks::finish(std::uint32_t device, std::deque<DeveloperDownlink>::iterator it, bool success,
                                Cause cause) {
  const DeviceRecord& d = ctx_.fleet[device];
  ctx_.sink.downlink_status({ctx_.now(), device, d.device_type, d.identity.smsn, it->message, success, cause});
  auto& q = queues_[device];
  q.erase(it);
  --queued_count_;
  if (q.empty()) queues_.erase(device);
}

void DeveloperDownlinks::count(std::uint32_t device, TrafficOutcome outcome, Cause cause) {
  const DeviceRecord& d = ctx_.fleet[device];
  ctx_.sink.traffic({ctx_.now(), device, d.device_type, Direction::Downlink, outcome, cause,
                     d.visible == metrics::FleetState::Blocked, 0, false});
}

}  // namespace st::models
