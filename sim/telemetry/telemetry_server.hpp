// TelemetryServer: the live stream of `sidewalk-twin run --serve PORT` (docs/telemetry.md): records to every
// TCP client on 127.0.0.1 with history for late clients, per-client queues, pause/resume/pace commands, and timeline
// actions handed to the run, each answered to its client alone.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "models/base/setting.hpp"
#include "sim/kernel/sim_time.hpp"
#include "sim/output/record_listener.hpp"
#include "sim/telemetry/run_control.hpp"
#include "sim/telemetry/telemetry_command.hpp"

namespace st::telemetry {

// The server's settings; those a user may change (`run --limit telemetry.NAME=VALUE`, docs/telemetry.md) are
// declared below.
struct ServerOptions {
  std::uint16_t port = 0;                              // 0: any free port (see TelemetryServer::port())
  std::size_t event_history = 100'000;                 // events a late client gets
  std::size_t client_queue_limit = 64u << 20;          // bytes behind before a client's events are dropped (a
                                                       // slow reader loses events, the run never waits for it)
  std::size_t max_clients = 64;                        // connected at once; more are closed as they arrive
  std::size_t line_bytes = 64 * 1024;                  // a longer command line is discarded
  std::chrono::milliseconds control_period{1000};      // `control` records while paused
  std::chrono::milliseconds flush_timeout{5000};       // finish(): a client making no progress is closed
};

// The answer to a client's `action` command: the simulated instant the action takes effect at, or why it was
// refused (one line naming the key and the cause).
struct ActionAnswer {
  bool ok = false;
  SimTime t = 0;
  std::string error;
};
using AnswerAction = std::function<void(const ActionAnswer&)>;
// Takes a client's `action` command on the network thread (its `error` set when the command itself is malformed).
// `answer` may be called from any thread, once, before the server is destroyed: the client that sent the command
// gets the reply line.
using ActionHandler = std::function<void(const TelemetryCommand& command, AnswerAction answer)>;

class TelemetryServer : public output::RecordListener {
 public:
  // Listens on 127.0.0.1 and starts the network thread; throws std::runtime_error (one line) when the port
  // cannot be bound.
  explicit TelemetryServer(const ServerOptions& options);
  explicit TelemetryServer(std::uint16_t port) : TelemetryServer(ServerOptions{port}) {}
  ~TelemetryServer() override;  // closes every connection and joins the thread (without `end` if not finished)
  TelemetryServer(const TelemetryServer&) = delete;
  TelemetryServer& operator=(const TelemetryServer&) = delete;

  std::uint16_t port() const { return port_; }
  RunControl& control() { return control_; }
  // Clients closed as they arrived (over max_clients) and for a command line over line_bytes (any thread).
  std::uint64_t clients_refused() const;
  std::uint64_t lines_refused() const;

  // Any thread (the simulation's): one record, a JSON object on one line without the newline. Never waits for
  // the network: the line is handed to the network thread. `hello`, `states`, `counters` and `handshake`
  // records are kept for late clients, and the last `event_history` events.
  void record(std::string_view json_line) override;

  // Any thread: `action` commands go to `handler` from now on; those that came before it wait for it (finish()
  // refuses the ones still waiting: "the run has ended").
  void on_action(ActionHandler handler);

  // Blocks until a first client has connected (true), or the timeout passed (false); nullopt: no timeout.
  bool wait_for_client(std::optional<std::chrono::milliseconds> timeout = std::nullopt);

  // Sends `end_line` to every client, flushes, closes the connections and stops the thread. Records after it
  // are ignored; calling it again does nothing.
  void finish(std::string_view end_line);

 private:
  struct Impl;
  RunControl control_;
  std::uint16_t port_ = 0;
  std::unique_ptr<Impl> impl_;
};

}  // namespace st::telemetry

template <>
struct st::models::Settings<st::telemetry::ServerOptions> {
  using O = st::telemetry::ServerOptions;
  static constexpr auto list = std::make_tuple(
      count("clients", &O::max_clients, std::size_t{1}, std::size_t{4096}),
      Setting<O, std::size_t>{"line_bytes", &O::line_bytes, Unit::Size, 256, 16u << 20, "within 256B..16MiB"},
      Setting<O, std::size_t>{"queue_bytes", &O::client_queue_limit, Unit::Size, 64 * 1024, std::size_t{1} << 34,
                              "within 64KiB..16GiB"},
      count("history", &O::event_history, std::size_t{0}, std::size_t{100'000'000}));
};
