// UplinkPayload: the bytes a device's application sends in an uplink. By default a report a backend can decode
// (docs/outputs.md, "Uplink payload"): format 0x01, the uplink's counter (4 bytes, big-endian), the battery level
// in percent (255: mains powered), then zeros up to the type's payload size (cut short when the size is smaller).
// With traffic.report false: random bytes from the device's stream.
#pragma once
#include <algorithm>
#include <cstdint>

#include "models/base/device_type_config.hpp"
#include "models/security/bytes.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models {

inline constexpr std::uint8_t kReportFormat = 0x01;
inline constexpr std::uint8_t kMainsPowered = 255;

// The battery level in percent of a device that has drawn `drawn_uc` from `battery_mah` (0: mains powered).
inline std::uint8_t battery_percent(double battery_mah, double drawn_uc) {
  if (battery_mah <= 0) return kMainsPowered;
  const double left = 1.0 - drawn_uc / (battery_mah * 3.6e6);  // 1 mAh = 3.6 C
  return static_cast<std::uint8_t>(std::clamp(left, 0.0, 1.0) * 100.0 + 0.5);
}

inline security::Bytes uplink_payload(const TrafficConfig& traffic, std::uint32_t counter, std::uint8_t battery,
                                      RandomStream& rng) {
  security::Bytes payload(traffic.payload_bytes);
  if (!traffic.report) {
    for (auto& b : payload) b = static_cast<std::uint8_t>(rng.next_u64());
    return payload;
  }
  const std::uint8_t report[6] = {kReportFormat,
                                  static_cast<std::uint8_t>(counter >> 24),
                                  static_cast<std::uint8_t>(counter >> 16),
                                  static_cast<std::uint8_t>(counter >> 8),
                                  static_cast<std::uint8_t>(counter),
                                  battery};
  std::copy_n(report, std::min<std::size_t>(payload.size(), sizeof report), payload.begin());
  return payload;
}

}  // namespace st::models
