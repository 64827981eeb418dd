// DeviceDirectory: what the API answers about devices, kept from the run's records as they pass (a sink in the
// record chain, like the outputs): every device AWS knows (from its first transition: it was provisioned), in the
// order it appeared, with its state, last uplink, battery and RSSI, and the developer's downlinks still queued.
// Simulation thread only.
#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/base/device_type_config.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::api {

// A downlink the developer sent that has not come to its end yet (ListQueuedMessages).
struct QueuedMessage {
  std::uint32_t message = 0;  // the run's serial
  std::string message_id;     // the MessageId SendDataToWirelessDevice answered
  int transmit_mode = 0;
  std::uint32_t seq = 0;      // WirelessMetadata.Sidewalk.Seq
  SimTime received = 0;
};

struct DirectoryEntry {
  std::uint32_t device = 0;  // the device's index in the run (events.jsonl's "device")
  std::uint16_t device_type = 0;
  std::array<std::uint8_t, 32> smsn{};
  std::string id;            // WirelessDeviceId
  metrics::FleetState state = metrics::FleetState::None;
  bool uplink_since_registration = false;  // Status ACTIVATED
  std::optional<SimTime> last_uplink;      // the last uplink that reached the application server
  std::optional<std::uint8_t> battery;     // percent from its last report (255: mains powered)
  std::optional<double> rssi_dbm;          // of its last uplink frame a gateway received (physical layer)
};

class DeviceDirectory : public metrics::ForwardingSink {
 public:
  DeviceDirectory(metrics::MetricsSink& inner, std::uint64_t seed, const std::vector<models::DeviceTypeConfig>& types);

  void transition(const metrics::TransitionRecord& r) override;
  bool wants_payloads() const override { return true; }
  void application_uplink(const metrics::ApplicationUplinkRecord& r) override;
  void radio_frame(const metrics::RadioFrameRecord& r) override;
  void downlink_status(const metrics::DownlinkStatusRecord& r) override;

  // Devices in the order AWS learnt of them.
  std::size_t size() const { return order_.size(); }
  const DirectoryEntry& at(std::size_t position) const { return entries_.at(order_[position]); }
  const DirectoryEntry* device(std::uint32_t index) const;
  const DirectoryEntry* by_id(std::string_view wireless_device_id) const;
  const DirectoryEntry* by_smsn(std::string_view smsn_hex) const;  // either case
  // The index of a device within its type (its DSN's number).
  std::uint32_t index_in_type(const DirectoryEntry& e) const { return e.device - first_of_type_[e.device_type]; }

  void queue(std::uint32_t device, QueuedMessage m) { queued_[device].push_back(std::move(m)); }
  const std::deque<QueuedMessage>* queued(std::uint32_t device) const;

 private:
  std::uint64_t seed_;
  std::vector<bool> reports_;  // per type: its payloads are reports (battery inside)
  std::vector<std::uint32_t> first_of_type_;
  std::unordered_map<std::uint32_t, DirectoryEntry> entries_;  // by device index
  std::vector<std::uint32_t> order_;
  std::unordered_map<std::string, std::uint32_t> by_id_, by_smsn_;  // WirelessDeviceId, upper-case SMSN hex
  std::map<std::uint32_t, std::deque<QueuedMessage>> queued_;
};

}  // namespace st::api
