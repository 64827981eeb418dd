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

#include "sim/api/sigv4.hpp"

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

struct HttpLimits {
  std::size_t header_bytes = 16 * 1024;     // a request's start line and headers
  std::size_t body_bytes = 1024 * 1024;     // a request's body
  std::size_t connections = 256;            // open at once; more are closed at once
  unsigned idle_seconds = 60;               // a connection that sends nothing this long is closed
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
  // Closes the listener and every connection and joins the thread. Replies after it are dropped.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint16_t port_ = 0;
};

}  // namespace st::api
