#include "sim/output/devices_csv.hpp"

#include <cstdio>
#include <stdexcept>
#include <utility>

#include "models/security/bytes.hpp"

namespace st::output {

DevicesCsv::DevicesCsv(metrics::MetricsSink& inner, const std::string& path,
                       std::vector<std::string> device_type_names)
    : ForwardingSink(inner), out_(path, std::ios::binary | std::ios::trunc), path_(path),
      type_names_(std::move(device_type_names)) {
  if (!out_) throw std::runtime_error("cannot write " + path);
  out_ << "device,smsn,type,x_m,y_m,home_ble,home_fsk,home_css\n";
}

void DevicesCsv::device_final(const metrics::DeviceFinalRecord& r) {
  ForwardingSink::device_final(r);
  bool made = false;
  for (const std::uint8_t b : r.smsn) made = made || b != 0;
  out_ << r.device << ',' << (made ? security::to_hex(r.smsn) : std::string()) << ',' << type_names_.at(r.device_type);
  if (r.placed) {
    char xy[64];
    std::snprintf(xy, sizeof xy, ",%.1f,%.1f", r.x_m, r.y_m);
    out_ << xy;
    for (const std::uint32_t g : r.home) {
      out_ << ',';
      if (g != metrics::DeviceFinalRecord::kNoGateway) out_ << g;
    }
  } else {
    out_ << ",,,,,";
  }
  out_ << '\n';
}

void DevicesCsv::close() {
  out_.close();
  if (!out_) throw std::runtime_error("cannot write " + path_);
}

}  // namespace st::output
