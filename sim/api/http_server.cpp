// HttpServer: one io_context on one thread; a Session per connection reads one request, waits for its reply,
// writes it, and reads the next. The limits are enforced here, on the network thread: the simulation never waits
// for a client.
#include "sim/api/http_server.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace st::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

std::chrono::nanoseconds wall(SimTime t) { return std::chrono::nanoseconds(static_cast<std::int64_t>(t)); }

// The request rate of all clients together: a token bucket refilled at `rate` per second up to `burst`.
class RateGate {
 public:
  explicit RateGate(const HttpLimits& l) : rate_(l.rate), burst_(static_cast<double>(l.burst)), tokens_(burst_) {}
  bool admit() {
    if (rate_ <= 0) return true;
    const auto now = std::chrono::steady_clock::now();
    tokens_ = std::min(burst_, tokens_ + std::chrono::duration<double>(now - last_).count() * rate_);
    last_ = now;
    if (tokens_ < 1.0) return false;
    tokens_ -= 1.0;
    return true;
  }

 private:
  double rate_, burst_, tokens_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// What every session of the server shares (network thread, but for the counters).
struct Shared {
  Shared(HttpHandler h, std::function<HttpResponse(unsigned, std::string)> r, const HttpLimits& l)
      : handler(std::move(h)), refuse(std::move(r)), limits(l), gate(l) {}
  HttpHandler handler;
  std::function<HttpResponse(unsigned, std::string)> refuse;
  HttpLimits limits;
  RateGate gate;
  struct {
    std::atomic<std::uint64_t> connections_refused{0}, throttled{0}, too_large{0}, malformed{0}, timed_out{0};
  } counts;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Shared& shared, std::function<void(Session*)> closed)
      : stream_(std::move(socket)), shared_(shared), closed_(std::move(closed)) {}
  ~Session() { closed_(this); }

  void start() { read(); }
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

 private:
  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.limits.header_bytes));
    parser_->body_limit(shared_.limits.body_bytes);
    stream_.expires_after(wall(shared_.limits.read_timeout));  // the whole request, from now
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    const HttpLimits& limits = shared_.limits;
    if (ec == beast::error::timeout) ++shared_.counts.timed_out;
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof)
      return close();
    if (ec == http::error::body_limit) {
      ++shared_.counts.too_large;
      return send(shared_.refuse(413, "the request body is larger than " + std::to_string(limits.body_bytes) +
                                          " bytes"), false);
    }
    if (ec == http::error::header_limit) {
      ++shared_.counts.too_large;
      return send(shared_.refuse(431, "the request headers are larger than " + std::to_string(limits.header_bytes) +
                                          " bytes"), false);
    }
    if (ec) {
      ++shared_.counts.malformed;
      return send(shared_.refuse(400, "the request is not HTTP/1.1: " + ec.message()), false);
    }
    http::request<http::string_body> req = parser_->release();
    keep_alive_ = req.keep_alive();
    if (!shared_.gate.admit()) {
      ++shared_.counts.throttled;
      return send(shared_.refuse(429, "Rate exceeded: more than " + std::to_string(limits.rate) +
                                          " requests per second"), true);
    }
    SignedRequest r;
    r.method = std::string(req.method_string());
    r.target = std::string(req.target());
    for (const auto& field : req) r.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    r.body = std::move(req.body());
    stream_.expires_never();  // the simulation answers: no timeout while it does
    auto self = shared_from_this();
    auto executor = stream_.get_executor();
    shared_.handler(std::move(r), [self, executor](HttpResponse response) {
      asio::post(executor, [self, response = std::move(response)]() mutable { self->send(std::move(response), true); });
    });
  }

  void send(HttpResponse response, bool keep_alive) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->result(response.status);
    res->version(11);
    for (auto& [name, value] : response.headers) res->set(name, value);
    res->body() = std::move(response.body);
    res->keep_alive(keep_alive && keep_alive_);
    res->prepare_payload();
    stream_.expires_after(wall(shared_.limits.write_timeout));  // the whole response, from now
    http::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, std::size_t) {
      if (ec == beast::error::timeout) ++self->shared_.counts.timed_out;
      if (ec || !res->keep_alive()) return self->close();
      self->read();
    });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Shared& shared_;
  std::function<void(Session*)> closed_;
  bool keep_alive_ = true;
};

}  // namespace

struct HttpServer::Impl {
  Impl(std::uint16_t port, HttpHandler h, std::function<HttpResponse(unsigned, std::string)> r, HttpLimits l)
      : shared(std::move(h), std::move(r), l), acceptor(io) {
    beast::error_code ec;
    const tcp::endpoint at(asio::ip::make_address("127.0.0.1"), port);
    acceptor.open(at.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(at, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) throw std::runtime_error("cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + ec.message());
  }

  void accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
      if (!ec) {
        if (sessions->size() >= shared.limits.connections) {
          ++shared.counts.connections_refused;
          beast::error_code ignored;
          socket.close(ignored);
        } else {
          std::weak_ptr<std::set<Session*>> registry = sessions;
          auto s = std::make_shared<Session>(std::move(socket), shared, [registry](Session* gone) {
            if (auto open = registry.lock()) open->erase(gone);
          });
          sessions->insert(s.get());
          s->start();
        }
      }
      accept();
    });
  }

  Shared shared;
  asio::io_context io;
  tcp::acceptor acceptor;
  // Open connections (network thread only); a session outliving the server (in a reply never run) finds it gone.
  std::shared_ptr<std::set<Session*>> sessions = std::make_shared<std::set<Session*>>();
  std::thread thread;
  std::atomic<bool> stopped{false};
};

HttpServer::HttpServer(std::uint16_t port, HttpHandler handler,
                       std::function<HttpResponse(unsigned, std::string)> refuse, HttpLimits limits)
    : impl_(std::make_unique<Impl>(port, std::move(handler), std::move(refuse), limits)) {
  port_ = impl_->acceptor.local_endpoint().port();
  impl_->accept();
  impl_->thread = std::thread([this] { impl_->io.run(); });
}

HttpServer::~HttpServer() { stop(); }

HttpCounts HttpServer::counts() const {
  const auto& c = impl_->shared.counts;
  return {c.connections_refused.load(), c.throttled.load(), c.too_large.load(), c.malformed.load(),
          c.timed_out.load()};
}

void HttpServer::stop() {
  if (!impl_ || impl_->stopped.exchange(true)) return;
  asio::post(impl_->io, [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
    for (Session* s : *impl_->sessions) s->close();
  });
  // Every operation ends (aborted) and io.run() returns: nothing is left to run.
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace st::api
