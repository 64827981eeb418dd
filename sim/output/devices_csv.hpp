// DevicesCsv: writes devices.csv (docs/outputs.md) from the end-of-run device records that pass on their way to
// the rest of the sinks: each device's index, SMSN, type, position and home gateway per link (the gateway's index
// in gateways.csv).
#pragma once
#include <fstream>
#include <string>
#include <vector>

#include "sim/metrics/metrics_sink.hpp"

namespace st::output {

class DevicesCsv : public metrics::ForwardingSink {
 public:
  // Opens `path` (throws std::runtime_error naming it when it cannot be written).
  DevicesCsv(metrics::MetricsSink& inner, const std::string& path, std::vector<std::string> device_type_names);

  void device_final(const metrics::DeviceFinalRecord& r) override;
  // Flushes and closes the file (throws when it could not be written whole).
  void close();

 private:
  std::ofstream out_;
  std::string path_;
  std::vector<std::string> type_names_;
};

}  // namespace st::output
