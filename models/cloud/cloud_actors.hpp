// CloudActors: every cloud actor of one world, built from the cloud configuration: the manufacturing ingest, the
// contract manufacturer, the Sidewalk network server, the cloud partner, the developer's application server and
// mobile app. A new actor is a member here (built, given an outage target if it can be down, and tallied).
#pragma once
#include <cstdint>
#include <vector>

#include "models/base/cloud_config.hpp"
#include "models/base/device_type_config.hpp"
#include "models/base/outage_target.hpp"
#include "models/cloud/application_server.hpp"
#include "models/cloud/cloud_partner_registry.hpp"
#include "models/cloud/contract_manufacturer.hpp"
#include "models/cloud/developer_mobile_app.hpp"
#include "models/cloud/manufacturing_ingest.hpp"
#include "models/cloud/network_server.hpp"
#include "models/security/key_source.hpp"
#include "models/security/pki.hpp"
#include "models/security/signature_verdicts.hpp"
#include "sim/kernel/sim_time.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::models {

struct CloudActors {
  // `verdicts`: the signatures already verified, shared by the cloud's chain verifiers.
  CloudActors(const CloudConfig& cfg, const std::vector<DeviceTypeConfig>& types, std::uint32_t devices,
              security::Pki& pki, const security::KeySource& keys, security::SignatureVerdicts& verdicts);

  // The service station of the actor `target` names (nullptr: not a cloud actor).
  ServiceStation* station(OutageTarget target);
  // Takes `target` down during [from, until): its station (the cloud partner's association service with it);
  // nothing for the gateways, which are not a cloud actor.
  void outage(OutageTarget target, SimTime from, SimTime until);
  // The end-of-run tallies: wireless devices per cloud-partner status and associations, then what each actor did.
  void report(metrics::MetricsSink& sink, std::uint32_t devices) const;

  NetworkServer network_server;
  CloudPartnerRegistry cloud_partner;
  ApplicationServer application_server;
  ManufacturingIngest ingest;
  ContractManufacturer manufacturer;
  DeveloperMobileApp mobile_app;
};

}  // namespace st::models
