// EnergyAccount helpers: current-table interpolation, remaining capacity, average current and lifetime.
#include "hw_models/energy/energy_account.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace st::hw {

void check_tx_table(std::span<const TxCurrentPoint> table, const char* what) {
  if (table.empty()) throw std::invalid_argument(std::string(what) + ": the TX current table is empty");
  for (std::size_t i = 1; i < table.size(); ++i) {
    if (!(table[i].power_dbm > table[i - 1].power_dbm)) {
      throw std::invalid_argument(std::string(what) + ": the TX current table's powers must increase (" +
                                  std::to_string(table[i - 1].power_dbm) + " dBm then " +
                                  std::to_string(table[i].power_dbm) + " dBm)");
    }
  }
}

double interpolate_tx_current_ma(std::span<const TxCurrentPoint> table, double power_dbm) {
  check_tx_table(table, "interpolate_tx_current_ma");
  if (power_dbm <= table.front().power_dbm) return table.front().current_ma;
  if (power_dbm >= table.back().power_dbm) return table.back().current_ma;
  for (std::size_t i = 1; i < table.size(); ++i) {
    const TxCurrentPoint& lo = table[i - 1];
    const TxCurrentPoint& hi = table[i];
    if (power_dbm <= hi.power_dbm) {
      const double f = (power_dbm - lo.power_dbm) / (hi.power_dbm - lo.power_dbm);
      return lo.current_ma + f * (hi.current_ma - lo.current_ma);
    }
  }
  return table.back().current_ma;  // unreachable: power_dbm < the last point's power
}

double EnergyAccount::remaining_fraction(const BatteryProfile& battery) const {
  if (battery.capacity_mah <= 0) return 1.0;
  return std::clamp(1.0 - charge_uc_ / battery.capacity_uc(), 0.0, 1.0);
}

double average_current_ma(double charge_uc, SimTime elapsed) {
  if (elapsed == 0) return 0.0;
  return charge_uc / (static_cast<double>(elapsed) * 1e-6);
}

double battery_lifetime_days(const BatteryProfile& battery, double average_current_ma) {
  if (average_current_ma < 0) {
    throw std::invalid_argument("battery_lifetime_days: the average current must not be negative, got " +
                                std::to_string(average_current_ma) + " mA");
  }
  if (average_current_ma == 0 || battery.capacity_mah <= 0) return std::numeric_limits<double>::infinity();
  return battery.capacity_mah / average_current_ma / 24.0;
}

}  // namespace st::hw
