// UplinkMessages: the one fate of every uplink message a device queues, for the run's ledger. A message is open
// from the moment the device queues it until it has left the device's outbox and no copy of it is on its way from
// the network server to the application server; then it is closed with one UplinkFateRecord: delivered if any copy
// reached the application server, else rejected if the cloud refused it, else dropped with the cause that took it.
#pragma once
#include <cstddef>
#include <cstdint>

#include "models/base/cause.hpp"
#include "models/base/report_kinds.hpp"
#include "models/lifecycle/slot_map.hpp"
#include "sim/kernel/sim_time.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::models {

class UplinkMessages {
 public:
  explicit UplinkMessages(metrics::MetricsSink& sink) : sink_(sink) {}

  // A message the device just queued: its serial (never 0).
  std::uint32_t open(std::uint32_t device, std::uint16_t device_type);
  // A copy passed the network server and is on its way to the application server.
  void forwarded(std::uint32_t message);
  // A forwarded copy's end at the destination or the application server: Delivered, Duplicate, Rejected (with the
  // refusing cause) or Dropped (DestinationFull).
  void copy_ended(SimTime now, std::uint32_t message, TrafficOutcome outcome, Cause cause);
  // The network server refused a copy and told the device (a NACK): the cloud will not take the message.
  void refused(std::uint32_t message, Cause cause);
  // The message left the device's outbox: answered (acknowledged or refused), or given up for `cause` (queue full,
  // TTL, de-registration, keys wiped).
  void answered(SimTime now, std::uint32_t message);
  void given_up(SimTime now, std::uint32_t message, Cause cause);

  // Messages not closed yet: still queued on a device, or a copy on its way.
  std::size_t open_count() const { return open_.size(); }

 private:
  struct Open {
    std::uint32_t device = 0;
    std::uint16_t device_type = 0;
    std::uint16_t copies = 0;          // forwarded copies not yet ended at the application server
    bool in_outbox = true;
    TrafficOutcome fate = TrafficOutcome::Sent;  // Sent: none yet
    Cause cause = Cause::None;
  };
  void settle(SimTime now, std::uint32_t message, Open& m);  // closes it when nothing of it is left anywhere
  static void prefer(Open& m, TrafficOutcome outcome, Cause cause);  // delivered beats rejected beats dropped

  metrics::MetricsSink& sink_;
  SlotMap<Open> open_;
  std::uint32_t next_ = 0;
};

}  // namespace st::models
