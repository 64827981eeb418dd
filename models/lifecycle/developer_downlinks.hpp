// DeveloperDownlinks: the downlinks a developer sends to a device through the API (SendDataToWirelessDevice).
// Queued at the cloud partner per device, sealed by the application server and sent in the device's next receive
// window (the answer to its next uplink that reaches the network server), on that uplink's link. Acknowledged
// mode: sent again in later windows until the device opens it or its retry duration ends; unacknowledged: sent
// once. Every message ends in one DownlinkStatusRecord: a success, or an error with its cause.
#pragma once
#include <cstdint>
#include <deque>
#include <map>

#include "models/lifecycle/frame_pool.hpp"
#include "models/lifecycle/twin_context.hpp"

namespace st::models {

struct DeveloperDownlink {
  std::uint32_t message = 0;  // the run's serial of the message
  security::Bytes payload;    // what the developer's application sends (before both security layers)
  bool acknowledged = false;  // TransmitMode 1: retried until the device has it
  SimTime received = 0;       // when the cloud took it (ListQueuedMessages' ReceivedAt)
  SimTime expires = 0;        // an error from then on, if it has not reached the device
  bool on_air = false;        // sent, its fate not known yet (acknowledged mode)
};

class DeveloperDownlinks : public EventHandler {
 public:
  enum Kind : std::uint16_t { kArrived, kLost, kExpired };

  explicit DeveloperDownlinks(TwinContext& ctx) : ctx_(ctx) {}

  // Takes a message for `device` now; it expires at m.expires.
  void queue(std::uint32_t device, DeveloperDownlink m);
  // The network server answers an uplink of the device at `at`: the device listens, the head message goes.
  void receive_window(std::uint32_t device, SimTime at);
  // Every queued message of the device ends in an error for `cause` (de-registration).
  void flush(std::uint32_t device, Cause cause);
  // The device's queued messages, oldest first (nullptr: none).
  const std::deque<DeveloperDownlink>* queued(std::uint32_t device) const;
  // Messages queued for every device (the ledger's "still queued" at the end of the run).
  std::size_t queued_count() const { return queued_count_; }

  void on_event(const CalendarEntry& e) override;

 private:
  void arrived(std::uint32_t slot);
  void lost(std::uint32_t slot);
  void expired(std::uint32_t device, std::uint32_t message);
  // Ends message `it` of the device's queue with a status record and removes it.
  void finish(std::uint32_t device, std::deque<DeveloperDownlink>::iterator it, bool success, Cause cause);
  void count(std::uint32_t device, TrafficOutcome outcome, Cause cause);

  TwinContext& ctx_;
  std::map<std::uint32_t, std::deque<DeveloperDownlink>> queues_;  // by device: few devices have any
  FramePool frames_;
  std::size_t queued_count_ = 0;
};

}  // namespace st::models
