// Channel plan: deterministic per-node channel hopping on the sub-GHz and BLE media.
#include "models/channel/channel_plan.hpp"

#include "sim/kernel/random_stream.hpp"

namespace st::models::channel {
namespace {

// Stream domains of the hop sequences (high bits, so node ids below 2^32 never reach them).
constexpr std::uint64_t kHopDomainSubGhz = 0xC4A0'0000'0000'0000ULL;
constexpr std::uint64_t kHopDomainBle = 0xC4A1'0000'0000'0000ULL;

}  // namespace

std::uint16_t hop_channel(std::uint64_t seed, std::uint64_t domain, std::uint32_t node, std::uint64_t counter,
                          std::uint16_t count) {
  if (count == 0) return 0;
  RandomStream rng(seed, domain | node, counter);
  return static_cast<std::uint16_t>(rng.below(count));
}

std::uint16_t SubGhzPlan::channel_for(std::uint64_t seed, std::uint32_t node, std::uint64_t counter) const {
  return hop_channel(seed, kHopDomainSubGhz, node, counter, count);
}

std::uint16_t ble_data_channel_for(std::uint64_t seed, std::uint32_t node, std::uint64_t counter) {
  return hop_channel(seed, kHopDomainBle, node, counter, kBleDataChannelCount);
}

std::uint16_t channel_for(LinkType link, std::uint64_t seed, std::uint32_t node, std::uint64_t counter) {
  return link == LinkType::Ble ? ble_data_channel_for(seed, node, counter)
                               : kSubGhzPlan.channel_for(seed, node, counter);
}

double centre_hz(LinkType link, std::uint16_t channel) {
  return link == LinkType::Ble ? ble_centre_hz(channel) : kSubGhzPlan.centre_hz(channel);
}

std::uint16_t channel_count(LinkType link) { return link == LinkType::Ble ? kBleChannelCount : kSubGhzPlan.count; }

}  // namespace st::models::channel
