#include "models/lifecycle/device_provisioning.hpp"

#include <algorithm>
#include <string>

#include "models/cloud/control_log_record.hpp"
#include "models/security/bytes.hpp"
#include "models/security/device_identity.hpp"

namespace st::models {

namespace {
// A device's record in the contract manufacturer's upload: a 4-0-1 control-log record (control_log_record.hpp).
std::string control_log_upload(const TwinContext& ctx, const security::DeviceIdentity& d) {
  const DeviceTypeConfig& cfg = ctx.fleet.type(d.device_type);
  return encode(make_control_log_record(d, ctx.pki.type_chains(d.device_type), cfg.apid,
                                        std::string(to_string(cfg.stage))));
}

// The record corrupted in transit: one base64 character of a device record's signature (Ed25519 chain: bytes
// 64..127, characters 86..169; P-256: bytes 96..159, characters 128..212) replaced by another.
void corrupt_upload(std::string& upload, RandomStream& rng) {
  const bool ed = rng.bernoulli(0.5);
  const std::string key = ed ? "\"sidewalkED25519CertificateChain\":\"" : "\"sidewalkP256R1CertificateChain\":\"";
  const std::size_t at = upload.find(key);
  if (at == std::string::npos) return;
  const std::size_t first = at + key.size() + (ed ? 88 : 130);
  const std::size_t i = first + rng.below(80);
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const char* pos = std::find(kAlphabet, kAlphabet + 64, upload[i]);
  const std::size_t from = static_cast<std::size_t>(pos - kAlphabet);
  upload[i] = kAlphabet[(from + 1 + rng.below(63)) % 64];
}
}  // namespace

DeviceProvisioning::DeviceProvisioning(TwinContext& ctx)
    : ctx_(ctx), prefetched_(ctx.fleet.type_count(), 0), cloud_verifier_(ctx.pki.trust_anchor()) {}

void DeviceProvisioning::start_factory_work(std::uint32_t device, const std::array<std::uint8_t, 32>& smsn,
                                            std::uint16_t type) {
  auto job = std::make_unique<InFactory>();
  job->identity.smsn = smsn;
  job->identity.device_type = type;
  job->work = PendingWork(ctx_.crypto, [&ctx = ctx_, f = job.get(), device]() {
    const std::uint16_t t = f->identity.device_type;
    const std::uint32_t index = device - ctx.fleet.first_of_type(t);
    f->identity = ctx.cloud.manufacturer.make_keys(t, index, f->identity.smsn, device);
    ctx.cloud.manufacturer.sign_reserved(f->identity);
    // The control-log record the factory uploads, and the ingest's verdict on it (an imported device whose own
    // chains fail is refused for that, whatever the type's chains say). The record is made again should it be
    // corrupted on its way (an ingest fault): nothing holds it meanwhile.
    f->verdict = ctx.cloud.manufacturer.imported_verdict(t, index);
    if (f->verdict == security::ChainError::None)
      f->verdict = ctx.cloud.ingest.verify_upload(control_log_upload(ctx, f->identity), ctx.pki.type_chains(t));
  });
  in_factory_.emplace(device, std::move(job));
}

void DeviceProvisioning::prefetch(std::uint16_t type, std::uint32_t upto) {
  const DeviceTypeConfig& cfg = ctx_.fleet.type(type);
  // Only where the factory will sign (an unqualified production type is refused at manufacture): the work is
  // pure, so doing it early changes nothing but when the cores do it.
  if (cfg.flow != ProvisioningFlow::MassProduction ||
      (cfg.stage == Stage::Production && !ctx_.cloud.cloud_partner.profile(type).qualified))
    return;
  const std::uint32_t first = ctx_.fleet.first_of_type(type);
  upto = std::min(upto, cfg.count);
  for (std::uint32_t& i = prefetched_[type]; i < upto; ++i) {
    const std::uint32_t device = first + i;
    if (ctx_.fleet[device].phase != Phase::Unmade || in_factory_.count(device)) continue;
    start_factory_work(device, ctx_.cloud.manufacturer.smsn_of(cfg, type, i), type);
  }
}

void DeviceProvisioning::schedule_manufacturing() {
  for (std::uint16_t t = 0; t < ctx_.fleet.type_count(); ++t) {
    const DeviceTypeConfig& cfg = ctx_.fleet.type(t);
    const std::uint32_t first = ctx_.fleet.first_of_type(t);
    const std::uint32_t n = cfg.count;
    for (std::uint32_t i = 0; i < n; ++i) {
      ctx_.kernel.schedule_at(manufacture_time(cfg, i), kProvisioningTarget, kManufacture, first + i);
    }
  }
}

void DeviceProvisioning::on_event(const CalendarEntry& e) {
  switch (e.kind) {
    case kManufacture: manufacture(e.device); break;
    case kIngestArrive: ingest_arrive(e.device); break;
    case kAssociated: associated(e.device, static_cast<std::uint16_t>(e.arg)); break;
    case kRetryAssociation:
      if (ctx_.fleet[e.device].generation == static_cast<std::uint16_t>(e.arg)) associate(e.device);
      break;
    default: break;
  }
}

void DeviceProvisioning::reject(std::uint32_t device, Actor actor, Cause cause) {
  const DeviceRecord& d = ctx_.fleet[device];
  ctx_.fleet.report_refusal(device, ctx_.now(), actor, actor == Actor::Ingest ? Refused::IngestRecord : Refused::Provisioning,
                            cause);
  ctx_.fleet.set_phase(device, Phase::Rejected, ctx_.now(), cause);
  if (ctx_.fleet.type_of(device).flow == ProvisioningFlow::MassProduction) {
    ctx_.cloud.manufacturer.notified_of_rejection();
    ctx_.sink.notice({ctx_.now(), actor, NoticeKind::FactoryNotified,
                      "device " + security::to_hex(d.identity.smsn) + " rejected: " + std::string(to_string(cause))});
  }
}

void DeviceProvisioning::manufacture(std::uint32_t device) {
  DeviceRecord& d = ctx_.fleet[device];
  RandomStream rng = ctx_.fleet.stream(device);
  if (d.phase == Phase::Manufacturing) {  // the contract manufacturer retries an upload the ingest missed
    submit_to_ingest(device, rng);
    ctx_.fleet.commit(device, rng);
    return;
  }
  if (d.phase != Phase::Unmade) return;
  const DeviceTypeConfig& cfg = ctx_.fleet.type_of(device);
  const std::uint16_t type = d.device_type;
  prefetch(type, ctx_.fleet.index_in_type(device) + kLookahead);
  // Manufacturing store: SMSN from (DeviceTypeId, stage, DSN, APID); both key pairs from the run's key source (made on
  // the pool in mass production, see below).
  const bool mass = cfg.flow == ProvisioningFlow::MassProduction;
  if (mass) {
    d.identity = security::DeviceIdentity{};
    d.identity.smsn = ctx_.cloud.manufacturer.assign_smsn(cfg, type, ctx_.fleet.index_in_type(device));
    d.identity.device_type = type;
  } else {
    d.identity = ctx_.cloud.manufacturer.make(cfg, ctx_.fleet.index_in_type(device), type, device);
  }
  ctx_.fleet.set_phase(device, Phase::Manufacturing, ctx_.now(), Cause::Manufactured);
  d.energy.integrate_baseline(0.0, ctx_.now());  // its battery starts draining when it is made

  if (!mass) {
    // The developer flashes the device by hand; the cloud partner holds the DAK and signs, one at a time.
    const std::uint16_t account = ctx_.cloud.cloud_partner.account_of_type(type);
    if (!ctx_.cloud.cloud_partner.admit_prototype(account)) {
      reject(device, Actor::CloudPartner, Cause::PrototypeLimit);
      return;
    }
    if (ctx_.cloud.network_server.revocations().device_type_revoked(type)) {
      reject(device, Actor::CloudPartner, Cause::DeviceTypeRevoked);
      return;
    }
    ctx_.cloud.manufacturer.sign(d.identity);
    const SimTime done = ctx_.cloud.cloud_partner.station().serve(ctx_.now(), ctx_.cloud_rng);
    if (done == kNever) {
      reject(device, Actor::CloudPartner, Cause::CloudPartnerUnavailable);
      return;
    }
    ctx_.kernel.schedule_at(done, kProvisioningTarget, kIngestArrive, device);
    return;
  }
  // Mass production: pre-production DAKs sign a limited number of devices; production needs qualification.
  const DeviceProfile& profile = ctx_.cloud.cloud_partner.profile(type);
  if (cfg.stage == Stage::Production && !profile.qualified) {
    in_factory_.erase(device);
    reject(device, Actor::ContractManufacturer, Cause::NotQualified);
    return;
  }
  if (!ctx_.cloud.manufacturer.reserve_signature(type)) {
    in_factory_.erase(device);  // its factory work (if started) is not used
    reject(device, Actor::ContractManufacturer, Cause::DakSignatureLimit);
    return;
  }
  if (rng.bernoulli(ctx_.config.cloud.ingest_fault_rate)) d.flags |= kIngestFault;
  // Key pairs, DAK signatures and the ingest's verification of both chains (of the record as made; a record
  // corrupted on its way is verified again at the ingest): pure work, joined when the record reaches the ingest.
  if (!in_factory_.count(device)) start_factory_work(device, d.identity.smsn, type);
  submit_to_ingest(device, rng);
  ctx_.fleet.commit(device, rng);
}

void DeviceProvisioning::submit_to_ingest(std::uint32_t device, RandomStream& rng) {
  const SimTime done = ctx_.cloud.ingest.station().serve(ctx_.now(), ctx_.cloud_rng);
  if (done == kNever) {
    // The upload fails while the ingest is down: the contract manufacturer retries with backoff.
    const SimTime wait = ctx_.cloud.manufacturer.upload_retry_delay(ctx_.fleet[device].retries, ctx_.config.cloud.backoff.initial,
                                                              ctx_.config.cloud.backoff.max, rng);
    ctx_.kernel.schedule_in(wait, kProvisioningTarget, kManufacture, device);
    return;
  }
  ctx_.kernel.schedule_at(done, kProvisioningTarget, kIngestArrive, device);
}

void DeviceProvisioning::ingest_arrive(std::uint32_t device) {
  DeviceRecord& d = ctx_.fleet[device];
  if (d.phase != Phase::Manufacturing) return;
  d.retries = 0;
  const std::uint16_t type = d.device_type;
  // Both flows authenticate the device data by its two certificate chains: the manufacturing (EDI)
  // ingest for mass production, the cloud partner for hand-flashed prototypes.
  const bool mass = ctx_.fleet.type_of(device).flow == ProvisioningFlow::MassProduction;
  const Actor actor = mass ? Actor::Ingest : Actor::CloudPartner;
  security::ChainError verified = security::ChainError::None;
  bool have_verdict = false;
  if (auto it = in_factory_.find(device); it != in_factory_.end()) {
    it->second->work.join();
    d.identity = it->second->identity;
    verified = it->second->verdict;
    have_verdict = !(d.flags & kIngestFault);
    in_factory_.erase(it);
  }
  {
    const security::ChainError own = ctx_.cloud.manufacturer.imported_verdict(type, ctx_.fleet.index_in_type(device));
    Cause cause = Cause::None;
    if (mass && have_verdict) {
      cause = ctx_.cloud.ingest.decide(verified, type, ctx_.cloud.network_server.revocations());
    } else if (mass) {
      // The control-log record as the ingest received it: corrupted in transit when the fault hit.
      std::string upload = control_log_upload(ctx_, d.identity);
      if (d.flags & kIngestFault) {
        RandomStream rng = ctx_.fleet.stream(device);
        corrupt_upload(upload, rng);
        ctx_.fleet.commit(device, rng);
        d.flags = static_cast<std::uint8_t>(d.flags & ~kIngestFault);
      }
      cause = own != security::ChainError::None
                  ? ctx_.cloud.ingest.decide(own, type, ctx_.cloud.network_server.revocations())
                  : ctx_.cloud.ingest.authenticate(upload, type, ctx_.pki.type_chains(type),
                                                   ctx_.cloud.network_server.revocations());
    } else {
      const security::DeviceIdentity& record = d.identity;
      security::ChainError verdict = own;
      if (verdict == security::ChainError::None) verdict = cloud_verifier_.verify(record, ctx_.pki.type_chains(type));
      cause = security::cause_of(verdict);
      if (cause == Cause::None && ctx_.cloud.network_server.revocations().device_type_revoked(type))
        cause = Cause::DeviceTypeRevoked;
    }
    if (cause != Cause::None) {
      reject(device, actor, cause);
      return;
    }
  }
  provisioned(device);
}

void DeviceProvisioning::provisioned(std::uint32_t device) {
  WirelessDevice& w = ctx_.cloud.cloud_partner.device(device);
  w.status = WirelessStatus::Provisioned;
  w.account = ctx_.cloud.cloud_partner.account_of_type(ctx_.fleet[device].device_type);
  ctx_.cloud.network_server.map_cloud_partner(device, NetworkServer::kAwsIotCore);
  ctx_.fleet.set_phase(device, Phase::Created, ctx_.now(), Cause::Provisioned);
  associate(device);
}

void DeviceProvisioning::associate(std::uint32_t device) {
  const SimTime done = ctx_.cloud.cloud_partner.association_station().serve(ctx_.now(), ctx_.cloud_rng);
  const std::uint16_t generation = ctx_.fleet[device].generation;
  if (done == kNever) {
    ctx_.kernel.schedule_in(ctx_.config.cloud.backoff.initial, kProvisioningTarget, kRetryAssociation, device, generation);
    return;
  }
  ctx_.kernel.schedule_at(done, kProvisioningTarget, kAssociated, device, generation);
}

void DeviceProvisioning::associated(std::uint32_t device, std::uint16_t generation) {
  DeviceRecord& d = ctx_.fleet[device];
  if (d.generation != generation) return;
  if (d.phase != Phase::Created && d.phase != Phase::Deregistered) return;
  WirelessDevice& w = ctx_.cloud.cloud_partner.device(device);
  w.associated = true;
  ctx_.fleet.set_phase(device, Phase::Associated, ctx_.now(), Cause::Associated);
  if (associated_hook_) associated_hook_(device);
}

}  // namespace st::models
