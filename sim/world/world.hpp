// World: everything one run simulates, built from a scenario: PKI, fleet, gateways, link hop, cloud actors,
// the lifecycle model and the timeline, all on one SystemC dispatcher. One World per process.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/air/air_interface.hpp"
#include "models/cloud/imported_fleet.hpp"
#include "models/lifecycle/device_lifecycle.hpp"
#include "models/lifecycle/twin_context.hpp"
#include "sim/kernel/dispatcher.hpp"
#include "sim/kernel/work_pool.hpp"
#include "sim/metrics/metrics_sink.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/world/stimulus_port.hpp"
#include "sim/world/timeline_driver.hpp"

namespace st::models {
class RadioAccessNetwork;
}

namespace st::world {

// Periodic and one-off callbacks at simulated times (state sampling, expectation snapshots).
class Probe : public EventHandler {
 public:
  static constexpr std::uint8_t kTarget = models::kFirstWorldTarget + 1;
  void add(SimTime at, std::function<void(SimTime)> fn);
  void schedule(Dispatcher& kernel);
  void on_event(const CalendarEntry& e) override;

 private:
  struct Entry { SimTime at; std::function<void(SimTime)> fn; };
  std::vector<Entry> entries_;
  Dispatcher* kernel_ = nullptr;
};

class World {
 public:
  // `crypto_workers` threads run the pure cryptography beside the kernel (0: on the kernel's thread); outputs
  // are the same for any number. A sink that wants the key log gets 0 (its records come in dispatch order).
  // `imported`: the device types made of real devices (sim/aws/fleet_import.hpp), outliving the World.
  World(const scenario::Scenario& s, metrics::MetricsSink& sink, const security::KeySource& keys,
        unsigned crypto_workers = 0, const models::ImportedFleet* imported = nullptr);
  ~World();

  Probe& probe() { return probe_; }
  // Where the API's calls and the telemetry clients' timeline actions enter the world (and a replay's recorded ones).
  StimulusPort& stimuli() { return *stimuli_; }
  // The application server's Ed25519 public key (the device profiles' ApplicationServerPublicKey).
  const security::Bytes& application_server_public_key() const { return pki_->application_server().key.public_key; }
  Dispatcher& kernel() { return *kernel_; }
  // Run the kernel to the end of the scenario (events at exactly the end included), then report the models'
  // final state to the sink (end-of-run records: tallies, gateway loads, energy).
  void run();
  std::uint64_t events_dispatched() const { return kernel_->dispatched(); }
  const models::Fleet& fleet() const { return *fleet_; }
  const models::NetworkServer& network_server() const { return cloud_->network_server; }
  const models::ApplicationServer& application_server() const { return cloud_->application_server; }
  const models::GatewayPool& gateways() const { return *gateways_; }
  const models::DeviceRegistration& registration() const { return lifecycle_->registration(); }
  // The physical layer, or nullptr when the run uses the explicit link model.
  const models::RadioAccessNetwork* radio() const { return ran_; }

 private:
  const scenario::Scenario& scenario_;
  metrics::MetricsSink& sink_;
  const models::WorldConfig& config_;  // the scenario's
  std::unique_ptr<Dispatcher> kernel_;
  std::unique_ptr<WorkPool> crypto_;  // outlives every model that holds pending work
  security::SignatureVerdicts verdicts_;
  std::unique_ptr<security::Pki> pki_;
  std::unique_ptr<models::Fleet> fleet_;
  std::unique_ptr<models::GatewayPool> gateways_;
  std::unique_ptr<models::AirInterface> air_;
  models::RadioAccessNetwork* ran_ = nullptr;  // the air, when the physical layer is on
  std::unique_ptr<models::CloudActors> cloud_;
  std::unique_ptr<models::TwinContext> ctx_;
  std::unique_ptr<models::DeviceLifecycle> lifecycle_;
  std::unique_ptr<TimelineDriver> timeline_;
  std::unique_ptr<StimulusPort> stimuli_;
  Probe probe_;
};

}  // namespace st::world
