// The `airtime` subcommand's function: output format, rates per link, --preamble, and one-line errors.
#include <gtest/gtest.h>

#include <optional>
#include <sstream>
#include <string>

#include "sim/cli/airtime_command.hpp"

namespace st::cli {
namespace {

struct Result {
  int code;
  std::string out, err;
};

Result run(const std::string& link, const std::string& rate, long long payload,
           std::optional<long long> preamble = std::nullopt) {
  AirtimeOptions o;
  o.link = link;
  o.rate = rate;
  o.payload = payload;
  o.preamble = preamble;
  std::ostringstream out, err;
  const int code = airtime_command(o, out, err);
  return {code, out.str(), err.str()};
}

void expect_error(const Result& r, const std::string& needle) {
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
}

TEST(radioAirtimeCommand, Format) {
  EXPECT_EQ(format_airtime_ms(164'864'000), "164.864 ms");
  EXPECT_EQ(format_airtime_ms(0), "0.000 ms");
  EXPECT_EQ(format_airtime_ms(1'499), "0.001 ms");
  EXPECT_EQ(format_airtime_ms(1'500), "0.002 ms");
  EXPECT_EQ(format_airtime_ms(12'000'000'000), "12000.000 ms");
}

TEST(radioAirtimeCommand, Css) {
  const Result r = run("css", "2kbps", 20);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "164.864 ms\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(run("css", "2kbps", 20, 12).out, "181.248 ms\n");
  EXPECT_EQ(run("css", "12.5kbps", 40).out, "38.528 ms\n");
  EXPECT_EQ(run("css", "22kbps", 60).out, "32.832 ms\n");
}

TEST(radioAirtimeCommand, FskAndBle) {
  EXPECT_EQ(run("fsk", "50kbps", 19).out, "5.760 ms\n");
  EXPECT_EQ(run("fsk", "50kbps", 19, 16).out, "7.040 ms\n");
  EXPECT_EQ(run("fsk", "150kbps", 0).out, "0.907 ms\n");
  EXPECT_EQ(run("fsk", "250kbps", 251).out, "8.576 ms\n");
  EXPECT_EQ(run("ble", "1Mbps", 27).out, "0.296 ms\n");
  EXPECT_EQ(run("ble", "2Mbps", 251).out, "1.048 ms\n");
}

TEST(radioAirtimeCommand, BadInput) {
  expect_error(run("css", "5kbps", 20), "unknown rate '5kbps' for link css");
  expect_error(run("fsk", "2kbps", 20), "unknown rate '2kbps' for link fsk");
  expect_error(run("wifi", "1Mbps", 20), "unknown link 'wifi'");
  expect_error(run("css", "2kbps", 256), "too large");
  expect_error(run("fsk", "50kbps", 252), "too large");
  expect_error(run("ble", "1Mbps", 252), "too large");
  expect_error(run("ble", "1Mbps", 10'000'000'000LL), "too large");
  expect_error(run("css", "2kbps", -1), "negative");
  expect_error(run("ble", "1Mbps", 20, 8), "--preamble");
  expect_error(run("css", "2kbps", 20, 0), "--preamble");
  expect_error(run("fsk", "50kbps", 20, -3), "--preamble");
}

}  // namespace
}  // namespace st::cli
