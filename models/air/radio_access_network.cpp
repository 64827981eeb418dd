#include "models/air/radio_access_network.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "hw_models/radio/fsk_airtime.hpp"
#include "hw_models/radio/lora_airtime.hpp"
#include "models/channel/channel_plan.hpp"

namespace st::models {

namespace ch = channel;

namespace {

constexpr std::uint64_t kDevicePlacementStream = kActorStreamBase + 0x9d1ce;
constexpr std::uint64_t kBleShadowingSalt = 0xb1e5'0000'0000'0001ULL;
constexpr SimTime kTurnaround = kMillisecond;          // RX -> TX turnaround before a MAC ACK [E]
constexpr SimTime kAckTimeout = 10 * kMillisecond;     // an FSK sender waits this long for the MAC ACK [E]
constexpr SimTime kCca = 5 * kMillisecond / 10;        // listen-before-talk: clear channel assessment, 0.5 ms [E]
constexpr SimTime kRxGuard = 2 * kMillisecond;         // a receive window opens this early for clock drift [E]
constexpr unsigned kAckBytes = 4;                      // FSK MAC ACK payload [E]
constexpr SimTime kFastRxSpacing = 63 * kMillisecond;  // the shortest FSK receive spacing [D, S3/S6]
constexpr std::size_t kMaxExtraReceivers = 6;          // other gateways a frame is tracked at (strongest first)
constexpr std::size_t kHeardSlots = kMaxExtraReceivers + 1;  // cached interferers: one more, for the frame's own
constexpr std::uint16_t kHeardUnfilled16 = 0xFFFF, kHeardEnd16 = 0xFFFE;
constexpr std::uint32_t kHeardUnfilled32 = 0xFFFF'FFFFu, kHeardEnd32 = 0xFFFF'FFFEu;
constexpr std::uint32_t kPruneEvery = 4096;

std::size_t class_index(MessageClass c) { return static_cast<std::size_t>(c); }

std::string_view class_name(MessageClass c) {
  switch (c) {
    case MessageClass::Registration: return "registration";
    case MessageClass::Uplink: return "uplink";
    case MessageClass::Ack: return "ack";
    case MessageClass::Downlink: return "downlink";
  }
  return "uplink";
}

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

// Integrates the baseline current up to `now`, but not past the moment it empties `battery`: an empty battery
// supplies nothing more. (1 ns past that moment, so that the account reads empty despite rounding.)
void drain_baseline(hw::EnergyAccount& e, double baseline_ma, const hw::BatteryProfile& battery, SimTime now) {
  if (battery.capacity_mah > 0 && baseline_ma > 0 && now > e.last_update()) {
    const double to_empty_ns = (battery.capacity_uc() - e.charge_uc()) / baseline_ma * 1e6;  // uC / mA = ms
    if (to_empty_ns < static_cast<double>(now - e.last_update()))
      now = e.last_update() + static_cast<SimTime>(std::max(0.0, std::ceil(to_empty_ns))) + 1;
  }
  e.integrate_baseline(baseline_ma, now);
}

}  // namespace

struct RadioAccessNetwork::TypeRadio {
  const DeviceTypeConfig* cfg = nullptr;
  double subghz_dbm = 0;
  double ble_dbm = 0;
  hw::LoraParams css;
  hw::FskParams fsk;
  double baseline_ma = 0;
  PerLink<double> serving_range_m{};       // by link index
  PerLink<double> interference_range_m{};
};

struct RadioAccessNetwork::Transfer {
  Continuation arrived;
  std::optional<Continuation> lost;
  SimTime relay = 0;
  std::uint32_t device = 0;
  std::uint32_t gateway = kNone;
  std::uint32_t bytes_total = 0;
  std::uint16_t fragments = 1;
  std::uint16_t fragment = 0;
  std::uint8_t tries = 0;
  LinkType link = LinkType::Ble;
  MessageClass cls = MessageClass::Uplink;
  bool uplink = true;
  bool phone = false;
  // The frame on the air.
  SimTime start = 0;
  SimTime end = 0;
  std::uint16_t channel = 0;
  double rssi = 0;
  double snr = 0;
  std::uint32_t frame_bytes = 0;
  std::uint32_t handle = kNone;
  std::vector<std::uint8_t> bytes;  // kept only when the sink writes frame bytes (pcap)
};

RadioAccessNetwork::RadioAccessNetwork(Dispatcher& kernel, metrics::MetricsSink& sink, const WorldConfig& config,
                                       GatewayPool& gateways, Fleet& fleet)
    : kernel_(kernel),
      sink_(sink),
      config_(config),
      gateways_(gateways),
      fleet_(fleet),
      seed_(config.seed),
      medium_(ch::RadioMediumConfig{config.radio.capture_threshold_db, 1, false}) {
  const RadioWorldConfig& rw = config_.radio;
  for (const ch::RateSpec& spec : ch::kDataRates)
    noise_floor_dbm_[ch::rate_index(spec.rate)] = ch::noise_floor_dbm(spec.rate, rw.noise_figure_db);
  for (const auto& g : gateways_.groups()) {
    const bool fsk = std::find(g.links.begin(), g.links.end(), LinkType::Fsk) != g.links.end();
    beacon_air_.push_back(fsk ? hw::fsk_time_on_air(hw::FskParams{}, g.radio.beacon_bytes) : 0);
  }
  // Device types: capped powers, link parameters, baseline current, ranges.
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
    // Baseline: sleep, plus the listening that keeps the device reachable on its first link.
    double listen_ma = 0;
    const LinkType first = c.links.empty() ? LinkType::Ble : c.links.front();
    if (first == LinkType::Fsk) {
      // It tracks the beacons of the FSK bridges (the first FSK group's period and beacon size).
      GatewayRadioConfig beacon;
      for (const auto& g : gateways_.groups())
        if (std::find(g.links.begin(), g.links.end(), LinkType::Fsk) != g.links.end()) {
          beacon = g.radio;
          break;
        }
      const SimTime beacon_air = hw::fsk_time_on_air(tr.fsk, beacon.beacon_bytes);
      listen_ma += r.sx1262.receive_window(beacon_air + 2 * kRxGuard).charge_uc / to_millis(beacon.beacon_period);
      listen_ma += r.sx1262.receive_window(kRxGuard).charge_uc / to_millis(r.fsk_rx_spacing);
    } else if (first == LinkType::Css) {
      const auto symbol = static_cast<SimTime>(hw::lora_symbol_time_s(tr.css) * 1e9);
      listen_ma += r.sx1262.receive_window(6 * symbol).charge_uc / to_millis(r.css_rx_interval);
    } else {
      listen_ma += r.nrf52840.advertising_event(tr.ble_dbm, r.ble_advertising).charge_uc / to_millis(r.ble_adv_interval);
    }
    tr.baseline_ma = r.sleep_ua * 1e-3 + listen_ma;
    for (LinkType l : kLinks) {
      const ch::PathLossModel& pl = l == LinkType::Ble ? rw.ble : rw.subghz;
      const double tx = l == LinkType::Ble ? tr.ble_dbm : tr.subghz_dbm;
      const double sens = ch::sensitivity_dbm(rate_of(t, l));
      // Homes are searched this far: two shadowing deviations, plus the two fading deviations choose_homes()
      // allows (without the latter, no shadowing would leave the edge devices it homes out of the search).
      tr.serving_range_m[link_index(l)] =
          distance_for_loss(pl, tx - sens + 2.0 * pl.shadowing_sigma_db + 2.0 * rw.fading_sigma_db);
      tr.interference_range_m[link_index(l)] =
          distance_for_loss(pl, tx - sens + rw.interference_margin_db + 2.0 * pl.shadowing_sigma_db);
    }
    types_.push_back(tr);
  }
  // Gateways: capped powers, demodulators, beacon phases.
  const std::uint32_t g_count = gateways_.gateway_count();
  for (std::uint32_t g = 0; g < g_count; ++g) {
    const GatewayRadioConfig& r = gateways_.group(g).radio;
    // Sidewalk runs in North America only [D, S5]: a bridge transmits at most 20 dBm.
    gw_subghz_dbm_.push_back(std::min({r.subghz_tx_power_dbm, hw::kSx1262MaxPowerDbm, hw::kNorthAmericaMaxPowerDbm}));
    gw_ble_dbm_.push_back(std::min(r.ble_tx_power_dbm, 8.0));
    gw_tx_bookings_.emplace_back();
    gw_phase_.push_back(static_cast<SimTime>(mix64(seed_ ^ mix64(0x6a7e'0000ULL + g)) % r.beacon_period));
    medium_.set_demodulators(g, ch::medium_id(ch::Medium::SubGhz), r.subghz_demodulators);
    medium_.set_demodulators(g, ch::medium_id(ch::Medium::Ble), r.ble_demodulators);
  }
  double max_range = 100.0;
  for (const auto& t : types_)
    for (double r : t.interference_range_m) max_range = std::max(max_range, r);
  grid_ = ch::SpatialGrid(gateways_.positions(), std::clamp(max_range / 2.0, 50.0, 5000.0));
  channel_busy_.assign(static_cast<std::size_t>(g_count) * ch::kSubGhzPlan.count, 0);
  devices_.resize(fleet_.size());
  place_devices();
  choose_homes();
  // Interferer caches of the sub-GHz links (a BLE search covers few gateways: it is not cached).
  heard_wide_ = g_count >= kHeardEnd16;
  heard_base_.assign(static_cast<std::size_t>(fleet_.type_count()) * kLinkCount, kNone);
  std::size_t entries = 0;
  for (std::uint16_t t = 0; t < fleet_.type_count(); ++t) {
    for (LinkType l : fleet_.type(t).links) {
      if (l == LinkType::Ble || heard_base_[t * kLinkCount + link_index(l)] != kNone) continue;
      heard_base_[t * kLinkCount + link_index(l)] = static_cast<std::uint32_t>(entries);
      entries += static_cast<std::size_t>(fleet_.end_of_type(t) - fleet_.first_of_type(t)) * kHeardSlots;
    }
  }
  if (heard_wide_) heard_ids32_.assign(entries, kHeardUnfilled32);
  else heard_ids16_.assign(entries, kHeardUnfilled16);
}

RadioAccessNetwork::~RadioAccessNetwork() = default;

ch::DataRate RadioAccessNetwork::rate_of(std::uint16_t type, LinkType link) const {
  const DeviceRadioConfig& r = fleet_.type(type).radio;
  return link == LinkType::Ble ? r.ble_rate : link == LinkType::Fsk ? r.fsk_rate : r.css_rate;
}

double RadioAccessNetwork::range_m(std::uint16_t type, LinkType link) const {
  return types_[type].serving_range_m[link_index(link)];
}

double RadioAccessNetwork::baseline_ma(std::uint16_t t) const { return types_[t].baseline_ma; }

double RadioAccessNetwork::battery_capacity_mah(std::uint16_t t) const { return fleet_.type(t).radio.battery_mah; }
double RadioAccessNetwork::battery_voltage_v(std::uint16_t t) const { return fleet_.type(t).radio.battery_voltage_v; }

void RadioAccessNetwork::place_devices() {
  for (std::uint16_t t = 0; t < fleet_.type_count(); ++t) {
    const DeviceTypeConfig& c = fleet_.type(t);
    const std::uint32_t first = fleet_.first_of_type(t), end = fleet_.end_of_type(t);
    const PlacementConfig& p = c.radio.placement;
    if (p.near_gateways) {
      const LinkType link = c.links.empty() ? LinkType::Ble : c.links.front();
      const auto& candidates = gateways_.serving(link);
      for (std::uint32_t d = first; d < end; ++d) {
        RandomStream rng(seed_, kDevicePlacementStream + d);
        ch::Position centre{};
        if (!candidates.empty()) centre = gateways_.position(candidates[rng.below(candidates.size())]);
        const double r = p.near_radius_m * std::sqrt(rng.uniform());
        const double a = 6.283185307179586 * rng.uniform();
        devices_[d].x = static_cast<float>(centre.x_m + r * std::cos(a));
        devices_[d].y = static_cast<float>(centre.y_m + r * std::sin(a));
      }
    } else {
      const auto places = ch::place(p.spec, end - first, seed_, kDevicePlacementStream + 0x1'0000'0000ULL + t);
      for (std::uint32_t d = first; d < end; ++d) {
        devices_[d].x = static_cast<float>(places[d - first].x_m);
        devices_[d].y = static_cast<float>(places[d - first].y_m);
      }
    }
  }
}

ch::Position RadioAccessNetwork::device_position(std::uint32_t device) const {
  return {static_cast<double>(devices_[device].x), static_cast<double>(devices_[device].y)};
}

double RadioAccessNetwork::link_budget_rssi(std::uint32_t device, std::uint32_t gateway, LinkType link,
                                            bool uplink) const {
  const TypeRadio& tp = types_[fleet_[device].device_type];
  const bool ble = link == LinkType::Ble;
  const ch::PathLossModel& pl = ble ? config_.radio.ble : config_.radio.subghz;
  const double tx = uplink ? (ble ? tp.ble_dbm : tp.subghz_dbm) : (ble ? gw_ble_dbm_[gateway] : gw_subghz_dbm_[gateway]);
  const double d = ch::distance_m(device_position(device), gateways_.position(gateway));
  // Reciprocal shadowing: the same (device, gateway) draw both ways; BLE and sub-GHz draw independently.
  const double loss = pl.loss_with_shadowing_db(d, ble ? seed_ ^ kBleShadowingSalt : seed_, device, gateway);
  return ch::received_power_dbm(tx, loss);
}

bool RadioAccessNetwork::demodulates(double rssi_dbm, LinkType link, ch::DataRate rate) const {
  const double snr = ch::snr_db(rssi_dbm, noise_floor_dbm_[ch::rate_index(rate)]);
  return ch::demodulates(rssi_dbm, snr, link, rate);
}

void RadioAccessNetwork::choose_homes() {
  for (std::uint32_t d = 0; d < fleet_.size(); ++d) {
    const std::uint16_t t = fleet_[d].device_type;
    const ch::Position p = device_position(d);
    for (LinkType l : fleet_.type(t).links) {
      std::uint32_t best = kNone;
      double best_rssi = -1e9;
      grid_.for_each_within(p, range_m(t, l), [&](std::uint32_t g, double) {
        if (!gateways_.serves(g, l)) return;
        const double rssi = link_budget_rssi(d, g, l, true);
        if (rssi > best_rssi || (rssi == best_rssi && g < best)) {
          best = g;
          best_rssi = rssi;
        }
      });
      // Homed when its best gateway hears it on average, or within two fading deviations of that: an edge
      // device gets some frames through and loses others (below sensitivity).
      if (best != kNone && demodulates(best_rssi + 2.0 * config_.radio.fading_sigma_db, l, rate_of(t, l))) {
        devices_[d].serving[link_index(l)] = best;
      }
    }
    const auto& links = fleet_.type(t).links;
    for (LinkType l : links) {
      const std::uint32_t g = devices_[d].serving[link_index(l)];
      if (g != kNone) {
        ++gateways_.load(g).devices_served;
        break;
      }
    }
  }
}

std::uint32_t RadioAccessNetwork::current_gateway(std::uint32_t device, LinkType link, SimTime t) const {
  const std::uint32_t home = devices_[device].serving[link_index(link)];
  if (home == kNone) return kNone;
  if (gateways_.up(home, t)) return home;
  // Its gateway is down: the best other gateway in range that is up and hears it.
  const std::uint16_t type = fleet_[device].device_type;
  std::uint32_t best = kNone;
  double best_rssi = -1e9;
  grid_.for_each_within(device_position(device), range_m(type, link), [&](std::uint32_t g, double) {
    if (!gateways_.serves(g, link) || !gateways_.up(g, t)) return;
    const double rssi = link_budget_rssi(device, g, link, true);
    if (rssi > best_rssi || (rssi == best_rssi && g < best)) {
      best = g;
      best_rssi = rssi;
    }
  });
  // The same criterion as a home (choose_homes): heard on average, or within two fading deviations of that.
  if (best != kNone && !demodulates(best_rssi + 2.0 * config_.radio.fading_sigma_db, link, rate_of(type, link)))
    return kNone;
  return best;
}

bool RadioAccessNetwork::pick_link(std::uint32_t device, const std::vector<LinkType>& preferred,
                                   bool for_registration, LinkType& out) const {
  if (!powered(device)) return false;
  for (LinkType l : preferred) {
    if (for_registration && !can_register_over(l)) continue;
    if (current_gateway(device, l, kernel_.now()) != kNone) {
      out = l;
      return true;
    }
  }
  return false;
}

SimTime RadioAccessNetwork::response_allowance(std::uint32_t device, LinkType link) const {
  const TypeRadio& tp = types_[fleet_[device].device_type];
  const DeviceRadioConfig& r = tp.cfg->radio;
  switch (link) {
    case LinkType::Css: return r.css_rx_interval + 2 * hw::lora_time_on_air(tp.css, 64);
    case LinkType::Fsk: return r.fsk_rx_spacing + 2 * hw::fsk_time_on_air(tp.fsk, 64);
    case LinkType::Ble: return r.ble_adv_interval + config_.radio.ble_idle_timeout / 10;
  }
  return 0;
}

bool RadioAccessNetwork::powered(std::uint32_t device) const {
  return (fleet_[device].flags & kBatteryDepleted) == 0;
}

void RadioAccessNetwork::charge(std::uint32_t device, double charge_uc, MessageClass cls) {
  DeviceRecord& d = fleet_[device];
  if ((d.flags & kBatteryDepleted) != 0) return;  // an empty battery supplies nothing more
  const hw::BatteryProfile battery = fleet_.type_of(device).radio.battery();
  drain_baseline(d.energy, types_[d.device_type].baseline_ma, battery, kernel_.now());
  if (!d.energy.depleted(battery)) {  // (emptied by the baseline before this operation: it draws nothing)
    d.energy.add_charge(charge_uc);
    charge_by_class_[class_index(cls)] += charge_uc;
  }
  if (d.energy.depleted(battery)) {
    d.flags |= kBatteryDepleted;
    ++depleted_;
    sink_.notice({kernel_.now(), "device", "battery_depleted", "device " + std::to_string(device)});
  }
}

void RadioAccessNetwork::device_compute(std::uint32_t device, SimTime busy, MessageClass cls) {
  charge(device, hw::charge_uc(fleet_.type_of(device).mcu.active_ma, busy), cls);
}

void RadioAccessNetwork::finish(SimTime end) {
  for (std::uint32_t d = 0; d < fleet_.size(); ++d) {
    DeviceRecord& r = fleet_[d];
    if ((r.flags & kBatteryDepleted) != 0) continue;  // it stopped drawing when its battery emptied
    const hw::BatteryProfile battery = fleet_.type(r.device_type).radio.battery();
    drain_baseline(r.energy, types_[r.device_type].baseline_ma, battery, end);
    // A battery the baseline emptied since the device last did anything is empty too (charge() sees only
    // operations): flag and count it like one emptied by an operation.
    if (r.phase != Phase::Unmade && r.energy.depleted(battery)) {
      r.flags |= kBatteryDepleted;
      ++depleted_;
      sink_.notice({end, "device", "battery_depleted", "device " + std::to_string(d)});
    }
  }
  for (std::uint32_t g = 0; g < gateways_.gateway_count(); ++g) {
    const GatewayLoad& l = gateways_.load(g);
    const GatewayGroupConfig& group = gateways_.group(g);
    std::vector<std::uint8_t> links;
    for (LinkType link : group.links) links.push_back(static_cast<std::uint8_t>(link));
    sink_.gateway({g, gateways_.group_of(g), group.name, gateways_.position(g).x_m, gateways_.position(g).y_m, links,
                   l.devices_served, l.frames_received, l.frames_lost, l.frames_sent, l.rx_airtime, l.tx_airtime,
                   l.backhaul_bytes, l.backhaul_delayed, l.backhaul_wait, l.backhaul_dropped});
  }
  for (std::uint16_t t = 0; t < fleet_.type_count(); ++t) {
    const DeviceTypeConfig& type = fleet_.type(t);
    sink_.battery({t, type.radio.battery_mah, type.radio.battery_voltage_v, types_[t].baseline_ma});
    for (std::uint32_t d = fleet_.first_of_type(t); d < fleet_.end_of_type(t); ++d) {
      if (fleet_[d].phase == Phase::Unmade) continue;
      sink_.device_energy({d, t, manufacture_time(type, d - fleet_.first_of_type(t)), end, fleet_[d].energy.charge_uc()});
    }
  }
  sink_.energy_totals({charge_by_class_[class_index(MessageClass::Registration)], depleted_});
}

std::uint32_t RadioAccessNetwork::new_transfer() {
  if (!free_transfers_.empty()) {
    const std::uint32_t t = free_transfers_.back();
    free_transfers_.pop_back();
    transfers_[t] = Transfer{};
    return t;
  }
  transfers_.emplace_back();
  return static_cast<std::uint32_t>(transfers_.size() - 1);
}

SimTime RadioAccessNetwork::next_fsk_slot(std::uint32_t gateway, SimTime t) const {
  const GatewayRadioConfig& r = gateways_.group(gateway).radio;
  const SimTime phase = gw_phase_[gateway];
  const SimTime slot = std::max<SimTime>(r.fsk_slot, kMillisecond);
  SimTime s = t <= phase ? phase : phase + (t - phase + slot - 1) / slot * slot;
  while (in_beacon(gateway, s, s + slot)) s += slot;
  return s;
}

bool RadioAccessNetwork::in_beacon(std::uint32_t gateway, SimTime from, SimTime to) const {
  if (!gateways_.serves(gateway, LinkType::Fsk)) return false;
  const GatewayRadioConfig& r = gateways_.group(gateway).radio;
  const SimTime phase = gw_phase_[gateway];
  const SimTime air = beacon_air_[gateways_.group_of(gateway)];
  const SimTime first = from <= phase ? 0 : (from - phase) / r.beacon_period;
  for (SimTime k = first; k <= first + 1; ++k) {
    const SimTime b = phase + k * r.beacon_period;
    if (b < to && from < b + air) return true;
  }
  return false;
}

SimTime RadioAccessNetwork::next_device_window(std::uint32_t device, SimTime spacing, SimTime t) const {
  spacing = std::max<SimTime>(spacing, kMillisecond);
  const SimTime phase = mix64(seed_ ^ mix64(0xd0e5'0000'0000ULL + device)) % spacing;
  return t <= phase ? phase : phase + (t - phase + spacing - 1) / spacing * spacing;
}

SimTime RadioAccessNetwork::book_downlink(std::uint32_t g, std::uint32_t device, SimTime spacing, SimTime ready,
                                          SimTime air) {
  auto& booked = gw_tx_bookings_[g];
  const SimTime now = kernel_.now();
  booked.erase(booked.begin(), std::find_if(booked.begin(), booked.end(),
                                            [&](const auto& b) { return b.second > now; }));
  SimTime start = next_device_window(
      device, spacing, std::max(ready, static_cast<SimTime>(devices_[device].downlink_free_ms) * kMillisecond));
  for (int guard = 0; guard < 100'000; ++guard) {
    const SimTime end = start + air + kTurnaround;
    bool clash = in_beacon(g, start, end);
    for (const auto& [s, e] : booked) {
      if (s >= end) break;
      if (start < e) {
        clash = true;
        break;
      }
    }
    if (!clash) break;
    start = next_device_window(device, spacing, start + 1);
  }
  const auto at = std::lower_bound(booked.begin(), booked.end(), std::make_pair(start, SimTime{0}));
  booked.insert(at, {start, start + air + kTurnaround});
  return start;
}

SimTime RadioAccessNetwork::ble_link_ready(std::uint32_t device, SimTime ready, bool device_initiates,
                                           MessageClass cls, RandomStream& rng) {
  DeviceRadio& dr = devices_[device];
  if (static_cast<SimTime>(dr.ble_until_ms) * kMillisecond >= ready) return ready;  // connection still open
  const DeviceRadioConfig& r = fleet_.type_of(device).radio;
  const TypeRadio& tp = types_[fleet_[device].device_type];
  const hw::BleAdvertisingParams& adv = r.ble_advertising;
  // The device advertises (fast when it starts because it has data; at its slow reachability interval when
  // the gateway wants it); the gateway's scanner hears each advertising event with probability scan_duty.
  const SimTime interval = device_initiates ? adv.fast_interval : r.ble_adv_interval;
  SimTime t = device_initiates ? ready : next_device_window(device, r.ble_adv_interval, ready);
  const double p = std::clamp(config_.radio.ble_scan_duty, 0.01, 1.0);
  unsigned events = 1;
  while (events < 1000 && !rng.bernoulli(p)) {
    t += interval + static_cast<SimTime>(rng.uniform() * static_cast<double>(adv.adv_delay_max));
    ++events;
  }
  charge(device, r.nrf52840.advertising_event(tp.ble_dbm, adv).charge_uc * events, cls);
  return t + hw::ble_connection_setup(adv, r.ble_connection).ready;
}

std::uint32_t RadioAccessNetwork::open_transfer(const AirMessage& m, bool uplink, bool phone) {
  const std::uint32_t t = new_transfer();
  Transfer& tr = transfers_[t];
  tr.arrived = m.arrived;
  tr.lost = m.lost;
  tr.relay = uplink ? m.relay : 0;
  tr.device = m.device;
  tr.link = phone ? LinkType::Ble : m.link;
  tr.cls = m.cls;
  tr.uplink = uplink;
  tr.phone = phone;
  tr.bytes_total = static_cast<std::uint32_t>(m.bytes.size());
  if (sink_.wants_frame_bytes()) tr.bytes.assign(m.bytes.begin(), m.bytes.end());
  if (!phone) {
    tr.gateway = current_gateway(m.device, m.link, m.depart);
    const unsigned max = max_frame_payload(fleet_[m.device].device_type, tr.link);
    tr.fragments = static_cast<std::uint16_t>(std::max<std::uint32_t>(1, (tr.bytes_total + max - 1) / max));
  }
  return t;
}

unsigned RadioAccessNetwork::max_frame_payload(std::uint16_t type, LinkType link) const {
  return link == LinkType::Fsk ? hw::fsk_max_payload_bytes(types_[type].fsk)
         : link == LinkType::Css ? hw::kLoraMaxPayloadBytes
                                 : 0xFFFFu;  // BLE: the connection fragments (ble_transfer)
}

void RadioAccessNetwork::to_cloud(const AirMessage& m, RandomStream& rng) {
  if (!powered(m.device)) return;  // a dead device sends nothing
  const bool phone = m.via == RegistrationPath::MobileApp;
  const std::uint32_t t = open_transfer(m, true, phone);
  if (!phone && transfers_[t].gateway == kNone) {
    lose(t, m.depart);
    return;
  }
  start_frame(t, m.depart, rng);
}

void RadioAccessNetwork::to_device(const AirMessage& m, RandomStream& rng) {
  if (!powered(m.device)) return;  // a dead device hears nothing
  const bool phone = m.via == RegistrationPath::MobileApp;
  const std::uint32_t t = open_transfer(m, false, phone);
  if (phone) {  // cloud -> phone, then over BLE to the device
    start_frame(t, m.depart + m.relay, rng);
    return;
  }
  const std::uint32_t g = transfers_[t].gateway;
  if (g == kNone) {
    lose(t, m.depart);
    return;
  }
  // Network server -> gateway over the backhaul first.
  const BackhaulOutcome b = gateways_.backhaul(g, m.depart, transfers_[t].bytes_total, rng);
  if (!b.delivered) {
    lose(t, m.depart);
    return;
  }
  start_frame(t, m.depart + b.delay, rng);
}

void RadioAccessNetwork::start_frame(std::uint32_t t, SimTime ready, RandomStream& rng) {
  Transfer& tr = transfers_[t];
  const std::uint32_t device = tr.device;
  const std::uint16_t type = fleet_[device].device_type;
  const TypeRadio& tp = types_[type];
  const DeviceRadioConfig& r = tp.cfg->radio;
  const std::uint32_t g = tr.gateway;
  const unsigned max = max_frame_payload(type, tr.link);
  const std::uint32_t done = static_cast<std::uint32_t>(tr.fragment) * max;
  tr.frame_bytes = tr.bytes_total > done ? std::min<std::uint32_t>(max, tr.bytes_total - done) : 0;

  SimTime start = ready;
  SimTime air = 0;
  double device_charge = 0;
  switch (tr.link) {
    case LinkType::Fsk: {
      air = hw::fsk_time_on_air(tp.fsk, tr.frame_bytes);
      if (tr.uplink) {
        start = next_fsk_slot(g, ready + r.sx1262.warm_wake + kCca);
        tr.channel = ch::channel_for(LinkType::Fsk, seed_, device, start);
        // Listen-before-talk: a channel heard busy defers the frame by 1-4 slots.
        const SimTime busy = channel_busy(g, tr.channel);
        if (busy > start) {
          start = next_fsk_slot(g, busy + (1 + rng.below(4)) * gateways_.group(g).radio.fsk_slot);
          tr.channel = ch::channel_for(LinkType::Fsk, seed_, device, start);
        }
        device_charge = r.sx1262.transmit(air, tp.subghz_dbm).charge_uc +
                        r.sx1262.receive_window(kCca).charge_uc +
                        r.sx1262.receive_window(kTurnaround + hw::fsk_time_on_air(tp.fsk, kAckBytes) + kRxGuard).charge_uc;
      } else {
        // A device in the middle of a registration, or of a fragmented message, listens at the fastest
        // receive spacing; otherwise the gateway waits for its next regular receive slot.
        const SimTime spacing =
            tr.cls == MessageClass::Registration || tr.fragment > 0 ? kFastRxSpacing : r.fsk_rx_spacing;
        // One downlink at a time to a device, and one transmission at a time from the gateway's radio.
        start = book_downlink(g, device, spacing, ready, air);
        tr.channel = ch::channel_for(LinkType::Fsk, seed_, device, start);
        device_charge = r.sx1262.receive_window(air + kRxGuard).charge_uc;
      }
      break;
    }
    case LinkType::Css: {
      air = hw::lora_time_on_air(tp.css, tr.frame_bytes);
      if (tr.uplink) {
        start = ready + r.sx1262.warm_wake;
        device_charge = r.sx1262.transmit(air, tp.subghz_dbm).charge_uc;
      } else {
        start = book_downlink(g, device, r.css_rx_interval, ready, air);
        device_charge = r.sx1262.receive_window(air + kRxGuard).charge_uc;
      }
      tr.channel = ch::channel_for(LinkType::Css, seed_, device, start);
      break;
    }
    case LinkType::Ble: {
      const hw::BleTransfer x = hw::ble_transfer(r.ble_connection, std::max<std::uint32_t>(tr.frame_bytes, 1));
      air = std::max<SimTime>(x.duration, 1);
      start = ble_link_ready(device, ready, tr.uplink, tr.cls, rng);
      start += static_cast<SimTime>(rng.uniform() * static_cast<double>(r.ble_connection.interval));
      tr.channel = ch::ble_data_channel_for(seed_, device, start);
      const unsigned ppe = std::max(1u, r.ble_connection.packets_per_event);
      const unsigned full = x.ll_packets / ppe, rest = x.ll_packets % ppe;
      const auto dir = tr.uplink ? hw::BleDirection::Send : hw::BleDirection::Receive;
      device_charge = full * r.nrf52840.connection_event(ppe, r.ble_connection.ll_max_payload_bytes, tp.ble_dbm, dir).charge_uc;
      if (rest > 0)
        device_charge += r.nrf52840.connection_event(rest, r.ble_connection.ll_max_payload_bytes, tp.ble_dbm, dir).charge_uc;
      devices_[device].ble_until_ms =
          static_cast<std::uint32_t>(std::min<SimTime>((start + air + config_.radio.ble_idle_timeout) / kMillisecond,
                                                       0xFFFF'FFFFu));
      break;
    }
  }
  tr.start = start;
  tr.end = start + std::max<SimTime>(air, 1);
  charge(device, device_charge, tr.cls);

  if (tr.phone) {
    tr.rssi = tp.ble_dbm - config_.radio.ble.loss_db(1.0);
    tr.snr = ch::snr_db(tr.rssi, noise_floor_dbm_[ch::rate_index(r.ble_rate)]);
    tr.handle = kNone;
  } else {
    const ch::Medium medium = ch::medium_of(tr.link);
    const auto medium_id = ch::medium_id(medium);
    const ch::DataRate rate = rate_of(type, tr.link);
    const std::uint32_t device_node = gateways_.gateway_count() + device;
    // Mean link budget (distance, shadowing of this device-gateway pair) plus this frame's fading.
    tr.rssi = link_budget_rssi(device, g, tr.link, tr.uplink) + config_.radio.fading_sigma_db * rng.standard_normal();
    tr.snr = ch::snr_db(tr.rssi, noise_floor_dbm_[ch::rate_index(rate)]);
    ch::Reception rx;
    rx.receiver = tr.uplink ? g : device_node;
    rx.transmitter = tr.uplink ? device_node : g;
    rx.medium = medium_id;
    rx.channel = tr.channel;
    rx.start = tr.start;
    rx.end = tr.end;
    rx.rssi_dbm = tr.rssi;
    rx.decodable = demodulates(tr.rssi, tr.link, rate);
    tr.handle = medium_.add(rx);
    if (tr.uplink) {
      if (medium == ch::Medium::SubGhz) {
        channel_busy(g, tr.channel) = std::max(channel_busy(g, tr.channel), tr.end);
        // The device's SX1262 is half-duplex: a downlink reaching it while it transmits is lost. (A BLE record is
        // a whole transfer over a connection, whose events carry both directions: not a half-duplex conflict.)
        medium_.add_transmission(device_node, tr.start, tr.end, medium_id);
      }
      // Other gateways on the same medium that hear the frame: it interferes there and may hold their radio.
      std::vector<std::pair<double, std::uint32_t>>& heard = heard_;
      heard_by_others(device, tr.link, g, heard);
      std::size_t extras = 0;
      for (const auto& [neg, other] : heard) {
        if (extras++ == kMaxExtraReceivers) break;
        ch::Reception x = rx;
        x.receiver = other;
        x.rssi_dbm = -neg;
        // Interference only: that gateway's receiver follows its own devices' channel schedule, so it does not
        // lock onto this frame (no demodulator taken), but the frame still corrupts what it overlaps there.
        medium_.add_interference(x);
        if (medium == ch::Medium::SubGhz) {
          channel_busy(other, tr.channel) = std::max(channel_busy(other, tr.channel), tr.end);
        }
      }
    } else {
      if (medium == ch::Medium::SubGhz) {
        devices_[device].downlink_free_ms = static_cast<std::uint32_t>(
            std::min<SimTime>((tr.end + kMillisecond - 1) / kMillisecond, 0xFFFF'FFFFu));
      }
      medium_.add_transmission(g, tr.start, tr.end, medium_id);  // counted as sent in end_frame, if it was up
    }
  }
  // The sweep walks every receiver slot of the medium, so it runs once per as many frames as there are slots (at
  // least kPruneEvery): its cost per frame stays the same at any fleet size. (resolve() and the expiry of
  // transmissions already forget what they can; the sweep only catches what they leave.)
  if (++since_prune_ >= std::max<std::size_t>(kPruneEvery, medium_.receiver_slots())) {
    since_prune_ = 0;
    medium_.prune(kernel_.now());
  }
  kernel_.schedule_at(tr.end, kTarget, 0, device, t);
}

void RadioAccessNetwork::search_heard(std::uint32_t device, LinkType link, std::uint32_t exclude,
                                      std::vector<std::pair<double, std::uint32_t>>& out) const {
  out.clear();
  const std::uint16_t type = fleet_[device].device_type;
  const bool ble = link == LinkType::Ble;
  const double floor = ch::sensitivity_dbm(rate_of(type, link)) - config_.radio.interference_margin_db;
  grid_.for_each_within(device_position(device), types_[type].interference_range_m[link_index(link)],
                        [&](std::uint32_t other, double) {
                          if (other == exclude) return;
                          const bool same_medium = ble ? gateways_.serves(other, LinkType::Ble)
                                                       : gateways_.serves(other, LinkType::Fsk) ||
                                                             gateways_.serves(other, LinkType::Css);
                          if (!same_medium) return;
                          const double p = link_budget_rssi(device, other, link, true);
                          if (p >= floor) out.emplace_back(-p, other);
                        });
  std::sort(out.begin(), out.end());
}

void RadioAccessNetwork::heard_by_others(std::uint32_t device, LinkType link, std::uint32_t exclude,
                                         std::vector<std::pair<double, std::uint32_t>>& out) {
  const std::uint16_t type = fleet_[device].device_type;
  const std::uint32_t base = heard_base_[type * kLinkCount + link_index(link)];
  if (base == kNone) {
    search_heard(device, link, exclude, out);
    return;
  }
  const std::size_t at = base + static_cast<std::size_t>(device - fleet_.first_of_type(type)) * kHeardSlots;
  std::array<std::uint32_t, kHeardSlots> ids{};
  std::size_t n = 0;
  const bool unfilled = heard_wide_ ? heard_ids32_[at] == kHeardUnfilled32 : heard_ids16_[at] == kHeardUnfilled16;
  if (unfilled) {
    // The strongest kHeardSlots of every gateway that hears it: whichever single gateway a frame excludes, its
    // first kMaxExtraReceivers others are among them, in the same order.
    search_heard(device, link, kNone, out);
    n = std::min(out.size(), kHeardSlots);
    for (std::size_t i = 0; i < kHeardSlots; ++i) {
      if (heard_wide_) heard_ids32_[at + i] = i < n ? out[i].second : kHeardEnd32;
      else heard_ids16_[at + i] = i < n ? static_cast<std::uint16_t>(out[i].second) : kHeardEnd16;
    }
  }
  for (n = 0; n < kHeardSlots; ++n) {
    const std::uint32_t id = heard_wide_ ? heard_ids32_[at + n] : heard_ids16_[at + n];
    if (id == (heard_wide_ ? kHeardEnd32 : std::uint32_t{kHeardEnd16})) break;
    ids[n] = id;
  }
  out.clear();
  for (std::size_t i = 0; i < n && out.size() < kMaxExtraReceivers; ++i) {
    if (ids[i] == exclude) continue;
    out.emplace_back(-link_budget_rssi(device, ids[i], link, true), ids[i]);
  }
}

void RadioAccessNetwork::report(const Transfer& tr, std::string_view outcome) {
  metrics::RadioFrameRecord rec{};
  rec.start = tr.start;
  rec.end = tr.end;
  rec.device = tr.device;
  rec.gateway = tr.phone ? metrics::kNoGateway : tr.gateway;
  rec.device_type = fleet_[tr.device].device_type;
  rec.link = static_cast<std::uint8_t>(tr.link);
  rec.uplink = tr.uplink;
  rec.channel = tr.channel;
  rec.frequency_hz = tr.link == LinkType::Ble ? ch::ble_centre_hz(tr.channel) : ch::kSubGhzPlan.centre_hz(tr.channel);
  rec.rssi_dbm = tr.rssi;
  rec.snr_db = tr.snr;
  rec.length = tr.frame_bytes;
  rec.message = class_name(tr.cls);
  rec.outcome = outcome;
  if (!tr.bytes.empty()) {
    const std::size_t max = tr.link == LinkType::Ble ? tr.bytes.size()
                                                      : max_frame_payload(fleet_[tr.device].device_type, tr.link);
    const std::size_t from = std::min<std::size_t>(static_cast<std::size_t>(tr.fragment) * max, tr.bytes.size());
    rec.bytes = std::span<const std::uint8_t>(tr.bytes).subspan(from, std::min<std::size_t>(tr.frame_bytes, tr.bytes.size() - from));
  }
  sink_.radio_frame(rec);
}

void RadioAccessNetwork::on_event(const CalendarEntry& e) { end_frame(e.arg); }

void RadioAccessNetwork::end_frame(std::uint32_t t) {
  Transfer& tr = transfers_[t];
  std::string_view outcome = "received";
  if (tr.handle != kNone) {
    const ch::LossCause cause = medium_.resolve(tr.handle);
    tr.handle = kNone;
    if (cause != ch::LossCause::None) outcome = ch::to_string(cause);
    else if (gateways_.down_during(tr.gateway, tr.start, tr.end)) outcome = "gateway_down";
    else if (tr.uplink && tr.link != LinkType::Ble && in_beacon(tr.gateway, tr.start, tr.end)) outcome = "half_duplex";
    GatewayLoad& l = gateways_.load(tr.gateway);
    if (tr.uplink) {
      l.rx_airtime += tr.end - tr.start;
      // (a frame whose charge emptied the device's battery is lost: reported battery_depleted below)
      if (outcome == "received" && powered(tr.device)) ++l.frames_received;
      else ++l.frames_lost;
    } else if (!gateways_.down_during(tr.gateway, tr.start, tr.end)) {  // a gateway that was down sent nothing
      ++l.frames_sent;
      l.tx_airtime += tr.end - tr.start;
    }
  }
  if (!powered(tr.device)) outcome = "battery_depleted";
  report(tr, outcome);
  const SimTime now = kernel_.now();
  RandomStream rng = fleet_.stream(tr.device);
  const DeviceRadioConfig& r = fleet_.type_of(tr.device).radio;
  if (outcome == "received") {
    SimTime next_ready = now;
    if (tr.uplink && tr.link == LinkType::Fsk && !tr.phone) {
      // The gateway acknowledges at once (MAC ACK): its radio transmits, so it cannot hear meanwhile.
      const SimTime ack = hw::fsk_time_on_air(types_[fleet_[tr.device].device_type].fsk, kAckBytes);
      medium_.add_transmission(tr.gateway, now + kTurnaround, now + kTurnaround + ack,
                               ch::medium_id(ch::Medium::SubGhz));
      GatewayLoad& l = gateways_.load(tr.gateway);
      ++l.frames_sent;
      l.tx_airtime += ack;
      next_ready = now + kTurnaround + ack;
    }
    tr.tries = 0;
    if (++tr.fragment < tr.fragments) {
      start_frame(t, next_ready, rng);
      fleet_.commit(tr.device, rng);
      return;
    }
    deliver(t, now);
    fleet_.commit(tr.device, rng);
    return;
  }
  // Lost. FSK and BLE retransmit (MAC ACK, link-layer retransmission); a CSS uplink is fire-and-forget.
  const bool retry = powered(tr.device) && outcome != "below_sensitivity" && outcome != "gateway_down" &&
                     !(tr.uplink && tr.link == LinkType::Css) && tr.tries < r.mac_retries;
  if (retry) {
    ++tr.tries;
    SimTime ready = now;
    if (tr.uplink && tr.link == LinkType::Fsk)
      ready = now + kAckTimeout + rng.below(4) * gateways_.group(tr.gateway).radio.fsk_slot;
    start_frame(t, ready, rng);
    fleet_.commit(tr.device, rng);
    return;
  }
  fleet_.commit(tr.device, rng);
  lose(t, now);
}

void RadioAccessNetwork::deliver(std::uint32_t t, SimTime at) {
  Transfer& tr = transfers_[t];
  SimTime when = at;
  if (tr.uplink) {
    if (!tr.phone) {
      RandomStream rng = fleet_.stream(tr.device);
      const BackhaulOutcome b = gateways_.backhaul(tr.gateway, at, tr.bytes_total, rng);
      fleet_.commit(tr.device, rng);
      if (!b.delivered) {
        lose(t, at);
        return;
      }
      when += b.delay;
    }
    when += tr.relay;
  }
  const Continuation c = tr.arrived;
  tr.bytes.clear();
  free_transfers_.push_back(t);
  kernel_.schedule_at(when, c.target, c.kind, c.device, c.arg);
}

void RadioAccessNetwork::lose(std::uint32_t t, SimTime at) {
  Transfer& tr = transfers_[t];
  const std::optional<Continuation> c = tr.lost;
  tr.bytes.clear();
  free_transfers_.push_back(t);
  if (c) kernel_.schedule_at(at, c->target, c->kind, c->device, c->arg);
}

}  // namespace st::models
