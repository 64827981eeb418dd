// BLE timing: link-layer packet airtime on the LE 1M and 2M PHYs, ATT/L2CAP fragmentation, the time to move
// bytes over a connection, Sidewalk's advertising schedule and connection set-up (docs/sidewalk.md §1.1).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/kernel/sim_time.hpp"

namespace st::hw {

enum class BlePhy : std::uint8_t { Le1M, Le2M };

// Bluetooth Core 5.x, Vol 6 Part B [D, sidewalk.md §1.1]: inter-frame space, largest LL payload (Data Length Extension),
// header sizes.
inline constexpr SimTime kBleTifs = 150 * kMicrosecond;
inline constexpr unsigned kBleMaxLlPayloadBytes = 251;
inline constexpr unsigned kBleMinLlPayloadBytes = 27;      // without Data Length Extension
inline constexpr unsigned kBleAttHeaderBytes = 3;          // notification / write command: opcode + handle
inline constexpr unsigned kBleL2capHeaderBytes = 4;        // length + channel ID
inline constexpr unsigned kBleConnectIndPayloadBytes = 34; // InitA 6 + AdvA 6 + LLData 22
inline constexpr SimTime kBleConnectionUnit = 1250 * kMicrosecond;  // interval and window granularity

// Bytes on air of one LL packet: preamble (1 B at 1M, 2 B at 2M) + access address 4 + header 2 + payload
// + MIC 4 (encrypted and non-empty payload only) + CRC 3. Throws std::invalid_argument above 251 B.
unsigned ble_packet_bytes(BlePhy phy, unsigned ll_payload_bytes, bool encrypted = false);
// Airtime of that packet: 8 us per byte at 1M, 4 us at 2M (exact).
SimTime ble_packet_airtime(BlePhy phy, unsigned ll_payload_bytes, bool encrypted = false);

// A PHY by rate name ("1Mbps", "2Mbps"), or nullopt.
std::optional<BlePhy> ble_rate(std::string_view name);
// The names ble_rate() knows, for messages.
std::string known_ble_rates();

struct BleConnectionParams {
  SimTime interval = 30 * kMillisecond;         // 20..75 ms [D, sidewalk.md §1.1], a multiple of 1.25 ms [D, sidewalk.md §1.1]
  SimTime supervision_timeout = 4 * kSecond;    // [D, sidewalk.md §1.1]
  unsigned peripheral_latency = 0;              // [D, sidewalk.md §1.1]
  unsigned att_mtu = 247;                       // [D, sidewalk.md §1.1]: 244-byte ATT payloads, one 251-byte LL packet each
  unsigned packets_per_event = 4;               // data packets the sender fits in one connection event [E]
  unsigned ll_max_payload_bytes = kBleMaxLlPayloadBytes;  // negotiated LL data length (27..251) [E: DLE on]
  BlePhy phy = BlePhy::Le1M;
  bool encrypted = false;  // LL encryption (4-byte MIC); Sidewalk seals its own frames, so off [E]
  SimTime transmit_window_offset = 0;           // CONNECT_IND transmitWindowOffset, 0..interval [E]
  unsigned setup_events = 4;  // connection events after the first to negotiate data length and ATT MTU [E]
};
// Throws std::invalid_argument naming the problem: an interval outside 20..75 ms or not a multiple of
// 1.25 ms, a supervision timeout outside 100 ms..32 s or not above 2 (1 + latency) intervals, an ATT MTU
// outside 23..517, an LL data length outside 27..251, zero packets per event, a transmit-window offset
// beyond the interval.
void check_ble_connection(const BleConnectionParams& c);

// How `app_bytes` travel: ATT PDUs of at most (att_mtu - 3) bytes, each in an L2CAP PDU (+4 B header) split
// into LL packets of at most ll_max_payload_bytes. Zero bytes need no packet.
struct BleFragmentation {
  unsigned att_pdus = 0;
  unsigned ll_packets = 0;
};
BleFragmentation ble_fragment(const BleConnectionParams& c, unsigned app_bytes);

// The time to move `app_bytes` one way over an established connection. Each data packet is one exchange:
// the peer's empty packet, T_IFS, the data packet; exchanges are T_IFS apart; an event carries at most
// packets_per_event exchanges and must close T_IFS before the next anchor [D, sidewalk.md §1.1]. `duration` runs from
// the anchor of the first connection event used to the end of the last data packet; the wait for that
// anchor (0..interval after the data is ready, interval / 2 on average) is the caller's.
struct BleTransfer {
  unsigned att_pdus = 0;
  unsigned ll_packets = 0;
  unsigned connection_events = 0;
  SimTime duration = 0;
};
BleTransfer ble_transfer(const BleConnectionParams& c, unsigned app_bytes);

struct BleAdvertisingParams {
  SimTime fast_interval = 160 * kMillisecond;   // for the first 30 s after start [D, sidewalk.md §1.1]
  SimTime fast_duration = 30 * kSecond;         // [D, sidewalk.md §1.1]
  SimTime slow_interval = 1000 * kMillisecond;  // afterwards [D, sidewalk.md §1.1]
  SimTime adv_delay_max = 10 * kMillisecond;    // advDelay, 0..10 ms per event [D, sidewalk.md §1.1]
  unsigned adv_payload_bytes = 37;              // ADV_IND: AdvA 6 + 31-byte AdvData [D, sidewalk.md §1.1]
  unsigned channels = 3;                        // 37, 38, 39
};
// The schedule when advertising starts at t0 and every event carries the same advDelay `adv_delay`
// (0..adv_delay_max: pass a drawn value, or adv_delay_max / 2 for the mean): events at
// t0 + d + k (fast_interval + d) while they start before t0 + fast_duration; then advertising restarts with
// the slow interval at t0 + fast_duration, events at t0 + fast_duration + d + j (slow_interval + d).
// (The restart at the end of the fast phase is how the Sidewalk stack switches intervals [E].)
// Throws std::invalid_argument when adv_delay exceeds adv_delay_max or an interval is zero.
//
// The start of the first advertising event at or after `at` (absolute time; subtract t0 for the time since
// advertising started, or `at` for the wait).
SimTime ble_next_advertisement(const BleAdvertisingParams& a, SimTime t0, SimTime at, SimTime adv_delay);
// How many advertising events start before `t` (for charging their energy).
std::uint64_t ble_advertising_events_before(const BleAdvertisingParams& a, SimTime t0, SimTime t,
                                            SimTime adv_delay);

// Connection set-up, timed from the start of the ADV_IND the scanner receives (legacy advertising and the
// CONNECT_IND are always on the 1M PHY): ADV_IND airtime, T_IFS, CONNECT_IND airtime (34-byte payload),
// then the transmit window starts 1.25 ms + transmitWindowOffset later and the central sends its first
// packet at the window's start [D for the 1.25 ms, sidewalk.md §1.1; E for sending at the window start]: that is the first
// connection event's anchor. The link is ready for data `setup_events` intervals later (data length
// update and ATT MTU exchange, each a request and a response one event apart [E]).
struct BleConnectionSetup {
  SimTime first_event = 0;  // start of the advert -> first connection event anchor
  SimTime ready = 0;        // start of the advert -> link ready for data
};
BleConnectionSetup ble_connection_setup(const BleAdvertisingParams& a, const BleConnectionParams& c);

}  // namespace st::hw
