// Radio specs: the rate table (names, links, sensitivities), the noise floor, SNR/SINR and demodulation.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "models/channel/radio_specs.hpp"

namespace st::models::channel {
namespace {

TEST(channelRadioSpecs, RateTableNamesAndLinks) {
  const char* names[] = {"2kbps", "12.5kbps", "22kbps", "50kbps", "150kbps", "250kbps", "1Mbps", "2Mbps"};
  for (std::size_t i = 0; i < kDataRateCount; ++i) {
    EXPECT_EQ(rate_index(kDataRates[i].rate), i);
    EXPECT_EQ(kDataRates[i].name, names[i]);
    EXPECT_EQ(data_rate_from_string(names[i]), kDataRates[i].rate);
  }
  EXPECT_FALSE(data_rate_from_string("5kbps").has_value());
  EXPECT_FALSE(data_rate_from_string("").has_value());
  EXPECT_EQ(link_of(DataRate::Css2k), LinkType::Css);
  EXPECT_EQ(link_of(DataRate::Css22k), LinkType::Css);
  EXPECT_EQ(link_of(DataRate::Fsk150k), LinkType::Fsk);
  EXPECT_EQ(link_of(DataRate::Ble2M), LinkType::Ble);
  EXPECT_EQ(data_rate_from_string(LinkType::Fsk, "50kbps"), DataRate::Fsk50k);
  EXPECT_FALSE(data_rate_from_string(LinkType::Css, "50kbps").has_value());
  EXPECT_EQ(to_string(DataRate::Css12k5), "12.5kbps");
  EXPECT_EQ(rate_spec(DataRate::Css2k).spreading_factor, 11);
  EXPECT_EQ(rate_spec(DataRate::Css12k5).spreading_factor, 8);
  EXPECT_EQ(rate_spec(DataRate::Css22k).spreading_factor, 7);
}

TEST(channelRadioSpecs, Sensitivities) {
  EXPECT_EQ(sensitivity_dbm(DataRate::Css22k), -117.0);
  EXPECT_EQ(sensitivity_dbm(DataRate::Css12k5), -120.0);
  EXPECT_EQ(sensitivity_dbm(DataRate::Css2k), -127.0);
  EXPECT_EQ(sensitivity_dbm(DataRate::Fsk50k), -108.0);
  EXPECT_EQ(sensitivity_dbm(DataRate::Fsk150k), -103.0);
  EXPECT_EQ(sensitivity_dbm(DataRate::Fsk250k), -100.0);
  EXPECT_EQ(sensitivity_dbm(DataRate::Ble1M), -95.0);
  EXPECT_EQ(sensitivity_dbm(DataRate::Ble2M), -92.0);
  EXPECT_EQ(required_snr_db(DataRate::Css22k), -7.5);
  EXPECT_EQ(required_snr_db(DataRate::Css12k5), -10.0);
  EXPECT_EQ(required_snr_db(DataRate::Css2k), -17.5);
}

TEST(channelRadioSpecs, NoiseFloorAndSnr) {
  // -174 + 10 log10(500e3) + 6 = -111.0103 dBm.
  EXPECT_NEAR(noise_floor_dbm(500e3), -111.0103, 1e-4);
  EXPECT_NEAR(noise_floor_dbm(DataRate::Css2k), -111.0103, 1e-4);
  EXPECT_NEAR(noise_floor_dbm(125e3, 3.0), -120.0309, 1e-4);
  EXPECT_NEAR(noise_floor_dbm(DataRate::Ble1M), -108.0, 1e-9);
  EXPECT_NEAR(noise_floor_dbm(DataRate::Fsk50k), -117.3070, 1e-4);  // 117.3 kHz filter
  EXPECT_DOUBLE_EQ(snr_db(-100.0, -111.0), 11.0);
  EXPECT_NEAR(dbm_sum(-80, -80), -76.9897, 1e-4);
  EXPECT_NEAR(dbm_sum(-80, -200), -80.0, 1e-9);
  EXPECT_EQ(dbm_sum(-INFINITY, -INFINITY), -INFINITY);
  // Interference equal to the noise halves the SNR budget by 3.01 dB.
  EXPECT_NEAR(sinr_db(-100, -111, -111), 11.0 - 3.0103, 1e-4);
  EXPECT_NEAR(sinr_db(-100, -111, -INFINITY), 11.0, 1e-12);
}

TEST(channelRadioSpecs, FskAndBleRequiredSnrMatchTheirSensitivityAtTheDefaultNoiseFigure) {
  // So that, without interference, the sensitivity is the binding threshold.
  for (const RateSpec& s : kDataRates) {
    const double snr_at_sensitivity = s.sensitivity_dbm - noise_floor_dbm(s.noise_bandwidth_hz);
    EXPECT_GE(snr_at_sensitivity, s.required_snr_db) << s.name;
    if (s.link != LinkType::Css) {
      EXPECT_NEAR(snr_at_sensitivity, s.required_snr_db, 0.11) << s.name;
    }
  }
}

TEST(channelRadioSpecs, Demodulates) {
  // SF11: -127 dBm, SNR -17.5 dB.
  EXPECT_TRUE(demodulates(-126.0, -15.0, LinkType::Css, DataRate::Css2k));
  EXPECT_TRUE(demodulates(-127.0, -17.5, LinkType::Css, DataRate::Css2k));
  EXPECT_FALSE(demodulates(-127.1, -15.0, LinkType::Css, DataRate::Css2k));
  EXPECT_FALSE(demodulates(-120.0, -17.6, LinkType::Css, DataRate::Css2k));
  // SF7 needs more.
  EXPECT_FALSE(demodulates(-118.0, -5.0, LinkType::Css, DataRate::Css22k));
  EXPECT_FALSE(demodulates(-110.0, -8.0, LinkType::Css, DataRate::Css22k));
  EXPECT_TRUE(demodulates(-110.0, -7.0, LinkType::Css, DataRate::Css22k));
  // FSK from its own noise floor.
  const double rssi = -107.0;
  EXPECT_TRUE(demodulates(rssi, snr_db(rssi, noise_floor_dbm(DataRate::Fsk50k)), LinkType::Fsk, DataRate::Fsk50k));
  EXPECT_FALSE(demodulates(rssi, snr_db(rssi, noise_floor_dbm(DataRate::Fsk150k)), LinkType::Fsk,
                           DataRate::Fsk150k));
  // BLE 1M at -94 dBm, 14 dB SNR: fine; the rate must belong to the link.
  EXPECT_TRUE(demodulates(-94.0, 14.0, LinkType::Ble, DataRate::Ble1M));
  EXPECT_FALSE(demodulates(-94.0, 14.0, LinkType::Ble, DataRate::Ble2M));
  EXPECT_FALSE(demodulates(-94.0, 14.0, LinkType::Fsk, DataRate::Ble1M));
  EXPECT_FALSE(demodulates(-60.0, 30.0, LinkType::Css, DataRate::Fsk50k));
}

}  // namespace
}  // namespace st::models::channel
