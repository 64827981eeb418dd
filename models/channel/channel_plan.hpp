// Channel plan: the two radio media (sub-GHz 902-928 MHz, shared by FSK and CSS; BLE 2.4 GHz), their channel
// centre frequencies, and the deterministic per-node hop function channel_for(seed, node, counter).
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

#include "models/channel/link_type.hpp"

namespace st::models::channel {

// A medium is a set of channels on which frames can interfere; frames on different media never do.
// The numeric value is the `medium` field of RadioMedium's Reception.
enum class Medium : std::uint8_t { SubGhz = 0, Ble = 1 };
inline constexpr std::uint8_t kMediumCount = 2;
constexpr std::uint8_t medium_id(Medium m) { return static_cast<std::uint8_t>(m); }
constexpr Medium medium_of(LinkType l) { return l == LinkType::Ble ? Medium::Ble : Medium::SubGhz; }
constexpr std::string_view to_string(Medium m) { return m == Medium::Ble ? "ble_2g4" : "subghz"; }

// Sub-GHz (US only, 902-928 MHz [D, sidewalk.md §1.5]). Sidewalk's hopping plan is not public, so this is a modelling choice [E]:
// 50 slots of 500 kHz, centres 902.75 + 0.5 k MHz (k = 0..49, 902.75..927.25 MHz), a 500 kHz guard at each band
// edge. CSS uses 500 kHz at every rate [D, sidewalk.md §1.3]; the widest FSK receiver filter (250 kbps, 467 kHz) fits a slot, so
// FSK uses the same slots. FSK and CSS thus share one index space: a CSS frame and an FSK frame on the same
// slot interfere (capture decides), frames on different slots do not. 50 >= the 25 hopping channels FCC 15.247
// asks of systems with a 20 dB bandwidth of 250 kHz or more.
inline constexpr double kSubGhzBandLow_hz = 902e6;
inline constexpr double kSubGhzBandHigh_hz = 928e6;

struct SubGhzPlan {
  double first_centre_hz = 902.75e6;
  double spacing_hz = 500e3;
  std::uint16_t count = 50;

  constexpr double centre_hz(std::uint16_t channel) const {
    return first_centre_hz + spacing_hz * static_cast<double>(channel);
  }
  // The slot of frame `counter` of `node`: uniform over the slots, independent across nodes and counters.
  std::uint16_t channel_for(std::uint64_t seed, std::uint32_t node, std::uint64_t counter) const;
};
inline constexpr SubGhzPlan kSubGhzPlan{};

// BLE 2.4 GHz [D, sidewalk.md §1.1]: 40 channels 2 MHz apart, RF channel k at 2402 + 2k MHz. Channel indices
// are the Bluetooth ones: 37, 38, 39 advertising (2402, 2426, 2480 MHz); 0..36 data (the other RF channels in
// ascending frequency). The RadioMedium channel of a BLE frame is this index.
inline constexpr std::uint16_t kBleChannelCount = 40;
inline constexpr std::uint16_t kBleDataChannelCount = 37;
inline constexpr std::array<std::uint16_t, 3> kBleAdvertisingChannels{37, 38, 39};

constexpr bool is_ble_advertising(std::uint16_t channel) { return channel >= 37 && channel <= 39; }
// RF channel k (0..39) of a Bluetooth channel index.
constexpr std::uint16_t ble_rf_channel(std::uint16_t channel) {
  if (channel == 37) return 0;
  if (channel == 38) return 12;
  if (channel == 39) return 39;
  return static_cast<std::uint16_t>(channel <= 10 ? channel + 1 : channel + 2);
}
constexpr double ble_centre_hz(std::uint16_t channel) {
  return 2402e6 + 2e6 * static_cast<double>(ble_rf_channel(channel));
}
// A data channel (0..36) for connection event `counter` of `node` (uniform; stands in for channel selection #2).
std::uint16_t ble_data_channel_for(std::uint64_t seed, std::uint32_t node, std::uint64_t counter);

// The generic hop: uniform in [0, count) from (seed, domain, node, counter); domains keep hop sequences of
// different media independent of each other and of every other random stream of the run.
std::uint16_t hop_channel(std::uint64_t seed, std::uint64_t domain, std::uint32_t node, std::uint64_t counter,
                          std::uint16_t count);

// channel_for per link: sub-GHz slot for FSK and CSS, BLE data channel for BLE.
std::uint16_t channel_for(LinkType link, std::uint64_t seed, std::uint32_t node, std::uint64_t counter);
// Centre frequency of `channel` on the medium of `link`.
double centre_hz(LinkType link, std::uint16_t channel);
// Number of channels of the medium of `link` (sub-GHz slots, or all 40 BLE channels).
std::uint16_t channel_count(LinkType link);

}  // namespace st::models::channel
