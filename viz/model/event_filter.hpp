// Filtering the event log: by device (index or SMSN prefix), by state (transitions into it), by cause (or a
// notice's kind), by kind of event; only events at or before the time cursor, newest first, at most a given
// number of rows so the table stays fluid on runs with millions of events.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/aggregate.hpp"
#include "model/run_data.hpp"

namespace st::viz {

// What the device box of the event log means: "123" or "#123" is device index 123; "smsn:HEX", or any other
// hex text, is an SMSN prefix; "" is any device. nullopt with *error set when the text is neither.
struct DeviceQuery {
  std::optional<std::uint32_t> device;
  std::string smsn_prefix;  // lowercase
  bool any() const { return !device && smsn_prefix.empty(); }
};
std::optional<DeviceQuery> parse_device_query(std::string_view text, std::string* error = nullptr);

struct EventFilter {
  DeviceQuery device;
  std::optional<State> state;        // transitions into this state
  std::string cause;                 // a cause (or notice kind) name; "" is any
  std::optional<EventKind> kind;
  double until = kForever;           // events at or before this time
};

struct FilterResult {
  std::vector<std::uint32_t> rows;   // event indices, newest first
  bool truncated = false;            // more events matched than max_rows
  std::size_t scanned = 0;           // events looked at
};

FilterResult filter_events(const EventStore& store, const EventFilter& f, std::size_t max_rows = 200000);

}  // namespace st::viz
