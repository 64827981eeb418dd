#include "app/live_client.hpp"

#include <QMetaObject>
#include <atomic>
#include <boost/asio.hpp>
#include <chrono>
#include <deque>
#include <thread>

namespace st::dash {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {
constexpr std::size_t kBatchRecords = 4096;
constexpr int kMaxBatchesInFlight = 8;
constexpr auto kFlushEvery = std::chrono::milliseconds(50);
}  // namespace

struct LiveClient::Worker {  // handlers capture `this`: stop() joins the thread before the Worker goes
  LiveClient* owner;
  std::string host, port, place;
  asio::io_context io;
  tcp::socket socket{io};
  tcp::resolver resolver{io};
  asio::steady_timer flush_timer{io};
  asio::steady_timer wait_timer{io};
  asio::streambuf input;
  std::deque<std::string> writes;
  std::vector<viz::Record> pending;
  std::uint64_t record_no = 0;
  bool saw_end = false, is_connected = false, finished = false;
  std::atomic<int> in_flight{0};
  std::thread thread;

  Worker(LiveClient* o, std::string h, std::string p) : owner(o), host(std::move(h)), port(std::move(p)) {
    place = host + ":" + port;
  }

  template <class F>
  void to_gui(F&& f) {
    QMetaObject::invokeMethod(owner, std::forward<F>(f), Qt::QueuedConnection);
  }

  void run() {
    resolver.async_resolve(host, port, [self = this](const boost::system::error_code& ec,
                                                                   tcp::resolver::results_type results) {
      if (ec) return self->finish("cannot resolve " + self->place + ": " + ec.message());
      asio::async_connect(self->socket, results, [self](const boost::system::error_code& ec2, const tcp::endpoint&) {
        if (ec2) return self->finish("cannot connect to " + self->place + ": " + ec2.message());
        self->is_connected = true;
        boost::system::error_code ignored;
        self->socket.set_option(tcp::no_delay(true), ignored);
        const QString peer = QString::fromStdString(self->place);
        LiveClient* o = self->owner;
        self->to_gui([o, peer] { Q_EMIT o->connected(peer); });
        self->flush_loop();
        self->read_loop();
        if (!self->writes.empty()) self->write_loop();
      });
    });
    io.run();
  }

  void flush() {
    if (pending.empty()) return;
    auto batch = std::make_shared<std::vector<viz::Record>>(std::move(pending));
    pending.clear();
    pending.reserve(kBatchRecords);
    ++in_flight;
    LiveClient* o = owner;
    to_gui([o, batch] { Q_EMIT o->records(batch); });
  }

  void flush_loop() {
    flush_timer.expires_after(kFlushEvery);
    flush_timer.async_wait([self = this](const boost::system::error_code& ec) {
      if (ec || self->finished) return;
      self->flush();
      self->flush_loop();
    });
  }

  void read_loop() {
    if (in_flight.load() > kMaxBatchesInFlight) {  // the GUI is behind: let TCP push back
      wait_timer.expires_after(std::chrono::milliseconds(10));
      wait_timer.async_wait([self = this](const boost::system::error_code& ec) {
        if (!ec && !self->finished) self->read_loop();
      });
      return;
    }
    asio::async_read_until(socket, input, '\n',
                           [self = this](const boost::system::error_code& ec, std::size_t n) {
                             self->on_line(ec, n);
                           });
  }

  void on_line(const boost::system::error_code& ec, std::size_t n) {
    if (finished) return;
    if (ec) {
      if (ec == asio::error::eof)
        return finish(saw_end ? std::string() : place + ": the server closed the connection before the run ended");
      return finish(place + ": " + ec.message());
    }
    std::string line(asio::buffers_begin(input.data()), asio::buffers_begin(input.data()) + static_cast<std::ptrdiff_t>(n - 1));
    input.consume(n);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ++record_no;
    if (!line.empty()) {
      try {
        viz::Record r = viz::parse_record(line);
        if (std::holds_alternative<viz::EndRecord>(r)) saw_end = true;
        pending.push_back(std::move(r));
        if (pending.size() >= kBatchRecords) flush();
      } catch (const viz::InputError& e) {
        const QString msg = QString::fromStdString(place + ": record " + std::to_string(record_no) + ": " + e.what());
        LiveClient* o = owner;
        to_gui([o, msg] { Q_EMIT o->problem(msg); });
      }
    }
    read_loop();
  }

  void write_loop() {
    asio::async_write(socket, asio::buffer(writes.front()),
                      [self = this](const boost::system::error_code& ec, std::size_t) {
                        if (ec) return;  // the read side reports the broken connection
                        self->writes.pop_front();
                        if (!self->writes.empty()) self->write_loop();
                      });
  }

  void send(std::string line) {
    asio::post(io, [self = this, line = std::move(line)]() mutable {
      if (self->finished) return;
      self->writes.push_back(std::move(line));
      if (self->writes.size() == 1 && self->is_connected) self->write_loop();
    });
  }

  void finish(const std::string& error) {
    if (finished) return;
    finished = true;
    flush();
    boost::system::error_code ignored;
    socket.close(ignored);
    flush_timer.cancel();
    wait_timer.cancel();
    const QString msg = QString::fromStdString(error);
    LiveClient* o = owner;
    to_gui([o, msg] { Q_EMIT o->closed(msg); });
  }
};

LiveClient::LiveClient(QObject* parent) : QObject(parent) {}

LiveClient::~LiveClient() { stop(); }

void LiveClient::start(const std::string& host, const std::string& port) {
  stop();
  worker_ = std::make_shared<Worker>(this, host, port);
  worker_->thread = std::thread([w = worker_] { w->run(); });
}

void LiveClient::send(std::string line) {
  if (worker_) worker_->send(std::move(line));
}

void LiveClient::stop() {
  if (!worker_) return;
  worker_->io.stop();  // no handler runs after this; the thread leaves io.run()
  if (worker_->thread.joinable()) worker_->thread.join();
  worker_.reset();
}

void LiveClient::batch_done() {
  if (worker_) --worker_->in_flight;
}

}  // namespace st::dash
