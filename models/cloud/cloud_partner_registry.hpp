// CloudPartnerRegistry: AWS IoT Core for Amazon Sidewalk as the cloud partner: device profiles,
// wireless devices with their status, the device-to-developer-account mapping, and the destination
// that buffers uplinks for the application server.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "models/cloud/service_station.hpp"
#include "models/base/cause.hpp"
#include "models/base/cloud_config.hpp"
#include "models/base/device_type_config.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models {

enum class WirelessStatus : std::uint8_t { None, Provisioned, Registered, Activated };
std::string_view to_string(WirelessStatus s);

struct WirelessDevice {
  WirelessStatus status = WirelessStatus::None;
  bool associated = false;          // mapped to its developer account
  bool permission_revoked = false;  // the developer revoked Sidewalk permission for it (revoke_permission)
  std::uint16_t account = 0;
};

struct DeviceProfile {  // one per device type (IoT Wireless DeviceProfile)
  std::string name;
  Stage stage = Stage::Production;
  bool qualified = false;        // QualificationStatus
  std::uint32_t max_signatures;  // DakCertificateMetadata.MaxAllowedSignature (0: unlimited)
};

class CloudPartnerRegistry {
 public:
  CloudPartnerRegistry(const CloudConfig& cfg, const std::vector<DeviceTypeConfig>& types, std::uint32_t devices);

  ServiceStation& station() { return station_; }
  const ServiceStation& station() const { return station_; }
  ServiceStation& association_station() { return association_; }
  // Down during [from, until): its data path and its association service alike.
  void outage(SimTime from, SimTime until) {
    station_.outage(from, until);
    association_.outage(from, until);
  }
  WirelessDevice& device(std::uint32_t d) { return devices_[d]; }
  const WirelessDevice& device(std::uint32_t d) const { return devices_[d]; }
  DeviceProfile& profile(std::uint16_t type) { return profiles_[type]; }
  std::uint16_t account_of_type(std::uint16_t type) const { return type_account_[type]; }

  // The developer revokes Sidewalk permission for device d (for good).
  void revoke_permission(std::uint32_t d);

  // Whether the cloud partner takes a registration of device d (Cause::None), or why not: it must be associated
  // with its developer's account, and the developer must not have revoked its permission.
  Cause admit_registration(std::uint32_t d) const {
    if (!devices_[d].associated) return Cause::NotAssociated;
    return admit(d);
  }
  // Whether it passes the device's traffic on (Cause::None), or why not: the developer revoked its permission.
  Cause admit(std::uint32_t d) const { return permission_revoked(d) ? Cause::DeveloperRevoked : Cause::None; }
  // Whether the developer revoked permission for d. Every uplink asks; while no permission is revoked (the usual
  // case) it answers without reading d's record, a cache miss per uplink in a large fleet.
  bool permission_revoked(std::uint32_t d) const { return permissions_revoked_ != 0 && devices_[d].permission_revoked; }
  std::uint32_t permissions_revoked() const { return permissions_revoked_; }
  const std::string& account_name(std::uint16_t account) const { return accounts_[account]; }

  // Prototype devices are limited per developer account: false when the account is full.
  bool admit_prototype(std::uint16_t account);
  std::uint32_t prototypes(std::uint16_t account) const { return prototype_count_[account]; }

  // Destination buffering while the application server is down.
  bool buffer_for_destination() {
    if (buffered_ >= buffer_limit_) return false;
    ++buffered_;
    return true;
  }
  void release_from_destination() { if (buffered_ > 0) --buffered_; }
  std::uint32_t buffered() const { return buffered_; }

 private:
  ServiceStation station_;
  ServiceStation association_;
  HugePageVector<WirelessDevice> devices_;
  std::vector<DeviceProfile> profiles_;
  std::vector<std::string> accounts_;
  std::vector<std::uint16_t> type_account_;
  std::vector<std::uint32_t> prototype_count_;
  std::uint32_t prototype_limit_;
  std::uint32_t buffered_ = 0;
  std::uint32_t buffer_limit_;
  std::uint32_t permissions_revoked_ = 0;  // devices whose permission_revoked is set
};

}  // namespace st::models
