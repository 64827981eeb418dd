// Exact, locale-free number formatting of run outputs, and the nearest-rank percentile of the summary and
// of handshake-latency expectations.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/output/expectation_check.hpp"
#include "sim/output/number_format.hpp"

namespace st::output {
namespace {

TEST(outputFormatSeconds, WholeSeconds) {
  EXPECT_EQ(format_seconds(0), "0");
  EXPECT_EQ(format_seconds(kSecond), "1");
  EXPECT_EQ(format_seconds(12 * kSecond), "12");
  EXPECT_EQ(format_seconds(kHour), "3600");
  EXPECT_EQ(format_seconds(365ULL * 24 * kHour), "31536000");
}

TEST(outputFormatSeconds, FractionsKeepEveryNanosecondAndTrimZeros) {
  EXPECT_EQ(format_seconds(1'500'000'000ULL), "1.5");
  EXPECT_EQ(format_seconds(1), "0.000000001");
  EXPECT_EQ(format_seconds(12'000'000'001ULL), "12.000000001");
  EXPECT_EQ(format_seconds(12'500'000'000ULL), "12.5");
  EXPECT_EQ(format_seconds(1'000), "0.000001");
  EXPECT_EQ(format_seconds(999'999'999ULL), "0.999999999");
  EXPECT_EQ(format_seconds(123'456'789'012ULL), "123.456789012");
  EXPECT_EQ(format_seconds(20 * kMillisecond), "0.02");
}

TEST(outputFormatSeconds, LargestTimeIsExact) {
  // No detour through double: 2^64-1 ns is printed digit for digit.
  EXPECT_EQ(format_seconds(kNever), "18446744073.709551615");
}

TEST(outputFormatMillis, ThreeDecimals) {
  EXPECT_EQ(format_millis(0.0), "0.000");
  EXPECT_EQ(format_millis(1234.567), "1234.567");
  EXPECT_EQ(format_millis(2.5), "2.500");
  EXPECT_EQ(format_millis(1.0), "1.000");
  EXPECT_EQ(format_millis(0.0004), "0.000");
  EXPECT_EQ(format_millis(0.0006), "0.001");
  EXPECT_EQ(format_millis(1234.5674), "1234.567");
  EXPECT_EQ(format_millis(1234.5676), "1234.568");
  EXPECT_EQ(format_millis(to_millis(123'456'789)), "123.457");
  EXPECT_EQ(format_millis(86'400'000.0), "86400000.000");
}

TEST(outputPercentile, EmptyIsZero) {
  EXPECT_EQ(percentile({}, 50), 0.0);
  EXPECT_EQ(percentile({}, 99), 0.0);
}

TEST(outputPercentile, SingleValue) {
  for (int p : {0, 1, 50, 95, 99, 100}) EXPECT_EQ(percentile({42.0}, p), 42.0) << p;
}

TEST(outputPercentile, NearestRankOnKnownData) {
  // The classic nearest-rank example: 15 20 35 40 50, given unsorted.
  const std::vector<double> v = {40, 15, 50, 35, 20};
  EXPECT_EQ(percentile(v, 5), 15);
  EXPECT_EQ(percentile(v, 30), 20);
  EXPECT_EQ(percentile(v, 40), 20);
  EXPECT_EQ(percentile(v, 50), 35);
  EXPECT_EQ(percentile(v, 95), 50);
  EXPECT_EQ(percentile(v, 100), 50);
}

TEST(outputPercentile, OneToOneHundred) {
  std::vector<double> v;
  for (int i = 100; i >= 1; --i) v.push_back(i);
  EXPECT_EQ(percentile(v, 50), 50);
  EXPECT_EQ(percentile(v, 95), 95);
  EXPECT_EQ(percentile(v, 99), 99);
  EXPECT_EQ(percentile(v, 100), 100);
  EXPECT_EQ(percentile(v, 1), 1);
}

TEST(outputPercentile, OneToTwenty) {
  std::vector<double> v;
  for (int i = 1; i <= 20; ++i) v.push_back(i * 10.0);
  EXPECT_EQ(percentile(v, 50), 100);  // rank 10
  EXPECT_EQ(percentile(v, 95), 190);  // rank 19
  EXPECT_EQ(percentile(v, 99), 200);  // rank ceil(19.8) = 20
}

// Regression: the rank used to be ceil(p / 100.0 * n) in floating point, one too high for some (p, n), e.g.
// p7 of 1..100 gave 8 (0.07 * 100 = 7.000000000000001); now integer arithmetic.
TEST(outputPercentile, NearestRankIsExactForEveryPercentile) {
  std::vector<double> v;
  for (int i = 1; i <= 100; ++i) v.push_back(i);
  for (int p = 1; p <= 100; ++p) EXPECT_EQ(percentile(v, p), p) << "p" << p << " of 1..100";
  std::vector<double> w;
  for (int i = 1; i <= 50; ++i) w.push_back(i);
  EXPECT_EQ(percentile(w, 14), 7);  // ceil(0.14 * 50) = 7
}

}  // namespace
}  // namespace st::output
