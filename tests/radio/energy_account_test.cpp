// EnergyAccount: size, charge integration, baseline integration, battery depletion, energy and lifetime
// against hand-computed values.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <type_traits>

#include "hw_models/energy/energy_account.hpp"

namespace st::hw {
namespace {

TEST(radioEnergyAccount, IsCompact) {
  EXPECT_LE(sizeof(EnergyAccount), 16u);
  EXPECT_TRUE(std::is_trivially_copyable_v<EnergyAccount>);
}

TEST(radioEnergyAccount, ChargeFromCurrentAndTime) {
  EXPECT_DOUBLE_EQ(charge_uc(10.0, 2 * kSecond), 20000.0);  // 10 mA * 2 s = 20 mC
  EXPECT_DOUBLE_EQ(charge_uc(1.0, kMillisecond), 1.0);
  EnergyAccount a;
  a.add_current_for(10.0, 2 * kSecond);
  EXPECT_DOUBLE_EQ(a.charge_uc(), 20000.0);
  a.add_charge(500.0);
  a.add_charge(-100.0);  // ignored
  EXPECT_DOUBLE_EQ(a.charge_uc(), 20500.0);
  a.add(EnergyCost{kSecond, 1.5});
  EXPECT_DOUBLE_EQ(a.charge_uc(), 20501.5);
  EXPECT_EQ(a.last_update(), 0u);  // operations do not move the baseline clock
}

TEST(radioEnergyAccount, BaselineIntegration) {
  EnergyAccount a;
  a.integrate_baseline(0.002, kHour);  // 2 uA for an hour = 7200 uC = 2 uAh
  EXPECT_DOUBLE_EQ(a.charge_uc(), 7200.0);
  EXPECT_EQ(a.last_update(), kHour);
  a.integrate_baseline(0.002, kHour / 2);  // earlier: nothing
  EXPECT_DOUBLE_EQ(a.charge_uc(), 7200.0);
  EXPECT_EQ(a.last_update(), kHour);
  a.integrate_baseline(1.0, kHour + 3 * kSecond);  // 1 mA for 3 s = 3000 uC
  EXPECT_DOUBLE_EQ(a.charge_uc(), 10200.0);
  EXPECT_NEAR(a.charge_mah(), 10200.0 / 3.6e6, 1e-15);
}

TEST(radioEnergyAccount, BatteryDepletionAndEnergy) {
  const BatteryProfile cr2032{225.0};  // 225 mAh = 810e6 uC, 3 V
  EXPECT_DOUBLE_EQ(cr2032.capacity_uc(), 810e6);
  EnergyAccount a;
  a.add_charge(405e6);
  EXPECT_FALSE(a.depleted(cr2032));
  EXPECT_DOUBLE_EQ(a.remaining_fraction(cr2032), 0.5);
  EXPECT_DOUBLE_EQ(a.energy_j(cr2032), 1215.0);  // 405 C * 3 V
  a.add_charge(405e6 - 1);
  EXPECT_FALSE(a.depleted(cr2032));
  a.add_charge(1);
  EXPECT_TRUE(a.depleted(cr2032));
  EXPECT_DOUBLE_EQ(a.remaining_fraction(cr2032), 0.0);
  const BatteryProfile mains{};
  EXPECT_FALSE(a.depleted(mains));
  EXPECT_DOUBLE_EQ(a.remaining_fraction(mains), 1.0);

  EnergyAccount b;
  b.add_current_for(10.0, 2 * kSecond);
  EXPECT_DOUBLE_EQ(b.energy_j(BatteryProfile{1000.0, 3.0}), 0.06);
  EXPECT_DOUBLE_EQ(b.energy_j(BatteryProfile{1000.0, 3.6}), 0.072);
}

TEST(radioEnergyAccount, AverageCurrentAndLifetime) {
  EXPECT_DOUBLE_EQ(average_current_ma(7200.0, kHour), 0.002);
  EXPECT_DOUBLE_EQ(average_current_ma(1.0, 0), 0.0);
  EXPECT_NEAR(battery_lifetime_days(BatteryProfile{1000.0}, 0.1), 10000.0 / 24.0, 1e-9);  // 416.67 days
  EXPECT_DOUBLE_EQ(battery_lifetime_days(BatteryProfile{225.0}, 0.01), 937.5);             // 22500 h
  EXPECT_TRUE(std::isinf(battery_lifetime_days(BatteryProfile{225.0}, 0.0)));
  EXPECT_TRUE(std::isinf(battery_lifetime_days(BatteryProfile{}, 1.0)));
  EXPECT_THROW(battery_lifetime_days(BatteryProfile{225.0}, -1.0), std::invalid_argument);
}

TEST(radioEnergyAccount, EnergyCostSums) {
  const EnergyCost a{kMillisecond, 2.0};
  const EnergyCost b{3 * kMillisecond, 0.5};
  const EnergyCost s = a + b;
  EXPECT_EQ(s.duration, 4 * kMillisecond);
  EXPECT_DOUBLE_EQ(s.charge_uc, 2.5);
}

}  // namespace
}  // namespace st::hw
