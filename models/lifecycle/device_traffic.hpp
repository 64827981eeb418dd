// DeviceTraffic: application uplinks and downlinks of registered devices through both security layers.
// The device queues uplinks (within its limit and TTL) and retransmits until acknowledged, on the next of its links
// when one fails (UplinkLinks); the network server opens the network layer, checks revocation and forwards through
// the cloud partner's destination to the application server, which opens the application layer and may answer with
// a downlink, on the link of the device's last uplink that reached the network server.
#pragma once
#include <cstdint>
#include <utility>

#include <boost/container/small_vector.hpp>

#include "models/lifecycle/developer_downlinks.hpp"
#include "models/lifecycle/frame_pool.hpp"
#include "models/lifecycle/slot_map.hpp"
#include "models/lifecycle/twin_context.hpp"
#include "models/lifecycle/uplink_links.hpp"
#include "models/lifecycle/uplink_messages.hpp"

namespace st::models {

class DeviceTraffic : public EventHandler {
 public:
  enum Kind : std::uint16_t {
    kUplinkDue, kTransmit, kUplinkAtServer, kUplinkAtApp, kAckAtDevice, kNackAtDevice, kAckTimeout,
    kDownlinkAtDevice, kUplinkLost, kDownlinkLost,
    kUplinkLinkFailed  // the uplink's link gave it up (its retries spent): the device knows
  };
  static constexpr SimTime kReplayDelay = 30 * kSecond;  // how long an adversary waits before replaying

  explicit DeviceTraffic(TwinContext& ctx) : ctx_(ctx), links_(ctx), developer_(ctx), messages_(ctx.sink) {}

  // Begin periodic uplinks of a device that just registered.
  void start(std::uint32_t device);
  // Drop everything the device still has queued (de-registration), counted under `cause`.
  void flush(std::uint32_t device, Cause cause);
  std::size_t frames_in_flight_capacity() const { return frames_.capacity(); }
  // The developer's own downlinks (SendDataToWirelessDevice), sent in the device's receive windows.
  DeveloperDownlinks& developer_downlinks() { return developer_; }
  const DeveloperDownlinks& developer_downlinks() const { return developer_; }
  // Uplink messages still somewhere, counted from where they are (queued in an outbox, or a copy between the
  // network server and the application server), not from UplinkMessages: the ledger's "in flight" to check.
  std::size_t messages_in_flight() const;

  void on_event(const CalendarEntry& e) override;

 private:
  static constexpr std::uint8_t kNoLink = 0xFF;  // no link was in reach for the transmission
  struct Queued {
    SimTime at;             // when the device queued it
    std::uint32_t message;  // its serial (UplinkMessages)
  };
  struct Outbox {
    // The messages, head first; inline room for the usual one or two (no allocation per uplink).
    boost::container::small_vector<Queued, 2> queued;
    std::uint32_t in_flight = 0;    // serial of the transmission awaiting its ack (0: none)
    std::uint8_t backoff = 0;
    std::uint8_t link = kNoLink;    // index of the in-flight transmission's link in the type's list
    // The head message sealed under the application key once: retransmissions carry the same inner
    // frame (so the application server can tell a duplicate), each in a fresh network-layer frame.
    security::Bytes head_inner;
    // Empty again, keeping the queue's and the frame's capacity (a pooled outbox is reused).
    void clear() {
      queued.clear();
      in_flight = 0;
      backoff = 0;
      link = kNoLink;
      head_inner.clear();
    }
  };
  void uplink_due(std::uint32_t device, std::uint16_t generation);
  void transmit(std::uint32_t device);
  void uplink_at_server(std::uint32_t slot);
  void uplink_at_app(std::uint32_t slot, bool buffered);
  void acknowledged(std::uint32_t device, std::uint32_t serial);
  void ack_timeout(std::uint32_t device, std::uint32_t serial);
  // The in-flight uplink of frame `slot` failed on its link: sent again at once on the next link, if there is one.
  void link_failed(std::uint32_t slot);
  void downlink_at_device(std::uint32_t slot);
  void send_downlink(std::uint32_t device, SimTime at);
  // A refusal of an uplink copy of `message` (0: a downlink), by an adversary's frame or the device's own.
  void reject(std::uint32_t device, Actor actor, Direction direction, Cause cause, std::uint32_t message = 0,
              bool attacker = false);
  void count(std::uint32_t device, Direction direction, TrafficOutcome outcome, Cause cause,
             std::uint32_t message = 0, bool attacker = false);
  // The device gives up the queued message at `index` for `cause` (counted as dropped).
  void give_up(std::uint32_t device, Outbox& box, std::size_t index, Cause cause);
  void answer_device(std::uint32_t slot, SimTime at, Kind kind);
  // Whether the cloud takes the device's uplinks now (Cause::None), or why not and which actor refuses them: the
  // network server's rule (revocations) first, then the cloud partner's (the developer's permission).
  std::pair<Actor, Cause> refusal_of(std::uint32_t device) const;
  // A frame slot crosses the air on its link: uplink (device -> network server) or downlink (network server ->
  // device).
  void send_frame(std::uint32_t slot, MessageClass cls, SimTime depart, Kind arrived, Kind lost, bool uplink);

  TwinContext& ctx_;
  SlotMap<Outbox> outboxes_;  // devices with uplinks queued or on the air
  UplinkLinks links_;
  FramePool frames_;
  DeveloperDownlinks developer_;
  UplinkMessages messages_;
  std::uint32_t next_serial_ = 0;
};

}  // namespace st::models
