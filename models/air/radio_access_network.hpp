// RadioAccessNetwork: the physical layer between devices and the network server: device and gateway
// positions, path loss and shadowing, the shared media (collisions, capture, half-duplex, busy receivers),
// the MAC timing of each link (FSK beacon slots and listen-before-talk, CSS asynchronous uplinks and receive
// windows, BLE advertising and connections), the radio hardware's airtime and energy, and the backhaul.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "models/air/air_interface.hpp"
#include "models/channel/channel_plan.hpp"
#include "models/channel/radio_medium.hpp"
#include "models/channel/spatial_grid.hpp"
#include "models/gateway/gateway_pool.hpp"
#include "models/base/event_targets.hpp"
#include "models/base/world_config.hpp"
#include "models/fleet/fleet.hpp"
#include "sim/kernel/dispatcher.hpp"
#include "sim/metrics/metrics_sink.hpp"
#include "sim/kernel/huge_page_allocator.hpp"

namespace st::models {

class RadioAccessNetwork : public AirInterface, public EventHandler {
 public:
  static constexpr std::uint8_t kTarget = kRadioTarget;  // calendar target of its frame-end events
  static constexpr std::uint32_t kNone = GatewayPool::kNone;

  RadioAccessNetwork(Dispatcher& kernel, metrics::MetricsSink& sink, const WorldConfig& config,
                     GatewayPool& gateways, Fleet& fleet);
  ~RadioAccessNetwork() override;

  bool pick_link(std::uint32_t device, const std::vector<LinkType>& preferred, bool for_registration,
                 LinkType& out) const override;
  void to_cloud(const AirMessage& m, RandomStream& rng) override;
  void to_device(const AirMessage& m, RandomStream& rng) override;
  bool powered(std::uint32_t device) const override;
  SimTime response_allowance(std::uint32_t device, LinkType link) const override;
  void device_compute(std::uint32_t device, SimTime busy, MessageClass cls) override;
  void on_event(const CalendarEntry& e) override;

  // Integrates every device's sleep and listening baseline up to the end of the run, then reports the end-of-run
  // records: each gateway's load, each type's battery, each manufactured device's charge, the energy totals.
  void finish(SimTime end);

  channel::Position device_position(std::uint32_t device) const;
  // The gateway the device would use on `link` at `t` (its best one in range, or the best one still up).
  std::uint32_t current_gateway(std::uint32_t device, LinkType link, SimTime t) const;
  // Its best gateway on `link` when the world was built (kNone: out of range of every gateway).
  std::uint32_t home(std::uint32_t device, LinkType link) const { return devices_[device].serving[link_index(link)]; }
  double baseline_ma(std::uint16_t device_type) const;
  double battery_capacity_mah(std::uint16_t device_type) const;
  double battery_voltage_v(std::uint16_t device_type) const;
  // Charge drawn by devices per message class (registration, uplink, ack, downlink), in uC.
  double charge_by_class_uc(MessageClass cls) const { return charge_by_class_[static_cast<std::size_t>(cls)]; }
  std::uint64_t depleted_devices() const { return depleted_; }
  const channel::RadioMedium& medium() const { return medium_; }

 private:
  struct TypeRadio;
  struct DeviceRadio {
    float x = 0, y = 0;
    PerLink<std::uint32_t> serving{kNone, kNone, kNone};  // by link index
    std::uint32_t ble_until_ms = 0;  // its BLE connection stays open until then (ms of simulated time)
    std::uint32_t downlink_free_ms = 0;  // the gateway has no earlier downlink for it after this (ms)
  };
  struct Transfer;

  void place_devices();
  void choose_homes();
  double link_budget_rssi(std::uint32_t device, std::uint32_t gateway, LinkType link, bool uplink) const;
  bool demodulates(double rssi_dbm, LinkType link, channel::DataRate rate) const;
  channel::DataRate rate_of(std::uint16_t type, LinkType link) const;
  double range_m(std::uint16_t type, LinkType link) const;

  std::uint32_t new_transfer();
  // A transfer for message `m` (through its gateway, or the phone), its fragments counted.
  std::uint32_t open_transfer(const AirMessage& m, bool uplink, bool phone);
  // The largest payload of one frame on `link` (BLE: unlimited, the connection fragments).
  unsigned max_frame_payload(std::uint16_t type, LinkType link) const;
  void start_frame(std::uint32_t t, SimTime ready, RandomStream& rng);
  void end_frame(std::uint32_t t);
  void lose(std::uint32_t t, SimTime at);
  void deliver(std::uint32_t t, SimTime at);
  void charge(std::uint32_t device, double charge_uc, MessageClass cls);
  void report(const Transfer& tr, std::string_view outcome);
  SimTime next_fsk_slot(std::uint32_t gateway, SimTime t) const;
  SimTime next_device_window(std::uint32_t device, SimTime spacing, SimTime t) const;
  // The first receive window of the device (every `spacing`) at or after `ready` in which gateway `g` is
  // neither beaconing nor booked for another transmission of `air`; books it.
  SimTime book_downlink(std::uint32_t g, std::uint32_t device, SimTime spacing, SimTime ready, SimTime air);
  bool in_beacon(std::uint32_t gateway, SimTime from, SimTime to) const;
  // When a BLE link to the device is ready: at once while its connection is open, else after advertising
  // (charged to the device under `cls`) and connection set-up.
  SimTime ble_link_ready(std::uint32_t device, SimTime ready, bool device_initiates, MessageClass cls,
                         RandomStream& rng);

  Dispatcher& kernel_;
  metrics::MetricsSink& sink_;
  const WorldConfig& config_;
  GatewayPool& gateways_;
  Fleet& fleet_;
  std::uint64_t seed_;
  std::vector<TypeRadio> types_;
  std::vector<double> gw_subghz_dbm_, gw_ble_dbm_;  // capped TX powers by gateway
  std::vector<SimTime> gw_phase_;                    // beacon phase of each gateway
  std::vector<SimTime> beacon_air_;                  // FSK beacon airtime by gateway group (0: no FSK)
  std::array<double, channel::kDataRateCount> noise_floor_dbm_{};  // by rate, at the world's noise figure
  // The sub-GHz transmissions each gateway has booked (start, end), oldest first: its one radio sends one
  // frame at a time, so a downlink takes the first receive window of its device that is free.
  std::vector<std::vector<std::pair<SimTime, SimTime>>> gw_tx_bookings_;
  HugePageVector<DeviceRadio> devices_;
  channel::SpatialGrid grid_;
  channel::RadioMedium medium_;
  std::vector<Transfer> transfers_;
  std::vector<std::uint32_t> free_transfers_;
  std::vector<SimTime> channel_busy_;  // gateway x sub-GHz channel: heard busy until (listen-before-talk)
  SimTime& channel_busy(std::uint32_t gateway, std::uint16_t channel) {
    return channel_busy_[static_cast<std::size_t>(gateway) * channel::kSubGhzPlan.count + channel];
  }
  std::array<double, 4> charge_by_class_{};
  std::uint64_t depleted_ = 0;
  std::vector<std::pair<double, std::uint32_t>> heard_;
  // The other gateways that track a device's sub-GHz uplinks as interference (start_frame), a fixed function of
  // the device, its type and the link: the ids of the kHeardSlots strongest gateways at or above the tracking
  // floor, strongest first (ties by id), computed at the device's first uplink on the link. A frame takes the
  // first kMaxExtraReceivers of them that are not its own gateway, with their RSSI computed again (bit-identical
  // to the full search). Ids are 16-bit when the gateway ids fit, else 32-bit.
  std::vector<std::uint32_t> heard_base_;  // type * kLinkCount + link index -> the type's first entry (kNone: not cached)
  HugePageVector<std::uint16_t> heard_ids16_;
  HugePageVector<std::uint32_t> heard_ids32_;
  bool heard_wide_ = false;
  // The interferer list of (device, link) (from the cache, filled at first use, when the link is cached) into
  // `out`: (RSSI, gateway) strongest first, every gateway but `exclude`, at most kMaxExtraReceivers.
  void heard_by_others(std::uint32_t device, LinkType link, std::uint32_t exclude,
                       std::vector<std::pair<double, std::uint32_t>>& out);
  // The full search: every gateway on the medium of `link` in the interference range of the device, but
  // `exclude`, that hears it at or above the tracking floor, as (-RSSI, gateway) sorted (strongest first).
  void search_heard(std::uint32_t device, LinkType link, std::uint32_t exclude,
                    std::vector<std::pair<double, std::uint32_t>>& out) const;
  std::uint32_t since_prune_ = 0;
};

}  // namespace st::models
