#include "models/lifecycle/device_traffic.hpp"

#include <algorithm>
#include <unordered_set>

#include "models/lifecycle/uplink_payload.hpp"
#include "models/security/secure_frame.hpp"

namespace st::models {

using hw::CryptoOp;
using security::FrameError;

namespace {
enum : std::uint32_t { kBufferedFlag = 0x8000'0000u };
}

void DeviceTraffic::on_event(const CalendarEntry& e) {
  switch (e.kind) {
    case kUplinkDue: uplink_due(e.device, static_cast<std::uint16_t>(e.arg)); break;
    case kTransmit:
      if (ctx_.fleet[e.device].generation == static_cast<std::uint16_t>(e.arg)) transmit(e.device);
      break;
    case kUplinkAtServer: uplink_at_server(e.arg); break;
    case kUplinkAtApp: uplink_at_app(e.arg & ~kBufferedFlag, (e.arg & kBufferedFlag) != 0); break;
    case kAckAtDevice:
    case kNackAtDevice: acknowledged(e.device, e.arg); break;
    case kAckTimeout: ack_timeout(e.device, e.arg); break;
    case kDownlinkAtDevice: downlink_at_device(e.arg); break;
    case kUplinkLost: frames_.release(e.arg); break;  // no ack will come: the device's ack timeout retries
    case kUplinkLinkFailed: link_failed(e.arg); break;
    case kDownlinkLost:
      count(e.device, Direction::Downlink, TrafficOutcome::Dropped, Cause::LinkLoss);
      frames_.release(e.arg);
      break;
    default: break;
  }
}

void DeviceTraffic::count(std::uint32_t device, Direction direction, TrafficOutcome outcome, Cause cause,
                          std::uint32_t message, bool attacker) {
  const DeviceRecord& d = ctx_.fleet[device];
  ctx_.sink.traffic({ctx_.now(), device, d.device_type, direction, outcome, cause,
                     d.visible == metrics::FleetState::Blocked, message, attacker});
}

void DeviceTraffic::reject(std::uint32_t device, Actor actor, Direction direction, Cause cause, std::uint32_t message,
                           bool attacker) {
  ctx_.fleet.report_refusal(device, ctx_.now(), actor, direction == Direction::Uplink ? Refused::Uplink : Refused::Downlink,
                            cause);
  count(device, direction, TrafficOutcome::Rejected, cause, message, attacker);
}

void DeviceTraffic::give_up(std::uint32_t device, Outbox& box, std::size_t index, Cause cause) {
  const std::uint32_t message = box.queued[index].message;
  box.queued.erase(box.queued.begin() + static_cast<std::ptrdiff_t>(index));
  if (index == 0) box.head_inner.clear();
  count(device, Direction::Uplink, TrafficOutcome::Dropped, cause, message);
  messages_.given_up(ctx_.now(), message, cause);
}

std::pair<Actor, Cause> DeviceTraffic::refusal_of(std::uint32_t device) const {
  const DeviceRecord& d = ctx_.fleet[device];
  if (const Cause c = ctx_.cloud.network_server.admit(d.identity.smsn, d.device_type); c != Cause::None)
    return {Actor::NetworkServer, c};
  return {Actor::CloudPartner, ctx_.cloud.cloud_partner.admit(device)};
}

std::size_t DeviceTraffic::messages_in_flight() const {
  std::unordered_set<std::uint32_t> messages;
  outboxes_.for_each([&](const Outbox& box) {
    for (const Queued& q : box.queued) messages.insert(q.message);
  });
  frames_.for_each_in_use([&](const FrameSlot& f) {
    if (f.origin == FrameOrigin::Device && f.to_application) messages.insert(f.message);
  });
  return messages.size();
}

void DeviceTraffic::start(std::uint32_t device) {
  RandomStream rng = ctx_.fleet.stream(device);
  const auto period = static_cast<double>(ctx_.fleet.type_of(device).traffic.uplink_period);
  ctx_.kernel.schedule_in(static_cast<SimTime>(rng.exponential(period)), kTrafficTarget, kUplinkDue, device,
                          ctx_.fleet[device].generation);
  ctx_.fleet.commit(device, rng);
}

void DeviceTraffic::flush(std::uint32_t device, Cause cause) {
  links_.forget(device);
  developer_.flush(device, cause);
  Outbox* box = outboxes_.find(device);
  if (box == nullptr) return;
  while (!box->queued.empty()) give_up(device, *box, 0, cause);
  outboxes_.erase(device);
  ctx_.fleet[device].flags = static_cast<std::uint8_t>(ctx_.fleet[device].flags & ~kFrameInFlight);
}

void DeviceTraffic::uplink_due(std::uint32_t device, std::uint16_t generation) {
  DeviceRecord& d = ctx_.fleet[device];
  if (d.generation != generation) return;
  if ((d.phase != Phase::Registered && d.phase != Phase::Blocked) || !d.network_key.valid) return;
  if (!ctx_.air.powered(device)) return;  // its battery is empty: no more uplinks
  const TrafficConfig& cfg = ctx_.fleet.type_of(device).traffic;
  Outbox& box = outboxes_.emplace(device, [](Outbox& o) { o.clear(); });
  const std::uint32_t message = messages_.open(device, d.device_type);
  box.queued.push_back({ctx_.now(), message});
  count(device, Direction::Uplink, TrafficOutcome::Sent, Cause::None, message);
  // The queue is full: the oldest uplink that is not on the air gives way.
  if (box.queued.size() > cfg.queue_limit) give_up(device, box, box.in_flight != 0 ? 1 : 0, Cause::QueueFull);
  RandomStream rng = ctx_.fleet.stream(device);
  ctx_.kernel.schedule_in(static_cast<SimTime>(rng.exponential(static_cast<double>(cfg.uplink_period))),
                          kTrafficTarget, kUplinkDue, device, d.generation);
  ctx_.fleet.commit(device, rng);
  if (box.in_flight == 0) transmit(device);
}

void DeviceTraffic::transmit(std::uint32_t device) {
  DeviceRecord& d = ctx_.fleet[device];
  Outbox* found = outboxes_.find(device);
  if (found == nullptr || found->in_flight != 0) return;
  Outbox& box = *found;
  const DeviceTypeConfig& cfg = ctx_.fleet.type_of(device);
  while (!box.queued.empty() && ctx_.now() - box.queued.front().at > cfg.traffic.ttl)
    give_up(device, box, 0, Cause::TtlExpired);
  // Its session keys are gone (wiped): what it still holds can never be sent.
  if (!d.network_key.valid || !d.application_key.valid)
    while (!box.queued.empty()) give_up(device, box, 0, Cause::NoSession);
  if (box.queued.empty()) {
    outboxes_.erase(device);
    d.flags = static_cast<std::uint8_t>(d.flags & ~kFrameInFlight);
    return;
  }
  RandomStream rng = ctx_.fleet.stream(device);
  box.in_flight = ++next_serial_ == 0 ? ++next_serial_ : next_serial_;
  d.flags |= kFrameInFlight;
  const std::optional<std::size_t> on = links_.choose(device);
  box.link = on ? static_cast<std::uint8_t>(*on) : kNoLink;
  if (!on) {
    ctx_.kernel.schedule_in(ctx_.config.cloud.ack_timeout, kTrafficTarget, kAckTimeout, device, box.in_flight);
    ctx_.fleet.commit(device, rng);
    return;  // no gateway serves any of its links: the ack never comes, the device keeps trying
  }
  const LinkType link = cfg.links[*on];
  // The device waits for the acknowledgement as long as the cloud needs plus what its link's receive
  // schedule adds (a CSS device hears its gateway only in its receive windows).
  ctx_.kernel.schedule_in(ctx_.config.cloud.ack_timeout + ctx_.air.response_allowance(device, link), kTrafficTarget,
                          kAckTimeout, device, box.in_flight);
  // Application layer under the application key, inside the network layer under the network key.
  if (box.head_inner.empty()) {
    const std::uint32_t counter = ++d.uplink_application_counter;
    const security::Bytes payload = uplink_payload(
        cfg.traffic, counter, battery_percent(cfg.radio.battery_mah, d.energy.charge_uc()), rng);
    box.head_inner = security::seal_uplink_application(d.application_key, counter, payload);
  }
  const std::uint32_t slot = frames_.acquire();
  FrameSlot& f = frames_[slot];
  f.bytes = security::seal_uplink_network(d.network_key, device, ++d.uplink_network_counter, box.head_inner);
  f.device = device;
  f.tx_id = box.in_flight;
  f.message = box.queued.front().message;
  f.generation = d.generation;
  f.origin = FrameOrigin::Device;
  f.link = link;

  const SimTime seal_time = ctx_.mcu_of(device).duration(CryptoOp::AesGcm64, 2);
  ctx_.air.device_compute(device, seal_time, MessageClass::Uplink);
  const SimTime depart = ctx_.now() + seal_time;
  ctx_.fleet.commit(device, rng);
  // An adversary near the gateway races this frame with a forgery of it (same header and counter, a tag that
  // does not authenticate), injected straight into the gateway's backhaul ahead of the genuine frame.
  if (d.flags & kForgeNext) {
    d.flags = static_cast<std::uint8_t>(d.flags & ~kForgeNext);
    const std::uint32_t forged = frames_.acquire();
    frames_[forged] = frames_[slot];
    frames_[forged].origin = FrameOrigin::Forged;
    frames_[forged].bytes.back() ^= 0x5a;
    count(device, Direction::Uplink, TrafficOutcome::Sent, Cause::None, 0, true);
    ctx_.kernel.schedule_at(depart, kTrafficTarget, kUplinkAtServer, device, forged);
  }
  send_frame(slot, MessageClass::Uplink, depart, kUplinkAtServer, kUplinkLost, true);
}

void DeviceTraffic::send_frame(std::uint32_t slot, MessageClass cls, SimTime depart, Kind arrived, Kind lost,
                               bool uplink) {
  const FrameSlot& f = frames_[slot];
  RandomStream rng = ctx_.fleet.stream(f.device);
  AirMessage m;
  m.device = f.device;
  m.link = f.link;
  m.cls = cls;
  m.bytes = f.bytes;
  m.depart = depart;
  m.arrived = {kTrafficTarget, static_cast<std::uint16_t>(arrived), f.device, slot};
  m.lost = Continuation{kTrafficTarget, static_cast<std::uint16_t>(lost), f.device, slot};
  if (uplink) m.link_failed = Continuation{kTrafficTarget, kUplinkLinkFailed, f.device, slot};
  if (uplink) ctx_.air.to_cloud(m, rng);
  else ctx_.air.to_device(m, rng);
  ctx_.fleet.commit(f.device, rng);
}

void DeviceTraffic::answer_device(std::uint32_t slot, SimTime at, Kind kind) {
  const FrameSlot& f = frames_[slot];
  if (f.origin != FrameOrigin::Device) return;
  // The MAC-level acknowledgement (or NACK): a short frame naming the transmission it answers.
  static constexpr std::uint8_t kAckFrame[12] = {};
  RandomStream rng = ctx_.fleet.stream(f.device);
  AirMessage m;
  m.device = f.device;
  m.link = f.link;
  m.cls = MessageClass::Ack;
  m.bytes = kAckFrame;
  m.depart = at;
  m.arrived = {kTrafficTarget, static_cast<std::uint16_t>(kind), f.device, f.tx_id};
  ctx_.air.to_device(m, rng);
  ctx_.fleet.commit(f.device, rng);
}

void DeviceTraffic::uplink_at_server(std::uint32_t slot) {
  FrameSlot& f = frames_[slot];
  const std::uint32_t device = f.device;
  const bool attacker = f.origin != FrameOrigin::Device;
  const SimTime done = ctx_.cloud.network_server.station().serve(ctx_.now(), ctx_.cloud_rng);
  if (done == kNever) {  // the network server is down: nobody answers, the device will retry
    if (attacker) count(device, Direction::Uplink, TrafficOutcome::Dropped, Cause::ServerDown, 0, true);
    frames_.release(slot);
    return;
  }
  // An adversary near the gateway recorded this frame: it replays it later.
  DeviceRecord& dev = ctx_.fleet[device];
  if (f.origin == FrameOrigin::Device && (dev.flags & kCaptureNext)) {
    dev.flags = static_cast<std::uint8_t>(dev.flags & ~kCaptureNext);
    const std::uint32_t copy = frames_.acquire();
    frames_[copy] = frames_[slot];
    frames_[copy].origin = FrameOrigin::Replayed;
    count(device, Direction::Uplink, TrafficOutcome::Sent, Cause::None, 0, true);
    ctx_.kernel.schedule_in(kReplayDelay, kTrafficTarget, kUplinkAtServer, device, copy);
  }
  FrameSlot& g = frames_[slot];  // (acquire() may have moved the slots)
  const std::uint32_t message = attacker ? 0 : g.message;
  NetworkSession& s = ctx_.cloud.network_server.sessions()[device];
  security::Bytes inner;
  const FrameError err = security::open_uplink_network(s.key, g.bytes, s.uplink_window, inner);
  if (err != FrameError::None) {  // (a copy of the device's own: it tries again while the message has time)
    reject(device, Actor::NetworkServer, Direction::Uplink, security::cause_of(err), message, attacker);
    frames_.release(slot);
    return;
  }
  // The network server's rule (revocations), then the cloud partner's (the developer's permission).
  if (const auto [actor, refused] = refusal_of(device); refused != Cause::None) {
    reject(device, actor, Direction::Uplink, refused, message, attacker);
    if (!attacker) messages_.refused(message, refused);
    answer_device(slot, done, kNackAtDevice);  // the MAC-level NACK ends the message on the device
    frames_.release(slot);
    return;
  }
  if (!attacker) messages_.forwarded(message);
  g.to_application = true;
  answer_device(slot, done, kAckAtDevice);
  dev.uplink_link = g.link;  // the network server answers the device on the link it last heard it on
  if (g.origin == FrameOrigin::Device) developer_.receive_window(device, done);  // the device listens
  // Network server -> cloud partner (destination) -> application server.
  g.bytes = std::move(inner);
  const SimTime at_partner = ctx_.cloud.cloud_partner.station().serve(done, ctx_.cloud_rng);
  if (at_partner == kNever) {  // the cloud partner is down: the network server has nowhere to pass the uplink on
    count(device, Direction::Uplink, TrafficOutcome::Dropped, Cause::CloudPartnerUnavailable, message, attacker);
    if (!attacker) messages_.copy_ended(ctx_.now(), message, TrafficOutcome::Dropped, Cause::CloudPartnerUnavailable);
    frames_.release(slot);
    return;
  }
  ctx_.kernel.schedule_at(at_partner, kTrafficTarget, kUplinkAtApp, device, slot);
}

void DeviceTraffic::uplink_at_app(std::uint32_t slot, bool buffered) {
  FrameSlot& f = frames_[slot];
  const std::uint32_t device = f.device;
  const bool attacker = f.origin != FrameOrigin::Device;
  const std::uint32_t message = attacker ? 0 : f.message;
  // The copy's end here, counted and told to the message it carries (not an adversary's frame).
  const auto end = [&](TrafficOutcome outcome, Cause cause) {
    if (outcome == TrafficOutcome::Rejected) reject(device, Actor::ApplicationServer, Direction::Uplink, cause, message, attacker);
    else count(device, Direction::Uplink, outcome, cause, message, attacker);
    if (!attacker) messages_.copy_ended(ctx_.now(), message, outcome, cause);
  };
  if (buffered) ctx_.cloud.cloud_partner.release_from_destination();
  // The destination forwards nothing of a device blocked since the network server let this uplink through.
  if (const Cause refused = refusal_of(device).second; refused != Cause::None) {
    reject(device, Actor::CloudPartner, Direction::Uplink, refused, message, attacker);
    if (!attacker) messages_.copy_ended(ctx_.now(), message, TrafficOutcome::Rejected, refused);
    frames_.release(slot);
    return;
  }
  const SimTime done = ctx_.cloud.application_server.station().serve(ctx_.now(), ctx_.cloud_rng);
  if (done == kNever) {
    // The application server is down: the destination holds the uplink until it is back, within its limit.
    if (ctx_.cloud.cloud_partner.buffer_for_destination()) {
      const SimTime retry = std::max(ctx_.cloud.application_server.station().down_until(), ctx_.now() + kSecond);
      ctx_.kernel.schedule_at(retry, kTrafficTarget, kUplinkAtApp, device, slot | kBufferedFlag);
    } else {
      end(TrafficOutcome::Dropped, Cause::DestinationFull);
      frames_.release(slot);
    }
    return;
  }
  ApplicationSession& s = ctx_.cloud.application_server.sessions()[device];
  security::Bytes payload;
  std::uint32_t counter = 0;
  const FrameError err = security::open_uplink_application(s.key, f.bytes, s.uplink_window, payload, &counter);
  frames_.release(slot);
  if (err == FrameError::Replay) {  // a retransmission whose first copy already arrived
    end(TrafficOutcome::Duplicate, Cause::None);
    return;
  }
  if (err != FrameError::None) {
    end(TrafficOutcome::Rejected, security::cause_of(err));
    return;
  }
  end(TrafficOutcome::Delivered, Cause::None);
  if (ctx_.sink.wants_payloads()) {
    const DeviceRecord& dev = ctx_.fleet[device];
    ctx_.sink.application_uplink({ctx_.now(), device, dev.device_type, dev.identity.smsn, counter, payload});
  }
  WirelessDevice& w = ctx_.cloud.cloud_partner.device(device);
  if (w.status == WirelessStatus::Registered) w.status = WirelessStatus::Activated;
  ++s.uplinks_received;
  const std::uint32_t every = ctx_.fleet.type_of(device).traffic.downlink_every;
  if (every > 0 && s.uplinks_received % every == 0) send_downlink(device, done);
}

void DeviceTraffic::send_downlink(std::uint32_t device, SimTime at) {
  ApplicationSession& as = ctx_.cloud.application_server.sessions()[device];
  NetworkSession& ns = ctx_.cloud.network_server.sessions()[device];
  if (!as.key.valid || !ns.key.valid) return;
  security::Bytes payload(8);
  for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<std::uint8_t>(as.downlink_counter + i);
  const security::Bytes inner = security::seal_downlink_application(as.key, ++as.downlink_counter, payload);
  const std::uint32_t slot = frames_.acquire();
  FrameSlot& f = frames_[slot];
  f.bytes = security::seal_downlink_network(ns.key, device, ++ns.downlink_counter, inner);
  f.device = device;
  f.generation = ctx_.fleet[device].generation;
  f.origin = FrameOrigin::Device;
  f.link = ctx_.fleet[device].uplink_link;
  count(device, Direction::Downlink, TrafficOutcome::Sent, Cause::None);
  // Application server -> cloud partner -> network server -> gateway -> device, on the link of the last uplink
  // that reached the network server.
  const SimTime at_server = ctx_.cloud.cloud_partner.station().serve(at, ctx_.cloud_rng);
  if (at_server == kNever) {  // the cloud partner is down: the downlink goes nowhere
    count(device, Direction::Downlink, TrafficOutcome::Dropped, Cause::CloudPartnerUnavailable);
    frames_.release(slot);
    return;
  }
  send_frame(slot, MessageClass::Downlink, at_server, kDownlinkAtDevice, kDownlinkLost, false);
}

void DeviceTraffic::downlink_at_device(std::uint32_t slot) {
  FrameSlot& f = frames_[slot];
  const std::uint32_t device = f.device;
  DeviceRecord& d = ctx_.fleet[device];
  security::Bytes payload;
  const FrameError err = security::open_downlink(d.application_key, d.network_key, f.bytes, d.downlink_network_window,
                                                 d.downlink_application_window, payload);
  frames_.release(slot);
  if (err != FrameError::None) {
    reject(device, Actor::Device, Direction::Downlink, security::cause_of(err));
    return;
  }
  count(device, Direction::Downlink, TrafficOutcome::Delivered, Cause::None);
}

void DeviceTraffic::acknowledged(std::uint32_t device, std::uint32_t serial) {
  Outbox* found = outboxes_.find(device);
  if (found == nullptr || found->in_flight != serial) return;
  Outbox& box = *found;
  if (!box.queued.empty()) {
    const std::uint32_t message = box.queued.front().message;
    box.queued.erase(box.queued.begin());
    messages_.answered(ctx_.now(), message);
  }
  box.head_inner.clear();
  box.in_flight = 0;
  box.backoff = 0;
  DeviceRecord& d = ctx_.fleet[device];
  d.flags = static_cast<std::uint8_t>(d.flags & ~kFrameInFlight);
  if (box.queued.empty()) {
    outboxes_.erase(device);
    return;
  }
  transmit(device);
}

void DeviceTraffic::ack_timeout(std::uint32_t device, std::uint32_t serial) {
  Outbox* found = outboxes_.find(device);
  if (found == nullptr || found->in_flight != serial) return;
  Outbox& box = *found;
  box.in_flight = 0;
  DeviceRecord& d = ctx_.fleet[device];
  d.flags = static_cast<std::uint8_t>(d.flags & ~kFrameInFlight);
  // No acknowledgement: retransmit after an exponential backoff (the message stays queued, within its TTL). On a
  // link that does not acknowledge frames (CSS) the missing answer is all the device learns of a failed link: the
  // retransmission goes on its next link.
  if (box.link != kNoLink) {
    const std::vector<LinkType>& links = ctx_.fleet.type_of(device).links;
    if (!acknowledges_uplinks(links[box.link])) links_.fall_back(device, box.link);
  }
  RandomStream rng = ctx_.fleet.stream(device);
  const SimTime wait = backoff_wait(box.backoff, 16, ctx_.config.cloud.ack_timeout, ctx_.config.cloud.backoff.max, rng);
  ctx_.kernel.schedule_in(wait, kTrafficTarget, kTransmit, device, d.generation);
  ctx_.fleet.commit(device, rng);
}

void DeviceTraffic::link_failed(std::uint32_t slot) {
  const FrameSlot& f = frames_[slot];
  const std::uint32_t device = f.device;
  const std::uint32_t serial = f.tx_id;
  const bool current = f.origin == FrameOrigin::Device && f.generation == ctx_.fleet[device].generation;
  frames_.release(slot);
  Outbox* box = outboxes_.find(device);
  if (!current || box == nullptr || box->in_flight != serial || box->link == kNoLink) return;
  if (!links_.fall_back(device, box->link)) return;  // no other link: its ack timeout retries on this one
  box->in_flight = 0;  // the pending ack timeout no longer matches
  ctx_.fleet[device].flags = static_cast<std::uint8_t>(ctx_.fleet[device].flags & ~kFrameInFlight);
  transmit(device);
}

}  // namespace st::models
