// RadioReport: the physical layer's part of a run's outputs, made from the radio records alone: the `radio`,
// `gateways` and `energy` sections of summary.json (delivery by link, losses by cause, per-gateway load, energy
// and battery lifetime) and gateways.csv (one row per gateway). The run recorder feeds it the end-of-run records.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/metrics/records.hpp"

namespace st::output {

class RunRecorder;

class RadioReport {
 public:
  void gateway(const metrics::GatewayRecord& r);
  void battery(const metrics::BatteryRecord& r);
  void device_energy(const metrics::DeviceEnergyRecord& r);
  void energy_totals(const metrics::EnergyTotalsRecord& r) { totals_ = r; }

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
    metrics::GatewayRecord record;  // its string and span fields point into name and links below
    std::string group_name;
    std::string links;              // "ble+fsk+css", in the group's order
  };
  struct TypeEnergy {
    metrics::BatteryRecord battery{};
    std::vector<double> per_day_mj;  // of its manufactured devices, in device order
  };
  std::vector<Gateway> gateways_;
  std::vector<TypeEnergy> types_;      // by device type
  std::vector<double> per_day_mj_;     // every manufactured device, in device order
  std::vector<double> lifetime_days_;  // the same devices' projected battery lifetimes (infinite: mains)
  double total_j_ = 0;
  metrics::EnergyTotalsRecord totals_{};
};

// Radio frames by link and direction: frames, received, delivery ratio, airtime, losses by cause.
nlohmann::ordered_json radio_section(const RunRecorder& recorder);

}  // namespace st::output
