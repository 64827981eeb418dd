// DeviceRecord: the compact per-device state of the twin: manufacturing store, device-side session keys
// and counters, and the lifecycle phase. No heap members: a million of these sit in one vector.
#pragma once
#include <cstdint>

#include "hw_models/energy/energy_account.hpp"
#include "models/channel/link_type.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/secure_frame.hpp"
#include "sim/metrics/records.hpp"

namespace st::models {

// The internal lifecycle phase; visible() maps it onto the six observed states of states.csv.
enum class Phase : std::uint8_t {
  Unmade,         // not manufactured yet
  Manufacturing,  // made, on its way through flashing or the manufacturing (EDI) ingest
  Rejected,       // refused at provisioning (terminal)
  Created,        // provisioned in the cloud (PROVISIONED), not associated with a developer account
  Associated,     // associated with a developer account; not registered (or registering)
  Registered,     // session keys in place
  Deregistered,   // de-registered by the end customer: association removed, keys wiped
  Blocked,        // certificate or device type revoked, or developer permission revoked
};

enum DeviceFlag : std::uint8_t {
  kRegistering = 1 << 0,     // a handshake attempt is in flight
  kFrameInFlight = 1 << 1,   // an uplink awaits its acknowledgement
  kCaptureNext = 1 << 2,     // an adversary records this device's next uplink (to replay it)
  kForgeNext = 1 << 3,       // an adversary injects a forged uplink after this device's next one
  kIngestFault = 1 << 4,     // its control-log record is corrupted on the way to ingest
  kWantsRegistration = 1 << 5,  // registration requested while not yet associated
  kBatteryDepleted = 1 << 6,    // its battery is empty: it neither sends nor hears anything more
};

struct DeviceRecord {
  security::DeviceIdentity identity{};
  security::SessionKey network_key{};      // device side
  security::SessionKey application_key{};  // device side
  security::ReplayWindow downlink_network_window{};
  security::ReplayWindow downlink_application_window{};
  hw::EnergyAccount energy{};               // battery charge drawn so far (radio, MCU, sleep)
  std::uint32_t uplink_network_counter = 0;
  std::uint32_t uplink_application_counter = 0;
  std::uint32_t rng_position = 0;     // position in the device's own random stream
  std::uint32_t attempt = 0;          // registration attempts so far (all cycles)
  std::uint16_t generation = 0;       // bumped when pending events of the device become stale
  std::uint16_t device_type = 0;
  std::uint16_t pending_uplinks = 0;  // queued on the device, head first
  std::uint16_t registrations = 0;
  std::uint8_t retries = 0;           // consecutive failed attempts (backoff exponent)
  std::uint8_t epoch = 0;             // session epoch: bumped at every registration
  std::uint8_t flags = 0;
  Phase phase = Phase::Unmade;
  metrics::FleetState visible = metrics::FleetState::None;
  LinkType uplink_link = LinkType::Ble;  // link of the last uplink the network server heard (downlinks follow it)
};

}  // namespace st::models
