#include "sim/api/device_directory.hpp"

#include <algorithm>
#include <cctype>

#include "models/lifecycle/uplink_payload.hpp"
#include "sim/aws/aws_ids.hpp"

namespace st::api {

DeviceDirectory::DeviceDirectory(metrics::MetricsSink& inner, std::uint64_t seed,
                                 const std::vector<models::DeviceTypeConfig>& types)
    : ForwardingSink(inner), seed_(seed) {
  std::uint32_t first = 0;
  for (const auto& t : types) {
    reports_.push_back(t.traffic.report);
    first_of_type_.push_back(first);
    first += t.count + t.reserve;
  }
}

void DeviceDirectory::transition(const metrics::TransitionRecord& r) {
  ForwardingSink::transition(r);
  auto it = entries_.find(r.device);
  if (it == entries_.end()) {
    if (r.to == metrics::FleetState::Rejected || r.to == metrics::FleetState::None) return;  // AWS never had it
    DirectoryEntry e;
    e.device = r.device;
    e.device_type = r.device_type;
    std::copy(r.smsn.begin(), r.smsn.end(), e.smsn.begin());
    e.id = aws::resource_uuid(seed_, "WirelessDevice", r.smsn);
    by_id_.emplace(e.id, r.device);
    by_smsn_.emplace(aws::upper_hex(r.smsn), r.device);
    order_.push_back(r.device);
    it = entries_.emplace(r.device, std::move(e)).first;
  }
  it->second.state = r.to;
  if (r.to == metrics::FleetState::Registered) it->second.uplink_since_registration = false;
}

void DeviceDirectory::application_uplink(const metrics::ApplicationUplinkRecord& r) {
  ForwardingSink::application_uplink(r);
  const auto it = entries_.find(r.device);
  if (it == entries_.end()) return;
  DirectoryEntry& e = it->second;
  e.last_uplink = r.time;
  e.uplink_since_registration = true;
  if (reports_[r.device_type] && r.payload.size() >= 6 && r.payload[0] == models::kReportFormat)
    e.battery = r.payload[5];
}

void DeviceDirectory::radio_frame(const metrics::RadioFrameRecord& r) {
  ForwardingSink::radio_frame(r);
  if (!r.uplink || r.outcome != models::FrameOutcome::Received) return;
  const auto it = entries_.find(r.device);
  if (it != entries_.end()) it->second.rssi_dbm = r.rssi_dbm;
}

void DeviceDirectory::downlink_status(const metrics::DownlinkStatusRecord& r) {
  ForwardingSink::downlink_status(r);
  const auto q = queued_.find(r.device);
  if (q == queued_.end()) return;
  const auto m = std::find_if(q->second.begin(), q->second.end(),
                              [&](const QueuedMessage& x) { return x.message == r.message; });
  if (m == q->second.end()) return;
  q->second.erase(m);
  if (q->second.empty()) queued_.erase(q);
}

const DirectoryEntry* DeviceDirectory::device(std::uint32_t index) const {
  const auto it = entries_.find(index);
  return it == entries_.end() ? nullptr : &it->second;
}

const DirectoryEntry* DeviceDirectory::by_id(std::string_view wireless_device_id) const {
  const auto it = by_id_.find(std::string(wireless_device_id));
  return it == by_id_.end() ? nullptr : device(it->second);
}

const DirectoryEntry* DeviceDirectory::by_smsn(std::string_view smsn_hex) const {
  std::string upper(smsn_hex);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto it = by_smsn_.find(upper);
  return it == by_smsn_.end() ? nullptr : device(it->second);
}

const std::deque<QueuedMessage>* DeviceDirectory::queued(std::uint32_t device) const {
  const auto it = queued_.find(device);
  return it == queued_.end() ? nullptr : &it->second;
}

}  // namespace st::api
