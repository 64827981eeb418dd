// Tests of traffic protection: the replay window, the two sealed layers (layouts, nonces, refusal order),
// replays, forgeries, wiped keys and stale epochs after re-registration.
#include <gtest/gtest.h>

#include "models/security/primitives.hpp"
#include "models/security/secure_frame.hpp"
#include "tests/security/security_test_support.hpp"

namespace st::security {
namespace {
using test::hx;
using test::World;

SessionKey key_of(const char* hex, std::uint8_t epoch) {
  SessionKey k;
  k.install(test::hxa<16>(hex), epoch);
  return k;
}

TEST(securityReplayWindow, SlidingBitmap) {
  ReplayWindow w;
  EXPECT_LE(sizeof(ReplayWindow), 16u);
  EXPECT_TRUE(w.accept(0));
  EXPECT_FALSE(w.accept(0));
  EXPECT_TRUE(w.accept(5));
  EXPECT_TRUE(w.accept(3));  // late but inside the window, first time
  EXPECT_FALSE(w.accept(3));
  EXPECT_FALSE(w.check(5));
  EXPECT_TRUE(w.accept(100));
  EXPECT_FALSE(w.check(36));   // 64 behind the highest: outside the window
  EXPECT_TRUE(w.check(37));    // 63 behind: inside, never seen
  EXPECT_TRUE(w.accept(37));
  EXPECT_FALSE(w.accept(37));
  EXPECT_FALSE(w.accept(5));
  EXPECT_TRUE(w.accept(1000));  // a jump past the window clears it
  EXPECT_FALSE(w.accept(100));
  EXPECT_TRUE(w.accept(999));
  EXPECT_EQ(w.highest(), 1000u);
  EXPECT_TRUE(w.accept(0xffffffffu));
  EXPECT_FALSE(w.accept(0xffffffffu));
  w.reset();
  EXPECT_TRUE(w.accept(0));
  // check() does not record.
  ReplayWindow v;
  EXPECT_TRUE(v.check(7));
  EXPECT_TRUE(v.check(7));
  v.update(7);
  EXPECT_FALSE(v.check(7));
}

TEST(securitySecureFrame, NetworkLayoutNonceAndAad) {
  const SessionKey net = key_of("000102030405060708090a0b0c0d0e0f", 3);
  const Bytes payload = hx("deadbeef");
  const Bytes frame = seal_frame(net, Direction::Uplink, 0xa1b2c3d4, 0x01020304, payload);
  ASSERT_EQ(frame.size(), kNetworkOverhead + payload.size());
  EXPECT_EQ(to_hex(std::span(frame).first(kNetworkHeaderSize)), "010003a1b2c3d401020304");
  // Documented nonce: 'N' || direction || epoch || 00 x5 || counter; AAD = the 11-byte header.
  const Bytes expected = aes128_gcm_seal(net.key, hx("4e000300000000000102030" "4"),
                                         std::span(frame).first(kNetworkHeaderSize), payload);
  EXPECT_EQ(Bytes(frame.begin() + kNetworkHeaderSize, frame.end()), expected);
  const auto h = parse_frame_header(frame);
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->sender_id, 0xa1b2c3d4u);
  EXPECT_EQ(h->counter, 0x01020304u);
  EXPECT_EQ(h->epoch, 3);
}

TEST(securitySecureFrame, AppLayoutNonce) {
  const SessionKey app = key_of("f0e0d0c0b0a090807060504030201000", 2);
  const Bytes sealed = seal_app_payload(app, Direction::Downlink, 9, hx("0102"));
  ASSERT_EQ(sealed.size(), kAppOverhead + 2);
  EXPECT_EQ(to_hex(std::span(sealed).first(kAppHeaderSize)), "010200000009");
  const Bytes expected = aes128_gcm_seal(app.key, hx("410102000000000000000009"),
                                         std::span(sealed).first(kAppHeaderSize), hx("0102"));
  EXPECT_EQ(Bytes(sealed.begin() + kAppHeaderSize, sealed.end()), expected);
}

struct Session {
  SessionKey app = key_of("11111111111111111111111111111111", 1);
  SessionKey net = key_of("22222222222222222222222222222222", 1);
  ReplayWindow ns_window, as_window, dev_net_window, dev_app_window;
};

TEST(securitySecureFrame, UplinkThroughBothLayers) {
  Session s;
  const Bytes payload = test::bytes_of("temperature=21.5");
  const Bytes frame = seal_uplink(s.app, s.net, 77, 10, 20, payload);
  EXPECT_EQ(frame.size(), payload.size() + kFrameOverhead);
  EXPECT_EQ(kFrameOverhead, 49u);
  Bytes app_part, out;
  std::uint32_t net_counter = 0, app_counter = 0;
  ASSERT_EQ(open_uplink_network(s.net, frame, s.ns_window, app_part, &net_counter), FrameError::None);
  EXPECT_EQ(net_counter, 20u);
  ASSERT_EQ(open_uplink_application(s.app, app_part, s.as_window, out, &app_counter), FrameError::None);
  EXPECT_EQ(app_counter, 10u);
  EXPECT_EQ(out, payload);
  // The network server alone cannot read the payload: the app part does not contain it in clear.
  EXPECT_EQ(std::search(app_part.begin(), app_part.end(), payload.begin(), payload.end()), app_part.end());
}

TEST(securitySecureFrame, DownlinkThroughBothLayers) {
  Session s;
  const Bytes payload = hx("c0ffee");
  const Bytes inner = seal_downlink_application(s.app, 4, payload);
  const Bytes frame = seal_downlink_network(s.net, 5, 6, inner);
  EXPECT_EQ(frame, seal_downlink(s.app, s.net, 5, 4, 6, payload));
  Bytes out;
  ASSERT_EQ(open_downlink(s.app, s.net, frame, s.dev_net_window, s.dev_app_window, out), FrameError::None);
  EXPECT_EQ(out, payload);
  EXPECT_EQ(open_downlink(s.app, s.net, frame, s.dev_net_window, s.dev_app_window, out), FrameError::Replay);
  // An uplink frame is not a downlink.
  const Bytes up = seal_uplink(s.app, s.net, 5, 1, 1, payload);
  EXPECT_EQ(open_downlink(s.app, s.net, up, s.dev_net_window, s.dev_app_window, out), FrameError::Malformed);
}

TEST(securitySecureFrame, ReplayedUplink) {
  Session s;
  const Bytes frame = seal_uplink(s.app, s.net, 1, 1, 1, hx("01"));
  Bytes app_part, out;
  ASSERT_EQ(open_uplink_network(s.net, frame, s.ns_window, app_part), FrameError::None);
  EXPECT_EQ(open_uplink_network(s.net, frame, s.ns_window, app_part), FrameError::Replay);
  EXPECT_EQ(to_string(FrameError::Replay), "replay");
  // The application layer has its own window: a replayed app part under a fresh network counter is caught.
  ASSERT_EQ(open_uplink_application(s.app, app_part, s.as_window, out), FrameError::None);
  const Bytes rewrapped = seal_frame(s.net, Direction::Uplink, 1, 2, app_part);
  Bytes app_part2;
  ASSERT_EQ(open_uplink_network(s.net, rewrapped, s.ns_window, app_part2), FrameError::None);
  EXPECT_EQ(open_uplink_application(s.app, app_part2, s.as_window, out), FrameError::Replay);
}

TEST(securitySecureFrame, ForgedTagDoesNotAdvanceTheWindow) {
  Session s;
  const Bytes frame = seal_uplink(s.app, s.net, 1, 1, 7, hx("0102030405"));
  Bytes forged = frame;
  forged.back() ^= 0x01;
  Bytes app_part;
  EXPECT_EQ(open_uplink_network(s.net, forged, s.ns_window, app_part), FrameError::Forged);
  EXPECT_EQ(to_string(FrameError::Forged), "forged");
  Bytes header_changed = frame;
  header_changed[4] ^= 0x01;  // the sender id is authenticated (AAD)
  EXPECT_EQ(open_uplink_network(s.net, header_changed, s.ns_window, app_part), FrameError::Forged);
  // The genuine frame with the same counter is still accepted.
  ASSERT_EQ(open_uplink_network(s.net, frame, s.ns_window, app_part), FrameError::None);
  const Bytes good_app = app_part;
  // A frame sealed under another key is a forgery too.
  const SessionKey other = key_of("33333333333333333333333333333333", 1);
  const Bytes foreign = seal_frame(other, Direction::Uplink, 1, 8, hx("00"));
  EXPECT_EQ(open_frame(s.net, Direction::Uplink, foreign, s.ns_window, app_part), FrameError::Forged);
  EXPECT_TRUE(app_part.empty());  // nothing is released from a refused frame
  Bytes forged_app = good_app;
  forged_app[8] ^= 0x01;
  Bytes out;
  EXPECT_EQ(open_uplink_application(s.app, forged_app, s.as_window, out), FrameError::Forged);
}

TEST(securitySecureFrame, WipedKeyIsNoSession) {
  Session s;
  const Bytes frame = seal_uplink(s.app, s.net, 1, 1, 1, hx("01"));
  s.net.wipe();
  EXPECT_FALSE(s.net.valid);
  EXPECT_EQ(s.net.key, (std::array<std::uint8_t, 16>{}));
  Bytes app_part;
  EXPECT_EQ(open_uplink_network(s.net, frame, s.ns_window, app_part), FrameError::NoSession);
  EXPECT_EQ(to_string(FrameError::NoSession), "no_session");
  EXPECT_THROW(seal_frame(s.net, Direction::Uplink, 1, 2, hx("01")), std::logic_error);
  s.app.wipe();
  Bytes out;
  EXPECT_EQ(open_uplink_application(s.app, hx("0101000000010000000000000000000000000000000000"), s.as_window, out),
            FrameError::NoSession);
}

TEST(securitySecureFrame, OldEpochAfterReRegistrationIsStale) {
  World w(200);
  // Register twice; the second registration installs epoch 2 keys on both sides.
  const auto first = test::run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1);
  const auto second = test::run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 2);
  ASSERT_TRUE(first.ok() && second.ok());
  SessionKey dev_app_old, dev_net_old, ns_net, as_app;
  dev_app_old.install(first.device_keys.application_key, 1);
  dev_net_old.install(first.device_keys.network_key, 1);
  ns_net.install(second.ns_network_key, 2);
  as_app.install(second.as_application_key, 2);
  ReplayWindow ns_window, as_window;
  const Bytes old_frame = seal_uplink(dev_app_old, dev_net_old, 9, 100, 100, hx("aa"));
  Bytes app_part, out;
  EXPECT_EQ(open_uplink_network(ns_net, old_frame, ns_window, app_part), FrameError::StaleKey);
  EXPECT_EQ(to_string(FrameError::StaleKey), "stale_key");
  EXPECT_TRUE(ns_window.empty());
  // The inner layer of an old frame is stale at the application server as well.
  EXPECT_EQ(open_uplink_application(as_app, seal_app_payload(dev_app_old, Direction::Uplink, 3, hx("aa")), as_window, out),
            FrameError::StaleKey);
  // With the fresh keys the device gets through.
  SessionKey dev_app, dev_net;
  dev_app.install(second.device_keys.application_key, 2);
  dev_net.install(second.device_keys.network_key, 2);
  const Bytes frame = seal_uplink(dev_app, dev_net, 9, 0, 0, hx("bb"));
  ASSERT_EQ(open_uplink_network(ns_net, frame, ns_window, app_part), FrameError::None);
  ASSERT_EQ(open_uplink_application(as_app, app_part, as_window, out), FrameError::None);
  EXPECT_EQ(out, hx("bb"));
}

TEST(securitySecureFrame, MalformedFrames) {
  Session s;
  const Bytes frame = seal_uplink(s.app, s.net, 1, 1, 1, hx("01"));
  Bytes out;
  for (std::size_t n = 0; n < kNetworkOverhead; ++n) {
    EXPECT_EQ(open_frame(s.net, Direction::Uplink, std::span(frame).first(n), s.ns_window, out), FrameError::Malformed)
        << n;
  }
  Bytes wrong_version = frame;
  wrong_version[0] = 2;
  EXPECT_EQ(open_frame(s.net, Direction::Uplink, wrong_version, s.ns_window, out), FrameError::Malformed);
  EXPECT_EQ(open_frame(s.net, Direction::Downlink, frame, s.ns_window, out), FrameError::Malformed);
  EXPECT_EQ(open_uplink_application(s.app, hx("0101000000"), s.as_window, out), FrameError::Malformed);
  EXPECT_EQ(to_string(FrameError::Malformed), "malformed");
  EXPECT_EQ(to_string(FrameError::None), "none");
  // An empty payload is fine.
  const Bytes empty = seal_uplink(s.app, s.net, 1, 2, 2, {});
  Bytes app_part;
  ASSERT_EQ(open_uplink_network(s.net, empty, s.ns_window, app_part), FrameError::None);
  ASSERT_EQ(open_uplink_application(s.app, app_part, s.as_window, out), FrameError::None);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace st::security
