// Cause: why something happened to a device or to what it sent: the cause of a lifecycle transition, of a refusal
// (a frame, a handshake, an ingest record), of a failed registration attempt, of a dropped message. One enum for
// every cause the twin reports; records carry it and only the outputs turn it into its name (docs/outputs.md).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace st::models {

enum class Cause : std::uint8_t {
  None,
  // What moved a device (transitions).
  Manufactured,
  Provisioned,
  Associated,
  Registered,
  EndCustomerDeregister,
  DeveloperDeregister,  // through the API (DeregisterWirelessDevice)
  // Policy: revocations, associations, limits and qualification.
  DeviceRevoked,
  DeviceTypeRevoked,
  DeveloperRevoked,
  NotAssociated,
  PrototypeLimit,
  CloudPartnerUnavailable,
  NotQualified,
  DakSignatureLimit,
  // Certificate chains and the registration handshake.
  Malformed,
  BadDeviceSignature,
  BadChainSignature,
  ForeignRoot,
  BadChain,
  UnknownDeviceType,
  BadServerSignature,
  BadAppServerSignature,
  BadConfirmation,
  BadPeerKey,
  // A registration attempt that got no answer, or found no gateway.
  Timeout,
  NoCoverage,
  // Secure frames.
  Replay,
  Forged,
  StaleKey,
  NoSession,
  // Messages dropped on the way.
  QueueFull,
  TtlExpired,
  Deregistered,
  DestinationFull,
  LinkLoss,
  ServerDown,  // the network server was down: nobody heard the frame
};

inline constexpr std::size_t kCauseCount = static_cast<std::size_t>(Cause::ServerDown) + 1;

constexpr std::string_view to_string(Cause c) {
  switch (c) {
    case Cause::None: return "";
    case Cause::Manufactured: return "manufactured";
    case Cause::Provisioned: return "provisioned";
    case Cause::Associated: return "associated";
    case Cause::Registered: return "registered";
    case Cause::EndCustomerDeregister: return "end_customer_deregister";
    case Cause::DeveloperDeregister: return "developer_deregister";
    case Cause::DeviceRevoked: return "device_revoked";
    case Cause::DeviceTypeRevoked: return "device_type_revoked";
    case Cause::DeveloperRevoked: return "developer_revoked";
    case Cause::NotAssociated: return "not_associated";
    case Cause::PrototypeLimit: return "prototype_limit";
    case Cause::CloudPartnerUnavailable: return "cloud_partner_unavailable";
    case Cause::NotQualified: return "not_qualified";
    case Cause::DakSignatureLimit: return "dak_signature_limit";
    case Cause::Malformed: return "malformed";
    case Cause::BadDeviceSignature: return "bad_device_signature";
    case Cause::BadChainSignature: return "bad_chain_signature";
    case Cause::ForeignRoot: return "foreign_root";
    case Cause::BadChain: return "bad_chain";
    case Cause::UnknownDeviceType: return "unknown_device_type";
    case Cause::BadServerSignature: return "bad_server_signature";
    case Cause::BadAppServerSignature: return "bad_app_server_signature";
    case Cause::BadConfirmation: return "bad_confirmation";
    case Cause::BadPeerKey: return "bad_peer_key";
    case Cause::Timeout: return "timeout";
    case Cause::NoCoverage: return "no_coverage";
    case Cause::Replay: return "replay";
    case Cause::Forged: return "forged";
    case Cause::StaleKey: return "stale_key";
    case Cause::NoSession: return "no_session";
    case Cause::QueueFull: return "queue_full";
    case Cause::TtlExpired: return "ttl_expired";
    case Cause::Deregistered: return "deregistered";
    case Cause::DestinationFull: return "destination_full";
    case Cause::LinkLoss: return "link_loss";
    case Cause::ServerDown: return "server_down";
  }
  return "?";
}

// The refusals that no retry can cure: a registration refused for one of these is not attempted again.
constexpr bool is_final_refusal(Cause c) {
  return c == Cause::DeviceRevoked || c == Cause::DeviceTypeRevoked || c == Cause::DeveloperRevoked ||
         c == Cause::BadChain || c == Cause::ForeignRoot || c == Cause::UnknownDeviceType;
}

}  // namespace st::models
