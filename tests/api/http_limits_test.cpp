// HttpServer's limits, each on a real loopback connection: connections over the limit are closed as they arrive,
// oversized headers and bodies are refused (431, 413), a request that trickles in (slow writer) and a response
// nobody takes (slow reader) are cut at their timeouts, and requests over the rate are answered 429 while the
// connection stays usable. The handler stands for the simulation: none of these ever reaches or waits for it.
#include <gtest/gtest.h>

#include <utility>  // before Boost.Asio 1.74: its awaitable.hpp uses std::exchange without including it
#include <boost/asio.hpp>

#include <array>
#include <atomic>
#include <initializer_list>
#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "sim/api/http_server.hpp"

namespace st::api {
namespace {

using namespace std::chrono_literals;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

// A raw client: writes bytes, reads what comes until the server closes or a timeout; every wait is bounded.
class RawClient {
 public:
  explicit RawClient(std::uint16_t port, int receive_buffer = 0) : socket_(io_) {
    socket_.open(tcp::v4());
    if (receive_buffer > 0) socket_.set_option(asio::socket_base::receive_buffer_size(receive_buffer));
    socket_.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
  }
  void write(const std::string& bytes) { asio::write(socket_, asio::buffer(bytes)); }
  // Reads until the server closes (closed() true) or `timeout` passes; returns everything read so far.
  std::string read_for(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!closed_ && read_some(deadline)) {
    }
    return got_;
  }
  // Reads until one of `texts` has arrived (true) or the timeout.
  bool read_until(std::initializer_list<std::string> texts, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    const auto found = [&] {
      for (const auto& t : texts)
        if (got_.find(t) != std::string::npos) return true;
      return false;
    };
    while (!found() && !closed_ && read_some(deadline)) {
    }
    return found();
  }
  bool read_until(const std::string& text, std::chrono::milliseconds timeout) { return read_until({text}, timeout); }
  bool closed() const { return closed_; }
  void forget() { got_.clear(); }
  const std::string& got() const { return got_; }

 private:
  // One read, whatever has arrived (true), or nothing before the deadline (false).
  bool read_some(Clock::time_point deadline) {
    bool done = false;
    boost::system::error_code result;
    std::size_t n = 0;
    socket_.async_read_some(asio::buffer(chunk_), [&](const boost::system::error_code& ec, std::size_t got) {
      done = true;
      result = ec;
      n = got;
    });
    io_.restart();
    while (!done && Clock::now() < deadline) io_.run_one_until(deadline);
    if (!done) {
      socket_.cancel();
      io_.restart();
      io_.run_for(2s);
      return false;
    }
    got_.append(chunk_.data(), n);
    if (result) closed_ = true;
    return true;
  }

  asio::io_context io_;
  tcp::socket socket_;
  std::array<char, 64 * 1024> chunk_{};
  std::string got_;
  bool closed_ = false;
};

// The server closes a timed-out connection (Beast's timer) a moment before its handler counts it: polls `done`
// for up to 5 s.
template <typename F>
bool eventually(F done) {
  for (int i = 0; i < 500; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return done();
}

std::string get(const std::string& path = "/") { return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n"; }

class HttpLimitsTest : public ::testing::Test {
 protected:
  void start(HttpLimits limits, std::size_t body_bytes = 2) {
    server_.emplace(
        0,
        [this, body_bytes](SignedRequest, HttpReply reply) {
          ++handled_;
          reply(HttpResponse{200, {}, std::string(body_bytes, 'b')});
        },
        [](unsigned status, std::string message) { return HttpResponse{status, {}, std::move(message)}; }, limits);
  }
  std::optional<HttpServer> server_;
  std::atomic<int> handled_{0};
};

TEST_F(HttpLimitsTest, ConnectionsOverTheLimitAreClosedAsTheyArrive) {
  HttpLimits l;
  l.connections = 2;
  start(l);
  RawClient a(server_->port()), b(server_->port());
  a.write(get());
  b.write(get());
  ASSERT_TRUE(a.read_until("\r\n\r\nbb", 10s));
  ASSERT_TRUE(b.read_until("\r\n\r\nbb", 10s));
  RawClient c(server_->port());
  c.read_for(10s);
  EXPECT_TRUE(c.closed());
  EXPECT_TRUE(eventually([&] { return server_->counts().connections_refused == 1; }));
  a.write(get());  // the two admitted connections go on
  EXPECT_TRUE(a.read_until("HTTP/1.1 200", 10s));
}

TEST_F(HttpLimitsTest, OversizedHeadersAndBodiesAreRefusedWithoutReachingTheHandler) {
  HttpLimits l;
  l.header_bytes = 1024;
  l.body_bytes = 1024;
  start(l);
  RawClient a(server_->port());
  a.write("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'h') + "\r\n\r\n");
  EXPECT_TRUE(a.read_until("HTTP/1.1 431", 10s));
  RawClient b(server_->port());
  b.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + std::string(5000, 'x'));
  EXPECT_TRUE(b.read_until("HTTP/1.1 413", 10s));
  EXPECT_EQ(handled_, 0);
  EXPECT_EQ(server_->counts().too_large, 2u);
}

TEST_F(HttpLimitsTest, ARequestThatTricklesInIsCutAtTheReadTimeout) {
  HttpLimits l;
  l.read_timeout = 300 * kMillisecond;
  start(l);
  RawClient slow(server_->port());
  const auto t0 = Clock::now();
  slow.write("GET / HTTP/1.1\r\n");
  // A header line every 100 ms: the connection is never idle, so only a limit on the whole request cuts it.
  // (Bounded at 10 s; the bound below is loose because the machine may be busy with other tests.)
  for (int i = 0; i < 100 && !slow.closed(); ++i) {
    slow.read_for(100ms);
    if (!slow.closed()) slow.write("X-Slow: " + std::to_string(i) + "\r\n");
  }
  EXPECT_TRUE(slow.closed());
  EXPECT_LT(Clock::now() - t0, 5s);
  EXPECT_EQ(handled_, 0);
  EXPECT_TRUE(eventually([&] { return server_->counts().timed_out == 1; }));
  RawClient next(server_->port());  // the server goes on
  next.write(get());
  EXPECT_TRUE(next.read_until("HTTP/1.1 200", 10s));
}

TEST_F(HttpLimitsTest, AResponseNobodyTakesIsCutAtTheWriteTimeout) {
  HttpLimits l;
  l.write_timeout = 300 * kMillisecond;
  start(l, 64u << 20);  // far more than the socket buffers hold
  RawClient reader(server_->port(), 4096);
  reader.write(get());
  std::this_thread::sleep_for(1500ms);  // it never reads meanwhile
  const std::string got = reader.read_for(10s);
  EXPECT_TRUE(reader.closed());
  EXPECT_LT(got.size(), std::size_t{64u << 20});
  EXPECT_TRUE(eventually([&] { return server_->counts().timed_out == 1; }));
}

TEST_F(HttpLimitsTest, RequestsOverTheRateAre429AndTheConnectionStaysUsable) {
  HttpLimits l;
  l.rate = 1;
  l.burst = 5;
  start(l);
  RawClient a(server_->port());
  int ok = 0, throttled = 0;
  for (int i = 0; i < 10; ++i) {
    a.forget();
    a.write(get());
    ASSERT_TRUE(a.read_until({"\r\n\r\nbb", "per second"}, 10s));
    if (a.got().rfind("HTTP/1.1 200", 0) == 0) ++ok;
    if (a.got().rfind("HTTP/1.1 429", 0) == 0) ++throttled;
  }
  EXPECT_GE(ok, 5);
  EXPECT_LE(ok, 6);  // (a token may refill while the ten go)
  EXPECT_EQ(ok + throttled, 10);
  EXPECT_EQ(server_->counts().throttled, static_cast<std::uint64_t>(throttled));
  std::this_thread::sleep_for(1s);  // tokens come back at the rate
  a.forget();
  a.write(get());
  EXPECT_TRUE(a.read_until("HTTP/1.1 200", 10s));
  EXPECT_FALSE(a.closed());
}

}  // namespace
}  // namespace st::api
