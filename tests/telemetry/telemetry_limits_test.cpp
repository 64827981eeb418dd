// The telemetry server's limits (`run --limit telemetry.NAME=VALUE`) over loopback: clients over `clients` are
// closed as they arrive while the others go on, and a command line over `line_bytes` is discarded without
// disconnecting its client.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "sim/telemetry/telemetry_server.hpp"
#include "tests/telemetry/test_client.hpp"

namespace st::telemetry_test {
namespace {

using namespace std::chrono_literals;
using telemetry::ServerOptions;
using telemetry::TelemetryServer;

std::string hello() { return R"({"type":"hello","version":1,"scenario":"unit","seed":1,"duration_s":100})"; }
std::string states(int t) { return R"({"type":"states","t":)" + std::to_string(t) + R"(,"created":1})"; }
std::string end_line() { return R"({"type":"end","t":100,"summary":{}})"; }

TEST(telemetryLimits, ClientsOverTheLimitAreClosedAtOnceAndTheOthersGoOn) {
  ServerOptions o;
  o.max_clients = 2;
  TelemetryServer server(o);
  server.record(hello());
  LineClient a(server.port());
  LineClient b(server.port());
  ASSERT_EQ(a.read_line(10s), hello());
  ASSERT_EQ(b.read_line(10s), hello());
  LineClient c(server.port());  // the connection is accepted by the kernel, then closed: nothing is sent
  EXPECT_FALSE(c.read_line(10s));
  EXPECT_TRUE(c.eof());
  EXPECT_EQ(server.clients_refused(), 1u);
  server.record(states(1));
  EXPECT_EQ(a.read_line(10s), states(1));
  EXPECT_EQ(b.read_line(10s), states(1));
  a.close();
  // A place is free again once the server has noticed the leaver (it does when it next writes to it).
  bool admitted = false;
  for (int i = 0; i < 100 && !admitted; ++i) {
    server.record(states(2 + i));
    LineClient d(server.port());
    const auto first = d.read_line(200ms);
    admitted = first && *first == hello();
  }
  EXPECT_TRUE(admitted);
  server.finish(end_line());
}

TEST(telemetryLimits, ALineOverTheLimitIsDiscardedAndTheClientStaysConnected) {
  ServerOptions o;
  o.line_bytes = 1024;
  TelemetryServer server(o);
  server.record(hello());
  LineClient a(server.port());
  ASSERT_EQ(a.read_line(10s), hello());
  ASSERT_TRUE(a.send(std::string(5000, 'x')));
  ASSERT_TRUE(a.send(R"({"cmd":"pause"})"));
  const auto control = a.read_json(10s);
  ASSERT_TRUE(control);
  EXPECT_EQ((*control)["paused"], true);
  EXPECT_GE(server.lines_refused(), 1u);
  server.control().resume();
  server.finish(end_line());
}

}  // namespace
}  // namespace st::telemetry_test
