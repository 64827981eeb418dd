// The event log's filters: device index or SMSN prefix, state, cause, kind, the time cursor, newest first,
// and the row limit.
#include <gtest/gtest.h>

#include "model/event_filter.hpp"

namespace st::viz {
namespace {

RunData events_run() {
  RunData run;
  auto tr = [&](double t, std::uint32_t dev, const char* smsn, const char* from, const char* to, const char* cause) {
    EventRecord e;
    e.t = t;
    e.kind = EventKind::Transition;
    e.device = dev;
    e.smsn = smsn;
    e.device_type = "tracker";
    e.from = from;
    e.to = to;
    e.cause = cause;
    run.apply(e);
  };
  tr(1, 0, "aa00", "none", "created", "provisioned");          // 0
  tr(2, 1, "ab11", "none", "created", "provisioned");          // 1
  tr(3, 0, "aa00", "created", "associated", "associated");     // 2
  tr(4, 1, "ab11", "created", "rejected", "bad_chain_signature");  // 3
  EventRecord r;
  r.t = 5;
  r.kind = EventKind::Refusal;
  r.device = 0;
  r.smsn = "aa00";
  r.actor = "application_server";
  r.what = "uplink";
  r.cause = "replay";
  run.apply(r);                                                 // 4
  EventRecord n;
  n.t = 6;
  n.kind = EventKind::Notice;
  n.actor = "timeline";
  n.cause = "register";
  n.detail = "1 device";
  run.apply(n);                                                 // 5
  tr(7, 12, "aa12", "associated", "registered", "registered");  // 6
  return run;
}

std::vector<std::uint32_t> rows(const RunData& run, EventFilter f, std::size_t max = 200000) {
  return filter_events(run.events, f, max).rows;
}

TEST(EventFilter, DeviceQueries) {
  EXPECT_EQ(*parse_device_query("12")->device, 12u);
  EXPECT_EQ(*parse_device_query(" #7 ")->device, 7u);
  EXPECT_EQ(parse_device_query("AB1")->smsn_prefix, "ab1");
  EXPECT_EQ(parse_device_query("smsn:12")->smsn_prefix, "12");  // digits as an SMSN prefix
  EXPECT_TRUE(parse_device_query("")->any());
  std::string why;
  EXPECT_FALSE(parse_device_query("dev-1", &why));
  EXPECT_EQ(why, "'dev-1' is neither a device index nor an SMSN prefix (hex)");
  EXPECT_FALSE(parse_device_query("99999999999", &why));
  EXPECT_EQ(why, "device index '99999999999' is too large");
}

TEST(EventFilter, NewestFirstUpToTheCursor) {
  const RunData run = events_run();
  EXPECT_EQ(rows(run, {}), (std::vector<std::uint32_t>{6, 5, 4, 3, 2, 1, 0}));
  EventFilter f;
  f.until = 4;
  EXPECT_EQ(rows(run, f), (std::vector<std::uint32_t>{3, 2, 1, 0}));
  f.until = 0.5;
  EXPECT_TRUE(rows(run, f).empty());
}

TEST(EventFilter, ByDeviceIndexAndSmsnPrefix) {
  const RunData run = events_run();
  EventFilter f;
  f.device = *parse_device_query("0");
  EXPECT_EQ(rows(run, f), (std::vector<std::uint32_t>{4, 2, 0}));
  f.device = *parse_device_query("aa");
  EXPECT_EQ(rows(run, f), (std::vector<std::uint32_t>{6, 4, 2, 0}));  // aa00 and aa12, not the notice
  f.device = *parse_device_query("AB1");
  EXPECT_EQ(rows(run, f), (std::vector<std::uint32_t>{3, 1}));
  f.device = *parse_device_query("ff");
  EXPECT_TRUE(rows(run, f).empty());
}

TEST(EventFilter, ByStateCauseAndKind) {
  const RunData run = events_run();
  EventFilter f;
  f.state = State::Created;  // transitions into created
  EXPECT_EQ(rows(run, f), (std::vector<std::uint32_t>{1, 0}));
  f = {};
  f.cause = "replay";
  EXPECT_EQ(rows(run, f), (std::vector<std::uint32_t>{4}));
  f.cause = "register";  // a notice's kind
  EXPECT_EQ(rows(run, f), (std::vector<std::uint32_t>{5}));
  f.cause = "never_seen";
  EXPECT_TRUE(rows(run, f).empty());
  f = {};
  f.kind = EventKind::Transition;
  f.device = *parse_device_query("1");
  f.cause = "bad_chain_signature";
  EXPECT_EQ(rows(run, f), (std::vector<std::uint32_t>{3}));
}

TEST(EventFilter, RowLimitKeepsTheNewest) {
  const RunData run = events_run();
  const FilterResult r = filter_events(run.events, {}, 3);
  EXPECT_EQ(r.rows, (std::vector<std::uint32_t>{6, 5, 4}));
  EXPECT_TRUE(r.truncated);
  EXPECT_FALSE(filter_events(run.events, {}, 7).truncated);
}

}  // namespace
}  // namespace st::viz
