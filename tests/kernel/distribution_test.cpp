// Distribution: for every kind, the analytic mean, the sample mean over many draws, the support, the
// rounding of sample_time and the description text.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "sim/kernel/distribution.hpp"

namespace st {
namespace {

double sample_mean(const Distribution& d, std::uint64_t stream, int n = 100'000) {
  RandomStream r(2718, stream);
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += d.sample(r);
  return sum / n;
}

TEST(kernelDistribution, DefaultIsConstantZero) {
  const Distribution d;
  RandomStream r(1, 1);
  EXPECT_EQ(d.kind, Distribution::Kind::Constant);
  EXPECT_EQ(d.sample(r), 0.0);
  EXPECT_EQ(d.mean(), 0.0);
  EXPECT_EQ(r.position(), 0u);  // a constant draws nothing
}

TEST(kernelDistribution, Constant) {
  const auto d = Distribution::constant(30e6);
  RandomStream r(1, 1);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(d.sample(r), 30e6);
  EXPECT_EQ(d.mean(), 30e6);
  EXPECT_EQ(d.sample_time(r), 30'000'000u);
  EXPECT_EQ(d.describe(), "30ms");
}

TEST(kernelDistribution, Uniform) {
  const auto d = Distribution::uniform(10.0, 50.0);
  EXPECT_DOUBLE_EQ(d.mean(), 30.0);
  RandomStream r(4, 4);
  for (int i = 0; i < 10'000; ++i) {
    const double x = d.sample(r);
    ASSERT_GE(x, 10.0);
    ASSERT_LT(x, 50.0);
  }
  EXPECT_NEAR(sample_mean(d, 1), 30.0, 0.2);
  EXPECT_EQ(Distribution::uniform(10e6, 50e6).describe(), "uniform(10ms, 50ms)");
}

TEST(kernelDistribution, Exponential) {
  const auto d = Distribution::exponential(30e9);
  EXPECT_EQ(d.mean(), 30e9);
  RandomStream r(4, 5);
  for (int i = 0; i < 10'000; ++i) ASSERT_GE(d.sample(r), 0.0);
  EXPECT_NEAR(sample_mean(d, 2), 30e9, 0.02 * 30e9);
  EXPECT_EQ(d.describe(), "exponential(mean=30000ms)");
}

TEST(kernelDistribution, LogNormal) {
  const double median = 120e6;
  const double sigma = 0.3;
  const auto d = Distribution::lognormal(median, sigma);
  EXPECT_DOUBLE_EQ(d.mean(), median * std::exp(sigma * sigma / 2));
  EXPECT_NEAR(sample_mean(d, 3), d.mean(), 0.01 * d.mean());
  // The median of the samples is the median parameter.
  RandomStream r(9, 9);
  int below = 0;
  for (int i = 0; i < 100'000; ++i) {
    const double x = d.sample(r);
    ASSERT_GT(x, 0.0);
    below += x < median;
  }
  EXPECT_NEAR(below, 50'000, 800);
  EXPECT_EQ(d.describe(), "lognormal(median=120ms, sigma=0.3)");
}

TEST(kernelDistribution, NormalTruncatedAtZero) {
  const auto d = Distribution::normal(100.0, 20.0);
  EXPECT_EQ(d.mean(), 100.0);
  EXPECT_NEAR(sample_mean(d, 4), 100.0, 0.5);
  // With mean 0 half the draws are truncated to exactly 0 and none is negative.
  const auto z = Distribution::normal(0.0, 1.0);
  RandomStream r(5, 5);
  int zeros = 0;
  for (int i = 0; i < 100'000; ++i) {
    const double x = z.sample(r);
    ASSERT_GE(x, 0.0);
    zeros += x == 0.0;
  }
  EXPECT_NEAR(zeros, 50'000, 800);
  EXPECT_EQ(Distribution::normal(100e6, 20e6).describe(), "normal(mean=100ms, sd=20ms)");
}

TEST(kernelDistribution, SampleTimeRoundsToTheNearestNanosecondAndClampsAtZero) {
  RandomStream r(1, 1);
  EXPECT_EQ(Distribution::constant(1.4).sample_time(r), 1u);
  EXPECT_EQ(Distribution::constant(1.5).sample_time(r), 2u);
  EXPECT_EQ(Distribution::constant(-5.0).sample_time(r), 0u);
  EXPECT_EQ(Distribution::constant(0.0).sample_time(r), 0u);
  EXPECT_EQ(Distribution::constant(2.0 * 1e9).sample_time(r), 2'000'000'000u);
}

TEST(kernelDistribution, SamplingIsReproducible) {
  const auto d = Distribution::lognormal(40e6, 0.5);
  RandomStream a(31, 4);
  RandomStream b(31, 4);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(d.sample_time(a), d.sample_time(b));
}

}  // namespace
}  // namespace st
