#include "models/cloud/cloud_actors.hpp"

#include <string_view>
#include <utility>

namespace st::models {

CloudActors::CloudActors(const CloudConfig& cfg, const std::vector<DeviceTypeConfig>& types, std::uint32_t devices,
                         security::Pki& pki, const security::KeySource& keys, security::SignatureVerdicts& verdicts)
    : network_server(cfg, pki, devices),
      cloud_partner(cfg, types, devices),
      application_server(cfg, devices),
      ingest(cfg.ingest_latency, pki),
      manufacturer(pki, keys),
      mobile_app(cfg.mobile_app_latency) {
  network_server.verifier().share_verdicts(&verdicts);
  ingest.verifier().share_verdicts(&verdicts);
}

ServiceStation* CloudActors::station(OutageTarget target) {
  switch (target) {
    case OutageTarget::NetworkServer: return &network_server.station();
    case OutageTarget::CloudPartner: return &cloud_partner.station();
    case OutageTarget::ApplicationServer: return &application_server.station();
    case OutageTarget::Ingest: return &ingest.station();
    case OutageTarget::Gateways: break;
  }
  return nullptr;
}

void CloudActors::outage(OutageTarget target, SimTime from, SimTime until) {
  if (target == OutageTarget::CloudPartner) {
    cloud_partner.outage(from, until);
  } else if (ServiceStation* s = station(target)) {
    s->outage(from, until);
  }
}

void CloudActors::report(metrics::MetricsSink& sink, std::uint32_t devices) const {
  std::uint64_t provisioned = 0, registered = 0, activated = 0, associated = 0, permission_revoked = 0;
  for (std::uint32_t d = 0; d < devices; ++d) {
    const WirelessDevice& w = cloud_partner.device(d);
    provisioned += w.status == WirelessStatus::Provisioned;
    registered += w.status == WirelessStatus::Registered;
    activated += w.status == WirelessStatus::Activated;
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
      {TallySection::Actors, {"contract_manufacturer.devices_made", manufacturer.made()}},
      {TallySection::Actors, {"contract_manufacturer.uploads_retried", manufacturer.uploads_retried()}},
      {TallySection::Actors, {"contract_manufacturer.rejections_notified", manufacturer.rejections_notified()}},
      {TallySection::Actors, {"ingest.records_accepted", ingest.accepted()}},
      {TallySection::Actors, {"ingest.records_rejected", ingest.rejected()}},
      {TallySection::Actors, {"network_server.jobs", network_server.station().jobs()}},
      {TallySection::Actors, {"network_server.revoked_devices", network_server.revocations().revoked_devices()}},
      {TallySection::Actors, {"cloud_partner.jobs", cloud_partner.station().jobs()}},
      {TallySection::Actors, {"application_server.jobs", application_server.station().jobs()}},
      {TallySection::Actors, {"mobile_app.messages_relayed", mobile_app.messages_relayed()}}};
  for (const auto& [section, tally] : tallies) sink.tally({section, tally.first, tally.second});
}

}  // namespace st::models
