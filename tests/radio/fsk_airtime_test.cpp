// FSK time on air from bytes and bit rate (160 us per byte at 50 kbps), framing and the 255-byte limit.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "hw_models/radio/fsk_airtime.hpp"

namespace st::hw {
namespace {

FskParams at(double bps) {
  FskParams p;
  p.bitrate_bps = bps;
  return p;
}

TEST(radioFskAirtime, OneHundredSixtyMicrosecondsPerByteAt50kbps) {
  const FskParams p = at(50e3);
  for (unsigned n : {0u, 1u, 19u, 100u, 250u}) {
    EXPECT_EQ(fsk_time_on_air(p, n + 1) - fsk_time_on_air(p, n), 160'000u) << n;
  }
}

TEST(radioFskAirtime, FrameBytesAndTimesByHand) {
  // 8 preamble + 3 sync + 2 PHR + payload + 4 FCS.
  EXPECT_EQ(fsk_frame_bytes(at(50e3), 19), 36u);
  EXPECT_EQ(fsk_time_on_air(at(50e3), 19), 5'760'000u);     // 288 bits / 50 kbps
  EXPECT_EQ(fsk_time_on_air(at(150e3), 10), 1'440'000u);    // 216 bits / 150 kbps
  EXPECT_EQ(fsk_time_on_air(at(250e3), 251), 8'576'000u);   // 2144 bits / 250 kbps
  EXPECT_EQ(fsk_time_on_air(at(150e3), 0), 906'667u);       // 136 bits / 150 kbps = 906.666.. us
  EXPECT_NEAR(fsk_time_on_air_s(at(150e3), 0), 136.0 / 150e3, 1e-15);

  FskParams p = at(50e3);
  p.preamble_bytes = 16;  // 8 more bytes: + 1.28 ms
  EXPECT_EQ(fsk_time_on_air(p, 19), 7'040'000u);
  p = at(50e3);
  p.fcs_bytes = 2;
  EXPECT_EQ(fsk_frame_bytes(p, 19), 34u);
}

TEST(radioFskAirtime, MaxPhyPayloadIncludesTheFcs) {
  FskParams p = at(50e3);
  EXPECT_EQ(fsk_max_payload_bytes(p), 251u);
  EXPECT_NO_THROW(fsk_time_on_air(p, 251));
  EXPECT_THROW(fsk_time_on_air(p, 252), std::invalid_argument);
  p.fcs_bytes = 2;
  EXPECT_EQ(fsk_max_payload_bytes(p), 253u);
  EXPECT_NO_THROW(fsk_time_on_air(p, 253));
  EXPECT_THROW(fsk_time_on_air(p, 254), std::invalid_argument);
  try {
    fsk_time_on_air(at(250e3), 300);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("251"), std::string::npos) << e.what();
  }
  EXPECT_THROW(fsk_time_on_air(at(0), 10), std::invalid_argument);
}

TEST(radioFskAirtime, SidewalkRatesByName) {
  ASSERT_TRUE(sidewalk_fsk_rate("50kbps"));
  EXPECT_EQ(sidewalk_fsk_rate("50kbps")->bitrate_bps, 50e3);
  EXPECT_EQ(sidewalk_fsk_rate("150kbps")->bitrate_bps, 150e3);
  EXPECT_EQ(sidewalk_fsk_rate("250kbps")->bitrate_bps, 250e3);
  EXPECT_EQ(sidewalk_fsk_rate("250kbps")->fcs_bytes, 4u);
  EXPECT_FALSE(sidewalk_fsk_rate("100kbps"));
  EXPECT_EQ(known_fsk_rates(), "50kbps, 150kbps, 250kbps");
}

}  // namespace
}  // namespace st::hw
