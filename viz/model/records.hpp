// The run records of docs/telemetry.md as typed values: what one JSON line of a live stream (or one line or
// row of a run directory) says. Qt-free; the dashboard's data layer (RunData) is built from these.
#pragma once
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace st::viz {

// Bad input: the message names the place (FILE:LINE, or HOST:PORT: record N) and the cause.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A device state. None is the state before manufacture (only as the `from` of a transition).
enum class State : std::uint8_t { Created, Associated, Registered, Deregistered, Blocked, Rejected, None };
inline constexpr std::size_t kStateCount = 6;  // the columns of states.csv (None excluded)
std::string_view to_string(State s);
std::optional<State> state_from_string(std::string_view s);

enum class Link : std::uint8_t { Ble, Fsk, Css, Other };
inline constexpr std::size_t kLinkCount = 4;
std::string_view to_string(Link l);
Link link_from_string(std::string_view s);

enum class EventKind : std::uint8_t { Transition, Refusal, Notice, Other };
std::string_view to_string(EventKind k);

struct TimelineAction {
  double t = 0;
  std::string action;
  std::string detail;
};

// `hello`: the run. In a run directory it comes from summary.json (no timeline there).
struct HelloRecord {
  int version = 1;
  std::string scenario;
  std::uint64_t seed = 0;
  double duration_s = 0;
  double sample_interval_s = 0;
  std::uint64_t devices = 0;
  std::vector<std::string> device_types;
  std::vector<TimelineAction> timeline;
};

// `states`: devices per state at one sample time (index by State, None excluded).
struct StatesSample {
  double t = 0;
  std::uint64_t count[kStateCount] = {};
  std::uint64_t total() const;
};

// `counters`: the traffic counters so far.
struct CountersSample {
  using ByCause = std::vector<std::pair<std::string, std::uint64_t>>;  // sorted by cause
  double t = 0;
  std::uint64_t uplinks_sent = 0, uplinks_delivered = 0, uplinks_duplicate = 0, uplinks_rejected = 0,
                uplinks_dropped = 0;
  std::uint64_t downlinks_sent = 0, downlinks_delivered = 0, downlinks_rejected = 0, downlinks_dropped = 0;
  std::uint64_t handshakes_succeeded = 0, handshakes_failed = 0, refusals = 0;
  std::uint64_t radio_frames = 0, radio_received = 0, radio_lost = 0;
  ByCause uplinks_rejected_by_cause, uplinks_dropped_by_cause, refusals_by_cause, radio_lost_by_cause;
};

// `handshake`: one registration attempt (a handshakes.csv row), strings as written.
struct HandshakeRecord {
  std::string smsn, device_type, link;
  double start_s = 0, end_s = 0, latency_ms = 0;
  bool success = false;
  std::string reason;
};

// `event`: one events.jsonl line, strings as written (RunData stores it compactly).
struct EventRecord {
  double t = 0;
  EventKind kind = EventKind::Other;
  std::string event;  // the `event` field as written
  std::optional<std::uint32_t> device;
  std::string smsn, device_type;
  std::string from, to;          // transition
  std::string actor, what;       // refusal (actor, what), notice (actor)
  std::string cause;             // transition/refusal cause, notice kind
  std::string detail;            // notice
};

struct GapRecord {
  std::uint64_t events_skipped = 0;
};

struct ControlRecord {
  bool paused = false;
  double sim_seconds_per_second = 0;
  double t = 0;
};

struct EndRecord {
  double t = 0;
  nlohmann::json summary;
};

// One gateway of the map: `gateways` (live, at the start) or a gateways.csv row (a run directory, with its load).
struct GatewayInfo {
  std::string group;
  std::string links;                 // "ble+fsk"
  double x_m = 0, y_m = 0;
  double reach_m[kLinkCount - 1] = {};  // by Link (ble, fsk, css); 0: not one of its links
  bool has_load = false;             // the end-of-run columns below are known (gateways.csv)
  std::uint64_t devices_served = 0, frames_received = 0, frames_lost = 0;
};

// `gateways`: every gateway, by index.
struct GatewaysRecord {
  std::vector<GatewayInfo> gateways;
};

// What one device did over the run (devices.csv's tally columns).
struct DeviceTally {
  std::uint64_t uplinks_sent = 0, uplinks_delivered = 0, uplinks_rejected = 0, uplinks_dropped = 0;
  std::uint64_t frames_up = 0, frames_down = 0;
  std::vector<std::uint64_t> frames_by_outcome;  // in the order of DevicesRecord::frame_outcomes
  double charge_mah = 0;
  double battery_used_pct = -1;  // -1: mains powered (or unknown)
};

// `devices`: the devices first, first + 1, ...: their type (index into hello's device_types) and position. From
// devices.csv also their home gateway per link and their tallies.
struct DevicesRecord {
  std::uint32_t first = 0;
  std::vector<std::uint16_t> device_type;
  std::vector<float> x_m, y_m;
  std::vector<std::array<std::uint32_t, kLinkCount - 1>> home;  // by Link; kNoGateway: none (empty when live)
  std::vector<DeviceTally> tally;                                // empty when live
  std::vector<std::string> frame_outcomes;                       // "received", "collision", ...
  static constexpr std::uint32_t kNoGateway = 0xFFFF'FFFFu;
};

// `gateway_load`: one gateway's load at the end of the run (gateways.csv's columns), for the map's colours live.
struct GatewayLoadRecord {
  std::uint32_t gateway = 0;
  std::uint64_t devices_served = 0, frames_received = 0, frames_lost = 0;
};

// `reply`: the server's answer to this client's command (a what-if `action`): applied at t, or refused and why.
struct ReplyRecord {
  std::string cmd;
  bool ok = false;
  double t = 0;
  std::string error;
};

// A record type this dashboard does not know (a newer server): ignored.
struct UnknownRecord {
  std::string type;
};

using Record = std::variant<HelloRecord, StatesSample, CountersSample, HandshakeRecord, EventRecord, GapRecord,
                            ControlRecord, EndRecord, GatewaysRecord, DevicesRecord, GatewayLoadRecord, ReplyRecord, UnknownRecord>;

// Parses one record line (a JSON object with "type"). Throws InputError with the cause only (the caller
// prefixes the place).
Record parse_record(std::string_view line);

// The fast path for the most frequent line (an event, with or without "type":"event"): a flat JSON object
// without escapes, as the twin writes them. nullopt for anything else (escapes, nesting, a missing or
// mistyped field, another type): parse it with parse_record/parse_event, which say what is wrong.
std::optional<EventRecord> parse_event_fast(std::string_view line);

// The typed parts, shared with the run directory reader (a counters.jsonl or events.jsonl line is a record
// without its `type`). Each throws InputError with the cause.
HelloRecord parse_hello(const nlohmann::json& j);
StatesSample parse_states(const nlohmann::json& j);
CountersSample parse_counters(const nlohmann::json& j);
// One JSON line, or an InputError "not JSON: <what the parser says>".
nlohmann::json parse_json(std::string_view line);
HandshakeRecord parse_handshake(const nlohmann::json& j);
EventRecord parse_event(const nlohmann::json& j);
EndRecord parse_end(const nlohmann::json& j);
GatewaysRecord parse_gateways(const nlohmann::json& j);  // viz/model/placement.cpp
DevicesRecord parse_devices(const nlohmann::json& j);
GatewayLoadRecord parse_gateway_load(const nlohmann::json& j);

// The hello and the final counters that a summary.json stands for (run directories).
HelloRecord hello_from_summary(const nlohmann::json& summary);
CountersSample counters_from_summary(const nlohmann::json& summary);

// A command of docs/telemetry.md, as one line (with its '\n').
std::string pause_command();
std::string resume_command();
std::string pace_command(double sim_seconds_per_second);

}  // namespace st::viz
