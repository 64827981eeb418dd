// RadioWorldConfig: the physical layer of a world (propagation per band, capture, fading, noise, BLE scanning),
// or, with `physical` off, the explicit link model: a latency and a loss per link (LinkHopConfig).
#pragma once

#include "models/channel/link_type.hpp"
#include "models/channel/path_loss.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

struct RadioWorldConfig {
  bool physical = true;                 // false: the explicit link model (latency and loss per link)
  channel::PathLossModel subghz = channel::PathLossModel::log_distance(3.5, 6.0, 915e6);
  channel::PathLossModel ble = channel::PathLossModel::log_distance(3.5, 6.0, 2.44e9);
  double capture_threshold_db = 6.0;    // CSS capture [D, issue]; used for every link
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

}  // namespace st::models
