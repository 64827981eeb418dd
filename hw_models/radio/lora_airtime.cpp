// LoRa (CSS) time on air after Semtech AN1200.13, computed in quarter symbols so that it is exact.
#include "hw_models/radio/lora_airtime.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

namespace st::hw {

namespace {
constexpr double kLdroSymbolThresholdS = 16e-3;  // DE = 1 above a 16 ms symbol [D, sidewalk.md §6.1]

struct CssRate {
  std::string_view name;
  unsigned sf;
  unsigned coding_rate;
};
// Sidewalk CSS rates, all 500 kHz [D, sidewalk.md §1.3]. The 12.5 kbps mode is documented as
// long-interleaved; its time on air is modelled with the standard formula (as the examples of docs/sidewalk.md §6.1 are) [E].
// "22kbps" is the documented name of SF7 CR4/6, whose raw bit rate is 18.2 kbps [D name, sidewalk.md §1.3].
constexpr std::array<CssRate, 3> kCssRates = {{
    {"2kbps", 11, 1},
    {"12.5kbps", 8, 1},
    {"22kbps", 7, 2},
}};
}  // namespace

void check_lora(const LoraParams& p, unsigned payload_bytes) {
  if (p.sf < 7 || p.sf > 12) {
    throw std::invalid_argument("LoRa spreading factor " + std::to_string(p.sf) + " is outside 7..12");
  }
  if (p.coding_rate < 1 || p.coding_rate > 4) {
    throw std::invalid_argument("LoRa coding rate " + std::to_string(p.coding_rate) +
                                " is outside 1..4 (4/5..4/8)");
  }
  if (!(p.bandwidth_hz > 0)) throw std::invalid_argument("LoRa bandwidth must be positive");
  if (payload_bytes > kLoraMaxPayloadBytes) {
    throw std::invalid_argument("LoRa payload " + std::to_string(payload_bytes) + " B is too large (max " +
                                std::to_string(kLoraMaxPayloadBytes) + " B)");
  }
}

double lora_symbol_time_s(const LoraParams& p) {
  check_lora(p, 0);
  return std::ldexp(1.0, static_cast<int>(p.sf)) / p.bandwidth_hz;
}

bool lora_low_data_rate_optimize(const LoraParams& p) {
  if (p.low_data_rate_optimize) return *p.low_data_rate_optimize;
  return lora_symbol_time_s(p) > kLdroSymbolThresholdS;
}

unsigned lora_payload_symbols(const LoraParams& p, unsigned payload_bytes) {
  check_lora(p, payload_bytes);
  const long de = lora_low_data_rate_optimize(p) ? 1 : 0;
  const long ih = p.explicit_header ? 0 : 1;
  const long crc = p.crc ? 1 : 0;
  const long sf = static_cast<long>(p.sf);
  const long num = 8L * payload_bytes - 4 * sf + 28 + 16 * crc - 20 * ih;
  const long den = 4 * (sf - 2 * de);
  const long blocks = num > 0 ? (num + den - 1) / den : 0;  // ceil for positive, max(., 0) otherwise
  return static_cast<unsigned>(8 + blocks * (static_cast<long>(p.coding_rate) + 4));
}

namespace {
// Preamble (Npre + 4.25) plus payload symbols, counted in quarter symbols.
std::uint64_t quarter_symbols(const LoraParams& p, unsigned payload_bytes) {
  return 4ULL * p.preamble_symbols + 17 + 4ULL * lora_payload_symbols(p, payload_bytes);
}
}  // namespace

double lora_time_on_air_s(const LoraParams& p, unsigned payload_bytes) {
  return static_cast<double>(quarter_symbols(p, payload_bytes)) / 4.0 * lora_symbol_time_s(p);
}

SimTime lora_time_on_air(const LoraParams& p, unsigned payload_bytes) {
  // quarter symbols * 2^SF * 1e9 / (4 BW): an integer number of ns for the usual bandwidths.
  const double q = static_cast<double>(quarter_symbols(p, payload_bytes));
  const double ns = q * std::ldexp(1.0, static_cast<int>(p.sf)) * 1e9 / (4.0 * p.bandwidth_hz);
  return static_cast<SimTime>(std::llround(ns));
}

std::optional<LoraParams> sidewalk_css_rate(std::string_view name) {
  for (const CssRate& r : kCssRates) {
    if (r.name == name) {
      LoraParams p;
      p.sf = r.sf;
      p.coding_rate = r.coding_rate;
      return p;
    }
  }
  return std::nullopt;
}

std::string known_css_rates() {
  std::string out;
  for (const CssRate& r : kCssRates) {
    if (!out.empty()) out += ", ";
    out += r.name;
  }
  return out;
}

}  // namespace st::hw
