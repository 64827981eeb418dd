// DeviceProvisioning: how devices come to exist in the cloud. The prototyping flow (device data flashed by
// hand, the cloud holds the DAK, a per-account prototype limit) and the mass-production flow (the contract
// manufacturer signs with its DAK and submits control-log records that the manufacturing (EDI) ingest
// verifies to the root); then association with the developer's account at the cloud partner.
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>

#include "models/lifecycle/twin_context.hpp"
#include "models/security/chain_verifier.hpp"

namespace st::models {

class DeviceProvisioning : public EventHandler {
 public:
  enum Kind : std::uint16_t { kManufacture, kIngestArrive, kAssociated };

  explicit DeviceProvisioning(TwinContext& ctx);

  // Schedule the manufacture of every device at its type's production times.
  void schedule_manufacturing();
  // (Re-)associate a created or de-registered device with its developer account.
  void associate(std::uint32_t device);
  // Called when a device becomes associated (the registration flow hooks in here).
  void on_associated(std::function<void(std::uint32_t)> hook) { associated_hook_ = std::move(hook); }

  void on_event(const CalendarEntry& e) override;

 private:
  void manufacture(std::uint32_t device);
  void submit_to_ingest(std::uint32_t device, RandomStream& rng);
  void ingest_arrive(std::uint32_t device);
  void provisioned(std::uint32_t device);
  void associated(std::uint32_t device, std::uint16_t generation);
  void reject(std::uint32_t device, std::string_view actor, std::string_view cause);

  TwinContext& ctx_;
  security::ChainVerifier cloud_verifier_;  // the cloud partner's, for hand-flashed prototypes
  std::function<void(std::uint32_t)> associated_hook_;
};

}  // namespace st::models
