// FSK time on air: Sidewalk's 900 MHz GFSK frame (preamble, sync word, PHR, payload, FCS) sent at a bit
// rate (docs/sidewalk.md §1.2 and §6.2: 160 us per byte at 50 kbps).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "sim/kernel/sim_time.hpp"

namespace st::hw {

// Largest PHY payload (PSDU: application payload plus FCS; the PHR is not counted), bytes [D, sidewalk.md §1.2].
inline constexpr unsigned kFskMaxPhyPayloadBytes = 255;

struct FskParams {
  double bitrate_bps = 50e3;      // 50e3, 150e3 or 250e3 [D, sidewalk.md §1.2]
  unsigned preamble_bytes = 8;    // [E] (802.15.4g SUN-FSK style; settable)
  unsigned sync_word_bytes = 3;   // [E]
  unsigned phr_bytes = 2;         // [D, sidewalk.md §1.2]
  unsigned fcs_bytes = 4;         // [D, sidewalk.md §1.2] 4 or 2
};

// The largest application payload: 255 - FCS (251 with a 4-byte FCS, 253 with a 2-byte one) [D, sidewalk.md §1.2].
unsigned fsk_max_payload_bytes(const FskParams& p);
// Bytes on air: preamble + sync + PHR + payload + FCS.
unsigned fsk_frame_bytes(const FskParams& p, unsigned payload_bytes);
// Time on air in seconds: frame bytes * 8 / bit rate.
double fsk_time_on_air_s(const FskParams& p, unsigned payload_bytes);
// The same, rounded to the nearest nanosecond.
SimTime fsk_time_on_air(const FskParams& p, unsigned payload_bytes);
// Throws std::invalid_argument naming the problem: a non-positive bit rate, an FCS over 255 bytes or a
// payload over fsk_max_payload_bytes(). Every function above checks this.
void check_fsk(const FskParams& p, unsigned payload_bytes);

// A Sidewalk FSK rate by name ("50kbps", "150kbps", "250kbps") with the default framing, or nullopt.
std::optional<FskParams> sidewalk_fsk_rate(std::string_view name);
// The names sidewalk_fsk_rate() knows, for messages.
std::string known_fsk_rates();

}  // namespace st::hw
