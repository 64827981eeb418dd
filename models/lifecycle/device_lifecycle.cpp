#include "models/lifecycle/device_lifecycle.hpp"

#include <cmath>
#include <vector>

namespace st::models {

DeviceLifecycle::DeviceLifecycle(TwinContext& ctx)
    : ctx_(ctx),
      provisioning_(ctx),
      registration_(ctx, [this](std::uint32_t d) { traffic_.start(d); }),
      traffic_(ctx) {
  provisioning_.on_associated([this](std::uint32_t d) {
    DeviceRecord& rec = ctx_.fleet[d];
    const bool wanted = (rec.flags & kWantsRegistration) != 0;
    rec.flags = static_cast<std::uint8_t>(rec.flags & ~kWantsRegistration);
    if (wanted || (rec.registrations == 0 && ctx_.fleet.type_of(d).registration.automatic))
      registration_.request(d, registration_delay(d));
  });
}

void DeviceLifecycle::start() { provisioning_.schedule_manufacturing(); }

SimTime DeviceLifecycle::registration_delay(std::uint32_t device) {
  RandomStream rng = ctx_.fleet.stream(device);
  const SimTime delay = ctx_.fleet.type_of(device).registration.delay.sample_time(rng);
  ctx_.fleet.commit(device, rng);
  return delay;
}

template <typename Eligible, typename Act>
std::uint32_t DeviceLifecycle::select(const DeviceSelection& s, RandomStream& rng, Eligible eligible, Act act) {
  if (s.device) {  // one device, by its index: acted on if eligible
    if (*s.device >= ctx_.fleet.size() || !eligible(ctx_.fleet[*s.device])) return 0;
    act(*s.device);
    return 1;
  }
  std::uint32_t begin = 0;
  std::uint32_t end = ctx_.fleet.size();
  if (s.device_type) {
    begin = ctx_.fleet.first_of_type(*s.device_type);
    end = ctx_.fleet.end_of_type(*s.device_type);
  }
  std::vector<std::uint32_t> pool;
  for (std::uint32_t d = begin; d < end; ++d)
    if (eligible(ctx_.fleet[d])) pool.push_back(d);
  const auto n = static_cast<std::uint64_t>(pool.size());
  std::uint64_t want = s.count ? *s.count : static_cast<std::uint64_t>(std::llround(s.fraction * static_cast<double>(n)));
  if (want > n) want = n;
  // Selection sampling (Knuth, TAOCP vol. 2, algorithm S): exactly `want` devices, in index order.
  std::uint32_t chosen = 0;
  for (std::uint64_t i = 0; i < n && chosen < want; ++i) {
    if (static_cast<double>(n - i) * rng.uniform() < static_cast<double>(want - chosen)) {
      act(pool[i]);
      ++chosen;
    }
  }
  return chosen;
}

std::uint32_t DeviceLifecycle::register_devices(const DeviceSelection& s, RandomStream& rng) {
  return select(
      s, rng,
      [](const DeviceRecord& d) {
        return (d.phase == Phase::Associated || d.phase == Phase::Deregistered) && !(d.flags & kRegistering);
      },
      [this](std::uint32_t d) {
        DeviceRecord& rec = ctx_.fleet[d];
        if (rec.phase == Phase::Deregistered) {
          rec.flags |= kWantsRegistration;  // the end customer sets it up again: associate, then register
          provisioning_.associate(d);
        } else {
          registration_.request(d, registration_delay(d));
        }
      });
}

void DeviceLifecycle::deregister(std::uint32_t device, Cause cause) {
  DeviceRecord& d = ctx_.fleet[device];
  ++d.generation;  // every pending event of the old session is stale from now on
  registration_.abandon(device);
  traffic_.flush(device, Cause::Deregistered);  // (and the developer's queued downlinks)
  d.network_key.wipe();
  d.application_key.wipe();
  ctx_.cloud.network_server.sessions().wipe(device);
  ctx_.cloud.application_server.sessions().wipe(device);
  WirelessDevice& w = ctx_.cloud.cloud_partner.device(device);
  w.associated = false;
  w.status = WirelessStatus::Provisioned;
  d.retries = 0;
  ctx_.fleet.set_phase(device, Phase::Deregistered, ctx_.now(), cause);
}

std::uint32_t DeviceLifecycle::deregister_devices(const DeviceSelection& s, RandomStream& rng) {
  return select(
      s, rng, [](const DeviceRecord& d) { return d.phase == Phase::Registered; },
      [this](std::uint32_t d) { deregister(d); });
}

void DeviceLifecycle::block(std::uint32_t device, Cause cause) {
  DeviceRecord& d = ctx_.fleet[device];
  // The device does not know: it keeps its keys and keeps sending; the cloud refuses it from now on.
  registration_.abandon(device);
  d.flags = static_cast<std::uint8_t>(d.flags & ~kWantsRegistration);
  ctx_.fleet.set_phase(device, Phase::Blocked, ctx_.now(), cause);
}

namespace {
bool live(const DeviceRecord& d) {
  return d.phase == Phase::Created || d.phase == Phase::Associated || d.phase == Phase::Registered ||
         d.phase == Phase::Deregistered;
}
}  // namespace

// Handshake steps on the crypto pool read the revocation list: every step submitted before a revocation finishes
// with the list as it was (as if it had run when submitted) before the list changes.
std::uint32_t DeviceLifecycle::revoke_devices(const DeviceSelection& s, RandomStream& rng) {
  ctx_.crypto.drain();
  return select(s, rng, live, [this](std::uint32_t d) {
    ctx_.cloud.network_server.revocations().revoke_device(ctx_.fleet[d].identity.smsn);
    block(d, Cause::DeviceRevoked);
  });
}

std::uint32_t DeviceLifecycle::revoke_device_type(std::uint16_t type) {
  ctx_.crypto.drain();
  ctx_.cloud.network_server.revocations().revoke_device_type(type);
  std::uint32_t n = 0;
  for (std::uint32_t d = ctx_.fleet.first_of_type(type); d < ctx_.fleet.end_of_type(type); ++d) {
    if (live(ctx_.fleet[d])) {
      block(d, Cause::DeviceTypeRevoked);
      ++n;
    }
  }
  return n;
}

std::uint32_t DeviceLifecycle::developer_revoke(const DeviceSelection& s, RandomStream& rng) {
  return select(s, rng, live, [this](std::uint32_t d) {
    ctx_.cloud.cloud_partner.revoke_permission(d);
    block(d, Cause::DeveloperRevoked);
  });
}

std::uint32_t DeviceLifecycle::replay_attack(const DeviceSelection& s, RandomStream& rng) {
  return select(
      s, rng, [](const DeviceRecord& d) { return d.phase == Phase::Registered; },
      [this](std::uint32_t d) { ctx_.fleet[d].flags |= kCaptureNext; });
}

std::uint32_t DeviceLifecycle::forge_attack(const DeviceSelection& s, RandomStream& rng) {
  return select(
      s, rng, [](const DeviceRecord& d) { return d.phase == Phase::Registered; },
      [this](std::uint32_t d) { ctx_.fleet[d].flags |= kForgeNext; });
}

void DeviceLifecycle::qualify(std::uint16_t type) { ctx_.cloud.cloud_partner.profile(type).qualified = true; }

void DeviceLifecycle::cloud_outage(OutageTarget target, SimTime duration) {
  ctx_.cloud.outage(target, ctx_.now(), ctx_.now() + duration);
}

}  // namespace st::models
