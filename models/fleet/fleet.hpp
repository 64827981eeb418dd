// Fleet: the container of every device record of a run, with per-type index ranges and the observed
// state of each device kept in step with the metrics sink.
#pragma once
#include <cstdint>
#include <vector>

#include "models/fleet/device_record.hpp"
#include "models/base/device_type_config.hpp"
#include "sim/kernel/random_stream.hpp"
#include "sim/metrics/metrics_sink.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models {

class Fleet {
 public:
  Fleet(const std::vector<DeviceTypeConfig>& types, std::uint64_t seed, metrics::MetricsSink& sink);

  std::uint32_t size() const { return static_cast<std::uint32_t>(devices_.size()); }
  // Devices made so far: through manufacturing and provisioning, into a visible state (created or rejected).
  std::uint32_t made() const { return made_; }
  DeviceRecord& operator[](std::uint32_t i) { return devices_[i]; }
  const DeviceRecord& operator[](std::uint32_t i) const { return devices_[i]; }
  const DeviceTypeConfig& type(std::uint16_t t) const { return types_[t]; }
  const DeviceTypeConfig& type_of(std::uint32_t device) const { return types_[devices_[device].device_type]; }
  std::uint16_t type_count() const { return static_cast<std::uint16_t>(types_.size()); }
  std::uint32_t first_of_type(std::uint16_t t) const { return first_[t]; }
  std::uint32_t end_of_type(std::uint16_t t) const { return first_[t + 1u]; }
  std::uint32_t index_in_type(std::uint32_t device) const { return device - first_[devices_[device].device_type]; }

  // The device's own random stream; commit() stores its position back into the record.
  RandomStream stream(std::uint32_t device) const {
    return RandomStream(seed_, device, devices_[device].rng_position);
  }
  void commit(std::uint32_t device, const RandomStream& rng) {
    devices_[device].rng_position = static_cast<std::uint32_t>(rng.position());
  }

  // Move a device to a phase, reporting the visible transition (if any) to the sink with its cause.
  void set_phase(std::uint32_t device, Phase phase, SimTime now, Cause cause);
  // Report that `actor` refused `what` of the device at `now` for `cause`.
  void report_refusal(std::uint32_t device, SimTime now, Actor actor, Refused what, Cause cause) const;
  // The device moved from one of its links to another while `use` (a link_switch notice).
  void report_link_switch(std::uint32_t device, SimTime now, LinkType from, LinkType to, LinkSwitchCause cause) const;
  static metrics::FleetState visible_of(Phase p);

 private:
  std::vector<DeviceTypeConfig> types_;
  std::vector<std::uint32_t> first_;
  HugePageVector<DeviceRecord> devices_;
  std::uint64_t seed_;
  metrics::MetricsSink& sink_;
  std::uint32_t made_ = 0;
};

}  // namespace st::models
