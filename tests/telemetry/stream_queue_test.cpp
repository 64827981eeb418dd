// StreamQueue and StreamHistory without sockets: a client that falls behind loses its queued events (never the
// other records) and learns how many through one gap record; a late client gets the history in order with a gap
// where old events were left out; batches stop at their item and byte limits.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/telemetry/stream_queue.hpp"

namespace st::telemetry {
namespace {

std::vector<std::string> lines(const std::vector<Text>& texts) {
  std::vector<std::string> out;
  for (const Text& t : texts) out.push_back(t->substr(0, t->size() - 1));
  return out;
}

StreamQueue::Item event(const std::string& s) { return {make_text(s), true, 0}; }
StreamQueue::Item record(const std::string& s) { return {make_text(s), false, 0}; }

TEST(telemetryStreamQueue, BehindItsLimitAClientLosesQueuedEventsNotRecords) {
  StreamQueue q(30);  // bytes
  q.push(record(R"({"type":"hello"})"));  // 17 bytes with its newline
  q.push(event("e1"));
  q.push(event("e2"));
  q.push(event("e3"));  // 17 + 3 x 3 = 26: still within
  q.push(event("e4"));  // 29
  q.push(event("e5"));  // 32: past the limit, every queued event goes
  q.push(record("{}"));
  EXPECT_EQ(lines(q.take(100, 1 << 20)),
            (std::vector<std::string>{R"({"type":"hello"})", R"({"type":"gap","events_skipped":5})", "{}"}));
  EXPECT_TRUE(q.empty());
}

TEST(telemetryStreamQueue, AnEventThatCanNeverFitIsDroppedAndCounted) {
  StreamQueue q(20);
  q.push(record(R"({"type":"states"})"));  // 18 bytes
  q.push(event("a long event"));          // even alone behind the record it would not fit
  // The gap record waiting to be written counts too (48 bytes): the next event does not fit either, and joins it.
  q.push(event("b"));
  EXPECT_EQ(lines(q.take(100, 1 << 20)),
            (std::vector<std::string>{R"({"type":"states"})", R"({"type":"gap","events_skipped":2})"}));
}

TEST(telemetryStreamQueue, BatchesStopAtTheirItemAndByteLimits) {
  StreamQueue q(1 << 20);
  for (int i = 0; i < 5; ++i) q.push(record("0123456789"));  // 11 bytes each
  EXPECT_EQ(q.take(2, 1 << 20).size(), 2u);
  EXPECT_EQ(q.take(100, 12).size(), 2u);  // 11 < 12: one more, then 22 is past it
  EXPECT_EQ(q.take(100, 1).size(), 1u);   // at least one
  EXPECT_TRUE(q.empty());
}

TEST(telemetryStreamHistory, ALateClientGetsRecordsAndTheLastEventsInOrderWithAGap) {
  StreamHistory h(2);
  h.add(make_text("hello"), false);
  h.add(make_text("e1"), true);
  h.add(make_text("s1"), false);
  h.add(make_text("e2"), true);
  h.add(make_text("e3"), true);  // e1 is left out
  StreamQueue q(1 << 20);
  h.replay(q);
  EXPECT_EQ(lines(q.take(100, 1 << 20)),
            (std::vector<std::string>{"hello", "s1", R"({"type":"gap","events_skipped":1})", "e2", "e3"}));
  EXPECT_EQ(type_of(R"({"type":"event","t":1})"), "event");
  EXPECT_EQ(type_of(R"({"t":1,"type":"states"})"), "states");
  EXPECT_EQ(type_of("not json"), "");
}

}  // namespace
}  // namespace st::telemetry
