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
  out_ << "device,smsn,type,x_m,y_m,home_ble,home_fsk,home_css,uplinks_sent,uplinks_delivered,uplinks_rejected,"
          "uplinks_dropped,frames_up,frames_down";
  for (std::size_t o = 0; o < models::kFrameOutcomeCount; ++o)
    out_ << ",frames_" << models::to_string(static_cast<models::FrameOutcome>(o));
  out_ << ",charge_mah,battery_used_pct\n";
}

void DevicesCsv::traffic(const metrics::TrafficRecord& r) {
  tallies_.traffic(r);
  ForwardingSink::traffic(r);
}

void DevicesCsv::uplink_fate(const metrics::UplinkFateRecord& r) {
  tallies_.uplink_fate(r);
  ForwardingSink::uplink_fate(r);
}

void DevicesCsv::radio_frame(const metrics::RadioFrameRecord& r) {
  tallies_.radio_frame(r);
  ForwardingSink::radio_frame(r);
}

void DevicesCsv::battery(const metrics::BatteryRecord& r) {
  tallies_.battery(r);
  ForwardingSink::battery(r);
}

void DevicesCsv::device_energy(const metrics::DeviceEnergyRecord& r) {
  tallies_.device_energy(r);
  ForwardingSink::device_energy(r);
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
  const DeviceTallies::Device& t = tallies_.of(r.device);
  out_ << ',' << t.uplinks_sent << ',' << t.uplinks_delivered << ',' << t.uplinks_rejected << ',' << t.uplinks_dropped
       << ',' << t.frames_up << ',' << t.frames_down;
  for (const std::uint32_t n : t.frames_by_outcome) out_ << ',' << n;
  // Charge in mAh (1 uC = 1e-3 mAs = 1e-3 / 3600 mAh), and the share of its battery it used (empty: mains power,
  // or no physical layer).
  char energy[64];
  const double mah = t.charge_uc / 3.6e6;
  const double capacity = tallies_.capacity_mah(r.device_type);
  if (capacity > 0) std::snprintf(energy, sizeof energy, ",%.6f,%.3f", mah, 100.0 * mah / capacity);
  else std::snprintf(energy, sizeof energy, ",%.6f,", mah);
  out_ << energy << '\n';
}

void DevicesCsv::close() {
  out_.close();
  if (!out_) throw std::runtime_error("cannot write " + path_);
}

}  // namespace st::output
