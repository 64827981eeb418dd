// RandomStream: reproducible per (seed, stream), independent between streams and seeds, resumable from a
// position, and with the right ranges and moments.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

#include "sim/kernel/random_stream.hpp"

namespace st {
namespace {

std::vector<std::uint64_t> draw(RandomStream r, int n) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < n; ++i) out.push_back(r.next_u64());
  return out;
}

TEST(kernelMix64, KnownSplitMix64Values) {
  // SplitMix64 with state 0: the first output of the reference generator is mix64(0).
  EXPECT_EQ(mix64(0), 0xE220A8397B1DCDAFULL);
  EXPECT_NE(mix64(1), mix64(2));
}

TEST(kernelRandomStream, SameSeedAndStreamGiveTheSameSequence) {
  const auto a = draw(RandomStream(42, 7), 1000);
  const auto b = draw(RandomStream(42, 7), 1000);
  EXPECT_EQ(a, b);
}

TEST(kernelRandomStream, DifferentStreamsDiffer) {
  const auto a = draw(RandomStream(42, 7), 100);
  const auto b = draw(RandomStream(42, 8), 100);
  const auto c = draw(RandomStream(42, kActorStreamBase + 7), 100);
  int same_ab = 0;
  int same_ac = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    same_ab += a[i] == b[i];
    same_ac += a[i] == c[i];
  }
  EXPECT_EQ(same_ab, 0);
  EXPECT_EQ(same_ac, 0);
  // First values of many streams are all distinct.
  std::set<std::uint64_t> firsts;
  for (std::uint64_t s = 0; s < 10'000; ++s) firsts.insert(RandomStream(1, s).next_u64());
  EXPECT_EQ(firsts.size(), 10'000u);
}

TEST(kernelRandomStream, DifferentSeedsDiffer) {
  const auto a = draw(RandomStream(1, 0), 100);
  const auto b = draw(RandomStream(2, 0), 100);
  int same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  EXPECT_EQ(same, 0);
}

TEST(kernelRandomStream, ResumesFromAStoredPosition) {
  RandomStream r(5, 9);
  for (int i = 0; i < 37; ++i) r.next_u64();
  EXPECT_EQ(r.position(), 37u);
  RandomStream resumed(5, 9, r.position());
  EXPECT_EQ(draw(r, 50), draw(resumed, 50));
}

TEST(kernelRandomStream, UniformIsInZeroOne) {
  RandomStream r(123, 4);
  double lo = 1.0;
  double hi = 0.0;
  double sum = 0.0;
  std::array<int, 10> buckets{};
  constexpr int kN = 100'000;
  for (int i = 0; i < kN; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    lo = std::min(lo, u);
    hi = std::max(hi, u);
    sum += u;
    ++buckets[static_cast<std::size_t>(u * 10)];
  }
  EXPECT_LT(lo, 1e-3);
  EXPECT_GT(hi, 1 - 1e-3);
  EXPECT_NEAR(sum / kN, 0.5, 0.005);
  for (int b : buckets) EXPECT_NEAR(b, kN / 10, 600);  // ~6 standard deviations
}

TEST(kernelRandomStream, UniformOpen0IsInZeroExclusiveOneInclusive) {
  RandomStream r(8, 8);
  for (int i = 0; i < 100'000; ++i) {
    const double u = r.uniform_open0();
    ASSERT_GT(u, 0.0);
    ASSERT_LE(u, 1.0);
  }
}

TEST(kernelRandomStream, BelowStaysInRange) {
  RandomStream r(3, 3);
  std::array<int, 7> seen{};
  for (int i = 0; i < 70'000; ++i) {
    const std::uint64_t v = r.below(7);
    ASSERT_LT(v, 7u);
    ++seen[v];
  }
  for (int s : seen) EXPECT_NEAR(s, 10'000, 500);
  EXPECT_EQ(r.below(0), 0u);
}

TEST(kernelRandomStream, BernoulliEdgesAndRate) {
  RandomStream r(6, 1);
  int hits = 0;
  for (int i = 0; i < 10'000; ++i) {
    ASSERT_FALSE(r.bernoulli(0.0));
    ASSERT_TRUE(r.bernoulli(1.0));
  }
  for (int i = 0; i < 100'000; ++i) hits += r.bernoulli(0.25);
  EXPECT_NEAR(hits, 25'000, 800);
}

TEST(kernelRandomStream, ExponentialMeanOverOneHundredThousandDraws) {
  RandomStream r(77, 2);
  constexpr int kN = 100'000;
  constexpr double kMean = 300.0;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < kN; ++i) {
    const double x = r.exponential(kMean);
    ASSERT_GE(x, 0.0);
    ASSERT_TRUE(std::isfinite(x));
    sum += x;
    sum_sq += x * x;
  }
  const double mean = sum / kN;
  // Standard error of the mean is kMean / sqrt(kN) = 0.32% of the mean: allow 2% (over 6 sigma).
  EXPECT_NEAR(mean, kMean, 0.02 * kMean);
  // An exponential's standard deviation equals its mean.
  const double sd = std::sqrt(sum_sq / kN - mean * mean);
  EXPECT_NEAR(sd, kMean, 0.03 * kMean);
}

TEST(kernelRandomStream, StandardNormalMoments) {
  RandomStream r(11, 5);
  constexpr int kN = 100'000;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < kN; ++i) {
    const double x = r.standard_normal();
    sum += x;
    sum_sq += x * x;
  }
  EXPECT_NEAR(sum / kN, 0.0, 0.02);
  EXPECT_NEAR(sum_sq / kN, 1.0, 0.03);
}

}  // namespace
}  // namespace st
