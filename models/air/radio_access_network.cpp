#include "models/air/radio_access_network.hpp"

#include <algorithm>

#include "models/air/ble_mac.hpp"
#include "models/air/css_mac.hpp"
#include "models/air/fsk_mac.hpp"
#include "models/channel/channel_plan.hpp"

namespace st::models {

namespace ch = channel;

namespace {

constexpr std::uint32_t kPruneEvery = 4096;

FrameOutcome outcome_of(ch::LossCause cause) {
  switch (cause) {
    case ch::LossCause::None: return FrameOutcome::Received;
    case ch::LossCause::BelowSensitivity: return FrameOutcome::BelowSensitivity;
    case ch::LossCause::Collision: return FrameOutcome::Collision;
    case ch::LossCause::HalfDuplex: return FrameOutcome::HalfDuplex;
    case ch::LossCause::ReceiverBusy: return FrameOutcome::GatewayBusy;
  }
  return FrameOutcome::Collision;
}

}  // namespace

struct RadioAccessNetwork::Transfer {
  Continuation arrived;
  std::optional<Continuation> lost;
  std::optional<Continuation> link_failed;
  SimTime relay = 0;
  std::uint32_t device = 0;
  std::uint32_t gateway = kNone;
  std::uint32_t bytes_total = 0;
  std::uint32_t max_frame = 0xFFFF;  // the link's largest frame payload for this device's type
  std::uint16_t type = 0;            // the device's type
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
      gateways_(gateways),
      fleet_(fleet),
      budget_(config, fleet, gateways),
      topology_(config, fleet, gateways, budget_),
      schedule_(gateways, config.seed, topology_),
      energy_(fleet, sink),
      interferers_(fleet, gateways, topology_, budget_, config.radio.interference_margin_db),
      medium_(ch::RadioMediumConfig{config.radio.capture_threshold_db, 1, false}) {
  const air::AirParts parts{budget_, topology_, schedule_, energy_, gateways_, medium_, config.radio, config.seed};
  macs_[link_index(LinkType::Ble)] = std::make_unique<air::BleMac>(parts);
  macs_[link_index(LinkType::Fsk)] = std::make_unique<air::FskMac>(parts);
  macs_[link_index(LinkType::Css)] = std::make_unique<air::CssMac>(parts);
  // The baseline: sleep, plus the listening that keeps the device reachable on its first link.
  for (std::uint16_t t = 0; t < fleet_.type_count(); ++t) {
    const auto& links = fleet_.type(t).links;
    energy_.set_baseline(t, mac(links.empty() ? LinkType::Ble : links.front()).listening_ma(t));
  }
  for (std::uint32_t g = 0; g < gateways_.gateway_count(); ++g) {
    const GatewayRadioConfig& r = gateways_.group(g).radio;
    medium_.set_demodulators(g, ch::medium_id(ch::Medium::SubGhz), r.subghz_demodulators);
    medium_.set_demodulators(g, ch::medium_id(ch::Medium::Ble), r.ble_demodulators);
  }
}

RadioAccessNetwork::~RadioAccessNetwork() = default;

SimTime RadioAccessNetwork::response_allowance(std::uint32_t device, LinkType link) const {
  return mac(link).response_allowance(fleet_[device].device_type);
}

void RadioAccessNetwork::device_compute(std::uint32_t device, SimTime busy, MessageClass cls) {
  energy_.compute(device, busy, cls, kernel_.now());
}

void RadioAccessNetwork::finish(SimTime end) {
  energy_.finish(end);
  for (std::uint32_t g = 0; g < gateways_.gateway_count(); ++g) {
    const GatewayGroupConfig& group = gateways_.group(g);
    sink_.gateway({g, gateways_.group_of(g), group.name, gateways_.position(g).x_m, gateways_.position(g).y_m, group.links,
                   gateways_.load(g), reach_m(g)});
  }
}

PerLink<double> RadioAccessNetwork::reach_m(std::uint32_t gateway) const {
  PerLink<double> reach{};
  for (const LinkType link : kLinks) {
    if (!gateways_.serves(gateway, link)) continue;
    for (std::uint16_t t = 0; t < budget_.type_count(); ++t)
      reach[link_index(link)] = std::max(reach[link_index(link)], budget_.serving_range_m(t, link));
  }
  return reach;
}

void RadioAccessNetwork::report_placement() {
  std::vector<metrics::GatewayPlace> gateways;
  gateways.reserve(gateways_.gateway_count());
  for (std::uint32_t g = 0; g < gateways_.gateway_count(); ++g) {
    const GatewayGroupConfig& group = gateways_.group(g);
    gateways.push_back({gateways_.group_of(g), group.name, gateways_.position(g).x_m, gateways_.position(g).y_m,
                        group.links, reach_m(g)});
  }
  std::vector<metrics::DevicePlace> devices;
  devices.reserve(fleet_.size());
  for (std::uint32_t d = 0; d < fleet_.size(); ++d) {
    const channel::Position p = topology_.position(d);
    devices.push_back({fleet_[d].device_type, p.x_m, p.y_m});
  }
  sink_.placement({gateways, devices});
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

std::uint32_t RadioAccessNetwork::open_transfer(const AirMessage& m, bool uplink, bool phone) {
  const std::uint32_t t = new_transfer();
  Transfer& tr = transfers_[t];
  tr.arrived = m.arrived;
  tr.lost = m.lost;
  tr.link_failed = m.link_failed;
  tr.relay = uplink ? m.relay : 0;
  tr.device = m.device;
  tr.type = fleet_[m.device].device_type;
  tr.link = phone ? LinkType::Ble : m.link;
  tr.cls = m.cls;
  tr.uplink = uplink;
  tr.phone = phone;
  tr.bytes_total = static_cast<std::uint32_t>(m.bytes.size());
  if (sink_.wants_frame_bytes()) tr.bytes.assign(m.bytes.begin(), m.bytes.end());
  if (!phone) {
    tr.gateway = topology_.current_gateway(m.device, m.link, m.depart);
    tr.max_frame = mac(tr.link).max_frame_payload(tr.type);
    tr.fragments = static_cast<std::uint16_t>(std::max<std::uint32_t>(1, (tr.bytes_total + tr.max_frame - 1) / tr.max_frame));
  }
  return t;
}

void RadioAccessNetwork::to_cloud(const AirMessage& m, RandomStream& rng) {
  if (!powered(m.device)) return;  // a dead device sends nothing
  const bool phone = m.via == RegistrationPath::MobileApp;
  const std::uint32_t t = open_transfer(m, true, phone);
  if (!phone && transfers_[t].gateway == kNone) {  // no gateway in reach when it leaves: no link ACK comes
    lose(t, m.depart, true);
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
    lose(t, m.depart, false);
    return;
  }
  // Network server -> gateway over the backhaul first.
  const BackhaulOutcome b = gateways_.backhaul(g, m.depart, transfers_[t].bytes_total, rng);
  if (!b.delivered) {
    lose(t, m.depart, false);
    return;
  }
  start_frame(t, m.depart + b.delay, rng);
}

air::FrameRequest RadioAccessNetwork::frame_request(const Transfer& tr, SimTime ready) const {
  air::FrameRequest f;
  f.device = tr.device;
  f.type = tr.type;
  f.gateway = tr.gateway;
  f.uplink = tr.uplink;
  f.cls = tr.cls;
  f.fragment = tr.fragment;
  f.frame_bytes = tr.frame_bytes;
  f.ready = ready;
  f.now = kernel_.now();
  return f;
}

void RadioAccessNetwork::start_frame(std::uint32_t t, SimTime ready, RandomStream& rng) {
  Transfer& tr = transfers_[t];
  const std::uint32_t done = static_cast<std::uint32_t>(tr.fragment) * tr.max_frame;
  tr.frame_bytes = tr.bytes_total > done ? std::min<std::uint32_t>(tr.max_frame, tr.bytes_total - done) : 0;
  const air::FramePlan plan = mac(tr.link).plan(frame_request(tr, ready), rng);
  tr.start = plan.start;
  tr.end = plan.start + std::max<SimTime>(plan.air, 1);
  tr.channel = plan.channel;
  energy_.charge(tr.device, plan.device_charge_uc, tr.cls, kernel_.now());
  put_on_medium(tr, rng);
  // The sweep walks every receiver slot of the medium, so it runs once per as many frames as there are slots (at
  // least kPruneEvery): its cost per frame stays the same at any fleet size. (resolve() and the expiry of
  // transmissions already forget what they can; the sweep only catches what they leave.)
  if (++since_prune_ >= std::max<std::size_t>(kPruneEvery, medium_.receiver_slots())) {
    since_prune_ = 0;
    medium_.prune(kernel_.now());
  }
  kernel_.schedule_at(tr.end, kTarget, 0, tr.device, t);
}

void RadioAccessNetwork::put_on_medium(Transfer& tr, RandomStream& rng) {
  const std::uint32_t device = tr.device;
  const std::uint16_t type = tr.type;
  if (tr.phone) {
    tr.rssi = budget_.phone_rssi(type);
    tr.snr = ch::snr_db(tr.rssi, budget_.noise_floor_dbm(fleet_.type(type).radio.ble_rate));
    tr.handle = kNone;
    return;
  }
  const std::uint32_t g = tr.gateway;
  const ch::Medium medium = ch::medium_of(tr.link);
  const auto medium_id = ch::medium_id(medium);
  const ch::DataRate rate = budget_.rate_of(type, tr.link);
  const std::uint32_t device_node = gateways_.gateway_count() + device;
  // Mean link budget (distance, shadowing of this device-gateway pair) plus this frame's fading.
  tr.rssi = topology_.rssi(device, g, tr.link, tr.uplink) + budget_.fading_sigma_db() * rng.standard_normal();
  tr.snr = ch::snr_db(tr.rssi, budget_.noise_floor_dbm(rate));
  ch::Reception rx;
  rx.receiver = tr.uplink ? g : device_node;
  rx.transmitter = tr.uplink ? device_node : g;
  rx.medium = medium_id;
  rx.channel = tr.channel;
  rx.start = tr.start;
  rx.end = tr.end;
  rx.rssi_dbm = tr.rssi;
  rx.decodable = budget_.demodulates(tr.rssi, tr.link, rate);
  tr.handle = medium_.add(rx);
  if (!tr.uplink) {
    if (medium == ch::Medium::SubGhz) schedule_.downlink_until(device, tr.end);
    medium_.add_transmission(g, tr.start, tr.end, medium_id);  // counted as sent in end_frame, if it was up
    return;
  }
  if (medium == ch::Medium::SubGhz) {
    SimTime& busy = schedule_.channel_busy(g, tr.channel);
    busy = std::max(busy, tr.end);
    // The device's SX1262 is half-duplex: a downlink reaching it while it transmits is lost. (A BLE record is a
    // whole transfer over a connection, whose events carry both directions: not a half-duplex conflict.)
    medium_.add_transmission(device_node, tr.start, tr.end, medium_id);
  }
  // Other gateways on the same medium that hear the frame: it interferes there and may hold their radio.
  interferers_.heard_by_others(device, tr.link, g, heard_);
  std::size_t extras = 0;
  for (const auto& [neg, other] : heard_) {
    if (extras++ == air::InterfererCache::kMaxExtraReceivers) break;
    ch::Reception x = rx;
    x.receiver = other;
    x.rssi_dbm = -neg;
    // Interference only: that gateway's receiver follows its own devices' channel schedule, so it does not lock
    // onto this frame (no demodulator taken), but the frame still corrupts what it overlaps there.
    medium_.add_interference(x);
    if (medium == ch::Medium::SubGhz) {
      SimTime& busy = schedule_.channel_busy(other, tr.channel);
      busy = std::max(busy, tr.end);
    }
  }
}

void RadioAccessNetwork::report(const Transfer& tr, FrameOutcome outcome) {
  metrics::RadioFrameRecord rec{};
  rec.start = tr.start;
  rec.end = tr.end;
  rec.device = tr.device;
  rec.gateway = tr.phone ? metrics::kNoGateway : tr.gateway;
  rec.device_type = tr.type;
  rec.link = tr.link;
  rec.uplink = tr.uplink;
  rec.channel = tr.channel;
  rec.frequency_hz = tr.link == LinkType::Ble ? ch::ble_centre_hz(tr.channel) : ch::kSubGhzPlan.centre_hz(tr.channel);
  rec.rssi_dbm = tr.rssi;
  rec.snr_db = tr.snr;
  rec.length = tr.frame_bytes;
  rec.message = tr.cls;
  rec.outcome = outcome;
  if (!tr.bytes.empty()) {
    const std::size_t from = std::min<std::size_t>(static_cast<std::size_t>(tr.fragment) * tr.max_frame, tr.bytes.size());
    rec.bytes = std::span<const std::uint8_t>(tr.bytes).subspan(from, std::min<std::size_t>(tr.frame_bytes, tr.bytes.size() - from));
  }
  sink_.radio_frame(rec);
}

void RadioAccessNetwork::on_event(const CalendarEntry& e) { end_frame(e.arg); }

void RadioAccessNetwork::end_frame(std::uint32_t t) {
  Transfer& tr = transfers_[t];
  air::LinkMac& link_mac = mac(tr.link);
  FrameOutcome outcome = FrameOutcome::Received;
  if (tr.handle != kNone) {
    outcome = outcome_of(medium_.resolve(tr.handle));
    tr.handle = kNone;
    // Received on the medium, it can still be lost to its gateway's outage, or to its beacon (half duplex).
    const bool gateway_down = gateways_.down_during(tr.gateway, tr.start, tr.end);
    if (outcome == FrameOutcome::Received && gateway_down)
      outcome = FrameOutcome::GatewayDown;
    else if (outcome == FrameOutcome::Received && tr.uplink && link_mac.loses_to_beacon() &&
             schedule_.in_beacon(tr.gateway, tr.start, tr.end))
      outcome = FrameOutcome::HalfDuplex;
    GatewayLoad& l = gateways_.load(tr.gateway);
    if (tr.uplink) {
      l.rx_airtime += tr.end - tr.start;
      // (a frame whose charge emptied the device's battery is lost: reported battery_depleted below)
      if (outcome == FrameOutcome::Received && powered(tr.device)) ++l.frames_received;
      else ++l.frames_lost;
    } else if (!gateway_down) {  // a gateway that was down sent nothing
      ++l.frames_sent;
      l.tx_airtime += tr.end - tr.start;
    }
  }
  if (!powered(tr.device)) outcome = FrameOutcome::BatteryDepleted;
  report(tr, outcome);
  const SimTime now = kernel_.now();
  RandomStream rng = fleet_.stream(tr.device);
  if (outcome == FrameOutcome::Received) {
    const SimTime next_ready = tr.uplink && !tr.phone ? link_mac.after_uplink_received(tr.type, tr.gateway, now) : now;
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
  // Lost: sent again as the link allows (FSK and BLE both ways, CSS downlinks), unless it was below sensitivity or
  // its gateway was down.
  const bool retry = powered(tr.device) && outcome != FrameOutcome::BelowSensitivity &&
                     outcome != FrameOutcome::GatewayDown && link_mac.retransmits(tr.uplink) &&
                     tr.tries < fleet_.type(tr.type).radio.mac_retries;
  if (retry) {
    ++tr.tries;
    const SimTime ready = link_mac.retry_ready(tr.gateway, tr.uplink, now, rng);
    start_frame(t, ready, rng);
    fleet_.commit(tr.device, rng);
    return;
  }
  fleet_.commit(tr.device, rng);
  lose(t, now, true);
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
        lose(t, at, false);
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

void RadioAccessNetwork::lose(std::uint32_t t, SimTime at, bool on_air) {
  Transfer& tr = transfers_[t];
  const std::optional<Continuation> c =
      on_air && tr.link_failed && !tr.phone && acknowledges_uplinks(tr.link) ? tr.link_failed : tr.lost;
  tr.bytes.clear();
  free_transfers_.push_back(t);
  if (c) kernel_.schedule_at(at, c->target, c->kind, c->device, c->arg);
}

}  // namespace st::models
