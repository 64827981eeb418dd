// BLE timing: packet airtime, ATT/L2CAP fragmentation, transfer time, advertising schedule and connection
// set-up against hand-computed values.
#include <gtest/gtest.h>

#include <stdexcept>

#include "hw_models/radio/ble_timing.hpp"

namespace st::hw {
namespace {

constexpr SimTime us(std::uint64_t n) { return n * kMicrosecond; }
constexpr SimTime ms(std::uint64_t n) { return n * kMillisecond; }

TEST(radioBleTiming, PacketAirtime1M) {
  EXPECT_EQ(ble_packet_bytes(BlePhy::Le1M, 0), 10u);       // 1 + 4 + 2 + 0 + 3
  EXPECT_EQ(ble_packet_airtime(BlePhy::Le1M, 0), us(80));
  EXPECT_EQ(ble_packet_airtime(BlePhy::Le1M, 27), us(296));   // 37 B
  EXPECT_EQ(ble_packet_airtime(BlePhy::Le1M, 251), us(2088));  // 261 B
  EXPECT_EQ(ble_packet_airtime(BlePhy::Le1M, 251, true), us(2120));  // + 4 B MIC
  EXPECT_EQ(ble_packet_airtime(BlePhy::Le1M, 0, true), us(80));      // no MIC on an empty PDU
  EXPECT_EQ(ble_packet_airtime(BlePhy::Le1M, 37), us(376));          // a full ADV_IND
}

TEST(radioBleTiming, PacketAirtime2M) {
  EXPECT_EQ(ble_packet_bytes(BlePhy::Le2M, 0), 11u);  // 2-byte preamble
  EXPECT_EQ(ble_packet_airtime(BlePhy::Le2M, 0), us(44));
  EXPECT_EQ(ble_packet_airtime(BlePhy::Le2M, 251), us(1048));  // 262 B * 4 us
  EXPECT_EQ(ble_packet_airtime(BlePhy::Le2M, 251, true), us(1064));
}

TEST(radioBleTiming, PacketPayloadLimit) {
  EXPECT_THROW(ble_packet_airtime(BlePhy::Le1M, 252), std::invalid_argument);
  EXPECT_EQ(ble_rate("1Mbps"), BlePhy::Le1M);
  EXPECT_EQ(ble_rate("2Mbps"), BlePhy::Le2M);
  EXPECT_FALSE(ble_rate("3Mbps"));
  EXPECT_EQ(known_ble_rates(), "1Mbps, 2Mbps");
}

TEST(radioBleTiming, FragmentationWithMtu247) {
  const BleConnectionParams c;  // MTU 247 -> 244-byte ATT payloads, L2CAP 251 = one LL packet
  auto f = ble_fragment(c, 0);
  EXPECT_EQ(f.att_pdus, 0u);
  EXPECT_EQ(f.ll_packets, 0u);
  f = ble_fragment(c, 244);
  EXPECT_EQ(f.att_pdus, 1u);
  EXPECT_EQ(f.ll_packets, 1u);
  f = ble_fragment(c, 245);
  EXPECT_EQ(f.att_pdus, 2u);
  EXPECT_EQ(f.ll_packets, 2u);
  f = ble_fragment(c, 500);
  EXPECT_EQ(f.att_pdus, 3u);
  EXPECT_EQ(f.ll_packets, 3u);
}

TEST(radioBleTiming, FragmentationWithoutDataLengthExtension) {
  BleConnectionParams c;
  c.ll_max_payload_bytes = 27;
  // A full ATT PDU: 244 + 3 + 4 = 251 bytes of L2CAP -> ceil(251 / 27) = 10 LL packets.
  auto f = ble_fragment(c, 244);
  EXPECT_EQ(f.att_pdus, 1u);
  EXPECT_EQ(f.ll_packets, 10u);
  // 300 bytes: 244 (10 packets) + 56 -> L2CAP 63 -> 3 packets.
  f = ble_fragment(c, 300);
  EXPECT_EQ(f.att_pdus, 2u);
  EXPECT_EQ(f.ll_packets, 13u);
  // Default MTU 23: 20-byte ATT payloads, L2CAP 27 = one packet each.
  c.att_mtu = 23;
  f = ble_fragment(c, 100);
  EXPECT_EQ(f.att_pdus, 5u);
  EXPECT_EQ(f.ll_packets, 5u);
}

TEST(radioBleTiming, TransferInOneEvent) {
  // 500 B: LL payloads 251, 251, 19. Exchanges (empty 80 + T_IFS 150 + data): 2318, 2318, 462 us, with
  // T_IFS between them: 2318 + 150 + 2318 + 150 + 462 = 5398 us.
  const BleTransfer t = ble_transfer(BleConnectionParams{}, 500);
  EXPECT_EQ(t.att_pdus, 3u);
  EXPECT_EQ(t.ll_packets, 3u);
  EXPECT_EQ(t.connection_events, 1u);
  EXPECT_EQ(t.duration, us(5398));
}

TEST(radioBleTiming, TransferOverSeveralEvents) {
  // 2000 B: 8 full ATT PDUs + 48 B -> 9 packets; 4 per event -> 3 events. The last carries one packet of
  // 55 B (65 B on air, 520 us): 80 + 150 + 520 = 750 us after the third anchor: 2 * 30 ms + 0.75 ms.
  const BleTransfer t = ble_transfer(BleConnectionParams{}, 2000);
  EXPECT_EQ(t.ll_packets, 9u);
  EXPECT_EQ(t.connection_events, 3u);
  EXPECT_EQ(t.duration, us(60'750));
  EXPECT_EQ(ble_transfer(BleConnectionParams{}, 0).duration, 0u);
  EXPECT_EQ(ble_transfer(BleConnectionParams{}, 0).connection_events, 0u);
}

TEST(radioBleTiming, EventMustCloseBeforeTheNextAnchor) {
  // 20 ms interval, up to 10 packets: k full exchanges take 2318 k + 150 (k - 1) us <= 19850 us -> k = 8.
  BleConnectionParams c;
  c.interval = ms(20);
  c.packets_per_event = 10;
  const BleTransfer t = ble_transfer(c, 10 * 244);
  EXPECT_EQ(t.ll_packets, 10u);
  EXPECT_EQ(t.connection_events, 2u);
  EXPECT_EQ(t.duration, ms(20) + us(2318 + 150 + 2318));
}

TEST(radioBleTiming, ConnectionParameterChecks) {
  BleConnectionParams c;
  EXPECT_NO_THROW(check_ble_connection(c));
  c.interval = ms(19);
  EXPECT_THROW(check_ble_connection(c), std::invalid_argument);
  c.interval = ms(76);
  EXPECT_THROW(check_ble_connection(c), std::invalid_argument);
  c.interval = ms(31);  // not a multiple of 1.25 ms
  EXPECT_THROW(check_ble_connection(c), std::invalid_argument);
  c.interval = us(31'250);
  EXPECT_NO_THROW(check_ble_connection(c));
  c.interval = ms(75);
  c.supervision_timeout = ms(150);  // must exceed 2 * 75 ms
  EXPECT_THROW(check_ble_connection(c), std::invalid_argument);
  c = BleConnectionParams{};
  c.att_mtu = 22;
  EXPECT_THROW(check_ble_connection(c), std::invalid_argument);
  c = BleConnectionParams{};
  c.packets_per_event = 0;
  EXPECT_THROW(check_ble_connection(c), std::invalid_argument);
}

TEST(radioBleTiming, AdvertisingScheduleWithoutDelay) {
  const BleAdvertisingParams a;
  EXPECT_EQ(ble_next_advertisement(a, 0, 0, 0), 0u);
  EXPECT_EQ(ble_next_advertisement(a, 0, 1, 0), ms(160));
  EXPECT_EQ(ble_next_advertisement(a, 0, ms(160), 0), ms(160));
  EXPECT_EQ(ble_next_advertisement(a, 0, ms(29'900), 0), ms(29'920));  // 187 * 160 ms
  EXPECT_EQ(ble_next_advertisement(a, 0, ms(29'930), 0), ms(30'000));  // 30.08 s is past the fast phase
  EXPECT_EQ(ble_next_advertisement(a, 0, ms(30'500), 0), ms(31'000));
  EXPECT_EQ(ble_next_advertisement(a, 0, ms(100'000), 0), ms(100'000));
  // Started at 5 s: before the start, the first event.
  EXPECT_EQ(ble_next_advertisement(a, ms(5'000), ms(4'000), 0), ms(5'000));
  EXPECT_EQ(ble_next_advertisement(a, ms(5'000), ms(5'001), 0), ms(5'160));
}

TEST(radioBleTiming, AdvertisingScheduleWithDelay) {
  const BleAdvertisingParams a;
  // advDelay 5 ms: events at 5 + 165 k ms; the last fast one at 5 + 181 * 165 = 29870 ms; then the slow
  // phase at 30005 ms and every 1005 ms.
  EXPECT_EQ(ble_next_advertisement(a, 0, 0, ms(5)), ms(5));
  EXPECT_EQ(ble_next_advertisement(a, 0, ms(6), ms(5)), ms(170));
  EXPECT_EQ(ble_next_advertisement(a, 0, ms(29'800), ms(5)), ms(29'870));
  EXPECT_EQ(ble_next_advertisement(a, 0, ms(29'900), ms(5)), ms(30'005));
  EXPECT_EQ(ble_next_advertisement(a, 0, ms(30'006), ms(5)), ms(31'010));
  EXPECT_THROW(ble_next_advertisement(a, 0, 0, ms(11)), std::invalid_argument);
}

TEST(radioBleTiming, AdvertisingEventCount) {
  const BleAdvertisingParams a;
  EXPECT_EQ(ble_advertising_events_before(a, 0, 0, 0), 0u);
  EXPECT_EQ(ble_advertising_events_before(a, 0, 1, 0), 1u);
  EXPECT_EQ(ble_advertising_events_before(a, 0, ms(160), 0), 1u);
  EXPECT_EQ(ble_advertising_events_before(a, 0, ms(160) + 1, 0), 2u);
  EXPECT_EQ(ble_advertising_events_before(a, 0, ms(30'000), 0), 188u);  // 0, 160, ..., 29920 ms
  EXPECT_EQ(ble_advertising_events_before(a, 0, ms(31'000), 0), 189u);
  EXPECT_EQ(ble_advertising_events_before(a, 0, ms(31'000) + 1, 0), 190u);
  EXPECT_EQ(ble_advertising_events_before(a, 0, kHour, 0), 188u + 3570u);  // slow: 30 s .. 3599 s
  EXPECT_EQ(ble_advertising_events_before(a, 0, ms(30'006), ms(5)), 182u + 1u);
}

TEST(radioBleTiming, ConnectionSetup) {
  // ADV_IND 376 us + T_IFS 150 + CONNECT_IND (44 B) 352 + 1.25 ms = 2128 us; ready after 4 * 30 ms more.
  const BleConnectionSetup s = ble_connection_setup(BleAdvertisingParams{}, BleConnectionParams{});
  EXPECT_EQ(s.first_event, us(2128));
  EXPECT_EQ(s.ready, us(122'128));
  BleConnectionParams c;
  c.transmit_window_offset = ms(5);
  c.interval = ms(20);
  c.setup_events = 2;
  const BleConnectionSetup t = ble_connection_setup(BleAdvertisingParams{}, c);
  EXPECT_EQ(t.first_event, us(7128));
  EXPECT_EQ(t.ready, us(47'128));
}

}  // namespace
}  // namespace st::hw
