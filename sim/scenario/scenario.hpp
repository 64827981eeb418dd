// Scenario: the validated, unit-converted content of a scenario file: topology, fleet, cloud, timeline and
// expectations as separate sections. The loader (scenario_loader.hpp) is the only thing that builds one.
#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/channel/link_type.hpp"
#include "models/base/lifecycle_enums.hpp"
#include "models/base/device_radio_config.hpp"
#include "models/base/gateway_config.hpp"
#include "models/base/radio_world_config.hpp"
#include "models/security/algorithms.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::scenario {

struct SourceRef {  // where in the file a thing was written (1-based), for messages
  int line = 0;
  int column = 0;
};

// ---- topology ----
struct LinkHop {  // the explicit device-to-gateway hop model (the radio-hardware issue replaces it)
  Distribution latency = Distribution::constant(50.0 * 1e6);  // ns
  double loss = 0.0;                                          // probability a frame is lost, [0, 1)
};
struct GatewayGroup {
  SourceRef where;
  std::string name;
  std::uint32_t count = 1;
  std::vector<models::LinkType> links;                        // e.g. {Ble} (Echo-like) or {Ble, Fsk, Css}
  Distribution backhaul_latency = Distribution::constant(30.0 * 1e6);  // gateway -> network server, ns
  models::GatewayRadioConfig radio;                           // placement, powers, demodulators, backhaul caps
};
struct Topology {
  std::vector<GatewayGroup> gateways;
  std::map<models::LinkType, LinkHop> link_model;  // every link type present (defaults filled in)
  models::RadioWorldConfig radio;                  // the physical layer (radio: explicit selects link_model)
};

// ---- fleet ----
struct Traffic {
  SimTime uplink_period = 5 * kMinute;  // mean gap between uplinks while registered (exponential jitter)
  std::uint32_t payload_bytes = 19;
  std::uint32_t downlink_every = 0;     // the application server answers every Nth uplink (0: never)
  std::uint32_t queue_limit = 8;        // uplinks held on the device while the network is unreachable
  SimTime ttl = kHour;                  // a queued uplink older than this is dropped
};
struct DeviceType {
  SourceRef where;
  std::string name;
  std::uint32_t count = 0;
  models::Stage stage = models::Stage::Production;
  models::ProvisioningFlow flow = models::ProvisioningFlow::MassProduction;
  std::string developer = "default";                 // developer (AWS) account the devices are associated with
  std::vector<models::LinkType> links = {models::LinkType::Ble};  // preferred order
  models::RegistrationPath register_via = models::RegistrationPath::Gateway;
  security::EcdhCurve curve = security::EcdhCurve::X25519;
  std::string mcu_core = "cortex-m4";                // a profile of hw_models/mcu
  double mcu_clock_hz = 64e6;
  std::vector<std::pair<std::uint8_t, std::uint64_t>> mcu_cycles;  // (hw::CryptoOp, cycles) overrides
  SimTime manufacture_at = 0;                        // first device made at this time...
  SimTime manufacture_over = 0;                      // ...the rest spread evenly over this span
  bool auto_register = true;                         // register once associated (else wait for a timeline action)
  Distribution register_delay = Distribution::exponential(30.0 * 1e9);  // association -> first attempt, ns
  Traffic traffic;
  std::uint32_t dak_signature_limit = 0;             // pre-production DAK signature limit (0: unlimited)
  bool qualified = false;                            // production devices need a qualified type
  models::DeviceRadioConfig radio;                   // radio hardware, rates, placement, battery
};
struct Fleet {
  std::vector<DeviceType> device_types;
};

// ---- cloud ----
struct CloudActors {
  Distribution ingest_latency = Distribution::constant(2.0 * 1e9);
  Distribution association_latency = Distribution::constant(200.0 * 1e6);  // cloud partner create + associate
  Distribution network_server_latency = Distribution::constant(20.0 * 1e6);
  Distribution cloud_partner_latency = Distribution::constant(40.0 * 1e6);
  Distribution application_server_latency = Distribution::constant(30.0 * 1e6);
  Distribution mobile_app_latency = Distribution::constant(300.0 * 1e6);  // phone <-> cloud
  double ingest_fault_rate = 0.0;        // fraction of control-log records corrupted on the way to ingest
  std::uint32_t prototype_limit = 1000;  // prototype devices per developer account
  SimTime handshake_timeout = 10 * kSecond;
  SimTime backoff_initial = 2 * kSecond;
  SimTime backoff_max = 5 * kMinute;
  SimTime ack_timeout = 5 * kSecond;     // uplink not acknowledged within this: retry later
  std::uint32_t destination_buffer = 10000;  // uplinks the cloud partner holds while the app server is down
};

// ---- timeline ----
enum class ActionKind {
  Register,           // start registration of (a fraction of) devices
  Deregister,         // end customer de-registers (a fraction of) devices
  RevokeDevice,       // Sidewalk revokes the certificates of N devices (or a fraction)
  RevokeDeviceType,   // Sidewalk revokes a whole device type (its DAK)
  DeveloperRevoke,    // the developer revokes permission for (a fraction of) devices
  Outage,             // an actor is unavailable for a period
  Qualify,            // a device type passes qualification (production allowed from then)
  ReplayAttack,       // an adversary records uplinks and replays them (security exercise)
  ForgeAttack,        // an adversary injects uplinks with forged tags
};
enum class OutageTarget { NetworkServer, ApplicationServer, Ingest, Gateways };
struct Action {
  SourceRef where;
  SimTime at = 0;
  ActionKind kind = ActionKind::Register;
  std::optional<std::string> device_type;  // empty: every device type
  double fraction = 1.0;                   // share of the eligible devices acted on
  std::optional<std::uint32_t> count;      // or an exact number of devices (takes precedence)
  OutageTarget target = OutageTarget::NetworkServer;  // Outage only
  std::optional<std::string> gateway_group;  // Outage of gateways: one group (empty: every group)
  SimTime duration = 0;                    // Outage only
  std::uint32_t repeat = 1;                // the action happens this many times...
  SimTime every = 0;                       // ...this far apart
};

// ---- expectations ----
enum class ExpectKind { StateCount, StateFraction, HandshakeLatency, Counter, Ratio };
struct Expectation {
  SourceRef where;
  std::string text;                       // the assertion as written, for reports
  ExpectKind kind = ExpectKind::StateCount;
  SimTime at = kNever;                    // kNever: at the end of the run
  std::string state;                      // StateCount/StateFraction: a states.csv column name
  std::optional<std::string> device_type; // restrict to one device type (states only)
  int percentile = 50;                    // HandshakeLatency: 50, 95 or 99
  std::string counter;                    // Counter: a summary counter name (docs/scenario-format.md)
  std::string denominator;                // Ratio: counter / denominator (0 when the denominator is 0)
  double min = -std::numeric_limits<double>::infinity();  // bounds; latencies in milliseconds
  double max = std::numeric_limits<double>::infinity();
};

// ---- the whole file ----
struct Scenario {
  std::string file;  // path as given
  std::string name;
  std::string description;
  std::uint64_t seed = 1;
  SimTime duration = kHour;
  SimTime sample_interval = kMinute;  // states.csv row spacing
  Topology topology;
  Fleet fleet;
  CloudActors cloud;
  std::vector<Action> timeline;
  std::vector<Expectation> expectations;

  std::uint64_t device_count() const {
    std::uint64_t n = 0;
    for (const auto& t : fleet.device_types) n += t.count;
    return n;
  }
};

}  // namespace st::scenario
