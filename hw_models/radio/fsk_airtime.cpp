// FSK time on air: frame bytes times 8 over the bit rate, with the 255-byte PHY payload limit.
#include "hw_models/radio/fsk_airtime.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

namespace st::hw {

namespace {
struct FskRate {
  std::string_view name;
  double bitrate_bps;
};
// GFSK rates [D, sidewalk.md §1.2]: 50 kbps (deviation 25 kHz), 150 kbps (37.5 kHz), 250 kbps (62.5 kHz).
constexpr std::array<FskRate, 3> kFskRates = {{
    {"50kbps", 50e3},
    {"150kbps", 150e3},
    {"250kbps", 250e3},
}};
}  // namespace

void check_fsk(const FskParams& p, unsigned payload_bytes) {
  if (!(p.bitrate_bps > 0)) throw std::invalid_argument("FSK bit rate must be positive");
  if (p.fcs_bytes > kFskMaxPhyPayloadBytes) {
    throw std::invalid_argument("FSK FCS of " + std::to_string(p.fcs_bytes) + " B exceeds the PHY payload");
  }
  const unsigned max = fsk_max_payload_bytes(p);
  if (payload_bytes > max) {
    throw std::invalid_argument("FSK payload " + std::to_string(payload_bytes) + " B is too large (max " +
                                std::to_string(max) + " B with a " + std::to_string(p.fcs_bytes) +
                                "-byte FCS)");
  }
}

unsigned fsk_max_payload_bytes(const FskParams& p) {
  return p.fcs_bytes >= kFskMaxPhyPayloadBytes ? 0 : kFskMaxPhyPayloadBytes - p.fcs_bytes;
}

unsigned fsk_frame_bytes(const FskParams& p, unsigned payload_bytes) {
  check_fsk(p, payload_bytes);
  return p.preamble_bytes + p.sync_word_bytes + p.phr_bytes + payload_bytes + p.fcs_bytes;
}

double fsk_time_on_air_s(const FskParams& p, unsigned payload_bytes) {
  return static_cast<double>(fsk_frame_bytes(p, payload_bytes)) * 8.0 / p.bitrate_bps;
}

SimTime fsk_time_on_air(const FskParams& p, unsigned payload_bytes) {
  const double ns = static_cast<double>(fsk_frame_bytes(p, payload_bytes)) * 8.0 * 1e9 / p.bitrate_bps;
  return static_cast<SimTime>(std::llround(ns));
}

std::optional<FskParams> sidewalk_fsk_rate(std::string_view name) {
  for (const FskRate& r : kFskRates) {
    if (r.name == name) {
      FskParams p;
      p.bitrate_bps = r.bitrate_bps;
      return p;
    }
  }
  return std::nullopt;
}

std::string known_fsk_rates() {
  std::string out;
  for (const FskRate& r : kFskRates) {
    if (!out.empty()) out += ", ";
    out += r.name;
  }
  return out;
}

}  // namespace st::hw
