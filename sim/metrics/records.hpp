// The record vocabulary every model reports to the metrics sink: lifecycle transitions, refusals,
// handshakes, uplink outcomes, notices, key-log lines and radio frames while the run goes, and at its end what the
// outputs need of the models' final state (gateway loads, energy, actor tallies). This is the only way data
// reaches the outputs; the files and the live stream the dashboard reads are made from it.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "models/base/cause.hpp"
#include "models/base/crypto_algorithms.hpp"
#include "models/base/gateway_load.hpp"
#include "models/base/lifecycle_enums.hpp"
#include "models/base/report_kinds.hpp"
#include "models/base/timeline_action.hpp"
#include "models/channel/link_type.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::metrics {

// The externally visible lifecycle state of a device (the columns of states.csv).
enum class FleetState : std::uint8_t { None = 0, Created, Associated, Registered, Deregistered, Blocked, Rejected };
inline constexpr std::size_t kFleetStateCount = 7;
std::string_view to_string(FleetState s);

using Smsn = std::span<const std::uint8_t, 32>;

struct TransitionRecord {
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  Smsn smsn;
  FleetState from;
  FleetState to;
  models::Cause cause;  // what caused it: provisioned, end_customer_deregister, device_type_revoked...
};

struct RefusalRecord {  // a security or policy refusal: a frame, a handshake, an ingest record
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  Smsn smsn;
  models::Actor actor;    // who refused: the network server, the application server, the ingest, the device...
  models::Refused what;   // an uplink, a downlink, a handshake, an ingest record, provisioning
  models::Cause cause;    // replay, forged, stale_key, device_revoked, bad_chain...
};

struct HandshakeRecord {
  std::uint32_t device;
  std::uint16_t device_type;
  Smsn smsn;
  models::LinkType link;
  models::RegistrationPath via;
  SimTime start;
  SimTime end;
  bool success;
  models::Cause reason;  // Cause::None on success
};

// Uplink/downlink accounting: sent, delivered, a duplicate, or rejected/dropped with a cause.
// An uplink the application server opened: its application counter and the bytes the device's application sent
// (valid only during the call). Reported only to sinks that want payloads (AWS-shaped records).
struct ApplicationUplinkRecord {
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  Smsn smsn;
  std::uint32_t counter;
  std::span<const std::uint8_t> payload;
};

// A downlink the developer sent through the API (SendDataToWirelessDevice) came to its end: a success
// (acknowledged mode: the device opened it; unacknowledged: the network server sent it), or an error with its cause
// (expired before it could be delivered, the device de-registered).
struct DownlinkStatusRecord {
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  Smsn smsn;
  std::uint32_t message;  // the run's serial of the message (its stimulus in stimuli.jsonl)
  bool success;
  models::Cause cause;    // Cause::None on success
};

struct TrafficRecord {
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  models::Direction direction;
  models::TrafficOutcome outcome;
  models::Cause cause;        // Cause::None for sent, delivered, duplicate
  bool from_blocked_device;   // the device was blocked when this happened
  std::uint32_t message;      // an uplink's serial (UplinkFateRecord), 0 for a copy the ledger does not follow
  bool attacker;              // a frame an adversary forged or replayed, not one the device sent
};

// An uplink message of a device came to its one end (the run's ledger): delivered (some copy reached the
// application server), rejected (the cloud refused it), or dropped (the device or the destination gave it up),
// with the cause. A message is followed from the moment the device queues it (its `sent` traffic record carries the
// same serial) until it has left the device's outbox and no copy of it is on its way to the application server.
struct UplinkFateRecord {
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  std::uint32_t message;
  models::TrafficOutcome outcome;  // Delivered, Rejected or Dropped
  models::Cause cause;             // Cause::None when delivered
};

// The developer's downlink `message` (SendDataToWirelessDevice) was accepted and queued for the device.
struct DownlinkQueuedRecord {
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  std::uint32_t message;
};

// A device moved from one of its links to another, for `cause`: its registrations failed on `from`
// (register.fallback_after times in a row), an uplink failed on `from`, or its while away from its first link for
// uplinks is over. Reported as a notice of kind link_switch.
struct LinkSwitchRecord {
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  Smsn smsn;
  models::LinkType from;
  models::LinkType to;
  models::LinkSwitchCause cause;
};

struct NoticeRecord {  // actor-level happenings: outages, factory notifications, timeline actions
  SimTime time;
  models::Actor actor;
  models::NoticeKind kind;
  std::string detail;
  models::ActionKind action = models::ActionKind::Register;  // which action (kind TimelineAction only)
};

// The name a notice's kind goes by in the outputs: the action's name for a timeline action.
constexpr std::string_view notice_name(const NoticeRecord& r) {
  return r.kind == models::NoticeKind::TimelineAction ? models::to_string(r.action) : models::to_string(r.kind);
}

// Which session a key-log line is about, and whose key it is.
enum class KeyLayer : std::uint8_t { Network, Application };
enum class KeyParty : std::uint8_t { Device, Cloud, AppServer };
std::string_view to_string(KeyLayer l);
std::string_view to_string(KeyParty p);

struct KeyLogRecord {  // one line of the --keylog file (docs/security.md)
  bool is_ecdh;         // ECDH line, else SESSION_KEY line
  Smsn smsn;
  KeyLayer layer;
  security::EcdhCurve curve;  // ECDH only
  KeyParty party;
  std::span<const std::uint8_t> private_key;   // ECDH only
  std::span<const std::uint8_t> peer_public;   // ECDH only
  std::span<const std::uint8_t> secret;        // ECDH shared secret, or the session key
};

// One radio frame on the air, reported by the radio layer when its fate is known (at the end of its airtime).
// It feeds the radio statistics of summary.json, gateways.csv and the --pcap file (docs/pcap.md).
inline constexpr std::uint32_t kNoGateway = 0xFFFF'FFFFu;  // e.g. the developer's phone, not a gateway

struct RadioFrameRecord {
  SimTime start;               // first bit on the air
  SimTime end;                 // last bit on the air (the record is reported at this time)
  std::uint32_t device;        // the device end of the link
  std::uint32_t gateway;       // the gateway end, or kNoGateway (mobile app)
  std::uint16_t device_type;
  models::LinkType link;
  bool uplink;                 // device -> gateway (else gateway -> device)
  std::uint16_t channel;       // channel index within the link's plan
  double frequency_hz;         // centre frequency of that channel
  double rssi_dbm;             // received power at the receiver
  double snr_db;               // signal to noise at the receiver
  std::uint32_t length;        // PHY payload bytes on the air
  models::MessageClass message;
  models::FrameOutcome outcome;  // received, or why it was lost
  std::span<const std::uint8_t> bytes;  // the frame bytes: filled only when the sink wants_frame_bytes()
};

// ---- At the end of the run: what the outputs need of the models' final state ----

// The run itself: where it ended and how many calendar entries the kernel dispatched (summary.json).
struct RunEndRecord {
  SimTime end;
  std::uint64_t kernel_events;
  std::uint64_t uplinks_in_flight;   // uplink messages with no fate yet (queued on devices, or on their way)
  std::uint64_t downlinks_queued;    // the developer's downlinks still queued for their devices
};

// The SMSN of a device never made.
inline constexpr std::array<std::uint8_t, 32> kNoSmsn{};

// A device's state when the run ended, as the model holds it (the ledger replays its transitions to it), and
// where it is: its position and home gateway per link (devices.csv) when the physical layer placed it.
struct DeviceFinalRecord {
  std::uint32_t device;
  std::uint16_t device_type;
  FleetState state;
  Smsn smsn{kNoSmsn};    // all zero for a device never made
  bool placed = false;   // the physical layer placed it (x_m, y_m, home are set)
  double x_m = 0;
  double y_m = 0;
  models::PerLink<std::uint32_t> home{};  // by link_index(); kNoGateway: out of range of every gateway
  static constexpr std::uint32_t kNoGateway = 0xFFFF'FFFFu;
};

// Where the physical layer put a gateway, and how far each of its links reaches (the longest serving range of any
// device type on that link; 0 where it lacks the link). Positions are fixed for the run.
struct GatewayPlace {
  std::uint32_t group;
  std::string_view group_name;
  double x_m;
  double y_m;
  std::span<const models::LinkType> links;  // its group's links, in the scenario's order
  models::PerLink<double> reach_m{};        // by link_index()
};

// Where it put a device (every device of the fleet, the reserve included).
struct DevicePlace {
  std::uint16_t device_type;
  double x_m;
  double y_m;
};

// The placement, reported once before the first event (physical layer only): gateways and devices by index.
struct PlacementRecord {
  std::span<const GatewayPlace> gateways;
  std::span<const DevicePlace> devices;
};

// A final count of a cloud actor (`actors` in summary.json) or of the cloud partner's devices (`cloud_partner`).
enum class TallySection : std::uint8_t { CloudPartner, Actors };
std::string_view to_string(TallySection s);

struct TallyRecord {
  TallySection section;
  std::string_view name;  // e.g. "PROVISIONED", "ingest.records_accepted"
  std::uint64_t value;
};

// What one gateway did during the run (physical layer only): gateways.csv and the summary's `gateways` section.
struct GatewayRecord {
  std::uint32_t gateway;
  std::uint32_t group;                      // index of its group, in the scenario's order
  std::string_view group_name;
  double x_m;
  double y_m;
  std::span<const models::LinkType> links;  // its group's links, in the scenario's order
  models::GatewayLoad load;
  models::PerLink<double> reach_m{};        // as in its GatewayPlace
};

// The battery of a device type and the current that always flows (sleep and listening), physical layer only.
// Reported before the type's DeviceEnergyRecords.
struct BatteryRecord {
  std::uint16_t device_type;
  double capacity_mah;  // 0: mains powered
  double voltage_v;
  double baseline_ma;
};

// The charge one manufactured device drew from its manufacture to the end of the run.
struct DeviceEnergyRecord {
  std::uint32_t device;
  std::uint16_t device_type;
  SimTime made;       // when it was manufactured (its battery started draining)
  SimTime end;        // the end of the run
  double charge_uc;   // microcoulombs drawn
};

// The radio layer's energy totals: the charge of every registration (messages and crypto) and the devices whose
// battery ran out.
struct EnergyTotalsRecord {
  double registration_charge_uc;
  std::uint64_t depleted_devices;
};

}  // namespace st::metrics
