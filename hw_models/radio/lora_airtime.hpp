// LoRa (CSS) time on air: the Semtech AN1200.13 formula, and the Sidewalk CSS rates (docs/sidewalk.md §1.3 and
// §6.1).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "sim/kernel/sim_time.hpp"

namespace st::hw {

// Largest LoRa payload the SX126x FIFO holds, bytes [D, sidewalk.md §5.1].
inline constexpr unsigned kLoraMaxPayloadBytes = 255;

struct LoraParams {
  unsigned sf = 11;                // spreading factor, 7..12 (the AN1200.13 formula; SX1262 SF5/6 differ)
  double bandwidth_hz = 500e3;     // Sidewalk CSS is always 500 kHz [D, sidewalk.md §1.3]
  unsigned coding_rate = 1;        // 4/5..4/8 -> 1..4
  unsigned preamble_symbols = 8;
  bool explicit_header = true;
  bool crc = true;
  // Low data rate optimisation (DE): nullopt = automatic (on when the symbol time exceeds 16 ms).
  std::optional<bool> low_data_rate_optimize;
};

// Tsym = 2^SF / BW, in seconds.
double lora_symbol_time_s(const LoraParams& p);
// DE: the override when set, otherwise Tsym > 16 ms.
bool lora_low_data_rate_optimize(const LoraParams& p);
// Npay = 8 + max(ceil((8PL - 4SF + 28 + 16CRC - 20IH) / (4(SF - 2DE))) * (CR + 4), 0).
unsigned lora_payload_symbols(const LoraParams& p, unsigned payload_bytes);
// ToA = (Npre + 4.25 + Npay) * Tsym, in seconds.
double lora_time_on_air_s(const LoraParams& p, unsigned payload_bytes);
// The same, rounded to the nearest nanosecond (exact for 500/250/125 kHz).
SimTime lora_time_on_air(const LoraParams& p, unsigned payload_bytes);
// Throws std::invalid_argument naming the problem: SF outside 7..12, coding rate outside 1..4, a
// non-positive bandwidth or a payload over kLoraMaxPayloadBytes. Every function above checks this.
void check_lora(const LoraParams& p, unsigned payload_bytes);

// A Sidewalk CSS rate by name ("2kbps" = SF11 CR4/5, "12.5kbps" = SF8 CR4/5, "22kbps" = SF7 CR4/6, all at
// 500 kHz, 8-symbol preamble, explicit header, CRC [D, sidewalk.md §1.3]), or nullopt for an unknown name.
std::optional<LoraParams> sidewalk_css_rate(std::string_view name);
// The names sidewalk_css_rate() knows, for messages: "2kbps, 12.5kbps, 22kbps".
std::string known_css_rates();

}  // namespace st::hw
