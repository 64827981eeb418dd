// RadioWorldConfig: the physical layer of a world (propagation per band, capture, fading, noise, BLE scanning),
// or, with `physical` off, the explicit link model: a latency and a loss per link (LinkHopConfig).
#pragma once
#include <tuple>

#include "models/base/setting.hpp"
#include "models/channel/link_type.hpp"
#include "models/channel/path_loss.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

struct RadioWorldConfig {
  bool physical = true;                 // false: the explicit link model (latency and loss per link)
  channel::PathLossModel subghz = channel::PathLossModel::log_distance(3.5, 6.0, 915e6);
  channel::PathLossModel ble = channel::PathLossModel::log_distance(3.5, 6.0, 2.44e9);
  double capture_threshold_db = 6.0;    // CSS capture [E]; used for every link
  double fading_sigma_db = 2.0;         // frame-to-frame variation of the received power (log-normal) [E]
  double noise_figure_db = 6.0;
  double interference_margin_db = 10.0; // frames this far below sensitivity are not tracked as interferers
  SimTime ble_idle_timeout = 10 * kSecond;  // a BLE connection closes after this long without data [E]
  double ble_scan_duty = 0.5;           // gateway scan window / scan interval: chance an advert is heard [E]
};

// The explicit link model of one link: a latency and a loss probability per message.
struct LinkHopConfig {
  Distribution latency = Distribution::constant(50.0 * 1e6);
  double loss = 0.0;
};

// The explicit link model's defaults by link_index(): BLE 40 ms and 1%, FSK 120 ms and 2%, CSS 400 ms and 5% [E].
inline const PerLink<LinkHopConfig> kDefaultLinkHops = {LinkHopConfig{Distribution::constant(40.0 * 1e6), 0.01},
                                                        LinkHopConfig{Distribution::constant(120.0 * 1e6), 0.02},
                                                        LinkHopConfig{Distribution::constant(400.0 * 1e6), 0.05}};

template <>
struct Settings<LinkHopConfig> {
  static constexpr auto list = std::tuple{time_distribution("latency", &LinkHopConfig::latency),
                                          probability_below_one("loss", &LinkHopConfig::loss)};
};

// `radio: physical|explicit` and the propagation models are read by hand (sim/scenario/read_radio.cpp).
template <>
struct Settings<RadioWorldConfig> {
  using C = RadioWorldConfig;
  static constexpr auto list = std::tuple{
      quantity("capture_threshold", &C::capture_threshold_db, Unit::Decibels, 0, 40, "within 0dB..40dB"),
      quantity("noise_figure", &C::noise_figure_db, Unit::Decibels, 0, 30, "within 0dB..30dB"),
      quantity("ble_scan_duty", &C::ble_scan_duty, Unit::Probability, 0.01, 1, "within 1%..100%"),
      duration_within("ble_idle_timeout", &C::ble_idle_timeout, 100 * kMillisecond, kHour, "within 100ms..1h"),
      quantity("fading", &C::fading_sigma_db, Unit::Decibels, 0, 20, "within 0dB..20dB"),
  };
};

}  // namespace st::models
