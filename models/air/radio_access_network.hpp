// RadioAccessNetwork: the physical layer between devices and the network server (AirInterface): a message becomes
// a transfer of one or more frames through the device's current gateway (or the developer's phone); each frame is
// planned by its link's MAC (FskMac, CssMac, BleMac), registered on the shared medium at its gateway (and as
// interference at the other gateways that hear it), and resolved at the end of its airtime; a lost frame is sent
// again as its link allows; a delivered uplink crosses the gateway's backhaul, a downlink crosses it first.
// Its parts: the link budget, the topology (positions and homes), the gateways' sub-GHz schedule, the devices'
// energy and the interferer cache.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "models/air/air_interface.hpp"
#include "models/air/air_topology.hpp"
#include "models/air/device_energy.hpp"
#include "models/air/gateway_schedule.hpp"
#include "models/air/interferer_cache.hpp"
#include "models/air/link_budget.hpp"
#include "models/air/link_mac.hpp"
#include "models/base/event_targets.hpp"
#include "models/base/world_config.hpp"
#include "models/channel/radio_medium.hpp"
#include "models/fleet/fleet.hpp"
#include "models/gateway/gateway_pool.hpp"
#include "sim/kernel/dispatcher.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::models {

class RadioAccessNetwork : public AirInterface, public EventHandler {
 public:
  static constexpr std::uint8_t kTarget = kRadioTarget;  // calendar target of its frame-end events
  static constexpr std::uint32_t kNone = GatewayPool::kNone;

  RadioAccessNetwork(Dispatcher& kernel, metrics::MetricsSink& sink, const WorldConfig& config,
                     GatewayPool& gateways, Fleet& fleet);
  ~RadioAccessNetwork() override;

  bool reachable(std::uint32_t device, LinkType link) const override {
    return topology_.current_gateway(device, link, kernel_.now()) != kNone;
  }
  void to_cloud(const AirMessage& m, RandomStream& rng) override;
  void to_device(const AirMessage& m, RandomStream& rng) override;
  bool powered(std::uint32_t device) const override { return energy_.powered(device); }
  SimTime response_allowance(std::uint32_t device, LinkType link) const override;
  void device_compute(std::uint32_t device, SimTime busy, MessageClass cls) override;
  void on_event(const CalendarEntry& e) override;

  // Integrates every device's sleep and listening baseline up to the end of the run, then reports the end-of-run
  // records: each type's battery, each manufactured device's charge, the energy totals, each gateway's load.
  void finish(SimTime end);
  // Reports where every gateway and device is (PlacementRecord): once, before the run starts.
  void report_placement();

  channel::Position device_position(std::uint32_t device) const { return topology_.position(device); }
  // Its best gateway on `link` when the world was built (kNone: out of range of every gateway).
  std::uint32_t home(std::uint32_t device, LinkType link) const { return topology_.home(device, link); }
  double baseline_ma(std::uint16_t device_type) const { return energy_.baseline_ma(device_type); }
  // Charge drawn by devices per message class (registration, uplink, ack, downlink), in uC.
  double charge_by_class_uc(MessageClass cls) const { return energy_.charge_by_class_uc(cls); }
  std::uint64_t depleted_devices() const { return energy_.depleted_devices(); }
  const channel::RadioMedium& medium() const { return medium_; }

 private:
  struct Transfer;

  air::LinkMac& mac(LinkType link) const { return *macs_[link_index(link)]; }
  // How far a gateway's links reach: the longest serving range of any device type on each (0: not its link).
  PerLink<double> reach_m(std::uint32_t gateway) const;
  std::uint32_t new_transfer();
  // A transfer for message `m` (through its gateway, or the phone), its fragments counted.
  std::uint32_t open_transfer(const AirMessage& m, bool uplink, bool phone);
  air::FrameRequest frame_request(const Transfer& tr, SimTime ready) const;
  void start_frame(std::uint32_t t, SimTime ready, RandomStream& rng);
  // Registers the planned frame of transfer `tr` on the medium: at its receiver, and as interference at the other
  // gateways that hear an uplink.
  void put_on_medium(Transfer& tr, RandomStream& rng);
  void end_frame(std::uint32_t t);
  // The transfer is over, undelivered: on the air (its link's retries spent: link_failed where the device knows) or
  // beyond the gateway (lost).
  void lose(std::uint32_t t, SimTime at, bool on_air);
  void deliver(std::uint32_t t, SimTime at);
  void report(const Transfer& tr, FrameOutcome outcome);

  Dispatcher& kernel_;
  metrics::MetricsSink& sink_;
  GatewayPool& gateways_;
  Fleet& fleet_;
  air::LinkBudget budget_;
  air::AirTopology topology_;
  air::GatewaySchedule schedule_;
  air::DeviceEnergy energy_;
  air::InterfererCache interferers_;
  channel::RadioMedium medium_;
  PerLink<std::unique_ptr<air::LinkMac>> macs_;
  std::vector<Transfer> transfers_;
  std::vector<std::uint32_t> free_transfers_;
  std::vector<std::pair<double, std::uint32_t>> heard_;  // scratch of put_on_medium
  std::uint32_t since_prune_ = 0;
};

}  // namespace st::models
