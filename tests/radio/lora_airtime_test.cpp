// LoRa time on air against hand-computed AN1200.13 values, the examples of docs/sidewalk.md §6.1, DE switching, limits.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "hw_models/radio/lora_airtime.hpp"

namespace st::hw {
namespace {

LoraParams css(unsigned sf, unsigned cr) {
  LoraParams p;
  p.sf = sf;
  p.coding_rate = cr;
  return p;
}

TEST(radioLoraAirtime, Sf11Pl20IsExactly164864us) {
  // Tsym = 2048 / 500 kHz = 4.096 ms; Npay = 8 + ceil((160 - 44 + 28 + 16) / 44) * 5 = 28;
  // ToA = (8 + 4.25 + 28) * 4.096 ms = 164.864 ms.
  const LoraParams p = css(11, 1);
  EXPECT_EQ(lora_payload_symbols(p, 20), 28u);
  EXPECT_EQ(lora_time_on_air(p, 20), 164'864'000u);
  EXPECT_NEAR(lora_time_on_air_s(p, 20), 0.164864, 1e-12);
}

struct Case {
  unsigned sf, cr, payload;
  unsigned symbols;     // Npay, by hand
  SimTime exact_ns;     // by hand
  long rounded_ms;      // docs/sidewalk.md §6.1 examples
};

TEST(radioLoraAirtime, SidewalkExamplesByHand) {
  const Case cases[] = {
      // SF11 CR4/5, Tsym 4.096 ms
      {11, 1, 20, 28, 164'864'000, 165},
      {11, 1, 40, 48, 246'784'000, 247},  // ceil(320/44) = 8 -> 48; 60.25 * 4.096
      {11, 1, 60, 63, 308'224'000, 308},  // ceil(480/44) = 11 -> 63; 75.25 * 4.096
      // SF8 CR4/5, Tsym 0.512 ms
      {8, 1, 20, 38, 25'728'000, 26},  // ceil(172/32) = 6 -> 38; 50.25 * 0.512
      {8, 1, 40, 63, 38'528'000, 39},  // ceil(332/32) = 11 -> 63; 75.25 * 0.512
      {8, 1, 60, 88, 51'328'000, 51},  // ceil(492/32) = 16 -> 88; 100.25 * 0.512
      // SF7 CR4/6, Tsym 0.256 ms
      {7, 2, 20, 50, 15'936'000, 16},   // ceil(176/28) = 7 -> 8 + 42; 62.25 * 0.256
      {7, 2, 40, 80, 23'616'000, 24},   // ceil(336/28) = 12 -> 8 + 72; 92.25 * 0.256
      {7, 2, 60, 116, 32'832'000, 33},  // ceil(496/28) = 18 -> 8 + 108; 128.25 * 0.256
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("SF" + std::to_string(c.sf) + " PL" + std::to_string(c.payload));
    const LoraParams p = css(c.sf, c.cr);
    EXPECT_EQ(lora_payload_symbols(p, c.payload), c.symbols);
    EXPECT_EQ(lora_time_on_air(p, c.payload), c.exact_ns);
    EXPECT_EQ(std::lround(lora_time_on_air_s(p, c.payload) * 1e3), c.rounded_ms);
  }
}

TEST(radioLoraAirtime, SidewalkRatesByName) {
  const auto r2 = sidewalk_css_rate("2kbps");
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->sf, 11u);
  EXPECT_EQ(r2->coding_rate, 1u);
  EXPECT_EQ(r2->bandwidth_hz, 500e3);
  EXPECT_EQ(r2->preamble_symbols, 8u);
  EXPECT_TRUE(r2->explicit_header);
  EXPECT_TRUE(r2->crc);
  const auto r12 = sidewalk_css_rate("12.5kbps");
  ASSERT_TRUE(r12);
  EXPECT_EQ(r12->sf, 8u);
  EXPECT_EQ(r12->coding_rate, 1u);
  const auto r22 = sidewalk_css_rate("22kbps");
  ASSERT_TRUE(r22);
  EXPECT_EQ(r22->sf, 7u);
  EXPECT_EQ(r22->coding_rate, 2u);
  EXPECT_FALSE(sidewalk_css_rate("5kbps"));
  EXPECT_FALSE(sidewalk_css_rate(""));
  EXPECT_EQ(known_css_rates(), "2kbps, 12.5kbps, 22kbps");
}

TEST(radioLoraAirtime, SymbolTime) {
  EXPECT_DOUBLE_EQ(lora_symbol_time_s(css(11, 1)), 4.096e-3);
  EXPECT_DOUBLE_EQ(lora_symbol_time_s(css(8, 1)), 0.512e-3);
  EXPECT_DOUBLE_EQ(lora_symbol_time_s(css(7, 1)), 0.256e-3);
}

TEST(radioLoraAirtime, LowDataRateOptimiseSwitchesAbove16msSymbols) {
  LoraParams p = css(11, 1);
  EXPECT_FALSE(lora_low_data_rate_optimize(p));  // 4.096 ms at 500 kHz
  p.sf = 12;
  EXPECT_FALSE(lora_low_data_rate_optimize(p));  // 8.192 ms
  p.bandwidth_hz = 125e3;
  EXPECT_TRUE(lora_low_data_rate_optimize(p));  // 32.768 ms
  p.sf = 10;
  EXPECT_FALSE(lora_low_data_rate_optimize(p));  // 8.192 ms
  p.sf = 11;
  EXPECT_TRUE(lora_low_data_rate_optimize(p));  // 16.384 ms > 16 ms

  // SF11 at 125 kHz, PL 20, DE on: Npay = 8 + ceil(160 / 36) * 5 = 33; (12.25 + 33) * 16.384 = 741.376 ms.
  EXPECT_EQ(lora_payload_symbols(p, 20), 33u);
  EXPECT_EQ(lora_time_on_air(p, 20), 741'376'000u);
  // Forced off: Npay = 8 + ceil(160 / 44) * 5 = 28; 40.25 * 16.384 = 659.456 ms.
  p.low_data_rate_optimize = false;
  EXPECT_FALSE(lora_low_data_rate_optimize(p));
  EXPECT_EQ(lora_time_on_air(p, 20), 659'456'000u);
  // Forced on at 500 kHz: SF11 PL 20 -> 33 symbols, 45.25 * 4.096 = 185.344 ms.
  LoraParams q = css(11, 1);
  q.low_data_rate_optimize = true;
  EXPECT_TRUE(lora_low_data_rate_optimize(q));
  EXPECT_EQ(lora_time_on_air(q, 20), 185'344'000u);
}

TEST(radioLoraAirtime, PreambleHeaderCrcAndCodingRate) {
  LoraParams p = css(11, 1);
  p.preamble_symbols = 12;  // (12 + 4.25 + 28) * 4.096 = 181.248 ms
  EXPECT_EQ(lora_time_on_air(p, 20), 181'248'000u);

  LoraParams s7 = css(7, 1);  // PL 0: ceil((0 - 28 + 28 + 16) / 28) = 1 -> 13; 25.25 * 0.256 = 6.464 ms
  EXPECT_EQ(lora_payload_symbols(s7, 0), 13u);
  EXPECT_EQ(lora_time_on_air(s7, 0), 6'464'000u);
  s7.explicit_header = false;  // PL 20 implicit: ceil(156 / 28) = 6 -> 38; 50.25 * 0.256 = 12.864 ms
  EXPECT_EQ(lora_time_on_air(s7, 20), 12'864'000u);
  s7.crc = false;  // PL 0, implicit, no CRC: numerator -20 -> max(., 0): 8 symbols; 20.25 * 0.256 = 5.184 ms
  EXPECT_EQ(lora_payload_symbols(s7, 0), 8u);
  EXPECT_EQ(lora_time_on_air(s7, 0), 5'184'000u);

  const LoraParams cr48 = css(7, 4);  // PL 20: 7 blocks * 8 + 8 = 64; 76.25 * 0.256 = 19.52 ms
  EXPECT_EQ(lora_time_on_air(cr48, 20), 19'520'000u);

  LoraParams bw125 = css(7, 1);  // SF7 125 kHz PL 20: 43 symbols; 55.25 * 1.024 = 56.576 ms
  bw125.bandwidth_hz = 125e3;
  EXPECT_EQ(lora_time_on_air(bw125, 20), 56'576'000u);
}

TEST(radioLoraAirtime, RejectsBadParametersAndPayloads) {
  EXPECT_NO_THROW(lora_time_on_air(css(11, 1), 255));
  EXPECT_THROW(lora_time_on_air(css(11, 1), 256), std::invalid_argument);
  EXPECT_THROW(lora_time_on_air(css(6, 1), 20), std::invalid_argument);
  EXPECT_THROW(lora_time_on_air(css(13, 1), 20), std::invalid_argument);
  EXPECT_THROW(lora_time_on_air(css(7, 0), 20), std::invalid_argument);
  EXPECT_THROW(lora_time_on_air(css(7, 5), 20), std::invalid_argument);
  LoraParams p = css(7, 1);
  p.bandwidth_hz = 0;
  EXPECT_THROW(lora_time_on_air_s(p, 20), std::invalid_argument);
  try {
    lora_time_on_air(css(11, 1), 300);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("300"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("255"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace st::hw
