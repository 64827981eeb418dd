// DevicesCsv: writes devices.csv (docs/outputs.md) from the records that pass on their way to the rest of the
// sinks: each device's index, SMSN, type, position and home gateway per link (the gateway's index in gateways.csv)
// from its end-of-run record, and what it did over the run (DeviceTallies).
#pragma once
#include <fstream>
#include <string>
#include <vector>

#include "sim/metrics/metrics_sink.hpp"
#include "sim/output/device_tallies.hpp"

namespace st::output {

class DevicesCsv : public metrics::ForwardingSink {
 public:
  // Opens `path` (throws std::runtime_error naming it when it cannot be written).
  DevicesCsv(metrics::MetricsSink& inner, const std::string& path, std::vector<std::string> device_type_names);

  void traffic(const metrics::TrafficRecord& r) override;
  void uplink_fate(const metrics::UplinkFateRecord& r) override;
  void radio_frame(const metrics::RadioFrameRecord& r) override;
  void battery(const metrics::BatteryRecord& r) override;
  void device_energy(const metrics::DeviceEnergyRecord& r) override;
  void device_final(const metrics::DeviceFinalRecord& r) override;
  // Flushes and closes the file (throws when it could not be written whole).
  void close();

 private:
  std::ofstream out_;
  std::string path_;
  std::vector<std::string> type_names_;
  DeviceTallies tallies_;
};

}  // namespace st::output
