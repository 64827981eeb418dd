// RunData: everything the dashboard knows about one run, built from records (docs/telemetry.md) whether they
// come from a run directory or from a live stream. Events are stored compactly (a million-device run writes
// millions of them): 32 bytes each, strings interned in small pools, SMSNs as bytes in one table.
#pragma once
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/records.hpp"

namespace st::viz {

inline constexpr std::uint16_t kNoName = std::numeric_limits<std::uint16_t>::max();
inline constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();

// Interned short strings (device types, causes, actors, ...): at most 65,535 distinct names.
class StringPool {
 public:
  std::uint16_t intern(std::string_view s);  // kNoName for ""
  std::optional<std::uint16_t> find(std::string_view s) const;
  std::string_view name(std::uint16_t id) const { return id == kNoName ? std::string_view() : names_[id]; }
  const std::vector<std::string>& names() const { return names_; }
  std::size_t size() const { return names_.size(); }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::uint16_t> ids_;
};

// SMSNs (hex strings of up to 64 digits) interned as bytes: 33 bytes per device plus the index.
class SmsnTable {
 public:
  std::uint32_t intern(std::string_view hex);  // kNoIndex for ""; InputError for non-hex
  std::string hex(std::uint32_t id) const;
  bool has_prefix(std::uint32_t id, std::string_view lower_hex_prefix) const;
  std::size_t size() const { return keys_.size(); }

 private:
  struct Key {
    std::array<std::uint8_t, 32> bytes{};
    std::uint8_t digits = 0;  // hex digits (an odd count keeps its last nibble in the high half)
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };
  std::vector<Key> keys_;
  std::unordered_map<Key, std::uint32_t, KeyHash> ids_;
};

struct Event {
  double t = 0;
  std::uint32_t device = kNoIndex;   // transitions and refusals
  std::uint32_t ref = kNoIndex;      // transitions/refusals: SmsnTable id; notices: index of its detail
  std::uint16_t device_type = kNoName;
  std::uint16_t cause = kNoName;     // transition/refusal cause, notice kind (EventStore::causes)
  std::uint16_t actor = kNoName;     // refusal/notice actor (EventStore::actors)
  std::uint16_t what = kNoName;      // refusal `what` (EventStore::whats)
  EventKind kind = EventKind::Other;
  State from = State::None, to = State::None;
  bool ref_is_detail = false;        // ref indexes EventStore::details, not the SMSN table
};
static_assert(sizeof(Event) <= 32, "events must stay compact");

struct EventStore {
  std::vector<Event> events;  // in time order
  StringPool device_types, causes, actors, whats;
  SmsnTable smsns;
  std::vector<std::string> details;  // notice details

  void add(const EventRecord& r);
  std::string smsn(const Event& e) const;
  std::string_view detail(const Event& e) const;
  // Index of the first event with t > time (events [0, result) are at or before time).
  std::size_t end_at(double time) const;
};

struct Handshake {
  double start_s = 0, end_s = 0, latency_ms = 0;
  std::uint32_t smsn = kNoIndex;
  std::uint16_t device_type = kNoName;
  std::uint16_t reason = kNoName;
  Link link = Link::Other;
  bool success = false;
};

struct LiveControl {
  bool known = false;  // a control record arrived
  bool paused = false;
  double sim_seconds_per_second = 0;
  double t = 0;
};

// Where everything is (physical layer only; empty otherwise): gateways and devices by index.
struct MapData {
  std::vector<GatewayInfo> gateways;
  std::vector<std::uint16_t> device_type;  // index into hello.device_types
  std::vector<float> x_m, y_m;
  std::vector<std::array<std::uint32_t, kLinkCount - 1>> home;  // from devices.csv only (else empty)
  std::vector<DeviceTally> tally;                                // from devices.csv only (else empty)
  std::vector<std::string> frame_outcomes;                       // the names of DeviceTally::frames_by_outcome

  std::size_t device_count() const { return x_m.size(); }
  bool empty() const { return gateways.empty() && x_m.empty(); }
  void add(DevicesRecord&& r);
};

class RunData {
 public:
  bool has_hello = false;
  HelloRecord hello;
  std::vector<StatesSample> states;      // in time order
  std::vector<CountersSample> counters;  // in time order
  std::vector<Handshake> handshakes;     // in end_s order
  StringPool handshake_reasons;          // reasons of failed handshakes
  EventStore events;
  MapData map;
  std::vector<ReplyRecord> replies;  // answers to this client's commands (live)
  std::vector<TimelineAction> notice_marks;  // timeline notices and outage starts seen in events
  std::uint64_t events_skipped = 0;          // gap records (a late or slow live client)
  std::uint64_t unknown_records = 0;
  LiveControl control;
  bool ended = false;
  std::optional<EndRecord> end;

  // Applies one record. A `hello` on a RunData that already holds records starts over (a reconnection).
  void apply(Record&& r);
  void clear();
  bool empty() const;

  // The latest simulated time any record reached.
  double latest_time() const;
  // The run's length: hello.duration_s, else the latest time.
  double duration() const;
};

}  // namespace st::viz
