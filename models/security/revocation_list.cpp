// RevocationList: a hash set of revoked SMSNs and a bitmap of revoked device types.
#include "models/security/revocation_list.hpp"

#include <algorithm>

namespace st::security {

namespace {
std::array<std::uint8_t, 32> to_array(std::span<const std::uint8_t, 32> s) {
  std::array<std::uint8_t, 32> a{};
  std::copy(s.begin(), s.end(), a.begin());
  return a;
}
}  // namespace

void RevocationList::revoke_device(std::span<const std::uint8_t, 32> smsn) { devices_.insert(to_array(smsn)); }
void RevocationList::reinstate_device(std::span<const std::uint8_t, 32> smsn) { devices_.erase(to_array(smsn)); }

void RevocationList::revoke_device_type(std::uint16_t type) {
  if (type >= types_.size()) types_.resize(static_cast<std::size_t>(type) + 1, false);
  types_[type] = true;
}
void RevocationList::reinstate_device_type(std::uint16_t type) {
  if (type < types_.size()) types_[type] = false;
}

bool RevocationList::device_revoked(std::span<const std::uint8_t, 32> smsn) const {
  return !devices_.empty() && devices_.count(to_array(smsn)) != 0;  // most runs revoke no single device
}
bool RevocationList::device_type_revoked(std::uint16_t type) const { return type < types_.size() && types_[type]; }

std::size_t RevocationList::revoked_device_types() const {
  return static_cast<std::size_t>(std::count(types_.begin(), types_.end(), true));
}

}  // namespace st::security
