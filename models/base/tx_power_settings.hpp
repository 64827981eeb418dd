// The transmit-power settings that device types and gateway groups share: the same keys, unit and ranges
// (`tx_power` for the sub-GHz radio, `ble_tx_power` for BLE), declared once for both configurations.
#pragma once
#include "models/base/setting.hpp"

namespace st::models {

template <typename O>
constexpr Setting<O, double> subghz_tx_power(double O::*m) {
  return quantity("tx_power", m, Unit::Power, -20, 30, "within -20dBm..30dBm");
}
template <typename O>
constexpr Setting<O, double> ble_tx_power(double O::*m) {
  return quantity("ble_tx_power", m, Unit::Power, -40, 8, "within -40dBm..8dBm");
}

}  // namespace st::models
