// Channel plan: sub-GHz slots inside 902-928 MHz, BLE's 40 channels and advertising channels, and the hop
// function's determinism, range and uniformity.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

#include "models/channel/channel_plan.hpp"

namespace st::models::channel {
namespace {

TEST(channelPlan, SubGhzSlotsFitTheBand) {
  EXPECT_EQ(kSubGhzPlan.count, 50);
  EXPECT_EQ(channel_count(LinkType::Css), 50);
  EXPECT_EQ(channel_count(LinkType::Fsk), 50);
  EXPECT_DOUBLE_EQ(kSubGhzPlan.centre_hz(0), 902.75e6);
  EXPECT_DOUBLE_EQ(kSubGhzPlan.centre_hz(49), 927.25e6);
  for (std::uint16_t ch = 0; ch < kSubGhzPlan.count; ++ch) {
    const double f = kSubGhzPlan.centre_hz(ch);
    EXPECT_GE(f - kSubGhzPlan.spacing_hz / 2, kSubGhzBandLow_hz);
    EXPECT_LE(f + kSubGhzPlan.spacing_hz / 2, kSubGhzBandHigh_hz);
    if (ch > 0) {
      EXPECT_DOUBLE_EQ(f - kSubGhzPlan.centre_hz(static_cast<std::uint16_t>(ch - 1)), 500e3);
    }
    // FSK and CSS share the slots.
    EXPECT_EQ(centre_hz(LinkType::Fsk, ch), centre_hz(LinkType::Css, ch));
  }
  EXPECT_EQ(medium_of(LinkType::Css), Medium::SubGhz);
  EXPECT_EQ(medium_of(LinkType::Fsk), Medium::SubGhz);
  EXPECT_EQ(medium_of(LinkType::Ble), Medium::Ble);
  EXPECT_NE(medium_id(Medium::SubGhz), medium_id(Medium::Ble));
}

TEST(channelPlan, BleChannels) {
  EXPECT_EQ(kBleChannelCount, 40);
  EXPECT_EQ(channel_count(LinkType::Ble), 40);
  std::set<double> freqs;
  for (std::uint16_t ch = 0; ch < kBleChannelCount; ++ch) freqs.insert(ble_centre_hz(ch));
  std::set<double> expected;
  for (int k = 0; k < 40; ++k) expected.insert(2402e6 + 2e6 * k);
  EXPECT_EQ(freqs, expected);  // a bijection onto 2402 + 2k MHz
  EXPECT_DOUBLE_EQ(ble_centre_hz(37), 2402e6);
  EXPECT_DOUBLE_EQ(ble_centre_hz(38), 2426e6);
  EXPECT_DOUBLE_EQ(ble_centre_hz(39), 2480e6);
  EXPECT_DOUBLE_EQ(ble_centre_hz(0), 2404e6);
  EXPECT_DOUBLE_EQ(ble_centre_hz(10), 2424e6);
  EXPECT_DOUBLE_EQ(ble_centre_hz(11), 2428e6);
  EXPECT_DOUBLE_EQ(ble_centre_hz(36), 2478e6);
  EXPECT_EQ(kBleAdvertisingChannels, (std::array<std::uint16_t, 3>{37, 38, 39}));
  for (std::uint16_t ch = 0; ch < 40; ++ch) EXPECT_EQ(is_ble_advertising(ch), ch >= 37);
  // Data channels (0..36) ascend in frequency.
  for (std::uint16_t ch = 1; ch < 37; ++ch) {
    EXPECT_GT(ble_centre_hz(ch), ble_centre_hz(static_cast<std::uint16_t>(ch - 1)));
  }
}

TEST(channelPlan, HopIsDeterministicInRangeAndUniform) {
  std::vector<int> sub(kSubGhzPlan.count, 0);
  std::vector<int> ble(kBleDataChannelCount, 0);
  constexpr int kN = 200'000;
  for (int i = 0; i < kN; ++i) {
    const auto node = static_cast<std::uint32_t>(i % 1000);
    const auto counter = static_cast<std::uint64_t>(i / 1000);
    const std::uint16_t s = kSubGhzPlan.channel_for(7, node, counter);
    const std::uint16_t b = ble_data_channel_for(7, node, counter);
    ASSERT_LT(s, kSubGhzPlan.count);
    ASSERT_LT(b, kBleDataChannelCount);
    EXPECT_EQ(s, channel_for(LinkType::Css, 7, node, counter));
    EXPECT_EQ(b, channel_for(LinkType::Ble, 7, node, counter));
    ++sub[s];
    ++ble[b];
  }
  EXPECT_EQ(kSubGhzPlan.channel_for(7, 3, 9), kSubGhzPlan.channel_for(7, 3, 9));
  // Chi-square against uniform: 49 and 36 degrees of freedom; 99.99% quantiles about 95 and 75.
  const auto chi2 = [](const std::vector<int>& c, int n) {
    const double e = static_cast<double>(n) / static_cast<double>(c.size());
    double x = 0;
    for (int v : c) x += (v - e) * (v - e) / e;
    return x;
  };
  EXPECT_LT(chi2(sub, kN), 95.0);
  EXPECT_LT(chi2(ble, kN), 75.0);
  // Different seeds, nodes, media give different sequences.
  int same_seed = 0;
  int same_node = 0;
  int same_media = 0;
  for (std::uint64_t c = 0; c < 1000; ++c) {
    same_seed += kSubGhzPlan.channel_for(1, 5, c) == kSubGhzPlan.channel_for(2, 5, c);
    same_node += kSubGhzPlan.channel_for(1, 5, c) == kSubGhzPlan.channel_for(1, 6, c);
    same_media += hop_channel(1, 0xC4A0'0000'0000'0000ULL, 5, c, 37) == ble_data_channel_for(1, 5, c);
  }
  EXPECT_LT(same_seed, 60);  // about 1000/50 expected by chance
  EXPECT_LT(same_node, 60);
  EXPECT_LT(same_media, 70);  // about 1000/37
  EXPECT_EQ(hop_channel(1, 0, 5, 9, 0), 0);
}

}  // namespace
}  // namespace st::models::channel
