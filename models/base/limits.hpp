// The largest worlds the twin takes: devices (per type and in the whole fleet) and gateways. Past these a scenario
// is refused as absurd (they bound the settings that count devices or gateways, and the scenario reader's checks).
#pragma once
#include <cstdint>

namespace st::models {

inline constexpr std::uint32_t kMaxDevices = 10'000'000;
inline constexpr std::uint32_t kMaxGateways = 10'000'000;

}  // namespace st::models
