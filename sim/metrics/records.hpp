// The record vocabulary every model reports to the metrics sink: lifecycle transitions, refusals,
// handshakes, uplink outcomes, notices and key-log lines. This is the format outputs and the dashboard read.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

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
  std::string_view cause;  // what caused it: "ingest_accepted", "end_customer_deregister", "device_type_revoked"...
};

struct RefusalRecord {  // a security or policy refusal: a frame, a handshake, an ingest record
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  Smsn smsn;
  std::string_view actor;  // who refused: "network_server", "application_server", "ingest", "device"...
  std::string_view what;   // "uplink", "downlink", "handshake", "ingest_record", "provisioning"
  std::string_view cause;  // "replay", "forged", "stale_key", "device_revoked", "bad_signature"...
};

struct HandshakeRecord {
  std::uint32_t device;
  std::uint16_t device_type;
  Smsn smsn;
  std::string_view link;  // "ble", "fsk"
  std::string_view via;   // "gateway", "mobile_app"
  SimTime start;
  SimTime end;
  bool success;
  std::string_view reason;  // empty on success
};

// Uplink/downlink accounting: "sent", "delivered", or "rejected"/"dropped" with a cause.
struct TrafficRecord {
  SimTime time;
  std::uint32_t device;
  std::uint16_t device_type;
  std::string_view direction;  // "uplink" or "downlink"
  std::string_view outcome;    // "sent", "delivered", "rejected", "dropped"
  std::string_view cause;      // empty for sent/delivered
  bool from_blocked_device;    // the device was blocked when this happened
};

struct NoticeRecord {  // actor-level happenings: outages, factory notifications, timeline actions
  SimTime time;
  std::string_view actor;
  std::string_view kind;
  std::string detail;
};

struct KeyLogRecord {  // one line of the --keylog file (docs/security.md)
  bool is_ecdh;         // ECDH line, else SESSION_KEY line
  Smsn smsn;
  std::string_view layer;  // "network" | "application"
  std::string_view curve;  // "x25519" | "p256" (ECDH only)
  std::string_view party;  // "device" | "cloud" | "appserver"
  std::span<const std::uint8_t> private_key;   // ECDH only
  std::span<const std::uint8_t> peer_public;   // ECDH only
  std::span<const std::uint8_t> secret;        // ECDH shared secret, or the session key
};

}  // namespace st::metrics
