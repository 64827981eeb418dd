// ActionKind: what a timeline action does to the world (register, de-register, revoke, outage, qualify, attack).
// The scenario names them, the timeline performs them on the lifecycle, and each is reported as a notice.
#pragma once
#include <cstdint>
#include <string_view>

namespace st::models {

enum class ActionKind : std::uint8_t {
  Register,          // start registration of (a fraction of) devices
  Deregister,        // end customer de-registers (a fraction of) devices
  RevokeDevice,      // Sidewalk revokes the certificates of N devices (or a fraction)
  RevokeDeviceType,  // Sidewalk revokes a whole device type (its DAK)
  DeveloperRevoke,   // the developer revokes permission for (a fraction of) devices
  Outage,            // an actor is unavailable for a period
  Qualify,           // a device type passes qualification (production allowed from then)
  ReplayAttack,      // an adversary records uplinks and replays them (security exercise)
  ForgeAttack,       // an adversary injects uplinks with forged tags
};
inline constexpr ActionKind kActionKinds[] = {
    ActionKind::Register,        ActionKind::Deregister, ActionKind::RevokeDevice, ActionKind::RevokeDeviceType,
    ActionKind::DeveloperRevoke, ActionKind::Outage,     ActionKind::Qualify,      ActionKind::ReplayAttack,
    ActionKind::ForgeAttack};

constexpr std::string_view to_string(ActionKind k) {
  switch (k) {
    case ActionKind::Register: return "register";
    case ActionKind::Deregister: return "deregister";
    case ActionKind::RevokeDevice: return "revoke_device";
    case ActionKind::RevokeDeviceType: return "revoke_device_type";
    case ActionKind::DeveloperRevoke: return "developer_revoke";
    case ActionKind::Outage: return "outage";
    case ActionKind::Qualify: return "qualify";
    case ActionKind::ReplayAttack: return "replay_attack";
    case ActionKind::ForgeAttack: return "forge_attack";
  }
  return "?";
}

}  // namespace st::models
