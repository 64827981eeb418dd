// LinkBudget: what a frame's received power and decoding depend on, fixed when the world is built: each device
// type's capped transmit powers, its LoRa and FSK parameters and how far its links reach; each gateway's capped
// powers; the noise floor of every data rate; and the path loss with shadowing between a device and a gateway.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "hw_models/radio/fsk_airtime.hpp"
#include "hw_models/radio/lora_airtime.hpp"
#include "models/base/world_config.hpp"
#include "models/channel/position.hpp"
#include "models/channel/radio_specs.hpp"
#include "models/fleet/fleet.hpp"
#include "models/gateway/gateway_pool.hpp"

namespace st::models::air {

class LinkBudget {
 public:
  struct TypeRadio {
    const DeviceTypeConfig* cfg = nullptr;
    double subghz_dbm = 0;  // capped at the region's and the SX1262's maximum
    double ble_dbm = 0;     // capped at the nRF52840's
    hw::LoraParams css;
    hw::FskParams fsk;
    PerLink<double> serving_range_m{};       // homes are searched this far
    PerLink<double> interference_range_m{};  // other gateways track its frames this far
  };

  LinkBudget(const WorldConfig& config, const Fleet& fleet, const GatewayPool& gateways);

  const TypeRadio& type(std::uint16_t t) const { return types_[t]; }
  std::uint16_t type_count() const { return static_cast<std::uint16_t>(types_.size()); }
  channel::DataRate rate_of(std::uint16_t type, LinkType link) const;
  double serving_range_m(std::uint16_t type, LinkType link) const { return types_[type].serving_range_m[link_index(link)]; }
  double interference_range_m(std::uint16_t type, LinkType link) const {
    return types_[type].interference_range_m[link_index(link)];
  }
  // The largest interference range of any type and link (at least 100 m).
  double max_interference_range_m() const;

  double noise_floor_dbm(channel::DataRate rate) const { return noise_floor_dbm_[channel::rate_index(rate)]; }
  bool demodulates(double rssi_dbm, LinkType link, channel::DataRate rate) const;
  // The mean received power (no fading) between device `device` of `type` at `position` and `gateway` on `link`,
  // uplink or downlink: the sender's capped power minus the path loss of the band with the pair's shadowing (the
  // same both ways; BLE and sub-GHz draw independently).
  double rssi(std::uint32_t device, std::uint16_t type, channel::Position position, std::uint32_t gateway, LinkType link,
              bool uplink) const;
  // The received power between the device and the developer's phone beside it (BLE at 1 m).
  double phone_rssi(std::uint16_t type) const { return types_[type].ble_dbm - radio_.ble.loss_db(1.0); }
  double fading_sigma_db() const { return radio_.fading_sigma_db; }

 private:
  const RadioWorldConfig& radio_;
  const Fleet& fleet_;
  const GatewayPool& gateways_;
  std::uint64_t seed_;
  std::vector<TypeRadio> types_;
  std::vector<double> gw_subghz_dbm_, gw_ble_dbm_;  // capped TX powers by gateway
  std::array<double, channel::kDataRateCount> noise_floor_dbm_{};  // by rate, at the world's noise figure
};

}  // namespace st::models::air
