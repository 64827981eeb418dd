// RevocationList: the devices (by SMSN) and device types (the whole DAK) the network server refuses.
#pragma once
#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <unordered_set>
#include <vector>

#include "models/base/cause.hpp"

namespace st::security {

class RevocationList {
 public:
  void revoke_device(std::span<const std::uint8_t, 32> smsn);
  void reinstate_device(std::span<const std::uint8_t, 32> smsn);
  void revoke_device_type(std::uint16_t type);
  void reinstate_device_type(std::uint16_t type);
  bool device_revoked(std::span<const std::uint8_t, 32> smsn) const;
  bool device_type_revoked(std::uint16_t type) const;
  // The network server's rule: whether a device with this SMSN and type may talk to it (Cause::None), or why not
  // (its certificate revoked, or its whole type).
  models::Cause refusal(std::span<const std::uint8_t, 32> smsn, std::uint16_t type) const {
    if (device_revoked(smsn)) return models::Cause::DeviceRevoked;
    if (device_type_revoked(type)) return models::Cause::DeviceTypeRevoked;
    return models::Cause::None;
  }
  std::size_t revoked_devices() const { return devices_.size(); }
  std::size_t revoked_device_types() const;

 private:
  struct SmsnHash {
    std::size_t operator()(const std::array<std::uint8_t, 32>& s) const noexcept {
      std::size_t h = 0;
      std::memcpy(&h, s.data(), sizeof(h));  // SMSNs are SHA-256 outputs: any 8 bytes are uniform
      return h;
    }
  };
  std::unordered_set<std::array<std::uint8_t, 32>, SmsnHash> devices_;
  std::vector<bool> types_;
};

}  // namespace st::security
