// PcapWriter and PcapTap without a simulation: hand-made radio frame records become the documented bytes of the
// --pcap file (docs/pcap.md); expected bytes are literals computed independently (Python struct.pack '<...').
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/output/pcap_tap.hpp"
#include "sim/output/pcap_writer.hpp"

namespace st::output {
namespace {

namespace fs = std::filesystem;
using metrics::RadioFrameRecord;
using models::FrameOutcome;
using models::LinkType;
using models::MessageClass;
using Bytes = std::vector<std::uint8_t>;

Bytes read_bytes(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

std::string hex(const Bytes& b, std::size_t off, std::size_t len) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  for (std::size_t i = off; i < off + len && i < b.size(); ++i) {
    s += kDigits[b[i] >> 4];
    s += kDigits[b[i] & 0x0f];
  }
  return s;
}

std::uint32_t le32(const Bytes& b, std::size_t off) {
  return static_cast<std::uint32_t>(b[off]) | static_cast<std::uint32_t>(b[off + 1]) << 8 |
         static_cast<std::uint32_t>(b[off + 2]) << 16 | static_cast<std::uint32_t>(b[off + 3]) << 24;
}

constexpr std::string_view kGlobalHeader = "4d3cb2a1020004000000000000000000ffff000093000000";

// A sealed network frame as docs/security.md lays it out: version 1, direction, epoch 3, sender id 42 (BE),
// counter (BE), ciphertext, 16-byte tag.
Bytes secure_frame(std::uint8_t direction, std::uint32_t counter, std::size_t ciphertext) {
  Bytes f{0x01, direction, 0x03, 0x00, 0x00, 0x00, 0x2a};
  for (int shift = 24; shift >= 0; shift -= 8) f.push_back(static_cast<std::uint8_t>(counter >> shift));
  for (std::size_t i = 0; i < ciphertext; ++i) f.push_back(static_cast<std::uint8_t>(0xc0 + i));
  for (std::uint8_t i = 0; i < 16; ++i) f.push_back(static_cast<std::uint8_t>(0x10 + i));
  return f;
}

// M3 DeviceConfirm: type 0x05, version 0x01, network confirm (32), application confirm (32).
Bytes device_confirm() {
  Bytes f{0x05, 0x01};
  f.insert(f.end(), 32, 0x11);
  f.insert(f.end(), 32, 0x22);
  return f;
}

class outputPcapWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("st-pcap-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

struct Expected {
  std::string_view record_header;  // ts_sec, ts_nsec, incl_len, orig_len
  std::string_view pseudo_header;
  const Bytes* bytes;  // the frame bytes that follow, or nullptr
};

TEST_F(outputPcapWriter, WritesGlobalHeaderRecordHeadersPseudoHeadersAndFrameBytes) {
  const Bytes up = secure_frame(0, 7, 5);      // 32 bytes
  const Bytes down = secure_frame(1, 256, 3);  // 30 bytes
  const Bytes beacon{0xaa, 0xbb, 0xcc, 0xdd};  // 4 of 10 bytes
  const Bytes m3 = device_confirm();           // 66 bytes
  ASSERT_EQ(up.size(), 32u);
  ASSERT_EQ(down.size(), 30u);
  ASSERT_EQ(m3.size(), 66u);

  const fs::path file = dir_ / "run.pcap";
  {
    PcapWriter w(file);
    // FSK uplink, received; 1.500000007 s; 902.3000004 MHz rounds to 902300000 Hz; RSSI -97.456 -> -9746.
    w.write({1'500'000'007, 1'500'000'007 + 2'345'678, 42, 3, 2, LinkType::Fsk, true, 17, 902'300'000.4, -97.456, 7.25,
             32, MessageClass::Uplink, FrameOutcome::Received, up});
    // BLE downlink from no gateway (mobile app), lost to a collision; 3000 s + 123 ns; 2.402 GHz > 2^31.
    w.write({3'000'000'000'123, 3'000'000'000'123 + 376'000, 7, metrics::kNoGateway, 0, LinkType::Ble, false, 37, 2.402e9,
             -120.0, -3.5, 30, MessageClass::Downlink, FrameOutcome::Collision, down});
    // The frame that emptied the device's battery; no bytes; RSSI NaN -> -32768; SNR clamped to 32767; CSS.
    w.write({3'600'999'999'999, 3'600'999'999'999 + 1'640'448'000, 65536, 0x0102'0304, 0xbeef, LinkType::Css, true, 2,
             915e6, std::numeric_limits<double>::quiet_NaN(), 1e9, 19, MessageClass::Uplink,
             FrameOutcome::BatteryDepleted, {}});
    // From gateway 9 to no device, below sensitivity, 4 of 10 bytes captured; RSSI -inf -> -32767.
    w.write({3'601'000'000'000, 3'601'005'000'000, pcap::kNone, 9, 0, LinkType::Fsk, false, 0, 903e6,
             -std::numeric_limits<double>::infinity(), 0.004, 10, MessageClass::Downlink, FrameOutcome::BelowSensitivity,
             beacon});
    // A registration message (M3) to gateway 0, lost to half duplex; RSSI -50.006 -> -5001, SNR 19.994 -> 1999.
    w.write({3'602'250'000'000, 3'602'250'012'345, 5, 0, 1, LinkType::Ble, true, 12, 2.426e9, -50.006, 19.994, 66,
             MessageClass::Registration, FrameOutcome::HalfDuplex, m3});
    EXPECT_EQ(w.frames(), 5u);
    w.close();
    EXPECT_FALSE(w.is_open());
  }
  // ST_PCAP_KEEP=FILE keeps this capture, e.g. to check tools/sidewalk-twin.lua with tshark (docs/pcap.md).
  if (const char* keep = std::getenv("ST_PCAP_KEEP")) fs::copy_file(file, keep, fs::copy_options::overwrite_existing);

  const Expected expected[] = {
      {"010000000765cd1d4c0000004c000000",
       "5357012c00020002000011000200eed9d50200006001c8352a0000000300000020000000ceca230000000000", &up},
      {"b80b00007b0000004a0000004a000000",
       "5357012c0001010402002500000020d1a2fe0000809c2b8f07000000ffffffff1e000000c0bc050000000000", &down},
      {"100e0000ffc99a3b2c0000003f000000",
       "5357012c0104000207000200efbe0080ff7f0000c0ca89360000010004030201130000000040c76100000000", nullptr},
      {"110e0000000000003000000036000000",
       "5357012c02020104010000000000018000000000c0afd235ffffffff090000000a000000404b4c0000000000", &beacon},
      {"120e000080b2e60e6e0000006e000000",
       "5357012c0001000103000c00010077eccf07000080d299900500000000000000420000003930000000000000", &m3},
  };

  const Bytes b = read_bytes(file);
  ASSERT_GE(b.size(), 24u);
  EXPECT_EQ(hex(b, 0, 24), kGlobalHeader);
  std::size_t off = 24;
  int n = 0;
  for (const auto& e : expected) {
    SCOPED_TRACE("record " + std::to_string(n++));
    ASSERT_LE(off + 16 + 44, b.size());
    EXPECT_EQ(hex(b, off, 16), e.record_header);
    const std::uint32_t incl = le32(b, off + 8);
    off += 16;
    EXPECT_EQ(hex(b, off, 44), e.pseudo_header);
    const std::size_t frame_len = e.bytes ? e.bytes->size() : 0;
    EXPECT_EQ(incl, 44 + frame_len);
    EXPECT_EQ(hex(b, off + 44, frame_len), e.bytes ? hex(*e.bytes, 0, e.bytes->size()) : "");
    off += incl;
  }
  EXPECT_EQ(off, b.size());
}

TEST_F(outputPcapWriter, PseudoHeaderFieldsAtDocumentedOffsets) {
  const Bytes frame = secure_frame(0, 1, 2);
  const pcap::PseudoHeader h = pcap::pseudo_header({10, 10 + 0x0102'0304'0506ULL, 0xa1b2c3d4, 0x11223344, 0x5566,
                                                    LinkType::Css, false, 0x7788, 917'100'000.0, -1.0, -0.01,
                                                    0x99aabbcc, MessageClass::Ack, FrameOutcome::GatewayDown, frame});
  EXPECT_EQ(h[0], 'S');
  EXPECT_EQ(h[1], 'W');
  EXPECT_EQ(h[2], 1);   // version
  EXPECT_EQ(h[3], 44);  // header length
  EXPECT_EQ(h[4], 0x02);  // partial: 29 bytes of 0x99aabbcc
  EXPECT_EQ(h[5], 4);   // CSS
  EXPECT_EQ(h[6], 1);   // downlink
  EXPECT_EQ(h[7], 3);   // ack
  EXPECT_EQ(h[8], 5);   // gateway_down
  EXPECT_EQ(h[9], 0);
  EXPECT_EQ(h[10], 0x88);  // channel
  EXPECT_EQ(h[11], 0x77);
  EXPECT_EQ(h[12], 0x66);  // device type
  EXPECT_EQ(h[13], 0x55);
  EXPECT_EQ(h[14], 0x9c);  // RSSI -100 = 0xff9c
  EXPECT_EQ(h[15], 0xff);
  EXPECT_EQ(h[16], 0xff);  // SNR -1 = 0xffff
  EXPECT_EQ(h[17], 0xff);
  EXPECT_EQ(h[18], 0);
  EXPECT_EQ(h[19], 0);
  const std::array<std::uint8_t, 4> freq{0xe0, 0xd5, 0xa9, 0x36};  // 917100000 = 0x36a9d5e0
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(h[20 + i], freq[i]) << i;
  // device, gateway, PHY length, airtime (8 bytes)
  const std::array<std::uint8_t, 20> rest{0xd4, 0xc3, 0xb2, 0xa1, 0x44, 0x33, 0x22, 0x11, 0xcc, 0xbb,
                                          0xaa, 0x99, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0x00, 0x00};
  static_assert(24 + rest.size() == pcap::kPseudoHeaderSize);
  for (std::size_t i = 0; i < rest.size(); ++i) EXPECT_EQ(h[24 + i], rest[i]) << 24 + i;
}

TEST_F(outputPcapWriter, EveryMessageClassAndFrameOutcomeHasItsDocumentedCode) {
  // docs/pcap.md: message 1 registration, 2 uplink, 3 ack, 4 downlink (5 beacon, 0xFF other: reserved);
  // outcome 0 received, 1 below_sensitivity, 2 collision, 3 half_duplex, 4 gateway_busy, 5 gateway_down,
  // 7 battery_depleted (6 backhaul, 0xFF other: reserved).
  const std::pair<MessageClass, int> messages[] = {
      {MessageClass::Registration, 1}, {MessageClass::Uplink, 2}, {MessageClass::Ack, 3}, {MessageClass::Downlink, 4}};
  for (const auto& [m, code] : messages) EXPECT_EQ(static_cast<int>(pcap::code_of(m)), code) << models::to_string(m);
  const std::pair<FrameOutcome, int> outcomes[] = {
      {FrameOutcome::Received, 0},   {FrameOutcome::BelowSensitivity, 1}, {FrameOutcome::Collision, 2},
      {FrameOutcome::HalfDuplex, 3}, {FrameOutcome::GatewayBusy, 4},      {FrameOutcome::GatewayDown, 5},
      {FrameOutcome::BatteryDepleted, 7}};
  for (const auto& [o, code] : outcomes) EXPECT_EQ(static_cast<int>(pcap::code_of(o)), code) << models::to_string(o);
}

TEST_F(outputPcapWriter, EmptyCaptureIsTheGlobalHeaderOnly) {
  const fs::path file = dir_ / "empty.pcap";
  { PcapWriter w(file); }  // the destructor closes
  const Bytes b = read_bytes(file);
  EXPECT_EQ(hex(b, 0, b.size()), kGlobalHeader);
}

TEST_F(outputPcapWriter, FramesLongerThanTheSnapLengthAreTruncated) {
  const fs::path file = dir_ / "big.pcap";
  const Bytes big(70'000, 0x5a);
  {
    PcapWriter w(file);
    w.write({0, 1, 1, 1, 0, LinkType::Fsk, true, 0, 903e6, -80, 10, 70'000, MessageClass::Uplink, FrameOutcome::Received,
             big});
  }
  const Bytes b = read_bytes(file);
  ASSERT_EQ(b.size(), 24u + 16u + 65535u);
  EXPECT_EQ(hex(b, 24, 16), "0000000000000000ffff00009c110100");  // incl 65535, orig 44 + 70000 = 70044
  EXPECT_EQ(b[40 + 4], 0);                                          // flags: all of the frame was given
}

TEST_F(outputPcapWriter, OpenFailureNamesThePathAndTheCause) {
  const fs::path bad = dir_ / "no-such-dir" / "run.pcap";
  try {
    PcapWriter w(bad);
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(bad.string()), std::string::npos) << what;
    EXPECT_NE(what.find("No such file or directory"), std::string::npos) << what;
  }
}

TEST_F(outputPcapWriter, WriteAfterCloseAndTimesPastTwoToThe32SecondsThrow) {
  PcapWriter w(dir_ / "x.pcap");
  const SimTime too_late = (SimTime{1} << 32) * kSecond;
  EXPECT_THROW(w.write({too_late, too_late, 0, 0, 0, LinkType::Ble, true, 0, 0, 0, 0, 0, MessageClass::Uplink,
                        FrameOutcome::Received, {}}),
               std::runtime_error);
  EXPECT_EQ(w.frames(), 0u);
  w.flush();
  w.close();
  w.close();  // idempotent
  EXPECT_THROW(w.write({0, 0, 0, 0, 0, LinkType::Ble, true, 0, 0, 0, 0, 0, MessageClass::Uplink, FrameOutcome::Received,
                        {}}),
               std::runtime_error);
  EXPECT_EQ(read_bytes(dir_ / "x.pcap").size(), 24u);
}

// Counts every call so the tap's forwarding is visible.
class CountingSink : public metrics::MetricsSink {
 public:
  explicit CountingSink(bool keylog) : keylog_(keylog) {}
  void transition(const metrics::TransitionRecord&) override { ++calls[0]; }
  void refusal(const metrics::RefusalRecord&) override { ++calls[1]; }
  void handshake(const metrics::HandshakeRecord&) override { ++calls[2]; }
  void traffic(const metrics::TrafficRecord&) override { ++calls[3]; }
  void notice(const metrics::NoticeRecord&) override { ++calls[4]; }
  bool wants_keylog() const override { return keylog_; }
  void keylog(const metrics::KeyLogRecord&) override { ++calls[5]; }
  void radio_frame(const RadioFrameRecord&) override { ++calls[6]; }
  std::array<int, 7> calls{};

 private:
  bool keylog_;
};

TEST_F(outputPcapWriter, TapForwardsEverySinkCallAndWritesRadioFrames) {
  std::array<std::uint8_t, 32> smsn{};
  const metrics::Smsn s(smsn);
  CountingSink inner(true);
  CountingSink no_keylog(false);
  PcapWriter w(dir_ / "tap.pcap");
  PcapTap tap(inner, w);
  EXPECT_TRUE(tap.wants_frame_bytes());
  EXPECT_FALSE(inner.wants_frame_bytes());
  EXPECT_TRUE(tap.wants_keylog());
  EXPECT_FALSE(PcapTap(no_keylog, w).wants_keylog());
  using models::Cause;
  tap.transition({0, 0, 0, s, metrics::FleetState::None, metrics::FleetState::Created, Cause::Provisioned});
  tap.refusal({0, 0, 0, s, models::Actor::NetworkServer, models::Refused::Uplink, Cause::Replay});
  tap.handshake({0, 0, s, LinkType::Ble, models::RegistrationPath::Gateway, 0, 1, true, Cause::None});
  tap.traffic({0, 0, 0, models::Direction::Uplink, models::TrafficOutcome::Sent, Cause::None, false, 0, false});
  tap.notice({0, models::Actor::Ingest, models::NoticeKind::OutageStart, ""});
  tap.keylog({false, s, metrics::KeyLayer::Network, security::EcdhCurve::X25519, metrics::KeyParty::Device, {}, {}, {}});
  const Bytes frame = secure_frame(0, 1, 1);
  tap.radio_frame({5, 10, 1, 2, 0, LinkType::Ble, true, 3, 2.404e9, -70, 20, static_cast<std::uint32_t>(frame.size()),
                   MessageClass::Uplink, FrameOutcome::Received, frame});
  tap.radio_frame({6, 10, 1, 2, 0, LinkType::Ble, true, 3, 2.404e9, -70, 20, 28, MessageClass::Uplink,
                   FrameOutcome::Collision, {}});
  EXPECT_EQ(inner.calls, (std::array<int, 7>{1, 1, 1, 1, 1, 1, 2}));
  EXPECT_EQ(w.frames(), 2u);
  w.close();
  EXPECT_EQ(read_bytes(dir_ / "tap.pcap").size(), 24u + (16 + 44 + frame.size()) + (16 + 44));
}

}  // namespace
}  // namespace st::output
