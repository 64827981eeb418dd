// DeviceTypeConfig: the settings of one device type (count, stage and flow, developer account, links,
// registration, crypto and MCU, manufacturing schedule, traffic and radio), as every model reads them.
#pragma once
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "models/base/device_radio_config.hpp"
#include "models/base/lifecycle_enums.hpp"
#include "models/base/limits.hpp"
#include "models/base/setting.hpp"
#include "models/channel/link_type.hpp"
#include "models/base/crypto_algorithms.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

struct TrafficConfig {
  SimTime uplink_period = 5 * kMinute;  // mean gap between uplinks while registered (exponential jitter)
  std::uint32_t payload_bytes = 19;
  bool report = true;  // the payload is a report (uplink_payload.hpp: format, counter, battery); false: random bytes
  std::uint32_t downlink_every = 0;     // the application server answers every Nth uplink (0: never)
  std::uint32_t queue_limit = 8;        // uplinks held on the device while the network is unreachable
  SimTime ttl = kHour;                  // a queued uplink older than this is dropped
  // A device that moved its uplinks to another of its links tries its first link again after this long [E].
  SimTime back_to_preferred_after = 30 * kMinute;
};

// When a device registers: on its own once associated (after a delay), or only when a timeline action says so.
struct RegistrationConfig {
  bool automatic = true;                                         // register once associated
  Distribution delay = Distribution::exponential(30.0 * 1e9);    // association -> first attempt
  // After this many attempts in a row on one link that got no answer in time, the next attempts go on the next link
  // of the device's list that can carry a registration and has a gateway in reach (0: never leave the first) [E].
  std::uint32_t fallback_after = 3;
};

// The device's MCU: a core profile of hw_models/mcu at a clock, with cycle counts that replace the profile's, and
// the current it draws while it computes.
struct McuConfig {
  std::string core = "cortex-m4";
  double clock_hz = 64e6;
  std::vector<std::pair<std::uint8_t, std::uint64_t>> cycles;  // (hw::CryptoOp, cycles) replacing the core's table
  double active_ma = 3.3;  // nRF52840 CPU at 64 MHz from flash, DC/DC [E]
};

// A device type made of real devices (docs/real-formats.md, "Import"): absolute paths (the scenario reader resolves
// them against the scenario file's folder). Empty `devices`: the twin makes the type's devices.
struct ImportConfig {
  std::string devices;         // a folder of device files (GetWirelessDevice or certificate.json), *.json
  std::string profile;         // the GetDeviceProfile file
  std::string app_server_key;  // optional: the application server's Ed25519 private key, 64 hex
  bool enabled() const { return !devices.empty(); }
};

struct DeviceTypeConfig {
  std::string name;
  std::uint32_t count = 0;
  // Devices the factory makes only when asked (the API's CreateWirelessDevice), after the `count` made on schedule.
  std::uint32_t reserve = 0;
  Stage stage = Stage::Production;
  ProvisioningFlow flow = ProvisioningFlow::MassProduction;
  std::string developer = "default";                  // developer (AWS) account the devices are associated with
  // Sidewalk identity (SMSN = SHA-256 of device_type_id "-" STAGE DSN apid). The scenario reader derives a
  // DeviceTypeId and APID from the type's name where the scenario gives none.
  std::string device_type_id;                         // 14 characters, A-Z and 0-9
  std::string apid;                                   // advertised product id: 4 characters, a-z and 0-9
  std::string dsn_prefix = "SN";                      // a device's DSN: this, then its index in the type (7+ digits)
  std::vector<LinkType> links = {LinkType::Ble};      // preferred order
  RegistrationPath register_via = RegistrationPath::Gateway;
  security::EcdhCurve curve = security::EcdhCurve::X25519;
  McuConfig mcu;
  SimTime manufacture_at = 0;                         // first device made at this time...
  SimTime manufacture_over = 0;                       // ...the rest spread evenly over this span
  RegistrationConfig registration;
  TrafficConfig traffic;
  std::uint32_t dak_signature_limit = 0;              // pre-production DAK signature limit (0: unlimited)
  bool qualified = false;                             // production devices need a qualified type
  DeviceRadioConfig radio;                            // radio hardware, rates, placement, battery
  ImportConfig import;                                // set: the devices are imported, count = their files
};

// The largest Sidewalk PHY payload (sidewalk.md §1.2): an uplink's application payload fits one frame.
inline constexpr std::uint32_t kMaxPayloadBytes = 255;

template <>
struct Settings<TrafficConfig> {
  using C = TrafficConfig;
  static constexpr auto list = std::tuple{
      positive_duration("uplink_period", &C::uplink_period),
      Setting<C, std::uint32_t>{"payload", &C::payload_bytes, Unit::Size, 1, kMaxPayloadBytes,
                                "within 1B..255B (the largest Sidewalk frame payload)"},
      flag("report", &C::report),
      count("downlink_every", &C::downlink_every, 0u, 1'000'000u),
      count("queue_limit", &C::queue_limit, 0u, 1'000'000u),
      positive_duration("ttl", &C::ttl),
      positive_duration("back_to_preferred_after", &C::back_to_preferred_after),
  };
};

template <>
struct Settings<RegistrationConfig> {
  static constexpr auto list = std::tuple{flag("auto", &RegistrationConfig::automatic),
                                          time_distribution("delay", &RegistrationConfig::delay),
                                          count("fallback_after", &RegistrationConfig::fallback_after, 0u, 255u)};
};

// A device type's other keys (name, count, stage and flow, developer, links, registration path, curve, MCU,
// manufacturing schedule, DAK signature limit, radio) are read by hand: they check each other
// (sim/scenario/read_fleet.cpp).
template <>
struct Settings<DeviceTypeConfig> {
  using C = DeviceTypeConfig;
  static constexpr auto list = std::tuple{Section<C, RegistrationConfig>{"register", &C::registration},
                                          Section<C, TrafficConfig>{"traffic", &C::traffic},
                                          flag("qualified", &C::qualified),
                                          count("reserve", &C::reserve, 0u, kMaxDevices)};
};

// The MCU's core, clock and cycle counts are read by hand (sim/scenario/read_fleet.cpp: known cores, a clock of
// at most 1 GHz, cycles by operation name).
template <>
struct Settings<McuConfig> {
  static constexpr auto list = std::tuple{
      quantity("active_current", &McuConfig::active_ma, Unit::Current, 0, 1000, "within 0mA..1A"),
  };
};

// The DSN (device serial number) of the index-th device of a type: dsn_prefix, then the index in at least 7
// digits ("SN0000042").
inline std::string device_serial_number(const DeviceTypeConfig& cfg, std::uint32_t index) {
  std::string digits = std::to_string(index);
  if (digits.size() < 7) digits.insert(0, 7 - digits.size(), '0');
  return cfg.dsn_prefix + digits;
}

// When the index-th device of a type is made: the first at manufacture_at, the rest spread evenly over
// manufacture_over.
inline SimTime manufacture_time(const DeviceTypeConfig& cfg, std::uint32_t index) {
  const std::uint32_t n = cfg.count;
  return cfg.manufacture_at +
         (n > 1 ? static_cast<SimTime>(static_cast<double>(cfg.manufacture_over) * index / n) : 0);
}

}  // namespace st::models
