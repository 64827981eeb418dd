// Radio specs: rate lookup by name, noise floor, SNR/SINR and the demodulation decision.
#include "models/channel/radio_specs.hpp"

#include <cmath>

namespace st::models::channel {

std::optional<DataRate> data_rate_from_string(std::string_view name) {
  for (const RateSpec& s : kDataRates) {
    if (s.name == name) return s.rate;
  }
  return std::nullopt;
}

std::optional<DataRate> data_rate_from_string(LinkType link, std::string_view name) {
  const auto r = data_rate_from_string(name);
  if (!r || link_of(*r) != link) return std::nullopt;
  return r;
}

double noise_floor_dbm(double bandwidth_hz, double noise_figure_db) {
  return kThermalNoise_dBm_Hz + 10.0 * std::log10(bandwidth_hz) + noise_figure_db;
}

double noise_floor_dbm(DataRate r, double noise_figure_db) {
  return noise_floor_dbm(rate_spec(r).noise_bandwidth_hz, noise_figure_db);
}

double dbm_sum(double a_dbm, double b_dbm) {
  const double hi = a_dbm > b_dbm ? a_dbm : b_dbm;
  const double lo = a_dbm > b_dbm ? b_dbm : a_dbm;
  if (std::isinf(hi) && hi < 0) return hi;  // both -inf: no power
  // hi + 10 log10(1 + 10^((lo - hi) / 10)): exact for -inf and stable for large differences.
  return hi + 10.0 * std::log10(1.0 + std::pow(10.0, (lo - hi) / 10.0));
}

double sinr_db(double rssi_dbm, double noise_floor, double interference_dbm) {
  return rssi_dbm - dbm_sum(noise_floor, interference_dbm);
}

bool demodulates(double rssi_dbm, double snr, LinkType link, DataRate rate) {
  const RateSpec& s = rate_spec(rate);
  return s.link == link && rssi_dbm >= s.sensitivity_dbm && snr >= s.required_snr_db;
}

}  // namespace st::models::channel
