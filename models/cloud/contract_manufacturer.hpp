// ContractManufacturer: the factory. It writes each device's manufacturing store (SMSN, both key pairs; an
// imported device's from its files), has the device certificates signed by the type's DAK in its HSM, uploads control-log records to the
// ingest (retrying with backoff while the ingest is down), and receives rejection notifications.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "models/base/cloud_config.hpp"
#include "models/base/device_type_config.hpp"
#include "models/cloud/imported_fleet.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/key_source.hpp"
#include "models/security/pki.hpp"
#include "sim/kernel/random_stream.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

// The SMSN of the index-th device of a type: from its DeviceTypeId, stage, DSN and APID.
inline std::array<std::uint8_t, 32> device_smsn(const DeviceTypeConfig& cfg, std::uint32_t index) {
  return security::make_smsn(cfg.device_type_id, security::smsn_stage(cfg.stage), device_serial_number(cfg, index),
                             cfg.apid);
}

class ContractManufacturer {
 public:
  ContractManufacturer(security::Pki& pki, const security::KeySource& keys) : pki_(pki), keys_(keys) {}

  // Device types made of imported devices: their stores come from the files, already signed (may be null).
  void use_imported(const ImportedFleet* imported) { imported_ = imported; }
  const ImportedType* imported(std::uint16_t type) const { return imported_ ? imported_->type(type) : nullptr; }

  // The SMSN of the index-th device of a type (an imported device's own).
  std::array<std::uint8_t, 32> smsn_of(const DeviceTypeConfig& cfg, std::uint16_t type, std::uint32_t index) const {
    const ImportedType* t = imported(type);
    return t ? t->devices.at(index).identity.smsn : device_smsn(cfg, index);
  }
  // The manufacturing store of the index-th device of a type: its SMSN and both key pairs.
  security::DeviceIdentity make(const DeviceTypeConfig& cfg, std::uint32_t index, std::uint16_t type,
                                std::uint32_t device) {
    return make_keys(type, index, assign_smsn(cfg, type, index), device);
  }
  // The same in two steps: the SMSN (counted as one device made), then the key pairs (pure: may run on a worker).
  std::array<std::uint8_t, 32> assign_smsn(const DeviceTypeConfig& cfg, std::uint16_t type, std::uint32_t index) {
    ++made_;
    return smsn_of(cfg, type, index);
  }
  security::DeviceIdentity make_keys(std::uint16_t type, std::uint32_t index, const std::array<std::uint8_t, 32>& smsn,
                                     std::uint32_t device) const {
    if (const ImportedType* t = imported(type)) {
      security::DeviceIdentity d = t->devices.at(index).identity;
      d.device_type = type;
      return d;
    }
    return security::make_device_identity(keys_, type, smsn, device);
  }
  // The verdict on an imported device's own chains (None for the twin's own devices).
  security::ChainError imported_verdict(std::uint16_t type, std::uint32_t index) const {
    const ImportedType* t = imported(type);
    return t ? t->devices.at(index).verdict : security::ChainError::None;
  }
  // The HSM signs both device certificates with the DAK (refused past a pre-production DAK's limit). Imported
  // devices come signed by their own DAK: nothing to do, no limit.
  bool sign(security::DeviceIdentity& identity) {
    if (imported(identity.device_type)) return true;
    return pki_.dak(identity.device_type).sign_device(identity) == security::DakSigner::Result::Ok;
  }
  // The same in two steps: count the signature against the DAK's limit, then sign (thread-safe).
  bool reserve_signature(std::uint16_t type) { return imported(type) || pki_.dak(type).reserve(); }
  void sign_reserved(security::DeviceIdentity& identity) const {
    if (!imported(identity.device_type)) pki_.dak(identity.device_type).sign_reserved(identity);
  }
  // How long to wait before retrying an upload the ingest did not take: exponential backoff with jitter.
  SimTime upload_retry_delay(std::uint8_t& retries, SimTime initial, SimTime max, RandomStream& rng) {
    ++uploads_retried_;
    return backoff_wait(retries, 16, initial, max, rng);
  }
  void notified_of_rejection() { ++rejections_notified_; }

  std::uint64_t made() const { return made_; }
  std::uint64_t uploads_retried() const { return uploads_retried_; }
  std::uint64_t rejections_notified() const { return rejections_notified_; }

 private:
  security::Pki& pki_;
  const security::KeySource& keys_;
  const ImportedFleet* imported_ = nullptr;
  std::uint64_t made_ = 0;
  std::uint64_t uploads_retried_ = 0;
  std::uint64_t rejections_notified_ = 0;
};

}  // namespace st::models
