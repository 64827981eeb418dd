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
             unsigned crypto_workers)
    : scenario_(s), sink_(sink), config_(s.world) {
  sc_core::sc_set_time_resolution(1, sc_core::SC_NS);
  kernel_ = std::make_unique<Dispatcher>("dispatcher");
  crypto_ = std::make_unique<WorkPool>(sink.wants_keylog() ? 0u : crypto_workers);
  pki_ = std::make_unique<security::Pki>(keys);
  for (const auto& t : config_.device_types) pki_->add_device_type(t.name, t.dak_signature_limit);
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
  network_server_ = std::make_unique<models::NetworkServer>(config_.cloud, *pki_, n);
  cloud_partner_ = std::make_unique<models::CloudPartnerRegistry>(config_.cloud, config_.device_types, n);
  application_server_ = std::make_unique<models::ApplicationServer>(config_.cloud, n);
  ingest_ = std::make_unique<models::ManufacturingIngest>(config_.cloud.ingest_latency, *pki_);
  network_server_->verifier().share_verdicts(&verdicts_);
  ingest_->verifier().share_verdicts(&verdicts_);
  manufacturer_ = std::make_unique<models::ContractManufacturer>(*pki_, keys);
  mobile_app_ = std::make_unique<models::DeveloperMobileApp>(config_.cloud.mobile_app_latency);
  std::vector<hw::McuProfile> mcu;
  for (const auto& t : config_.device_types) {
    hw::McuProfile profile = *hw::mcu_profile(t.mcu.core, t.mcu.clock_hz);
    for (const auto& [op, cycles] : t.mcu.cycles) profile.cycles[op] = cycles;
    mcu.push_back(std::move(profile));
  }
  ctx_ = std::make_unique<models::TwinContext>(models::TwinContext{
      *kernel_, sink, config_, keys, *pki_, *fleet_, *gateways_, *air_, *network_server_, *cloud_partner_,
      *application_server_, *ingest_, *manufacturer_, *mobile_app_, std::move(mcu), RandomStream(config_.seed, kActorStreamBase),
      *crypto_, verdicts_});
  lifecycle_ = std::make_unique<models::DeviceLifecycle>(*ctx_);
  timeline_ = std::make_unique<TimelineDriver>(scenario_, *kernel_, *lifecycle_, *gateways_, sink);

  kernel_->attach(models::kProvisioningTarget, &lifecycle_->provisioning());
  kernel_->attach(models::kRegistrationTarget, &lifecycle_->registration());
  kernel_->attach(models::kTrafficTarget, &lifecycle_->traffic());
  kernel_->attach(TimelineDriver::kTarget, timeline_.get());
  kernel_->attach(Probe::kTarget, &probe_);
  if (ran_ != nullptr) kernel_->attach(models::RadioAccessNetwork::kTarget, ran_);
  kernel_->calendar().reserve(std::min<std::size_t>(n * 2u + 64u, 1u << 22));
}

World::~World() = default;

void World::report_tallies() {
  std::uint64_t provisioned = 0, registered = 0, activated = 0, associated = 0, permission_revoked = 0;
  for (std::uint32_t d = 0; d < fleet_->size(); ++d) {
    const models::WirelessDevice& w = cloud_partner_->device(d);
    provisioned += w.status == models::WirelessStatus::Provisioned;
    registered += w.status == models::WirelessStatus::Registered;
    activated += w.status == models::WirelessStatus::Activated;
    associated += w.associated;
    permission_revoked += w.permission_revoked;
  }
  using metrics::TallySection;
  const std::pair<TallySection, std::pair<std::string_view, std::uint64_t>> tallies[] = {
      {TallySection::CloudPartner, {"PROVISIONED", provisioned}},
      {TallySection::CloudPartner, {"REGISTERED", registered}},
      {TallySection::CloudPartner, {"ACTIVATED", activated}},
      {TallySection::CloudPartner, {"associated_with_developer", associated}},
      {TallySection::CloudPartner, {"permission_revoked", permission_revoked}},
      {TallySection::Actors, {"contract_manufacturer.devices_made", manufacturer_->made()}},
      {TallySection::Actors, {"contract_manufacturer.uploads_retried", manufacturer_->uploads_retried()}},
      {TallySection::Actors, {"contract_manufacturer.rejections_notified", manufacturer_->rejections_notified()}},
      {TallySection::Actors, {"ingest.records_accepted", ingest_->accepted()}},
      {TallySection::Actors, {"ingest.records_rejected", ingest_->rejected()}},
      {TallySection::Actors, {"network_server.jobs", network_server_->station().jobs()}},
      {TallySection::Actors, {"network_server.revoked_devices", network_server_->revocations().revoked_devices()}},
      {TallySection::Actors, {"cloud_partner.jobs", cloud_partner_->station().jobs()}},
      {TallySection::Actors, {"application_server.jobs", application_server_->station().jobs()}},
      {TallySection::Actors, {"mobile_app.messages_relayed", mobile_app_->messages_relayed()}}};
  for (const auto& [section, tally] : tallies) sink_.tally({section, tally.first, tally.second});
}

void World::run() {
  lifecycle_->start();
  timeline_->schedule();
  probe_.schedule(*kernel_);
  kernel_->run_until(scenario_.duration);
  if (ran_ != nullptr) ran_->finish(scenario_.duration);
  report_tallies();
}

}  // namespace st::world
