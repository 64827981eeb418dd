#include "sim/world/timeline_driver.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace st::world {

TimelineDriver::TimelineDriver(const scenario::Scenario& s, Dispatcher& kernel, models::DeviceLifecycle& lifecycle,
                               models::GatewayPool& gateways, metrics::MetricsSink& sink)
    : scenario_(s),
      kernel_(kernel),
      lifecycle_(lifecycle),
      gateways_(gateways),
      sink_(sink),
      rng_(s.world.seed, kActorStreamBase + 1) {}

std::vector<std::uint32_t> TimelineDriver::gateway_outage(const scenario::Action& a) {
  std::vector<std::uint32_t> pool;
  for (std::uint32_t g = 0; g < gateways_.groups().size(); ++g) {
    if (a.gateway_group && gateways_.groups()[g].name != *a.gateway_group) continue;
    for (std::uint32_t i = gateways_.first_of_group(g); i < gateways_.end_of_group(g); ++i) pool.push_back(i);
  }
  const auto n = static_cast<std::uint32_t>(
      a.count ? std::min<std::size_t>(*a.count, pool.size())
              : std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(a.fraction * static_cast<double>(pool.size())))));
  // A partial Fisher-Yates shuffle picks which ones, from the timeline's own random stream.
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto j = i + static_cast<std::uint32_t>(rng_.below(pool.size() - i));
    std::swap(pool[i], pool[j]);
    gateways_.outage(pool[i], kernel_.now(), kernel_.now() + a.duration);
  }
  pool.resize(n);
  return pool;
}

void TimelineDriver::schedule() {
  for (std::uint32_t i = 0; i < scenario_.timeline.size(); ++i) {
    const scenario::Action& a = scenario_.timeline[i];
    for (std::uint32_t r = 0; r < a.repeat; ++r) {
      const SimTime at = a.at + r * a.every;
      if (at > scenario_.duration) break;
      kernel_.schedule_at(at, kTarget, kAction, kNoDevice, i);
    }
  }
}

std::optional<std::uint16_t> TimelineDriver::type_index(const std::optional<std::string>& name) const {
  if (!name) return std::nullopt;
  for (std::uint16_t t = 0; t < scenario_.world.device_types.size(); ++t)
    if (scenario_.world.device_types[t].name == *name) return t;
  return std::nullopt;
}

const scenario::Action& TimelineDriver::action(std::uint32_t index) const {
  return index < scenario_.timeline.size() ? scenario_.timeline[index] : live_[index - scenario_.timeline.size()];
}

void TimelineDriver::on_event(const CalendarEntry& e) {
  const scenario::Action& a = action(e.arg);
  if (e.kind == kOutageEnd) {
    sink_.notice({kernel_.now(), models::actor_of(a.target), models::NoticeKind::OutageEnd, ""});
    return;
  }
  perform(a, e.arg);
}

void TimelineDriver::perform_live(const scenario::Action& a) {
  live_.push_back(a);
  perform(live_.back(), static_cast<std::uint32_t>(scenario_.timeline.size() + live_.size() - 1));
}

void TimelineDriver::perform(const scenario::Action& a, std::uint32_t index) {
  using K = scenario::ActionKind;
  models::DeviceSelection sel;
  sel.device_type = type_index(a.device_type);
  sel.count = a.count;
  sel.fraction = a.fraction;
  sel.device = a.device;
  std::uint32_t n = 0;
  std::string detail;
  switch (a.kind) {
    case K::Register: n = lifecycle_.register_devices(sel, rng_); break;
    case K::Deregister: n = lifecycle_.deregister_devices(sel, rng_); break;
    case K::RevokeDevice: n = lifecycle_.revoke_devices(sel, rng_); break;
    case K::RevokeDeviceType: n = lifecycle_.revoke_device_type(*sel.device_type); break;
    case K::DeveloperRevoke: n = lifecycle_.developer_revoke(sel, rng_); break;
    case K::ReplayAttack: n = lifecycle_.replay_attack(sel, rng_); break;
    case K::ForgeAttack: n = lifecycle_.forge_attack(sel, rng_); break;
    case K::Qualify: lifecycle_.qualify(*sel.device_type); break;
    case K::Outage: {
      if (a.target == scenario::OutageTarget::Gateways) {
        const std::vector<std::uint32_t> down = gateway_outage(a);
        kernel_.schedule_in(a.duration, kTarget, kOutageEnd, kNoDevice, index);
        std::string which = std::to_string(down.size()) + " gateways" +
                            (a.gateway_group ? " of " + *a.gateway_group : "") + " for " +
                            std::to_string(static_cast<double>(a.duration) / 1e9) + " s";
        for (std::size_t i = 0; i < down.size(); ++i) which += (i == 0 ? ": " : " ") + std::to_string(down[i]);
        sink_.notice({kernel_.now(), models::Actor::Gateways, models::NoticeKind::OutageStart, std::move(which)});
        return;
      }
      lifecycle_.cloud_outage(a.target, a.duration);
      kernel_.schedule_in(a.duration, kTarget, kOutageEnd, kNoDevice, index);
      sink_.notice({kernel_.now(), models::actor_of(a.target), models::NoticeKind::OutageStart,
                    "for " + std::to_string(static_cast<double>(a.duration) / 1e9) + " s"});
      return;
    }
  }
  detail = std::to_string(n) + " devices";
  if (a.device_type) detail += " of " + *a.device_type;
  if (a.device) detail += " (device " + std::to_string(*a.device) + ")";
  sink_.notice({kernel_.now(), models::Actor::Timeline, models::NoticeKind::TimelineAction, detail, a.kind});
}

}  // namespace st::world
