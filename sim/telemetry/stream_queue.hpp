// StreamQueue: one telemetry client's records waiting to be written, and the policy when that client falls behind:
// past its byte limit its queued events are dropped (never hello, states, counters, handshake or control records)
// and one gap record says how many. StreamHistory: what a client connecting late gets first. Both are free of
// sockets; TelemetryServer moves their records over TCP.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace st::telemetry {

using Text = std::shared_ptr<const std::string>;  // one record with its '\n', shared by every client queue

Text make_text(std::string line);
// {"type":"gap","events_skipped":N}
Text gap_text(std::uint64_t skipped);
// The "type" of a record line (the recorder writes it first; anything else is parsed), or empty.
std::string type_of(std::string_view line);

class StreamQueue {
 public:
  // One record of the stream. A gap item has no text until it is taken (its count can still grow).
  struct Item {
    Text text;
    bool event = false;
    std::uint64_t gap = 0;
    std::size_t size() const { return text ? text->size() : 48; }
  };

  explicit StreamQueue(std::size_t limit_bytes) : limit_(limit_bytes) {}

  // Queues `item`; an event that would leave the queue past its limit even without any queued event is dropped,
  // and a queue past its limit drops its queued events (a gap record counts both).
  void push(Item item);
  // Adds `n` events left out (merged into a gap record at the back).
  void add_gap(std::uint64_t n);
  // Takes the records to write now: up to `max_items`, and while under `max_bytes` (at least one).
  std::vector<Text> take(std::size_t max_items, std::size_t max_bytes);
  bool empty() const { return queue_.empty(); }
  void clear() { queue_.clear(); }

 private:
  // Drops every queued event (plus `extra` not queued) and says so with a gap record.
  void drop_events(std::uint64_t extra);

  std::size_t limit_;
  std::deque<Item> queue_;
  std::size_t bytes_ = 0;
  std::size_t events_ = 0;
  std::size_t event_bytes_ = 0;
};

class StreamHistory {
 public:
  explicit StreamHistory(std::size_t event_limit) : event_limit_(event_limit) {}
  // Keeps a record: every non-event record, and the last `event_limit` events.
  void add(const Text& text, bool event);
  // Queues the history for a new client in its original order, with a gap record where older events were left out.
  void replay(StreamQueue& q) const;

 private:
  struct Line {
    Text text;
    std::uint64_t seq = 0;
  };
  std::size_t event_limit_;
  std::vector<Line> records_;  // hello, states, counters, handshake (and any other non-event record)
  std::deque<Line> events_;    // the most recent events
  std::uint64_t events_skipped_ = 0;
  std::uint64_t seq_ = 0;
};

}  // namespace st::telemetry
