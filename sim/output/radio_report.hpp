// RadioReport: the physical layer's part of a run's outputs, made from the radio records alone: the `radio`,
// `gateways` and `energy` sections of summary.json (delivery by link, losses by cause, per-gateway load, energy
// and battery lifetime) and gateways.csv (one row per gateway). The run recorder feeds it the end-of-run records.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/metrics/records.hpp"

namespace st::output {

class RadioReport {
 public:
  // A radio frame: its link's and direction's tally (frames, received, airtime, losses by cause).
  void frame(const metrics::RadioFrameRecord& r);
  void gateway(const metrics::GatewayRecord& r);
  void battery(const metrics::BatteryRecord& r);
  void device_energy(const metrics::DeviceEnergyRecord& r);
  void energy_totals(const metrics::EnergyTotalsRecord& r) { totals_ = r; }

  // Radio frames by link and direction: frames, received, delivery ratio, airtime, losses by cause; and uplink
  // frames per device type from the run's `counters` (radio_uplinks_by_type.*, radio_uplinks_received_by_type.*).
  nlohmann::ordered_json radio_section(const std::map<std::string, std::uint64_t>& counters) const;
  // Load of the gateways: totals and, per group, mean and busiest gateway.
  nlohmann::ordered_json gateways_section() const;
  // Energy per device per day (mean, p95), per registration, battery lifetime projection, depleted devices;
  // `type_names` by device type, `registrations` the successful handshakes.
  nlohmann::ordered_json energy_section(const std::vector<std::string>& type_names, std::uint64_t registrations) const;
  // gateways.csv: gateway,group,x_m,y_m,links,devices_served,frames_received,frames_lost,frames_sent,
  // rx_airtime_s,tx_airtime_s,backhaul_bytes,backhaul_delayed,backhaul_wait_s,backhaul_dropped
  void write_gateways_csv(const std::string& path) const;

 private:
  struct Gateway {
    metrics::GatewayRecord record;  // without its group name and links (the record's views are not kept)
    std::string group_name;
    std::string links;              // "ble+fsk+css", in the group's order
  };
  struct RadioTally {
    bool seen = false;
    std::uint64_t frames = 0;
    std::uint64_t received = 0;
    SimTime airtime = 0;
    std::array<std::uint64_t, models::kFrameOutcomeCount> lost{};  // by FrameOutcome (Received unused)
  };
  struct TypeEnergy {
    metrics::BatteryRecord battery{};
    std::vector<double> per_day_mj;  // of its manufactured devices, in device order
  };
  models::PerLink<std::array<RadioTally, 2>> radio_{};  // by link index, then uplink (0) and downlink (1)
  std::vector<Gateway> gateways_;
  std::vector<TypeEnergy> types_;      // by device type
  std::vector<double> per_day_mj_;     // every manufactured device, in device order
  std::vector<double> lifetime_days_;  // the same devices' projected battery lifetimes (infinite: mains)
  double total_j_ = 0;
  metrics::EnergyTotalsRecord totals_{};
};

}  // namespace st::output
