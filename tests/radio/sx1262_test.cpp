// SX1262 power model: state currents, the TX power cap, TX current interpolation, and the duration and
// charge of whole transmit and receive operations against hand-computed values.
#include <gtest/gtest.h>

#include <stdexcept>

#include "hw_models/radio/sx1262.hpp"

namespace st::hw {
namespace {

TEST(radioSx1262, StateCurrents) {
  const Sx1262Profile p;
  EXPECT_DOUBLE_EQ(p.state_current_ma(Sx1262State::SleepCold), 0.00016);
  EXPECT_DOUBLE_EQ(p.state_current_ma(Sx1262State::SleepWarm), 0.0006);
  EXPECT_DOUBLE_EQ(p.state_current_ma(Sx1262State::StandbyRc), 0.6);
  EXPECT_DOUBLE_EQ(p.state_current_ma(Sx1262State::StandbyXosc), 1.6);
  EXPECT_DOUBLE_EQ(p.state_current_ma(Sx1262State::Rx), 4.2);
  EXPECT_DOUBLE_EQ(p.state_current_ma(Sx1262State::Tx), 90.0);  // at the North American 20 dBm cap
  Sx1262Profile boosted;
  boosted.rx_boosted = true;
  EXPECT_DOUBLE_EQ(boosted.state_current_ma(Sx1262State::Rx), 5.3);
}

TEST(radioSx1262, PowerCap) {
  Sx1262Profile p;  // North America: 20 dBm
  EXPECT_DOUBLE_EQ(p.tx_power_dbm(10), 10.0);
  EXPECT_DOUBLE_EQ(p.tx_power_dbm(20), 20.0);
  EXPECT_DOUBLE_EQ(p.tx_power_dbm(22), 20.0);
  p.region_max_power_dbm = kEuropeMaxPowerDbm;
  EXPECT_DOUBLE_EQ(p.tx_power_dbm(20), 14.0);
  p.region_max_power_dbm = 30;  // a permissive region: the chip's 22 dBm still caps
  EXPECT_DOUBLE_EQ(p.tx_power_dbm(27), 22.0);
}

TEST(radioSx1262, TxCurrentInterpolation) {
  Sx1262Profile p;
  p.region_max_power_dbm = 22;
  EXPECT_DOUBLE_EQ(p.tx_current_ma(14), 45.0);
  EXPECT_DOUBLE_EQ(p.tx_current_ma(17), 67.5);  // halfway 45 -> 90
  EXPECT_DOUBLE_EQ(p.tx_current_ma(20), 90.0);
  EXPECT_DOUBLE_EQ(p.tx_current_ma(21), 104.0);  // halfway 90 -> 118
  EXPECT_DOUBLE_EQ(p.tx_current_ma(22), 118.0);
  EXPECT_DOUBLE_EQ(p.tx_current_ma(25), 118.0);  // capped at 22 dBm
  EXPECT_DOUBLE_EQ(p.tx_current_ma(10), 45.0);   // below the table: its lowest entry
  Sx1262Profile na;                              // capped at 20 dBm
  EXPECT_DOUBLE_EQ(na.tx_current_ma(22), 90.0);
  Sx1262Profile custom;
  custom.tx_current = {{0.0, 20.0}, {10.0, 40.0}};
  EXPECT_DOUBLE_EQ(custom.tx_current_ma(5), 30.0);
  custom.tx_current = {{10.0, 40.0}, {0.0, 20.0}};
  EXPECT_THROW(custom.tx_current_ma(5), std::invalid_argument);
  custom.tx_current.clear();
  EXPECT_THROW(custom.transmit(kMillisecond, 14), std::invalid_argument);
}

TEST(radioSx1262, TransmitFromWarmSleep) {
  // 406 us wake at 1.6 mA + 50 us synthesis at 2.1 mA + 164.864 ms at 90 mA (mA * ms = uC):
  // 0.6496 + 0.105 + 14837.76 = 14838.5146 uC over 165.320 ms.
  const Sx1262Profile p;
  const EnergyCost c = p.transmit(164'864 * kMicrosecond, 20);
  EXPECT_EQ(c.duration, 165'320 * kMicrosecond);
  EXPECT_NEAR(c.charge_uc, 14838.5146, 1e-9);
  // Asking for 22 dBm in North America transmits at 20 dBm: the same cost.
  EXPECT_NEAR(p.transmit(164'864 * kMicrosecond, 22).charge_uc, 14838.5146, 1e-9);
}

TEST(radioSx1262, TransmitFromColdSleep) {
  // 3.5 ms wake at 1.6 mA = 5.6 uC; + 0.105 + 14837.76 = 14843.465 uC over 168.414 ms.
  const Sx1262Profile p;
  const EnergyCost c = p.transmit(164'864 * kMicrosecond, 20, true);
  EXPECT_EQ(c.duration, 168'414 * kMicrosecond);
  EXPECT_NEAR(c.charge_uc, 14843.465, 1e-9);
}

TEST(radioSx1262, ReceiveWindow) {
  // 0.6496 + 0.105 + 10 ms * 4.2 mA = 42.7546 uC over 10.456 ms; boosted: 53.7546 uC.
  Sx1262Profile p;
  EnergyCost c = p.receive_window(10 * kMillisecond);
  EXPECT_EQ(c.duration, 10'456 * kMicrosecond);
  EXPECT_NEAR(c.charge_uc, 42.7546, 1e-9);
  p.rx_boosted = true;
  c = p.receive_window(10 * kMillisecond);
  EXPECT_NEAR(c.charge_uc, 53.7546, 1e-9);
}

}  // namespace
}  // namespace st::hw
