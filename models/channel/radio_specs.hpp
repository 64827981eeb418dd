// Radio specs: the Sidewalk data rates of each link with receiver sensitivity, noise bandwidth and required SNR,
// the thermal noise floor, SNR/SINR, and the demodulation decision. [D] documented, [E] estimate (docs/sidewalk.md).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "models/channel/link_type.hpp"

namespace st::models::channel {

// One enum for every rate of every link; the index (0..7) is stable and matches kDataRates.
enum class DataRate : std::uint8_t {
  Css2k = 0,     // "2kbps"     LoRa SF11 CR4/5, 500 kHz
  Css12k5 = 1,   // "12.5kbps"  LoRa SF8 CR4/5 long interleave, 500 kHz
  Css22k = 2,    // "22kbps"    LoRa SF7 CR4/6, 500 kHz
  Fsk50k = 3,    // "50kbps"    GFSK, deviation 25 kHz
  Fsk150k = 4,   // "150kbps"   GFSK, deviation 37.5 kHz
  Fsk250k = 5,   // "250kbps"   GFSK, deviation 62.5 kHz
  Ble1M = 6,     // "1Mbps"     BLE LE 1M
  Ble2M = 7,     // "2Mbps"     BLE LE 2M
};
inline constexpr std::size_t kDataRateCount = 8;

struct RateSpec {
  DataRate rate;
  std::string_view name;      // as written in scenarios: "2kbps", "12.5kbps", ...
  LinkType link;
  double bitrate_bps;         // nominal
  double noise_bandwidth_hz;  // receiver (filter) bandwidth used for the noise floor
  double sensitivity_dbm;     // minimum RSSI
  double required_snr_db;     // minimum SNR (signal to noise + interference in noise_bandwidth_hz)
  std::uint8_t spreading_factor;  // LoRa only, else 0
};

// Sensitivities: SX1262 LoRa at 500 kHz SF7 -117, SF8 -120, SF11 -127 dBm [E: the datasheet's 125 kHz figures
// +6 dB with margin]; SX1262 GFSK 50/150/250 kbps -108/-103/-100 dBm [E]; nRF52840 BLE 1M -95, 2M -92 dBm
// [D, sidewalk.md §5.2]. Noise bandwidths: LoRa 500 kHz [D, sidewalk.md §1.3]; GFSK RX filters 117.3/234.3/467.0 kHz
// [E: the SX126x filters nearest 125/250/500 kHz; the public Sidewalk driver sets 156.2/312.0/467.0 kHz,
// sidewalk.md §1.2, which would raise the 50 and 150 kbps noise floors by 1.2 dB]; BLE 1/2 MHz [E].
// Required SNR: LoRa SF7 -7.5, SF8 -10, SF11 -17.5 dB [D, sidewalk.md §5.1]; FSK and
// BLE [E]: the sensitivity minus the noise floor at the default 6 dB noise figure, so that without interference
// the sensitivity is the binding threshold (rounded down to 0.1 dB: FSK 9.3/11.3/11.3 dB, BLE 12.9/12.9 dB).
inline constexpr std::array<RateSpec, kDataRateCount> kDataRates{{
    {DataRate::Css2k, "2kbps", LinkType::Css, 2'000, 500e3, -127.0, -17.5, 11},
    {DataRate::Css12k5, "12.5kbps", LinkType::Css, 12'500, 500e3, -120.0, -10.0, 8},
    {DataRate::Css22k, "22kbps", LinkType::Css, 22'000, 500e3, -117.0, -7.5, 7},
    {DataRate::Fsk50k, "50kbps", LinkType::Fsk, 50'000, 117.3e3, -108.0, 9.3, 0},
    {DataRate::Fsk150k, "150kbps", LinkType::Fsk, 150'000, 234.3e3, -103.0, 11.3, 0},
    {DataRate::Fsk250k, "250kbps", LinkType::Fsk, 250'000, 467.0e3, -100.0, 11.3, 0},
    {DataRate::Ble1M, "1Mbps", LinkType::Ble, 1'000'000, 1e6, -95.0, 12.9, 0},
    {DataRate::Ble2M, "2Mbps", LinkType::Ble, 2'000'000, 2e6, -92.0, 12.9, 0},
}};

constexpr std::size_t rate_index(DataRate r) { return static_cast<std::size_t>(r); }
constexpr const RateSpec& rate_spec(DataRate r) { return kDataRates[rate_index(r)]; }
constexpr std::string_view to_string(DataRate r) { return rate_spec(r).name; }
constexpr LinkType link_of(DataRate r) { return rate_spec(r).link; }
constexpr double sensitivity_dbm(DataRate r) { return rate_spec(r).sensitivity_dbm; }
constexpr double required_snr_db(DataRate r) { return rate_spec(r).required_snr_db; }
// The rate called `name` ("2kbps", ..., "2Mbps"), if any.
std::optional<DataRate> data_rate_from_string(std::string_view name);
// The rate of `link` called `name` (e.g. "50kbps" is only valid for FSK).
std::optional<DataRate> data_rate_from_string(LinkType link, std::string_view name);

inline constexpr double kThermalNoise_dBm_Hz = -174.0;  // kT at 290 K
inline constexpr double kDefaultNoiseFigure_dB = 6.0;    // [E]

// -174 + 10 log10(bandwidth) + noise figure.
double noise_floor_dbm(double bandwidth_hz, double noise_figure_db = kDefaultNoiseFigure_dB);
double noise_floor_dbm(DataRate r, double noise_figure_db = kDefaultNoiseFigure_dB);
constexpr double snr_db(double rssi_dbm, double noise_floor_dbm) { return rssi_dbm - noise_floor_dbm; }
// Power sum in dBm of two powers in dBm.
double dbm_sum(double a_dbm, double b_dbm);
// Signal over (noise + interference), interference given as a total power in dBm (-inf or very low = none).
double sinr_db(double rssi_dbm, double noise_floor_dbm, double interference_dbm);

// True when a frame at `rssi_dbm` with `snr_db` is demodulated at `rate` on `link`: the rate belongs to the
// link, the RSSI reaches the sensitivity and the SNR reaches the required SNR.
bool demodulates(double rssi_dbm, double snr_db, LinkType link, DataRate rate);

}  // namespace st::models::channel
