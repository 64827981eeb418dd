#include "models/air/link_budget.hpp"

#include <algorithm>
#include <cmath>

#include "hw_models/radio/sx1262.hpp"

namespace st::models::air {

namespace ch = channel;

namespace {

constexpr std::uint64_t kBleShadowingSalt = 0xb1e5'0000'0000'0001ULL;

// The distance at which `model` loses `budget_db` (bisection on a monotone loss; at least 1 m).
double distance_for_loss(const ch::PathLossModel& model, double budget_db) {
  double lo = ch::kMinDistance_m, hi = 500'000.0;
  if (model.loss_db(lo) >= budget_db) return lo;
  if (model.loss_db(hi) <= budget_db) return hi;
  for (int i = 0; i < 60; ++i) {
    const double mid = std::sqrt(lo * hi);
    (model.loss_db(mid) < budget_db ? lo : hi) = mid;
  }
  return lo;
}

}  // namespace

LinkBudget::LinkBudget(const WorldConfig& config, const Fleet& fleet, const GatewayPool& gateways)
    : radio_(config.radio), fleet_(fleet), gateways_(gateways), seed_(config.seed) {
  const RadioWorldConfig& rw = radio_;
  for (const ch::RateSpec& spec : ch::kDataRates)
    noise_floor_dbm_[ch::rate_index(spec.rate)] = ch::noise_floor_dbm(spec.rate, rw.noise_figure_db);
  // Device types: capped powers, link parameters, ranges.
  for (std::uint16_t t = 0; t < fleet_.type_count(); ++t) {
    const DeviceTypeConfig& c = fleet_.type(t);
    const DeviceRadioConfig& r = c.radio;
    TypeRadio tr;
    tr.cfg = &c;
    tr.subghz_dbm = r.sx1262.tx_power_dbm(r.subghz_tx_power_dbm);
    tr.ble_dbm = r.nrf52840.tx_power_dbm(r.ble_tx_power_dbm);
    tr.css = *hw::sidewalk_css_rate(ch::to_string(r.css_rate));
    tr.css.preamble_symbols = r.css_preamble_symbols;
    tr.fsk = *hw::sidewalk_fsk_rate(ch::to_string(r.fsk_rate));
    tr.fsk.preamble_bytes = r.fsk_preamble_bytes;
    for (LinkType l : kLinks) {
      const ch::PathLossModel& pl = l == LinkType::Ble ? rw.ble : rw.subghz;
      const double tx = l == LinkType::Ble ? tr.ble_dbm : tr.subghz_dbm;
      const double sens = ch::sensitivity_dbm(rate_of(t, l));
      // Homes are searched this far: two shadowing deviations, plus the two fading deviations a home allows
      // (AirTopology: without the latter, no shadowing would leave the edge devices it homes out of the search).
      tr.serving_range_m[link_index(l)] =
          distance_for_loss(pl, tx - sens + 2.0 * pl.shadowing_sigma_db + 2.0 * rw.fading_sigma_db);
      tr.interference_range_m[link_index(l)] =
          distance_for_loss(pl, tx - sens + rw.interference_margin_db + 2.0 * pl.shadowing_sigma_db);
    }
    types_.push_back(tr);
  }
  // Gateways: capped powers. Sidewalk runs in North America only [D, sidewalk.md §1.5]: at most 20 dBm.
  for (std::uint32_t g = 0; g < gateways_.gateway_count(); ++g) {
    const GatewayRadioConfig& r = gateways_.group(g).radio;
    gw_subghz_dbm_.push_back(std::min({r.subghz_tx_power_dbm, hw::kSx1262MaxPowerDbm, hw::kNorthAmericaMaxPowerDbm}));
    gw_ble_dbm_.push_back(std::min(r.ble_tx_power_dbm, 8.0));
  }
}

ch::DataRate LinkBudget::rate_of(std::uint16_t type, LinkType link) const {
  const DeviceRadioConfig& r = fleet_.type(type).radio;
  return link == LinkType::Ble ? r.ble_rate : link == LinkType::Fsk ? r.fsk_rate : r.css_rate;
}

double LinkBudget::max_interference_range_m() const {
  double max_range = 100.0;
  for (const auto& t : types_)
    for (double r : t.interference_range_m) max_range = std::max(max_range, r);
  return max_range;
}

bool LinkBudget::demodulates(double rssi_dbm, LinkType link, ch::DataRate rate) const {
  const double snr = ch::snr_db(rssi_dbm, noise_floor_dbm(rate));
  return ch::demodulates(rssi_dbm, snr, link, rate);
}

double LinkBudget::rssi(std::uint32_t device, std::uint16_t type, ch::Position position, std::uint32_t gateway,
                        LinkType link, bool uplink) const {
  const TypeRadio& tp = types_[type];
  const bool ble = link == LinkType::Ble;
  const ch::PathLossModel& pl = ble ? radio_.ble : radio_.subghz;
  const double tx = uplink ? (ble ? tp.ble_dbm : tp.subghz_dbm) : (ble ? gw_ble_dbm_[gateway] : gw_subghz_dbm_[gateway]);
  const double d = ch::distance_m(position, gateways_.position(gateway));
  // Reciprocal shadowing: the same (device, gateway) draw both ways; BLE and sub-GHz draw independently.
  const double loss = pl.loss_with_shadowing_db(d, ble ? seed_ ^ kBleShadowingSalt : seed_, device, gateway);
  return ch::received_power_dbm(tx, loss);
}

}  // namespace st::models::air
