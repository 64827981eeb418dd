// Lifecycle vocabulary shared by every model: device stages, provisioning flows and registration paths of the
// Sidewalk manufacturing lifecycle (docs/sidewalk.md §4.5).
#pragma once
#include <cstdint>
#include <string_view>

namespace st::models {

// Prototype: up to 1,000 per account, one at a time. Pre-production: limited by the DAK's signature limit,
// for qualification. Production: unlimited, only once the device type is qualified.
enum class Stage : std::uint8_t { Prototype, PreProduction, Production };
// Prototyping: device data flashed by hand, the DAK held by the cloud. Mass production: the contract
// manufacturer signs with its DAK (HSM) and submits control-log records to the manufacturing (EDI) ingest.
enum class ProvisioningFlow : std::uint8_t { Prototyping, MassProduction };
// How a device registers: through a Sidewalk gateway, or a developer's mobile app over BLE.
enum class RegistrationPath : std::uint8_t { Gateway, MobileApp };

// Every value of each, in the order the scenario format lists them.
inline constexpr Stage kStages[] = {Stage::Prototype, Stage::PreProduction, Stage::Production};
inline constexpr ProvisioningFlow kProvisioningFlows[] = {ProvisioningFlow::MassProduction,
                                                          ProvisioningFlow::Prototyping};
inline constexpr RegistrationPath kRegistrationPaths[] = {RegistrationPath::Gateway, RegistrationPath::MobileApp};

constexpr std::string_view to_string(Stage s) {
  switch (s) {
    case Stage::Prototype: return "prototype";
    case Stage::PreProduction: return "preproduction";
    case Stage::Production: return "production";
  }
  return "?";
}
constexpr std::string_view to_string(ProvisioningFlow f) {
  return f == ProvisioningFlow::Prototyping ? "prototyping" : "mass_production";
}
constexpr std::string_view to_string(RegistrationPath p) {
  return p == RegistrationPath::Gateway ? "gateway" : "mobile_app";
}

}  // namespace st::models
