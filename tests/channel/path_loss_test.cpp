// Path loss against hand-computed values (Friis, log-distance, Okumura-Hata), the 1 m floor, Hata's clamping and
// extrapolation rules, and shadowing: stable per pair, N(0, sigma) over many pairs.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "models/channel/path_loss.hpp"

namespace st::models::channel {
namespace {

// Reference values computed by hand (Python, double precision) from the textbook formulas.
TEST(channelPathLoss, FreeSpaceMatchesFriis) {
  EXPECT_NEAR(free_space_loss_db(100, 915e6), 71.6762, 1e-3);
  EXPECT_NEAR(free_space_loss_db(1000, 915e6), 91.6762, 1e-3);
  EXPECT_NEAR(free_space_loss_db(10, 2.44e9), 60.1956, 1e-3);
  EXPECT_NEAR(free_space_loss_db(1, 868e6), 31.2182, 1e-3);
  const auto m = PathLossModel::free_space(915e6);
  EXPECT_NEAR(m.loss_db(100), 71.6762, 1e-3);
  // +20 dB per decade.
  EXPECT_NEAR(m.loss_db(1000) - m.loss_db(100), 20.0, 1e-9);
}

TEST(channelPathLoss, DistanceIsFlooredAtOneMetre) {
  const auto fs = PathLossModel::free_space(915e6);
  EXPECT_DOUBLE_EQ(fs.loss_db(0.0), fs.loss_db(1.0));
  EXPECT_DOUBLE_EQ(fs.loss_db(0.25), fs.loss_db(1.0));
  EXPECT_DOUBLE_EQ(fs.loss_db(-5.0), fs.loss_db(1.0));
  const PathLossModel ld;  // default log-distance
  EXPECT_DOUBLE_EQ(ld.loss_db(0.0), ld.reference_loss_db);
  const auto hata = PathLossModel::okumura_hata(HataEnvironment::UrbanSmallMedium, 915e6, 30, 1.5);
  EXPECT_DOUBLE_EQ(hata.loss_db(0.1), hata.loss_db(1.0));
}

TEST(channelPathLoss, LogDistance) {
  PathLossModel m;
  m.kind = PathLossKind::LogDistance;
  m.reference_distance_m = 10;
  m.reference_loss_db = 60;
  m.exponent = 2.5;
  EXPECT_NEAR(m.loss_db(200), 92.5257, 1e-3);  // 60 + 25 log10(20)
  EXPECT_NEAR(m.loss_db(10), 60.0, 1e-12);
  // Defaults: PL(1 m) = 31.68 dB (free space at 915 MHz), n = 3.5.
  const PathLossModel d;
  EXPECT_NEAR(d.loss_db(1000), 136.68, 1e-9);
  // The helper takes PL(d0) from free space.
  const auto h = PathLossModel::log_distance(3.0, 8.0, 915e6);
  EXPECT_NEAR(h.reference_loss_db, 31.6762, 1e-3);
  EXPECT_NEAR(h.loss_db(100), 31.6762 + 60.0, 1e-3);
  EXPECT_EQ(h.shadowing_sigma_db, 8.0);
}

TEST(channelPathLoss, OkumuraHataKnownPoints) {
  // 900 MHz, base 30 m, mobile 1.5 m, 5 km (the classic textbook case: ~151 dB urban).
  EXPECT_NEAR(okumura_hata_loss_db(5000, 900e6, 30, 1.5, HataEnvironment::UrbanSmallMedium), 151.0244, 1e-3);
  EXPECT_NEAR(okumura_hata_loss_db(5000, 900e6, 30, 1.5, HataEnvironment::UrbanLarge), 151.0412, 1e-3);
  EXPECT_NEAR(okumura_hata_loss_db(5000, 900e6, 30, 1.5, HataEnvironment::Suburban), 141.0818, 1e-3);
  EXPECT_NEAR(okumura_hata_loss_db(5000, 900e6, 30, 1.5, HataEnvironment::Open), 122.5180, 1e-3);
  EXPECT_NEAR(okumura_hata_loss_db(10000, 900e6, 50, 2, HataEnvironment::UrbanSmallMedium), 155.8342, 1e-3);
  EXPECT_NEAR(okumura_hata_loss_db(10000, 900e6, 50, 2, HataEnvironment::UrbanLarge), 156.0795, 1e-3);
  const auto m = PathLossModel::okumura_hata(HataEnvironment::Suburban, 900e6, 50, 2);
  EXPECT_NEAR(m.loss_db(10000), 145.8916, 1e-3);
}

TEST(channelPathLoss, OkumuraHataOutsideItsRange) {
  const auto urban = HataEnvironment::UrbanSmallMedium;
  // Below 1 km and beyond 20 km the distance term is extrapolated (not clamped).
  EXPECT_NEAR(okumura_hata_loss_db(500, 915e6, 30, 1.5, urban), 115.9867, 1e-3);
  EXPECT_NEAR(okumura_hata_loss_db(30000, 915e6, 30, 1.5, urban), 178.6218, 1e-3);
  // ...but never below free space: at 3 m the extrapolation gives 37.72 dB, free space 41.22 dB.
  EXPECT_NEAR(okumura_hata_loss_db(3, 915e6, 30, 1.5, urban), 41.2186, 1e-3);
  // Frequency is clamped to 1500 MHz (the free-space floor still uses the true frequency).
  EXPECT_NEAR(okumura_hata_loss_db(1000, 2.4e9, 30, 1.5, urban), 132.1869, 1e-3);
  // Base height below 30 m is clamped to 30 m.
  EXPECT_NEAR(okumura_hata_loss_db(2000, 915e6, 10, 1.5, urban), 137.1942, 1e-3);
  // Monotonic in distance.
  double prev = 0;
  for (double d = 1; d < 50000; d *= 1.7) {
    const double l = okumura_hata_loss_db(d, 915e6, 30, 1.5, HataEnvironment::Open);
    EXPECT_GE(l, prev);
    prev = l;
  }
}

TEST(channelPathLoss, ShadowingIsStablePerPair) {
  const double a = shadowing_db(42, 7, 1000, 8.0);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(shadowing_db(42, 7, 1000, 8.0), a);
  EXPECT_NE(shadowing_db(42, 7, 1001, 8.0), a);
  EXPECT_NE(shadowing_db(42, 8, 1000, 8.0), a);
  EXPECT_NE(shadowing_db(43, 7, 1000, 8.0), a);
  EXPECT_NE(shadowing_db(42, 1000, 7, 8.0), a);  // directional
  EXPECT_DOUBLE_EQ(shadowing_db(42, 7, 1000, 4.0), a / 2.0);
  EXPECT_EQ(shadowing_db(42, 7, 1000, 0.0), 0.0);
  PathLossModel m;
  m.shadowing_sigma_db = 8.0;
  EXPECT_DOUBLE_EQ(m.loss_with_shadowing_db(250, 42, 7, 1000), m.loss_db(250) + a);
}

TEST(channelPathLoss, ShadowingHasZeroMeanAndSigmaOverPairs) {
  constexpr double kSigma = 8.0;
  double sum = 0;
  double sum2 = 0;
  int within_1sd = 0;
  int n = 0;
  for (std::uint32_t tx = 0; tx < 400; ++tx) {
    for (std::uint32_t rx = 0; rx < 50; ++rx) {
      const double x = shadowing_db(2024, tx, rx, kSigma);
      sum += x;
      sum2 += x * x;
      within_1sd += std::abs(x) <= kSigma;
      ++n;
    }
  }
  const double mean = sum / n;
  const double sd = std::sqrt(sum2 / n - mean * mean);
  // n = 20000: the standard error of the mean is 0.057 dB, of the sd 0.04 dB.
  EXPECT_NEAR(mean, 0.0, 0.25);
  EXPECT_NEAR(sd, kSigma, 0.2);
  EXPECT_NEAR(static_cast<double>(within_1sd) / n, 0.6827, 0.015);
}

TEST(channelPathLoss, ReceivedPower) {
  EXPECT_DOUBLE_EQ(received_power_dbm(20, 130), -110);
  EXPECT_DOUBLE_EQ(received_power_dbm(20, 130, 2.15), -107.85);
}

}  // namespace
}  // namespace st::models::channel
