// DeviceProvisioning: how devices come to exist in the cloud. The prototyping flow (device data flashed by
// hand, the cloud holds the DAK, a per-account prototype limit) and the mass-production flow (the contract
// manufacturer signs with its DAK and submits control-log records that the manufacturing (EDI) ingest
// verifies to the root); then association with the developer's account at the cloud partner.
// In mass production the key pairs, the DAK signatures and the ingest's chain verification of a device run on
// the crypto work pool, started kLookahead devices of its type ahead of its manufacture (all of it is a pure
// function of the device's type and index) and joined when its record reaches the ingest.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>
#include <string>
#include <string_view>

#include "models/lifecycle/twin_context.hpp"
#include "models/security/chain_verifier.hpp"

namespace st::models {

class DeviceProvisioning : public EventHandler {
 public:
  enum Kind : std::uint16_t { kManufacture, kIngestArrive, kAssociated, kRetryAssociation };

  explicit DeviceProvisioning(TwinContext& ctx);

  // Schedule the manufacture of every device at its type's production times.
  void schedule_manufacturing();
  // The factory makes a device of a type's reserve now (CreateWirelessDevice); it then lives like any other.
  void manufacture_on_request(std::uint32_t device) { manufacture(device); }
  // (Re-)associate a created or de-registered device with its developer account; while the cloud partner is down,
  // tried again every `backoff.initial`.
  void associate(std::uint32_t device);
  // Called when a device becomes associated (the registration flow hooks in here).
  void on_associated(std::function<void(std::uint32_t)> hook) { associated_hook_ = std::move(hook); }

  void on_event(const CalendarEntry& e) override;

 private:
  void manufacture(std::uint32_t device);
  // The factory work of one device (key pairs, DAK signatures, the ingest's verification) on the pool.
  void start_factory_work(std::uint32_t device, const std::array<std::uint8_t, 32>& smsn, std::uint16_t type);
  // Starts the factory work of the devices of `type` up to index `upto` (not past the type's end).
  void prefetch(std::uint16_t type, std::uint32_t upto);
  void submit_to_ingest(std::uint32_t device, RandomStream& rng);
  void ingest_arrive(std::uint32_t device);
  void provisioned(std::uint32_t device);
  void associated(std::uint32_t device, std::uint16_t generation);
  // `actor` rejects the device for `cause`; the factory is told (mass production).
  void reject(std::uint32_t device, Actor actor, Cause cause);

  // A mass-produced device between the factory and the ingest: its store and the ingest's verdict on it.
  struct InFactory {
    security::DeviceIdentity identity{};
    security::ChainError verdict = security::ChainError::None;
    PendingWork work;  // last: cancelled (or waited for) first
  };

  static constexpr std::uint32_t kLookahead = 512;  // devices per type whose factory work may run ahead

  TwinContext& ctx_;
  std::unordered_map<std::uint32_t, std::unique_ptr<InFactory>> in_factory_;
  std::vector<std::uint32_t> prefetched_;  // per type: indices below this have had their factory work started
  security::ChainVerifier cloud_verifier_;  // the cloud partner's, for hand-flashed prototypes
  std::function<void(std::uint32_t)> associated_hook_;
};

}  // namespace st::models
