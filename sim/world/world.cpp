#include "sim/world/world.hpp"

#include <algorithm>

#include "models/air/explicit_air.hpp"
#include "models/air/radio_access_network.hpp"

namespace st::world {

void Probe::add(SimTime at, std::function<void(SimTime)> fn) { entries_.push_back({at, std::move(fn)}); }

void Probe::schedule(Dispatcher& kernel) {
  kernel_ = &kernel;
  for (std::uint32_t i = 0; i < entries_.size(); ++i) kernel.schedule_at(entries_[i].at, kTarget, 0, kNoDevice, i);
}

void Probe::on_event(const CalendarEntry& e) { entries_[e.arg].fn(kernel_->now()); }

World::World(const scenario::Scenario& s, metrics::MetricsSink& sink, const security::KeySource& keys,
             unsigned crypto_workers, const models::ImportedFleet* imported)
    : scenario_(s), sink_(sink), config_(s.world) {
  sc_core::sc_set_time_resolution(1, sc_core::SC_NS);
  kernel_ = std::make_unique<Dispatcher>("dispatcher");
  crypto_ = std::make_unique<WorkPool>(sink.wants_keylog() ? 0u : crypto_workers);
  pki_ = std::make_unique<security::Pki>(keys);
  for (const auto& t : config_.device_types) pki_->add_device_type(t.name, t.dak_signature_limit);
  if (imported != nullptr) {  // real devices: their chains, the roots they end in, their application server key
    for (std::size_t a = 0; a < 2; ++a)
      for (const auto& root : imported->trusted_roots[a])
        pki_->also_trust(static_cast<security::SignatureAlgorithm>(a), root);
    if (imported->application_server_key) pki_->use_application_server_key(*imported->application_server_key);
    for (std::uint16_t t = 0; t < config_.device_types.size(); ++t)
      if (const models::ImportedType* it = imported->type(t)) pki_->use_chains(t, it->chains);
  }
  fleet_ = std::make_unique<models::Fleet>(config_.device_types, config_.seed, sink);
  gateways_ = std::make_unique<models::GatewayPool>(config_.gateways, config_.seed);
  const std::uint32_t n = fleet_->size();
  if (config_.radio.physical) {
    auto ran = std::make_unique<models::RadioAccessNetwork>(*kernel_, sink, config_, *gateways_, *fleet_);
    ran_ = ran.get();
    air_ = std::move(ran);
  } else {
    air_ = std::make_unique<models::ExplicitAir>(*kernel_, *gateways_, config_.link_hops);
  }
  cloud_ = std::make_unique<models::CloudActors>(config_.cloud, config_.device_types, n, *pki_, keys, verdicts_);
  cloud_->manufacturer.use_imported(imported);
  std::vector<hw::McuProfile> mcu;
  for (const auto& t : config_.device_types) {
    hw::McuProfile profile = *hw::mcu_profile(t.mcu.core, t.mcu.clock_hz);
    for (const auto& [op, cycles] : t.mcu.cycles) profile.cycles[op] = cycles;
    mcu.push_back(std::move(profile));
  }
  ctx_ = std::make_unique<models::TwinContext>(models::TwinContext{
      *kernel_, sink, config_, keys, *pki_, *fleet_, *gateways_, *air_, *cloud_, std::move(mcu),
      RandomStream(config_.seed, kActorStreamBase), *crypto_, verdicts_});
  lifecycle_ = std::make_unique<models::DeviceLifecycle>(*ctx_);
  timeline_ = std::make_unique<TimelineDriver>(scenario_, *kernel_, *lifecycle_, *gateways_, sink);
  stimuli_ = std::make_unique<StimulusPort>(*kernel_, *lifecycle_, *fleet_, *timeline_);

  kernel_->attach(models::kProvisioningTarget, &lifecycle_->provisioning());
  kernel_->attach(models::kRegistrationTarget, &lifecycle_->registration());
  kernel_->attach(models::kTrafficTarget, &lifecycle_->traffic());
  kernel_->attach(models::kDownlinkTarget, &lifecycle_->traffic().developer_downlinks());
  kernel_->attach(TimelineDriver::kTarget, timeline_.get());
  kernel_->attach(Probe::kTarget, &probe_);
  kernel_->attach(StimulusPort::kTarget, stimuli_.get());
  if (ran_ != nullptr) kernel_->attach(models::RadioAccessNetwork::kTarget, ran_);
  kernel_->calendar().reserve(std::min<std::size_t>(n * 2u + 64u, 1u << 22));
}

World::~World() = default;

void World::run() {
  if (ran_ != nullptr) ran_->report_placement();
  lifecycle_->start();
  timeline_->schedule();
  probe_.schedule(*kernel_);
  kernel_->run_until(scenario_.duration);
  if (ran_ != nullptr) ran_->finish(scenario_.duration);
  cloud_->report(sink_, fleet_->size());
  for (std::uint32_t i = 0; i < fleet_->size(); ++i) {
    const models::DeviceRecord& d = (*fleet_)[i];
    metrics::DeviceFinalRecord r{i, d.device_type, d.visible, d.identity.smsn};
    if (ran_ != nullptr) {
      r.placed = true;
      const auto p = ran_->device_position(i);
      r.x_m = p.x_m;
      r.y_m = p.y_m;
      static_assert(metrics::DeviceFinalRecord::kNoGateway == models::GatewayPool::kNone);
      for (const models::LinkType link : models::kLinks) r.home[models::link_index(link)] = ran_->home(i, link);
    }
    sink_.device_final(r);
  }
  const models::DeviceTraffic& traffic = lifecycle_->traffic();
  sink_.run_end({scenario_.duration, kernel_->dispatched(), traffic.messages_in_flight(),
                 traffic.developer_downlinks().queued_count()});
}

}  // namespace st::world
