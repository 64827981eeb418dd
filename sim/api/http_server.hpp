// HttpServer: HTTP/1.1 on 127.0.0.1 with Boost.Beast over Asio, on its own thread: reads each request within size
// limits, hands it to the handler with a reply function that may be called from any thread (the simulation's),
// keeps connections alive between requests and closes idle ones.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/base/setting.hpp"
#include "sim/api/sigv4.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::api {

struct HttpResponse {
  unsigned status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Length, Connection and Date
  std::string body;
};

// Called on the network thread with each request (SignedRequest: the request as it came off the wire); `reply`
// must be called exactly once, from any thread.
using HttpReply = std::function<void(HttpResponse)>;
using HttpHandler = std::function<void(SignedRequest, HttpReply)>;

// What one client may take of the server (`run --limit api.NAME=VALUE`, docs/api.md "Limits"); the settings are
// declared below. Over a limit, a request is answered with its error and the connection closed (429: kept).
struct HttpLimits {
  std::size_t connections = 256;            // open at once; more are closed as they arrive
  std::uint64_t header_bytes = 16 * 1024;   // a request's start line and headers (431)
  std::uint64_t body_bytes = 1024 * 1024;   // a request's body (413)
  SimTime read_timeout = 30 * kSecond;      // a whole request must arrive within this (slow writers, idle
                                            // keep-alive connections): then the connection is closed
  SimTime write_timeout = 30 * kSecond;     // a whole response must be taken within this (slow readers)
  double rate = 200;                        // requests per second, all clients together (429 over it; 0: none)
  std::uint64_t burst = 400;                // requests above the rate a quiet server takes at once
};

// What the server refused, for summary.json (`api`).
struct HttpCounts {
  std::uint64_t connections_refused = 0;  // over `connections`
  std::uint64_t throttled = 0;            // over `rate`
  std::uint64_t too_large = 0;            // 413 and 431
  std::uint64_t malformed = 0;            // 400
  std::uint64_t timed_out = 0;            // closed by read_timeout or write_timeout
};

class HttpServer {
 public:
  // Listens on 127.0.0.1:port (0: any free port) and starts the network thread; throws std::runtime_error (one
  // line) when the port cannot be bound. `refuse(status, message)` makes the answer to a request that breaks a limit
  // or does not parse.
  HttpServer(std::uint16_t port, HttpHandler handler,
             std::function<HttpResponse(unsigned status, std::string message)> refuse, HttpLimits limits = {});
  ~HttpServer();  // stop()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  std::uint16_t port() const { return port_; }
  HttpCounts counts() const;  // any thread
  // Closes the listener and every connection and joins the thread. Replies after it are dropped.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
};

}  // namespace st::api

template <>
struct st::models::Settings<st::api::HttpLimits> {
  using L = st::api::HttpLimits;
  static constexpr auto list = std::make_tuple(
      count("connections", &L::connections, std::size_t{1}, std::size_t{65535}),
      Setting<L, std::uint64_t>{"header_bytes", &L::header_bytes, Unit::Size, 1024, 1u << 20, "within 1KiB..1MiB"},
      Setting<L, std::uint64_t>{"body_bytes", &L::body_bytes, Unit::Size, 1024, 64u << 20, "within 1KiB..64MiB"},
      duration_within("read_timeout", &L::read_timeout, 10 * kMillisecond, 3600 * kSecond, "within 10ms..1h"),
      duration_within("write_timeout", &L::write_timeout, 10 * kMillisecond, 3600 * kSecond, "within 10ms..1h"),
      quantity("rate", &L::rate, Unit::Count, 0.0, 1e6, "within 0..1000000 (0: no limit)"),
      count("burst", &L::burst, std::uint64_t{1}, std::uint64_t{1'000'000}));
};
