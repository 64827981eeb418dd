// Units: times, sizes, frequencies, power and fractions, and the causes given for refused texts.
#include <gtest/gtest.h>

#include "sim/scenario/units.hpp"

namespace st::scenario {
namespace {

TEST(Units, DurationsInEveryUnit) {
  EXPECT_EQ(parse_duration("250ms"), 250 * kMillisecond);
  EXPECT_EQ(parse_duration("2s"), 2 * kSecond);
  EXPECT_EQ(parse_duration("10min"), 10 * kMinute);
  EXPECT_EQ(parse_duration("1.5h"), 90 * kMinute);
  EXPECT_EQ(parse_duration("3d"), 72 * kHour);
  EXPECT_EQ(parse_duration("7ns"), 7u);
  EXPECT_EQ(parse_duration("12us"), 12 * kMicrosecond);
  EXPECT_EQ(parse_duration("0.1s"), 100 * kMillisecond);
  EXPECT_EQ(parse_duration("5 min"), 5 * kMinute);
  EXPECT_EQ(parse_duration("0"), 0u);
  EXPECT_EQ(parse_duration("0s"), 0u);
}

TEST(Units, DurationRefusals) {
  EXPECT_FALSE(parse_duration("5"));
  EXPECT_NE(parse_duration_checked("5").error.find("missing unit"), std::string::npos);
  EXPECT_FALSE(parse_duration("-5s"));
  EXPECT_NE(parse_duration_checked("-5s").error.find("negative"), std::string::npos);
  EXPECT_FALSE(parse_duration("abc"));
  EXPECT_FALSE(parse_duration(""));
  EXPECT_FALSE(parse_duration("1e3s"));
  EXPECT_FALSE(parse_duration("200000d"));
  const auto e = parse_duration_checked("5sec").error;
  EXPECT_NE(e.find("unknown time unit 'sec'"), std::string::npos) << e;
  EXPECT_NE(e.find("accepted: ns, us, ms, s, min, h, d"), std::string::npos) << e;
  EXPECT_NE(parse_duration_checked("5MIN").error.find("did you mean 'min'?"), std::string::npos);
}

TEST(Units, Sizes) {
  EXPECT_EQ(parse_size("19B"), 19u);
  EXPECT_EQ(parse_size("4KB"), 4000u);
  EXPECT_EQ(parse_size("4KiB"), 4096u);
  EXPECT_EQ(parse_size("1MB"), 1'000'000u);
  EXPECT_EQ(parse_size("1MiB"), 1'048'576u);
  EXPECT_FALSE(parse_size("19"));
  EXPECT_FALSE(parse_size("0.5B"));
  EXPECT_FALSE(parse_size("-1B"));
  EXPECT_NE(parse_size_checked("3GB").error.find("unknown size unit 'GB'"), std::string::npos);
}

TEST(Units, FrequencyAndPower) {
  EXPECT_DOUBLE_EQ(*parse_frequency("64MHz"), 64e6);
  EXPECT_DOUBLE_EQ(*parse_frequency("500kHz"), 500e3);
  EXPECT_DOUBLE_EQ(*parse_frequency("2.4GHz"), 2.4e9);
  EXPECT_DOUBLE_EQ(*parse_frequency("32768Hz"), 32768.0);
  EXPECT_FALSE(parse_frequency("64"));
  EXPECT_NE(parse_frequency_checked("64Mhz").error.find("did you mean 'MHz'?"), std::string::npos);
  EXPECT_DOUBLE_EQ(*parse_power_dbm("-120dBm"), -120.0);
  EXPECT_DOUBLE_EQ(*parse_power_dbm("14dBm"), 14.0);
  EXPECT_FALSE(parse_power_dbm("14dB"));
  EXPECT_NE(parse_power_dbm_checked("14mW").error.find("accepted: dBm"), std::string::npos);
}

TEST(Units, Probabilities) {
  EXPECT_DOUBLE_EQ(*parse_probability("0.02"), 0.02);
  EXPECT_DOUBLE_EQ(*parse_probability("2%"), 0.02);
  EXPECT_DOUBLE_EQ(*parse_probability("100%"), 1.0);
  EXPECT_FALSE(parse_probability("2dB"));
  EXPECT_FALSE(parse_probability("half"));
}

TEST(Units, FormatDurationRoundTrips) {
  EXPECT_EQ(format_duration(0), "0s");
  EXPECT_EQ(format_duration(250 * kMillisecond), "250ms");
  EXPECT_EQ(format_duration(30 * kMinute), "30min");
  EXPECT_EQ(format_duration(90 * kMinute), "1.5h");
  EXPECT_EQ(format_duration(48 * kHour), "2d");
  for (SimTime t : {SimTime{1}, SimTime{1234567}, 61 * kSecond, 25 * kHour + 1}) {
    EXPECT_EQ(parse_duration(format_duration(t)), t) << format_duration(t);
  }
}

}  // namespace
}  // namespace st::scenario
