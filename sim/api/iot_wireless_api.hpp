// IotWirelessApi: the AWS IoT Wireless REST API of a run (`run --api PORT`): HTTP on 127.0.0.1 on its own thread,
// every request authenticated with SigV4 (service iotwireless, us-east-1) and taken apart there; the calls then
// wait in a mailbox for the simulation thread, which runs them between two kernel activations (service()).
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "sim/api/api_call.hpp"
#include "sim/api/http_server.hpp"
#include "sim/api/iot_wireless_operations.hpp"
#include "sim/api/sigv4.hpp"

namespace st::api {

struct ApiOptions {
  std::uint16_t port = 0;                 // 0: any free port
  std::vector<Credentials> credentials;   // the access keys it accepts
  std::size_t max_waiting = 1024;         // calls waiting for the simulation; more are throttled (429)
  HttpLimits limits;                      // what one client may take (`--limit api.NAME=VALUE`)
};

// What the API did, for summary.json.
struct ApiCounts {
  std::uint64_t requests = 0;
  std::uint64_t refused_authentication = 0;  // 403
  std::uint64_t throttled = 0;               // 429: over the rate, or too many calls waiting
  std::uint64_t served = 0;                  // answered by the simulation thread
  std::uint64_t stimuli = 0;                 // calls that changed the world
  HttpCounts limits;                         // what the server's limits refused (throttled: over the rate)
};

class IotWirelessApi {
 public:
  // Listens and starts the network thread; `wake` is called (network thread) whenever a call starts waiting.
  // Throws std::runtime_error when the port cannot be bound.
  IotWirelessApi(const ApiOptions& options, ApiWorld world, std::function<void()> wake);
  ~IotWirelessApi();

  std::uint16_t port() const { return server_->port(); }
  // Simulation thread: runs every waiting call with the world at `live`. Returns the earliest simulated time a
  // call scheduled a stimulus at (kNever: none).
  SimTime service(SimTime live);
  // The run has ended: waiting calls and later ones are answered 503; the server stops.
  void close();
  ApiCounts counts() const;

 private:
  struct Waiting {
    ApiCall call;
    HttpReply reply;
  };
  void handle(SignedRequest request, HttpReply reply);  // network thread

  ApiOptions options_;
  IotWirelessOperations operations_;
  std::function<void()> wake_;
  mutable std::mutex mutex_;
  std::deque<Waiting> waiting_;
  bool closed_ = false;
  ApiCounts counts_;
  std::unique_ptr<HttpServer> server_;
};

}  // namespace st::api
