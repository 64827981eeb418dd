// TelemetryServer: the transport of the live stream. One io_context on one thread owns the acceptor, the clients,
// the history, the timers and the action handler; record(), finish() and the answers to actions only hand lines
// over through a mutex-protected inbox or asio::post. What each client is sent, and what it loses when it falls
// behind, is StreamQueue's policy.
#include "sim/telemetry/telemetry_server.hpp"

#include <atomic>

#include <utility>  // before Boost.Asio 1.74: its awaitable.hpp uses std::exchange without including it
#include <boost/asio.hpp>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <list>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/output/number_format.hpp"
#include "sim/telemetry/stream_queue.hpp"
#include "sim/telemetry/telemetry_command.hpp"

namespace st::telemetry {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kMaxBatchItems = 512;           // records per write
constexpr std::size_t kMaxBatchBytes = 1u << 20;      // bytes per write (at least one record)
constexpr auto kLinger = std::chrono::milliseconds(1000);  // after `end`: how long to wait for the client to close
constexpr std::size_t kMaxActionsWaiting = 1024;           // `action` commands held until there is a handler

}  // namespace

struct TelemetryServer::Impl {
  using Item = StreamQueue::Item;
  struct Client {
    Client(asio::io_context& io, const ServerOptions& o) : socket(io), in(o.line_bytes), queue(o.client_queue_limit) {}
    tcp::socket socket;
    asio::streambuf in;
    StreamQueue queue;
    std::vector<Text> inflight;
    bool writing = false;
    bool open = true;
    bool shut = false;      // `end` flushed and the sending side shut down
    bool read_eof = false;  // the client shut its sending side down
    Clock::time_point progress = Clock::now();
  };
  using ClientPtr = std::shared_ptr<Client>;

  Impl(const ServerOptions& o, RunControl& c)
      : options(o),
        control(c),
        acceptor(io),
        control_timer(io),
        finish_timer(io),
        work(asio::make_work_guard(io)),
        history(o.event_history) {}

  // ---- shared with other threads (inbox_mutex) ----
  std::mutex inbox_mutex;
  std::vector<std::string> inbox;
  bool drain_posted = false;
  bool closed = false;  // finish() or stop(): records are ignored from then on
  std::mutex client_mutex;
  std::condition_variable client_seen;
  bool had_client = false;

  // ---- the network thread only ----
  const ServerOptions options;
  RunControl& control;
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::steady_timer control_timer;
  bool control_timer_armed = false;
  asio::steady_timer finish_timer;
  asio::executor_work_guard<asio::io_context::executor_type> work;
  bool finishing = false;        // `end` is on its way: no more accepting, clients close once flushed
  bool finish_checking = false;  // the finish timer is armed
  bool stopped = false;          // stop(): everything closed without `end`
  std::list<ClientPtr> clients;
  ActionHandler action_handler;
  struct WaitingAction {
    TelemetryCommand command;
    std::weak_ptr<Client> client;
  };
  std::vector<WaitingAction> actions_waiting;  // sent before there was a handler
  std::atomic<std::uint64_t> clients_refused{0}, lines_refused{0};
  StreamHistory history;
  std::thread thread;

  // ---- accepting ----
  void accept() {
    auto c = std::make_shared<Client>(io, options);
    acceptor.async_accept(c->socket, [this, c](const boost::system::error_code& ec) {
      if (ec || stopped) return;  // closed (finish or stop)
      on_connect(c);
      if (!finishing) accept();
    });
  }

  void on_connect(const ClientPtr& c) {
    boost::system::error_code ignored;
    if (clients.size() >= options.max_clients) {  // over the limit: closed at once, nothing sent
      ++clients_refused;
      c->socket.close(ignored);
      return;
    }
    c->socket.set_option(tcp::no_delay(true), ignored);
    clients.push_back(c);
    // hello and the history in their original order, a gap record where older events were left out.
    history.replay(c->queue);
    read(c);
    pump(c);
    if (finishing) check_finish();  // a late arrival gets the same flush deadline
    {
      std::lock_guard lock(client_mutex);
      had_client = true;
    }
    client_seen.notify_all();
  }

  // ---- records in ----
  void drain() {
    std::vector<std::string> lines;
    {
      std::lock_guard lock(inbox_mutex);
      lines.swap(inbox);
      drain_posted = false;
    }
    for (auto& line : lines) deliver(std::move(line));
    pump_all();
  }

  // One record to every client and to the history.
  void deliver(std::string line) {
    const bool event = type_of(line) == "event";
    Text text = make_text(std::move(line));
    history.add(text, event);
    for (const auto& c : clients) enqueue(*c, Item{text, event, 0});
  }

  // ---- per-client queues ----
  void enqueue(Client& c, Item item) {
    if (!c.open || c.shut) return;
    c.queue.push(std::move(item));
  }

  void pump(const ClientPtr& c) {
    if (!c->open || c->writing || c->shut) return;
    if (c->queue.empty()) {
      if (finishing) shut(c);
      return;
    }
    c->inflight = c->queue.take(kMaxBatchItems, kMaxBatchBytes);
    std::vector<asio::const_buffer> buffers;
    for (const Text& t : c->inflight) buffers.emplace_back(asio::buffer(*t));
    c->writing = true;
    asio::async_write(c->socket, buffers, [this, c](const boost::system::error_code& ec, std::size_t) {
      c->writing = false;
      c->inflight.clear();
      if (ec) {
        close(c);  // the client went away: forget it
        return;
      }
      c->progress = Clock::now();
      pump(c);
    });
  }

  void pump_all() {
    const auto all = clients;  // pump may close a client (and remove it from the list)
    for (const auto& c : all) pump(c);
  }

  // After `end`: shut the sending side and give the client a moment to close its end first.
  void shut(const ClientPtr& c) {
    boost::system::error_code ignored;
    c->shut = true;
    c->progress = Clock::now();
    c->socket.shutdown(tcp::socket::shutdown_send, ignored);
    if (c->read_eof) close(c);  // both sides are done
  }

  void close(const ClientPtr& c) {
    if (!c->open) return;
    c->open = false;
    boost::system::error_code ignored;
    c->socket.close(ignored);
    c->queue.clear();
    clients.remove(c);
    if (finishing) {
      maybe_done();
    } else if (clients.empty() && control.state().paused) {
      control.resume();  // nobody is left to resume it: the run goes on
    }
  }

  // ---- commands ----
  void read(const ClientPtr& c) {
    asio::async_read_until(c->socket, c->in, '\n', [this, c](const boost::system::error_code& ec, std::size_t n) {
      if (!c->open) return;
      if (ec == asio::error::not_found) {  // a line longer than line_bytes: discard it
        ++lines_refused;
        c->in.consume(c->in.size());
        read(c);
        return;
      }
      if (ec) {
        // The client closed its sending side: it may still read (a half-closed `nc -N`), unless it is done.
        c->read_eof = true;
        if (ec != asio::error::eof || c->shut) close(c);
        return;
      }
      std::string line(asio::buffers_begin(c->in.data()), asio::buffers_begin(c->in.data()) + static_cast<std::ptrdiff_t>(n));
      c->in.consume(n);
      command(c, line);
      read(c);
    });
  }

  void command(const ClientPtr& client, const std::string& line) {
    auto c = parse_telemetry_command(line);
    if (!c) return;  // not a command: ignored
    switch (c->kind) {
      case TelemetryCommand::Pause: control.pause(); break;
      case TelemetryCommand::Resume: control.resume(); break;
      case TelemetryCommand::Pace: control.set_pace(c->sim_seconds_per_second); break;
      case TelemetryCommand::Action: take_action(std::move(*c), client); return;
    }
    broadcast_control();
    if (control.state().paused && !control_timer_armed) arm_control_timer();
  }

  // ---- actions: to the handler; the answer to the client that sent it, alone (not in the history) ----
  void take_action(TelemetryCommand c, const ClientPtr& client) {
    if (finishing) return answerer(client)(ActionAnswer{false, 0, "the run has ended"});
    if (!action_handler) {
      if (actions_waiting.size() >= kMaxActionsWaiting)
        return answerer(client)(ActionAnswer{false, 0, "too many actions are waiting for the run to take them"});
      actions_waiting.push_back(WaitingAction{std::move(c), client});
      return;
    }
    action_handler(c, answerer(client));
  }

  void set_action_handler(ActionHandler handler) {
    action_handler = std::move(handler);
    if (!action_handler) return;
    auto waiting = std::move(actions_waiting);
    actions_waiting.clear();
    for (auto& w : waiting)
      if (const ClientPtr c = w.client.lock()) action_handler(w.command, answerer(c));
  }

  void refuse_waiting_actions() {
    auto waiting = std::move(actions_waiting);
    actions_waiting.clear();
    for (auto& w : waiting)
      if (const ClientPtr c = w.client.lock()) answerer(c)(ActionAnswer{false, 0, "the run has ended"});
  }

  // Any thread: the reply line goes to the client, if it is still there, on the io thread (at once when called there,
  // so a refusal made while finishing comes before `end`).
  AnswerAction answerer(const ClientPtr& client) {
    std::weak_ptr<Client> weak = client;
    return [this, weak](const ActionAnswer& a) {
      nlohmann::ordered_json j;
      j["type"] = "reply";
      j["cmd"] = "action";
      j["ok"] = a.ok;
      if (a.ok) {
        j["t"] = output::seconds_json(a.t);
      } else {
        j["error"] = a.error;
      }
      asio::dispatch(io, [this, weak, line = j.dump()] {
        const ClientPtr c = weak.lock();
        if (!c) return;
        enqueue(*c, Item{make_text(line), false, 0});
        pump(c);
      });
    };
  }

  void arm_control_timer() {
    control_timer_armed = true;
    control_timer.expires_after(options.control_period);
    control_timer.async_wait([this](const boost::system::error_code& ec) {
      control_timer_armed = false;
      if (ec || finishing) return;
      if (!control.state().paused) return;
      broadcast_control();
      arm_control_timer();
    });
  }

  void broadcast_control() {
    const RunControl::State s = control.state();
    nlohmann::ordered_json j;
    j["type"] = "control";
    j["paused"] = s.paused;
    j["sim_seconds_per_second"] = s.sim_seconds_per_second;
    j["t"] = output::seconds_json(s.now);
    const Text text = make_text(j.dump());
    for (const auto& c : clients) enqueue(*c, Item{text, false, 0});
    pump_all();
  }

  // ---- the end ----
  void begin_finish() {
    finishing = true;
    // Connections already waiting in the backlog still get the whole stream, `end` included.
    boost::system::error_code ec;
    acceptor.non_blocking(true, ec);
    while (!ec) {
      auto c = std::make_shared<Client>(io, options);
      acceptor.accept(c->socket, ec);
      if (!ec) on_connect(c);
    }
    boost::system::error_code ignored;
    acceptor.close(ignored);
    control_timer.cancel();
    for (auto& c : clients) c->progress = Clock::now();
    pump_all();
    check_finish();
  }

  // Every 50 ms while finishing: close clients that stopped reading, or that got everything and linger.
  void check_finish() {
    const auto now = Clock::now();
    const auto all = clients;
    for (const auto& c : all) {
      if (c->shut ? now - c->progress > kLinger : now - c->progress > options.flush_timeout) close(c);
    }
    if (maybe_done() || finish_checking) return;
    finish_checking = true;
    finish_timer.expires_after(std::chrono::milliseconds(50));
    finish_timer.async_wait([this](const boost::system::error_code& ec) {
      finish_checking = false;
      if (!ec && !stopped) check_finish();
    });
  }

  bool maybe_done() {
    if (!clients.empty()) return false;
    finish_timer.cancel();
    work.reset();
    return true;
  }

  // Without `end`: everything closes now.
  void stop() {
    stopped = true;
    finishing = true;
    boost::system::error_code ignored;
    acceptor.close(ignored);
    control_timer.cancel();
    finish_timer.cancel();
    const auto all = clients;
    for (const auto& c : all) close(c);
    work.reset();
  }
};

TelemetryServer::TelemetryServer(const ServerOptions& options) : impl_(std::make_unique<Impl>(options, control_)) {
  Impl& m = *impl_;
  boost::system::error_code ec;
  const tcp::endpoint at(asio::ip::address_v4::loopback(), options.port);
  m.acceptor.open(at.protocol(), ec);
  if (!ec) m.acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) m.acceptor.bind(at, ec);
  if (!ec) m.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("cannot serve telemetry on 127.0.0.1:" + std::to_string(options.port) + ": " + ec.message());
  port_ = m.acceptor.local_endpoint().port();
  // When a pause takes effect, every client learns where the simulation stopped.
  control_.on_hold([&m] {
    std::lock_guard lock(m.inbox_mutex);
    if (!m.closed) asio::post(m.io, [&m] { m.broadcast_control(); });
  });
  m.accept();
  m.thread = std::thread([&m] { m.io.run(); });
}

TelemetryServer::~TelemetryServer() {
  control_.shutdown();
  control_.on_hold(nullptr);
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.inbox_mutex);
    m.closed = true;
  }
  if (m.thread.joinable()) {
    asio::post(m.io, [&m] { m.stop(); });
    m.thread.join();
  }
}

void TelemetryServer::record(std::string_view json_line) {
  Impl& m = *impl_;
  std::lock_guard lock(m.inbox_mutex);
  if (m.closed) return;
  m.inbox.emplace_back(json_line);
  if (!m.drain_posted) {
    m.drain_posted = true;
    asio::post(m.io, [&m] { m.drain(); });
  }
}

std::uint64_t TelemetryServer::clients_refused() const { return impl_->clients_refused.load(); }
std::uint64_t TelemetryServer::lines_refused() const { return impl_->lines_refused.load(); }

bool TelemetryServer::wait_for_client(std::optional<std::chrono::milliseconds> timeout) {
  Impl& m = *impl_;
  std::unique_lock lock(m.client_mutex);
  if (!timeout) {
    m.client_seen.wait(lock, [&m] { return m.had_client; });
    return true;
  }
  return m.client_seen.wait_for(lock, *timeout, [&m] { return m.had_client; });
}

void TelemetryServer::on_action(ActionHandler handler) {
  Impl& m = *impl_;
  asio::post(m.io, [&m, handler = std::move(handler)]() mutable { m.set_action_handler(std::move(handler)); });
}

void TelemetryServer::finish(std::string_view end_line) {
  Impl& m = *impl_;
  control_.shutdown();
  {
    std::lock_guard lock(m.inbox_mutex);
    if (m.closed) return;
    m.closed = true;
    // Handlers of one thread run in order: a drain already posted sends the last records first; then the actions
    // still waiting are refused, `end` goes out, and the connections close once flushed.
    asio::post(m.io, [&m, end = std::string(end_line)]() mutable {
      m.drain();
      m.refuse_waiting_actions();
      m.deliver(std::move(end));
      m.pump_all();
      m.begin_finish();
    });
  }
  if (m.thread.joinable()) m.thread.join();
}

}  // namespace st::telemetry
