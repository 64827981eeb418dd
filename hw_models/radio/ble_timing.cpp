// BLE timing: packet airtime, fragmentation, transfer time, advertising schedule, connection set-up.
#include "hw_models/radio/ble_timing.hpp"

#include <stdexcept>

namespace st::hw {

namespace {
std::string ms_text(SimTime t) { return std::to_string(static_cast<double>(t) / 1e6) + " ms"; }

SimTime ns_per_byte(BlePhy phy) { return phy == BlePhy::Le1M ? 8 * kMicrosecond : 4 * kMicrosecond; }

// Ceiling division for positive counts.
constexpr std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) { return (a + b - 1) / b; }
}  // namespace

unsigned ble_packet_bytes(BlePhy phy, unsigned ll_payload_bytes, bool encrypted) {
  if (ll_payload_bytes > kBleMaxLlPayloadBytes) {
    throw std::invalid_argument("BLE LL payload " + std::to_string(ll_payload_bytes) + " B is too large (max " +
                                std::to_string(kBleMaxLlPayloadBytes) + " B)");
  }
  const unsigned preamble = phy == BlePhy::Le1M ? 1 : 2;
  const unsigned mic = encrypted && ll_payload_bytes > 0 ? 4 : 0;  // no MIC on an empty PDU [D, sidewalk.md §1.1]
  return preamble + 4 + 2 + ll_payload_bytes + mic + 3;
}

SimTime ble_packet_airtime(BlePhy phy, unsigned ll_payload_bytes, bool encrypted) {
  return ble_packet_bytes(phy, ll_payload_bytes, encrypted) * ns_per_byte(phy);
}

std::optional<BlePhy> ble_rate(std::string_view name) {
  if (name == "1Mbps") return BlePhy::Le1M;
  if (name == "2Mbps") return BlePhy::Le2M;
  return std::nullopt;
}

std::string known_ble_rates() { return "1Mbps, 2Mbps"; }

void check_ble_connection(const BleConnectionParams& c) {
  if (c.interval < 20 * kMillisecond || c.interval > 75 * kMillisecond) {
    throw std::invalid_argument("BLE connection interval " + ms_text(c.interval) + " is outside 20..75 ms");
  }
  if (c.interval % kBleConnectionUnit != 0) {
    throw std::invalid_argument("BLE connection interval " + ms_text(c.interval) +
                                " is not a multiple of 1.25 ms");
  }
  if (c.supervision_timeout < 100 * kMillisecond || c.supervision_timeout > 32 * kSecond) {
    throw std::invalid_argument("BLE supervision timeout " + ms_text(c.supervision_timeout) +
                                " is outside 100 ms..32 s");
  }
  if (c.supervision_timeout <= 2 * (1 + static_cast<SimTime>(c.peripheral_latency)) * c.interval) {
    throw std::invalid_argument("BLE supervision timeout " + ms_text(c.supervision_timeout) +
                                " must exceed 2 (1 + latency) connection intervals");
  }
  if (c.att_mtu < 23 || c.att_mtu > 517) {
    throw std::invalid_argument("BLE ATT MTU " + std::to_string(c.att_mtu) + " is outside 23..517");
  }
  if (c.ll_max_payload_bytes < kBleMinLlPayloadBytes || c.ll_max_payload_bytes > kBleMaxLlPayloadBytes) {
    throw std::invalid_argument("BLE LL data length " + std::to_string(c.ll_max_payload_bytes) +
                                " B is outside 27..251");
  }
  if (c.packets_per_event == 0) throw std::invalid_argument("BLE packets per event must be at least 1");
  if (c.transmit_window_offset > c.interval) {
    throw std::invalid_argument("BLE transmit window offset " + ms_text(c.transmit_window_offset) +
                                " exceeds the connection interval");
  }
}

BleFragmentation ble_fragment(const BleConnectionParams& c, unsigned app_bytes) {
  check_ble_connection(c);
  BleFragmentation f;
  if (app_bytes == 0) return f;
  const unsigned att_payload = c.att_mtu - kBleAttHeaderBytes;
  f.att_pdus = static_cast<unsigned>(ceil_div(app_bytes, att_payload));
  const unsigned full_l2cap = att_payload + kBleAttHeaderBytes + kBleL2capHeaderBytes;
  const unsigned last_l2cap = app_bytes - (f.att_pdus - 1) * att_payload + kBleAttHeaderBytes +
                              kBleL2capHeaderBytes;
  f.ll_packets = (f.att_pdus - 1) * static_cast<unsigned>(ceil_div(full_l2cap, c.ll_max_payload_bytes)) +
                 static_cast<unsigned>(ceil_div(last_l2cap, c.ll_max_payload_bytes));
  return f;
}

BleTransfer ble_transfer(const BleConnectionParams& c, unsigned app_bytes) {
  const BleFragmentation f = ble_fragment(c, app_bytes);  // checks c
  BleTransfer t;
  t.att_pdus = f.att_pdus;
  t.ll_packets = f.ll_packets;
  if (app_bytes == 0) return t;

  const unsigned att_payload = c.att_mtu - kBleAttHeaderBytes;
  const SimTime empty = ble_packet_airtime(c.phy, 0, c.encrypted);
  const SimTime event_limit = c.interval - kBleTifs;  // the event closes T_IFS before the next anchor
  unsigned events = 0;
  unsigned in_event = 0;
  SimTime elapsed = 0;  // within the current event
  auto send = [&](unsigned ll_payload) {
    const SimTime exchange = empty + kBleTifs + ble_packet_airtime(c.phy, ll_payload, c.encrypted);
    const bool fits = events > 0 && in_event < c.packets_per_event && elapsed + kBleTifs + exchange <= event_limit;
    if (fits) {
      elapsed += kBleTifs + exchange;
      ++in_event;
    } else {  // the next connection event (always at least one exchange per event)
      ++events;
      in_event = 1;
      elapsed = exchange;
    }
  };
  for (unsigned i = 0; i < f.att_pdus; ++i) {
    const unsigned att = i + 1 < f.att_pdus ? att_payload : app_bytes - i * att_payload;
    unsigned l2cap = att + kBleAttHeaderBytes + kBleL2capHeaderBytes;
    while (l2cap > 0) {
      const unsigned frag = l2cap < c.ll_max_payload_bytes ? l2cap : c.ll_max_payload_bytes;
      send(frag);
      l2cap -= frag;
    }
  }
  t.connection_events = events;
  t.duration = (events - 1) * c.interval + elapsed;
  return t;
}

namespace {
void check_advertising(const BleAdvertisingParams& a) {
  if (a.fast_interval == 0 || a.slow_interval == 0) {
    throw std::invalid_argument("BLE advertising intervals must be positive");
  }
  if (a.adv_payload_bytes < 6 || a.adv_payload_bytes > 37) {
    throw std::invalid_argument("BLE advertising payload " + std::to_string(a.adv_payload_bytes) +
                                " B is outside 6..37 (AdvA + up to 31 B of AdvData)");
  }
  if (a.channels < 1 || a.channels > 3) {
    throw std::invalid_argument("BLE advertising channels " + std::to_string(a.channels) + " is outside 1..3");
  }
}

void check_advertising(const BleAdvertisingParams& a, SimTime adv_delay) {
  check_advertising(a);
  if (adv_delay > a.adv_delay_max) {
    throw std::invalid_argument("BLE advDelay " + ms_text(adv_delay) + " exceeds the maximum " +
                                ms_text(a.adv_delay_max));
  }
}

// The first event of the periodic series first + k * period at or after `at`.
SimTime next_in_series(SimTime first, SimTime period, SimTime at) {
  if (at <= first) return first;
  return first + ceil_div(at - first, period) * period;
}

// How many events of the series first + k * period start before `t`.
std::uint64_t count_in_series(SimTime first, SimTime period, SimTime t) {
  if (t <= first) return 0;
  return (t - first - 1) / period + 1;
}
}  // namespace

SimTime ble_next_advertisement(const BleAdvertisingParams& a, SimTime t0, SimTime at, SimTime adv_delay) {
  check_advertising(a, adv_delay);
  const SimTime slow_start = t0 + a.fast_duration;
  const SimTime fast = next_in_series(t0 + adv_delay, a.fast_interval + adv_delay, at);
  if (fast < slow_start) return fast;
  return next_in_series(slow_start + adv_delay, a.slow_interval + adv_delay, at);
}

std::uint64_t ble_advertising_events_before(const BleAdvertisingParams& a, SimTime t0, SimTime t,
                                            SimTime adv_delay) {
  check_advertising(a, adv_delay);
  const SimTime slow_start = t0 + a.fast_duration;
  const SimTime fast_end = t < slow_start ? t : slow_start;
  return count_in_series(t0 + adv_delay, a.fast_interval + adv_delay, fast_end) +
         count_in_series(slow_start + adv_delay, a.slow_interval + adv_delay, t);
}

BleConnectionSetup ble_connection_setup(const BleAdvertisingParams& a, const BleConnectionParams& c) {
  check_advertising(a);
  check_ble_connection(c);
  BleConnectionSetup s;
  s.first_event = ble_packet_airtime(BlePhy::Le1M, a.adv_payload_bytes) + kBleTifs +
                  ble_packet_airtime(BlePhy::Le1M, kBleConnectIndPayloadBytes) + kBleConnectionUnit +
                  c.transmit_window_offset;
  s.ready = s.first_event + c.setup_events * c.interval;
  return s;
}

}  // namespace st::hw
