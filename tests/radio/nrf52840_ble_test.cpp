// nRF52840 BLE power model: TX current interpolation and cap, advertising and connection event costs
// against hand-computed values.
#include <gtest/gtest.h>

#include "hw_models/radio/nrf52840_ble.hpp"

namespace st::hw {
namespace {

TEST(radioNrf52840, TxCurrent) {
  const Nrf52840BleProfile p;
  EXPECT_DOUBLE_EQ(p.tx_current_ma(0), 6.4);
  EXPECT_DOUBLE_EQ(p.tx_current_ma(4), 11.4);
  EXPECT_DOUBLE_EQ(p.tx_current_ma(8), 16.4);
  EXPECT_DOUBLE_EQ(p.tx_current_ma(10), 16.4);  // capped at +8 dBm
  EXPECT_DOUBLE_EQ(p.tx_power_dbm(10), 8.0);
  EXPECT_DOUBLE_EQ(p.tx_current_ma(-10), 6.4);  // clamped at the table's lowest entry
  EXPECT_DOUBLE_EQ(p.sleep_ma(), 0.002);
}

TEST(radioNrf52840, AdvertisingEvent) {
  // Per channel: 40 us ramp + 376 us ADV_IND at the TX current, 200 us listening at 6.26 mA.
  // 0 dBm: 3 * (0.416 * 6.4 + 0.2 * 6.26) = 11.7432 uC over 3 * 616 = 1848 us.
  const Nrf52840BleProfile p;
  EnergyCost c = p.advertising_event(0);
  EXPECT_EQ(c.duration, 1848 * kMicrosecond);
  EXPECT_NEAR(c.charge_uc, 11.7432, 1e-9);
  // +8 dBm: 3 * (0.416 * 16.4 + 1.252) = 24.2232 uC.
  c = p.advertising_event(8);
  EXPECT_NEAR(c.charge_uc, 24.2232, 1e-9);
  BleAdvertisingParams one;
  one.channels = 1;
  EXPECT_EQ(p.advertising_event(0, one).duration, 616 * kMicrosecond);
}

TEST(radioNrf52840, ConnectionEventSending) {
  // One 27-byte packet at 0 dBm: RX 40 ramp + 30 widening + 80 empty = 150 us at 6.26 mA;
  // TX 150 T_IFS + 296 data = 446 us at 6.4 mA: 0.939 + 2.8544 = 3.7934 uC over 596 us.
  const Nrf52840BleProfile p;
  const EnergyCost c = p.connection_event(1, 27, 0);
  EXPECT_EQ(c.duration, 596 * kMicrosecond);
  EXPECT_NEAR(c.charge_uc, 3.7934, 1e-9);
}

TEST(radioNrf52840, ConnectionEventKeepAlive) {
  // No data: RX 150 us, TX 150 + 80 = 230 us: 0.939 + 1.472 = 2.411 uC over 380 us.
  const Nrf52840BleProfile p;
  const EnergyCost c = p.connection_event(0, 0, 0);
  EXPECT_EQ(c.duration, 380 * kMicrosecond);
  EXPECT_NEAR(c.charge_uc, 2.411, 1e-9);
}

TEST(radioNrf52840, ConnectionEventReceiving) {
  // Two 251-byte packets received: RX 40 + 30 + 2 * 2088 + 150 = 4396 us; TX 2 * (150 + 80) = 460 us.
  // 4.396 * 6.26 + 0.46 * 6.4 = 27.51896 + 2.944 = 30.46296 uC over 4856 us.
  const Nrf52840BleProfile p;
  const EnergyCost c = p.connection_event(2, 251, 0, BleDirection::Receive);
  EXPECT_EQ(c.duration, 4856 * kMicrosecond);
  EXPECT_NEAR(c.charge_uc, 30.46296, 1e-9);
}

}  // namespace
}  // namespace st::hw
