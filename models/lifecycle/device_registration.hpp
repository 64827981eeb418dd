// DeviceRegistration: the registration handshake as it crosses the world. Device, link, gateway (or the
// developer's mobile app), network server, cloud partner and application server each add their time;
// the real handshake (models/security/handshake.hpp) runs at each step. Retries back off exponentially.
// Each party's expensive step runs on the crypto work pool from the time it takes the message to the time it
// is done with it (service or MCU time), where the kernel joins it: the result never depends on the pool.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>

#include "models/lifecycle/slot_map.hpp"
#include "models/lifecycle/twin_context.hpp"
#include "models/security/handshake.hpp"

namespace st::models {

class DeviceRegistration : public EventHandler {
 public:
  enum Kind : std::uint16_t {
    kStart, kHelloAtServer, kKeyRequestAtApp, kKeyResponseAtServer, kServerHelloAtDevice,
    kConfirmAtServer, kAppConfirmAtApp, kServerConfirmAtDevice, kRefusalAtDevice, kTimeout,
    // a party is done with its step (the pooled crypto is joined here)
    kHelloReady, kHelloServed, kKeyRequestServed, kKeyResponseServed, kServerHelloServed,
    kMessageLost  // the air lost the message in flight: only the device's timeout is left of the attempt
  };

  DeviceRegistration(TwinContext& ctx, std::function<void(std::uint32_t)> on_registered);
  ~DeviceRegistration() override;

  // Start a registration attempt after `delay` (the device must be associated by then).
  void request(std::uint32_t device, SimTime delay);
  // Forget any attempt in flight and the link it was on (the device was de-registered or reset).
  void abandon(std::uint32_t device);
  std::size_t in_flight() const { return attempts_.size(); }
  // Attempts in flight that still hold a party's handshake state (an attempt whose message was lost holds none).
  std::size_t handshake_states_held() const;

  void on_event(const CalendarEntry& e) override;

 private:
  struct Attempt;
  // The link a device registers on while it is off its first one, and its failed attempts in a row on it. Kept only
  // for devices whose attempts have timed out since their last success.
  struct LinkState {
    std::uint8_t index = 0;     // in the device type's list of links
    std::uint8_t failures = 0;  // attempts in a row without an answer on it
  };
  // An attempt on the link at `index` got no answer: after registration.fallback_after of them in a row, the
  // device moves to the next link of its list that can carry a registration and that it can reach.
  void timed_out_on(std::uint32_t device, std::uint8_t index);
  Attempt* current(std::uint32_t device, std::uint32_t attempt);
  void start(std::uint32_t device, std::uint16_t generation);
  void hello_ready(std::uint32_t device, Attempt& a);
  void hello_at_server(std::uint32_t device, Attempt& a);
  void hello_served(std::uint32_t device, Attempt& a);
  void key_request_at_app(std::uint32_t device, Attempt& a);
  void key_request_served(std::uint32_t device, Attempt& a);
  void key_response_at_server(std::uint32_t device, Attempt& a);
  void key_response_served(std::uint32_t device, Attempt& a);
  void server_hello_at_device(std::uint32_t device, Attempt& a);
  void server_hello_served(std::uint32_t device, Attempt& a);
  // Runs `step` (a handshake method producing the next message) on the pool; `kind` joins it at `done`.
  template <typename Step>
  void run_step(std::uint32_t device, Attempt& a, SimTime done, Kind kind, Step step);
  // Joins the pooled step: the next message is in a.message, or the error is returned.
  security::HandshakeError join_step(Attempt& a);
  void confirm_at_server(std::uint32_t device, Attempt& a);
  void app_confirm_at_app(std::uint32_t device, Attempt& a);
  void server_confirm_at_device(std::uint32_t device, Attempt& a);
  // The network server refuses: report it, and tell the device (the refusal travels back to it).
  void refuse(std::uint32_t device, Attempt& a, SimTime at, Cause cause);
  // The device gives the attempt up for `reason`, and retries later unless no retry can cure it.
  void fail(std::uint32_t device, Cause reason);
  // The attempt's handshake record, ended at `end`: a success, or a failure for `failure`.
  void report(std::uint32_t device, const Attempt& a, SimTime end, Cause failure);
  // Frees what the parties held for an attempt whose message the air lost (nothing reads it again).
  void message_lost(Attempt& a);
  // The message in a.message crosses the air (and the backhaul or the phone) at `depart`; `kind` runs when
  // it arrives. A lost message frees the attempt's state at once (message_lost); the device's handshake timeout
  // ends the attempt.
  void send_to_server(std::uint32_t device, Attempt& a, SimTime depart, Kind kind);
  void send_to_device(std::uint32_t device, Attempt& a, SimTime depart, Kind kind);
  void send(std::uint32_t device, Attempt& a, SimTime depart, Kind kind, bool to_device);

  TwinContext& ctx_;
  std::function<void(std::uint32_t)> on_registered_;
  std::unordered_map<std::uint32_t, std::unique_ptr<Attempt>> attempts_;
  SlotMap<LinkState> links_;
};

}  // namespace st::models
