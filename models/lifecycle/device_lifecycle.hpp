// DeviceLifecycle: the whole lifecycle of every device, wiring provisioning, registration and traffic
// together, and the operations that actors outside the devices perform on them: the end customer
// (register, de-register), Sidewalk (revoke a device or a device type), the developer (revoke permission),
// qualification, outages and adversaries.
#pragma once
#include <cstdint>
#include <optional>

#include "models/base/outage_target.hpp"
#include "models/lifecycle/device_provisioning.hpp"
#include "models/lifecycle/device_registration.hpp"
#include "models/lifecycle/device_traffic.hpp"
#include "models/lifecycle/twin_context.hpp"

namespace st::models {

// Which devices an operation applies to: one type (or all), and an exact number or a share of the eligible.
struct DeviceSelection {
  std::optional<std::uint16_t> device_type;
  std::optional<std::uint32_t> count;
  double fraction = 1.0;
  std::optional<std::uint32_t> device;  // this one device only (if it is eligible)
};


class DeviceLifecycle {
 public:
  explicit DeviceLifecycle(TwinContext& ctx);

  void start();  // schedule manufacturing of the whole fleet

  // Each returns the number of devices acted on. `rng` selects devices (the caller's own stream).
  std::uint32_t register_devices(const DeviceSelection& s, RandomStream& rng);
  std::uint32_t deregister_devices(const DeviceSelection& s, RandomStream& rng);
  std::uint32_t revoke_devices(const DeviceSelection& s, RandomStream& rng);
  std::uint32_t revoke_device_type(std::uint16_t type);
  std::uint32_t developer_revoke(const DeviceSelection& s, RandomStream& rng);
  std::uint32_t replay_attack(const DeviceSelection& s, RandomStream& rng);
  std::uint32_t forge_attack(const DeviceSelection& s, RandomStream& rng);
  void qualify(std::uint16_t type);
  // A cloud actor (network server, application server or ingest) is down for `duration` from now.
  void cloud_outage(OutageTarget target, SimTime duration);

  void deregister(std::uint32_t device, Cause cause = Cause::EndCustomerDeregister);
  void block(std::uint32_t device, Cause cause);

  DeviceProvisioning& provisioning() { return provisioning_; }
  DeviceRegistration& registration() { return registration_; }
  const DeviceRegistration& registration() const { return registration_; }
  DeviceTraffic& traffic() { return traffic_; }

 private:
  template <typename Eligible, typename Act>
  std::uint32_t select(const DeviceSelection& s, RandomStream& rng, Eligible eligible, Act act);
  SimTime registration_delay(std::uint32_t device);

  TwinContext& ctx_;
  DeviceProvisioning provisioning_;
  DeviceRegistration registration_;
  DeviceTraffic traffic_;
};

}  // namespace st::models
