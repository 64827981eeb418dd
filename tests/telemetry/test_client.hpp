// LineClient: a Boost.Asio TCP client for the telemetry tests: connects to 127.0.0.1, reads JSON lines and
// sends commands, every wait bounded by a timeout (its own io_context, run_for on the calling thread).
#pragma once
#include <utility>  // before Boost.Asio 1.74: its awaitable.hpp uses std::exchange without including it
#include <boost/asio.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace st::telemetry_test {

class LineClient {
 public:
  using Clock = std::chrono::steady_clock;

  // Connects (within `timeout`); connected() says whether it worked.
  explicit LineClient(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(10))
      : socket_(io_) {
    bool done = false;
    boost::system::error_code result = boost::asio::error::timed_out;
    const boost::asio::ip::tcp::endpoint at(boost::asio::ip::address_v4::loopback(), port);
    socket_.async_connect(at, [&](const boost::system::error_code& ec) {
      done = true;
      result = ec;
    });
    run(done, timeout);
    connected_ = !result;
  }

  bool connected() const { return connected_; }
  bool eof() const { return eof_; }

  // The next line (without '\n'), or nullopt on timeout, end of stream or error.
  std::optional<std::string> read_line(std::chrono::milliseconds timeout) {
    if (auto line = take_line()) return line;
    if (eof_) return std::nullopt;
    bool done = false;
    boost::system::error_code result;
    boost::asio::async_read_until(socket_, buf_, '\n', [&](const boost::system::error_code& ec, std::size_t) {
      done = true;
      result = ec;
    });
    if (run(done, timeout) && result) eof_ = true;  // end of stream or error (a timeout leaves it usable)
    return take_line();
  }

  // The next line as JSON (nullopt as read_line, or when it does not parse).
  std::optional<nlohmann::ordered_json> read_json(std::chrono::milliseconds timeout) {
    const auto line = read_line(timeout);
    if (!line) return std::nullopt;
    auto j = nlohmann::ordered_json::parse(*line, nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    return j;
  }

  // Reads records until one of `type` arrives (returned) or `timeout` passes in all (nullopt); every record
  // read on the way goes to `seen` when given.
  template <typename Seen = std::nullptr_t>
  std::optional<nlohmann::ordered_json> read_until_type(const std::string& type, std::chrono::milliseconds timeout,
                                                        Seen seen = nullptr) {
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      auto j = read_json(left);
      if (!j) {
        if (eof_) return std::nullopt;
        continue;
      }
      if constexpr (!std::is_same_v<Seen, std::nullptr_t>) seen(*j);
      if (j->value("type", "") == type) return j;
    }
    return std::nullopt;
  }

  // Writes `line` and a '\n' (within `timeout`); false on error.
  bool send(const std::string& line, std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    const std::string data = line + "\n";
    bool done = false;
    boost::system::error_code result = boost::asio::error::timed_out;
    boost::asio::async_write(socket_, boost::asio::buffer(data), [&](const boost::system::error_code& ec, std::size_t) {
      done = true;
      result = ec;
    });
    run(done, timeout);
    return !result;
  }

  void close() {
    boost::system::error_code ignored;
    socket_.close(ignored);
  }

 private:
  // Runs the io_context until `done` (true) or the timeout (false: the operation is cancelled and let finish).
  bool run(bool& done, std::chrono::milliseconds timeout) {
    io_.restart();
    const auto deadline = Clock::now() + timeout;
    while (!done && Clock::now() < deadline) io_.run_one_until(deadline);
    if (done) return true;
    boost::system::error_code ignored;
    socket_.cancel(ignored);
    io_.restart();
    io_.run_for(std::chrono::seconds(5));  // the cancelled operation completes at once
    return false;
  }

  std::optional<std::string> take_line() {
    const auto data = buf_.data();
    const auto begin = boost::asio::buffers_begin(data);
    const auto end = boost::asio::buffers_end(data);
    const auto nl = std::find(begin, end, '\n');
    if (nl == end) return std::nullopt;
    std::string line(begin, nl);
    buf_.consume(line.size() + 1);
    return line;
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::asio::streambuf buf_;
  bool connected_ = false;
  bool eof_ = false;
};

}  // namespace st::telemetry_test
