#include "models/lifecycle/device_registration.hpp"

#include <algorithm>
#include <variant>

namespace st::models {

using hw::CryptoOp;
using security::HandshakeError;

struct DeviceRegistration::Attempt {
  std::uint32_t number = 0;
  SimTime start = 0;
  LinkType link = LinkType::Ble;
  std::uint8_t link_index = 0;  // of `link` in the device type's list
  RegistrationPath via = RegistrationPath::Gateway;
  std::uint8_t epoch = 0;
  bool device_done = false;
  bool app_done = false;
  Cause failure = Cause::None;  // why the network server refused it (the refusal is on its way to the device)
  std::unique_ptr<security::DeviceHandshake> device;
  std::unique_ptr<security::NetworkServerHandshake> server;
  std::unique_ptr<security::ApplicationServerHandshake> app;
  security::Bytes message;      // the message on its way
  security::Bytes app_confirm;  // the device's application-key confirmation, forwarded to the app server
  security::HandshakeError step_error = security::HandshakeError::None;  // of the pooled step
  PendingWork work;             // last: cancelled (or waited for) before anything it writes goes away
};

DeviceRegistration::DeviceRegistration(TwinContext& ctx, std::function<void(std::uint32_t)> on_registered)
    : ctx_(ctx), on_registered_(std::move(on_registered)) {}

DeviceRegistration::~DeviceRegistration() = default;

void DeviceRegistration::request(std::uint32_t device, SimTime delay) {
  ctx_.kernel.schedule_in(delay, kRegistrationTarget, kStart, device, ctx_.fleet[device].generation);
}

void DeviceRegistration::abandon(std::uint32_t device) {
  attempts_.erase(device);
  links_.erase(device);
  ctx_.fleet[device].flags = static_cast<std::uint8_t>(ctx_.fleet[device].flags & ~kRegistering);
}

DeviceRegistration::Attempt* DeviceRegistration::current(std::uint32_t device, std::uint32_t attempt) {
  auto it = attempts_.find(device);
  if (it == attempts_.end() || it->second->number != attempt) return nullptr;
  return it->second.get();
}

void DeviceRegistration::on_event(const CalendarEntry& e) {
  if (e.kind == kStart) {
    start(e.device, static_cast<std::uint16_t>(e.arg));
    return;
  }
  Attempt* a = current(e.device, e.arg);
  if (a == nullptr) return;  // a stale message of an earlier attempt
  switch (e.kind) {
    case kHelloReady: hello_ready(e.device, *a); break;
    case kHelloAtServer: hello_at_server(e.device, *a); break;
    case kHelloServed: hello_served(e.device, *a); break;
    case kKeyRequestAtApp: key_request_at_app(e.device, *a); break;
    case kKeyRequestServed: key_request_served(e.device, *a); break;
    case kKeyResponseAtServer: key_response_at_server(e.device, *a); break;
    case kKeyResponseServed: key_response_served(e.device, *a); break;
    case kServerHelloAtDevice: server_hello_at_device(e.device, *a); break;
    case kServerHelloServed: server_hello_served(e.device, *a); break;
    case kConfirmAtServer: confirm_at_server(e.device, *a); break;
    case kAppConfirmAtApp: app_confirm_at_app(e.device, *a); break;
    case kServerConfirmAtDevice: server_confirm_at_device(e.device, *a); break;
    case kRefusalAtDevice: if (!a->device_done) fail(e.device, a->failure); break;
    case kTimeout: if (!a->device_done) fail(e.device, Cause::Timeout); break;
    case kMessageLost: message_lost(*a); break;
    default: break;
  }
}

void DeviceRegistration::send(std::uint32_t device, Attempt& a, SimTime depart, Kind kind, bool to_device) {
  RandomStream rng = ctx_.fleet.stream(device);
  AirMessage m;
  m.device = device;
  m.link = a.link;
  m.via = a.via;
  m.cls = MessageClass::Registration;
  m.bytes = a.message;
  m.depart = depart;
  if (a.via == RegistrationPath::MobileApp) m.relay = ctx_.cloud.mobile_app.relay_delay(rng);
  m.arrived = {kRegistrationTarget, static_cast<std::uint16_t>(kind), device, a.number};
  m.lost = Continuation{kRegistrationTarget, kMessageLost, device, a.number};
  if (to_device) ctx_.air.to_device(m, rng);
  else ctx_.air.to_cloud(m, rng);
  ctx_.fleet.commit(device, rng);
}

template <typename Step>
void DeviceRegistration::run_step(std::uint32_t device, Attempt& a, SimTime done, Kind kind, Step step) {
  a.step_error = HandshakeError::None;
  a.work = PendingWork(ctx_.crypto, [attempt = &a, step]() {
    auto r = step(*attempt);
    if (auto* err = std::get_if<HandshakeError>(&r)) attempt->step_error = *err;
    else attempt->message = std::move(std::get<security::Bytes>(r));
  });
  ctx_.kernel.schedule_at(done, kRegistrationTarget, kind, device, a.number);
}

HandshakeError DeviceRegistration::join_step(Attempt& a) {
  a.work.join();
  return a.step_error;
}

void DeviceRegistration::send_to_server(std::uint32_t device, Attempt& a, SimTime depart, Kind kind) {
  send(device, a, depart, kind, false);
}

void DeviceRegistration::send_to_device(std::uint32_t device, Attempt& a, SimTime depart, Kind kind) {
  send(device, a, depart, kind, true);
}

void DeviceRegistration::start(std::uint32_t device, std::uint16_t generation) {
  DeviceRecord& d = ctx_.fleet[device];
  if (d.generation != generation || d.phase != Phase::Associated || (d.flags & kRegistering)) return;
  if (!ctx_.air.powered(device)) return;  // its battery is empty: it never tries again
  const DeviceTypeConfig& cfg = ctx_.fleet.type_of(device);
  auto a = std::make_unique<Attempt>();
  a->number = ++d.attempt;
  a->start = ctx_.now();
  a->via = cfg.register_via;
  a->epoch = static_cast<std::uint8_t>(d.epoch + 1u);
  bool reachable = false;
  if (a->via == RegistrationPath::MobileApp) {
    reachable = has_link(cfg.links, LinkType::Ble);
    a->link = LinkType::Ble;
  } else {
    const LinkState* on = links_.find(device);
    if (const auto k = ctx_.air.pick_link(device, cfg.links, true, on != nullptr ? on->index : 0)) {
      reachable = true;
      a->link = cfg.links[*k];
      a->link_index = static_cast<std::uint8_t>(*k);
    }
  }
  d.flags |= kRegistering;
  Attempt& ref = *a;
  attempts_[device] = std::move(a);
  if (!reachable) {
    fail(device, Cause::NoCoverage);
    return;
  }
  const CryptoOp keygen = cfg.curve == security::EcdhCurve::X25519 ? CryptoOp::X25519Keygen : CryptoOp::P256Keygen;
  const SimTime keygen_time = ctx_.mcu_of(device).duration(keygen);
  ctx_.air.device_compute(device, keygen_time, MessageClass::Registration);
  // The device's ephemeral key and M1, made on the pool while the device's MCU spends keygen_time on them.
  ref.work = PendingWork(ctx_.crypto, [&ctx = ctx_, attempt = &ref, identity = d.identity, curve = cfg.curve,
                                       id = (static_cast<std::uint64_t>(device) << 32) | ref.number]() {
    attempt->device = std::make_unique<security::DeviceHandshake>(
        identity, ctx.pki.type_chains(identity.device_type), curve, ctx.keys, id, ctx.pki.trust_anchor(),
        ctx.pki.application_server().key.public_key, &ctx.sink, &ctx.verdicts);
    attempt->message = attempt->device->take_hello();
  });
  ctx_.kernel.schedule_in(keygen_time, kRegistrationTarget, kHelloReady, device, ref.number);
  ctx_.kernel.schedule_in(ctx_.config.cloud.handshake_timeout, kRegistrationTarget, kTimeout, device, ref.number);
}

void DeviceRegistration::hello_ready(std::uint32_t device, Attempt& a) {
  a.work.join();
  send_to_server(device, a, ctx_.now(), kHelloAtServer);
}

void DeviceRegistration::refuse(std::uint32_t device, Attempt& a, SimTime at, Cause cause) {
  ctx_.fleet.report_refusal(device, ctx_.now(), Actor::NetworkServer, Refused::Handshake, cause);
  a.failure = cause;
  a.message.assign(8, 0);  // a short refusal frame
  send_to_device(device, a, at, kRefusalAtDevice);
}

void DeviceRegistration::hello_at_server(std::uint32_t device, Attempt& a) {
  const SimTime done = ctx_.cloud.network_server.station().serve(ctx_.now(), ctx_.cloud_rng);
  if (done == kNever) return;  // the network server is down
  // The network server and the cloud partner each decide whether they take this device's registration.
  Cause refused = ctx_.cloud.network_server.admit_registration(device);
  if (refused == Cause::None) refused = ctx_.cloud.cloud_partner.admit_registration(device);
  if (refused != Cause::None) {
    refuse(device, a, done, refused);
    return;
  }
  a.server = std::make_unique<security::NetworkServerHandshake>(
      ctx_.pki, ctx_.cloud.network_server.verifier(), ctx_.cloud.network_server.revocations(), ctx_.keys,
      (static_cast<std::uint64_t>(device) << 32) | a.number, &ctx_.sink, &ctx_.verdicts);
  run_step(device, a, done, kHelloServed, [](Attempt& at) { return at.server->on_device_hello(at.message); });
}

void DeviceRegistration::hello_served(std::uint32_t device, Attempt& a) {
  if (const HandshakeError err = join_step(a); err != HandshakeError::None) {
    refuse(device, a, ctx_.now(), security::cause_of(err));
    return;
  }
  // Network server -> cloud partner -> application server.
  const SimTime via_partner = ctx_.cloud.cloud_partner.station().serve(ctx_.now(), ctx_.cloud_rng);
  if (via_partner == kNever) return;  // the cloud partner is down: the device's attempt times out and it retries
  ctx_.kernel.schedule_at(via_partner, kRegistrationTarget, kKeyRequestAtApp, device, a.number);
}

void DeviceRegistration::key_request_at_app(std::uint32_t device, Attempt& a) {
  const SimTime done = ctx_.cloud.application_server.station().serve(ctx_.now(), ctx_.cloud_rng);
  if (done == kNever) return;  // the application server is down
  a.app = std::make_unique<security::ApplicationServerHandshake>(
      ctx_.pki.application_server(), ctx_.keys, (static_cast<std::uint64_t>(device) << 32) | a.number, &ctx_.sink);
  run_step(device, a, done, kKeyRequestServed, [](Attempt& at) { return at.app->on_key_request(at.message); });
}

void DeviceRegistration::key_request_served(std::uint32_t device, Attempt& a) {
  if (const HandshakeError err = join_step(a); err != HandshakeError::None) {
    refuse(device, a, ctx_.now(), security::cause_of(err));
    return;
  }
  const SimTime back = ctx_.cloud.cloud_partner.station().serve(ctx_.now(), ctx_.cloud_rng);
  if (back == kNever) return;  // the cloud partner is down
  ctx_.kernel.schedule_at(back, kRegistrationTarget, kKeyResponseAtServer, device, a.number);
}

void DeviceRegistration::key_response_at_server(std::uint32_t device, Attempt& a) {
  const SimTime done = ctx_.cloud.network_server.station().serve(ctx_.now(), ctx_.cloud_rng);
  if (done == kNever) return;
  run_step(device, a, done, kKeyResponseServed, [](Attempt& at) { return at.server->on_app_key_response(at.message); });
}

void DeviceRegistration::key_response_served(std::uint32_t device, Attempt& a) {
  if (const HandshakeError err = join_step(a); err != HandshakeError::None) {
    refuse(device, a, ctx_.now(), security::cause_of(err));
    return;
  }
  send_to_device(device, a, ctx_.now(), kServerHelloAtDevice);
}

void DeviceRegistration::server_hello_at_device(std::uint32_t device, Attempt& a) {
  // Device work: check the SNS signature and certificate (to the root) and the app server's signature,
  // two ECDH, the key schedule and the confirmations.
  const auto& mcu = ctx_.mcu_of(device);
  const bool x25519 = ctx_.fleet.type_of(device).curve == security::EcdhCurve::X25519;
  const SimTime work = mcu.duration(CryptoOp::Ed25519Verify, 4) +
                       mcu.duration(x25519 ? CryptoOp::X25519Ecdh : CryptoOp::P256Ecdh, 2) +
                       mcu.duration(CryptoOp::HkdfSha256, 6) + mcu.duration(CryptoOp::HmacSha256, 3);
  ctx_.air.device_compute(device, work, MessageClass::Registration);
  run_step(device, a, ctx_.now() + work, kServerHelloServed,
           [](Attempt& at) { return at.device->on_server_hello(at.message); });
}

void DeviceRegistration::server_hello_served(std::uint32_t device, Attempt& a) {
  if (const HandshakeError err = join_step(a); err != HandshakeError::None) {
    ctx_.fleet.report_refusal(device, ctx_.now(), Actor::Device, Refused::Handshake, security::cause_of(err));
    fail(device, security::cause_of(err));
    return;
  }
  send_to_server(device, a, ctx_.now(), kConfirmAtServer);
}

void DeviceRegistration::confirm_at_server(std::uint32_t device, Attempt& a) {
  const SimTime done = ctx_.cloud.network_server.station().serve(ctx_.now(), ctx_.cloud_rng);
  if (done == kNever) return;
  // The cloud partner, down, could not carry the confirmation on to the application server: the network server
  // keeps no half-made session and the device's attempt times out.
  if (!ctx_.cloud.cloud_partner.station().available(done)) return;
  const DeviceRecord& d = ctx_.fleet[device];
  if (const Cause refused = ctx_.cloud.network_server.admit(d.identity.smsn, d.device_type); refused != Cause::None) {
    refuse(device, a, done, refused);
    return;
  }
  auto r = a.server->on_device_confirm(a.message);
  if (auto* err = std::get_if<HandshakeError>(&r)) {
    refuse(device, a, done, security::cause_of(*err));
    return;
  }
  ctx_.cloud.network_server.sessions().install(device, a.server->network_key(), a.epoch);
  a.app_confirm = a.server->app_confirm();
  a.message = std::move(std::get<security::Bytes>(r));
  const SimTime to_app = ctx_.cloud.cloud_partner.station().serve(done, ctx_.cloud_rng);
  ctx_.kernel.schedule_at(to_app, kRegistrationTarget, kAppConfirmAtApp, device, a.number);
  send_to_device(device, a, done, kServerConfirmAtDevice);
}

void DeviceRegistration::app_confirm_at_app(std::uint32_t device, Attempt& a) {
  const SimTime done = ctx_.cloud.application_server.station().serve(ctx_.now(), ctx_.cloud_rng);
  (void)done;  // the session is in place once the confirmation is processed
  const HandshakeError err = a.app->on_device_confirm(a.app_confirm);
  if (err != HandshakeError::None) {
    ctx_.fleet.report_refusal(device, ctx_.now(), Actor::ApplicationServer, Refused::Handshake, security::cause_of(err));
  } else {
    ctx_.cloud.application_server.sessions().install(device, a.app->application_key(), a.epoch);
  }
  a.app_done = true;
  if (a.device_done) attempts_.erase(device);
}

void DeviceRegistration::server_confirm_at_device(std::uint32_t device, Attempt& a) {
  DeviceRecord& d = ctx_.fleet[device];
  const HandshakeError err = a.device->on_server_confirm(a.message);
  if (err != HandshakeError::None) {
    ctx_.fleet.report_refusal(device, ctx_.now(), Actor::Device, Refused::Handshake, security::cause_of(err));
    fail(device, security::cause_of(err));
    return;
  }
  const SimTime confirm_time = ctx_.mcu_of(device).duration(CryptoOp::HmacSha256);
  ctx_.air.device_compute(device, confirm_time, MessageClass::Registration);
  const SimTime end = ctx_.now() + confirm_time;
  const security::SessionKeys& keys = a.device->keys();
  d.network_key.install(keys.network_key, a.epoch);
  d.application_key.install(keys.application_key, a.epoch);
  d.epoch = a.epoch;
  d.uplink_network_counter = 0;
  d.uplink_application_counter = 0;
  d.downlink_network_window.reset();
  d.downlink_application_window.reset();
  d.retries = 0;
  d.flags = static_cast<std::uint8_t>(d.flags & ~kRegistering);
  links_.erase(device);  // its next registration starts on its first link again
  ++d.registrations;
  report(device, a, end, Cause::None);
  WirelessDevice& w = ctx_.cloud.cloud_partner.device(device);
  if (w.status == WirelessStatus::Provisioned) w.status = WirelessStatus::Registered;
  if (d.phase == Phase::Associated) {
    ctx_.fleet.set_phase(device, Phase::Registered, ctx_.now(), Cause::Registered);
    if (on_registered_) on_registered_(device);
  }
  a.device_done = true;
  if (a.app_done) attempts_.erase(device);
}

// A lost message ends the attempt but for the device's timeout (the parties do not know yet; they would wait for
// an answer that cannot come). Its bytes and the handshake states are freed now instead of at the timeout: in a
// registration burst most of the memory held by attempts is theirs. The application server keeps its state while
// the device's confirmation is on its way to it (forwarded by the network server before its own M4 was lost).
void DeviceRegistration::message_lost(Attempt& a) {
  if (a.work.pending()) return;  // a step still writes into the attempt (not expected: steps end before sends)
  security::Bytes().swap(a.message);
  a.device.reset();
  a.server.reset();
  if (a.app_confirm.empty()) a.app.reset();
}

std::size_t DeviceRegistration::handshake_states_held() const {
  return static_cast<std::size_t>(std::count_if(attempts_.begin(), attempts_.end(), [](const auto& entry) {
    const Attempt& a = *entry.second;
    return a.device != nullptr || a.server != nullptr || a.app != nullptr;
  }));
}

void DeviceRegistration::report(std::uint32_t device, const Attempt& a, SimTime end, Cause failure) {
  const DeviceRecord& d = ctx_.fleet[device];
  ctx_.sink.handshake({device, d.device_type, metrics::Smsn(d.identity.smsn), a.link, a.via, a.start, end,
                       failure == Cause::None, failure});
}

void DeviceRegistration::timed_out_on(std::uint32_t device, std::uint8_t index) {
  const DeviceTypeConfig& cfg = ctx_.fleet.type_of(device);
  const std::uint32_t limit = cfg.registration.fallback_after;
  if (limit == 0 || cfg.links.size() < 2) return;
  LinkState& on = links_.emplace(device, [](LinkState& s) { s = LinkState{}; });
  if (on.index != index) on = LinkState{index, 0};
  if (on.failures < 255) ++on.failures;
  if (on.failures < limit) return;
  const auto next = ctx_.air.pick_link(device, cfg.links, true, (index + 1u) % cfg.links.size());
  if (!next || *next == index) return;  // no other link it can register on now: it stays, and asks again next time
  on = LinkState{static_cast<std::uint8_t>(*next), 0};
  ctx_.fleet.report_link_switch(device, ctx_.now(), cfg.links[index], cfg.links[*next], LinkSwitchCause::Registration);
}

void DeviceRegistration::fail(std::uint32_t device, Cause reason) {
  DeviceRecord& d = ctx_.fleet[device];
  auto it = attempts_.find(device);
  if (it != attempts_.end()) {
    const Attempt& a = *it->second;
    report(device, a, ctx_.now(), reason);
    const bool on_gateway = a.via == RegistrationPath::Gateway;
    const std::uint8_t index = a.link_index;
    attempts_.erase(it);
    if (reason == Cause::Timeout && on_gateway) timed_out_on(device, index);
  }
  d.flags = static_cast<std::uint8_t>(d.flags & ~kRegistering);
  // Refusals that no retry can cure end the attempts; everything else retries with exponential backoff.
  if (is_final_refusal(reason) || d.phase != Phase::Associated) return;
  RandomStream rng = ctx_.fleet.stream(device);
  const BackoffConfig& backoff = ctx_.config.cloud.backoff;
  const SimTime wait = backoff_wait(d.retries, 20, backoff.initial, backoff.max, rng);
  ctx_.fleet.commit(device, rng);
  ctx_.kernel.schedule_in(wait, kRegistrationTarget, kStart, device, d.generation);
}

}  // namespace st::models
