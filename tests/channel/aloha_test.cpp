// ALOHA reference formulas, and the RadioMedium reproducing them by Monte Carlo: equal-power Poisson traffic on
// one channel succeeds with exp(-2G) (pure) and exp(-G) (slotted), and exp(-2G/C) spread over C channels.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <deque>
#include <numbers>
#include <utility>
#include <vector>

#include "models/channel/aloha.hpp"
#include "models/channel/radio_medium.hpp"
#include "sim/kernel/random_stream.hpp"

namespace st::models::channel {
namespace {

TEST(channelAloha, Formulas) {
  EXPECT_NEAR(pure_aloha_success(0.25), 0.606531, 1e-6);
  EXPECT_NEAR(slotted_aloha_success(0.25), 0.778801, 1e-6);
  EXPECT_NEAR(pure_aloha_throughput(0.5), 1.0 / (2.0 * std::numbers::e), 1e-12);  // the peak, 18.4%
  EXPECT_NEAR(slotted_aloha_throughput(1.0), 1.0 / std::numbers::e, 1e-12);       // 36.8%
  EXPECT_DOUBLE_EQ(pure_aloha_success(0.0), 1.0);
  EXPECT_NEAR(pure_aloha_success(0.8, 8), std::exp(-0.2), 1e-12);
  EXPECT_DOUBLE_EQ(aloha_offered_load(250.0, 0.001), 0.25);
  for (int i = 1; i < 10; ++i) {  // rising up to the peak at G = 0.5, falling after it
    const double g = 0.05 * i;
    EXPECT_LT(pure_aloha_throughput(g - 0.05), pure_aloha_throughput(g));
    EXPECT_GT(pure_aloha_throughput(0.5 + g - 0.05), pure_aloha_throughput(0.5 + g));
  }
}

struct Tx {
  SimTime start;
  std::uint32_t transmitter;
  std::uint16_t channel;
};

// Runs `frames` (sorted by start) of duration `len` through a RadioMedium as a discrete-event caller would:
// each frame is registered at its start and resolved once nothing starting before its end is unregistered.
double success_fraction(const std::vector<Tx>& frames, SimTime len) {
  RadioMediumConfig cfg;
  cfg.default_demodulators = 65535;  // only collisions matter here
  RadioMedium m(cfg);
  std::deque<std::pair<SimTime, std::uint32_t>> pending;  // (end, handle), ends ascending (fixed length)
  std::size_t ok = 0;
  const auto resolve_until = [&](SimTime t) {
    while (!pending.empty() && pending.front().first <= t) {
      ok += m.resolve(pending.front().second) == LossCause::None;
      pending.pop_front();
    }
  };
  for (const Tx& f : frames) {
    resolve_until(f.start);
    Reception r;
    r.receiver = 0;
    r.transmitter = f.transmitter;
    r.channel = f.channel;
    r.start = f.start;
    r.end = f.start + len;
    r.rssi_dbm = -90;
    pending.emplace_back(r.end, m.add(r));
  }
  resolve_until(kNever);
  EXPECT_EQ(m.frames_held(), 0u);
  return static_cast<double>(ok) / static_cast<double>(frames.size());
}

std::vector<Tx> poisson(double g, SimTime len, std::size_t n, std::uint16_t channels, std::uint64_t seed) {
  RandomStream rng(seed, 1);
  std::vector<Tx> out;
  double t = 0;
  for (std::size_t i = 0; i < n; ++i) {
    t += rng.exponential(static_cast<double>(len) / g);
    out.push_back({static_cast<SimTime>(t), static_cast<std::uint32_t>(rng.below(1000)),
                   static_cast<std::uint16_t>(rng.below(channels))});
  }
  return out;
}

TEST(channelAloha, RadioMediumReproducesPureAloha) {
  constexpr SimTime kLen = kMillisecond;
  for (double g : {0.1, 0.25, 0.5}) {
    const double p = success_fraction(poisson(g, kLen, 60'000, 1, 5), kLen);
    EXPECT_NEAR(p, pure_aloha_success(g), 0.012) << "G = " << g;
  }
  // Eight channels picked at random: the load per channel is G / 8.
  const double p8 = success_fraction(poisson(2.0, kLen, 60'000, 8, 6), kLen);
  EXPECT_NEAR(p8, pure_aloha_success(2.0, 8), 0.012);
}

TEST(channelAloha, RadioMediumReproducesSlottedAloha) {
  constexpr SimTime kLen = kMillisecond;
  for (double g : {0.25, 1.0}) {
    RandomStream rng(9, 2);
    std::vector<Tx> frames;
    for (SimTime slot = 0; frames.size() < 60'000; ++slot) {
      // Poisson(g) frames in this slot (Knuth's method), all starting at the slot boundary.
      int k = 0;
      for (double prod = rng.uniform_open0(); prod > std::exp(-g); prod *= rng.uniform_open0()) ++k;
      for (int i = 0; i < k; ++i) frames.push_back({slot * kLen, static_cast<std::uint32_t>(i), 0});
    }
    EXPECT_NEAR(success_fraction(frames, kLen), slotted_aloha_success(g), 0.012) << "G = " << g;
  }
}

}  // namespace
}  // namespace st::models::channel
