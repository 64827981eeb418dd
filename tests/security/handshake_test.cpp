// Tests of the registration handshake: agreement on both keys for X25519 and P-256, refusals (chain, foreign
// root, revocation, unknown type, signatures, confirmations, peer keys), malformed messages, sizes, key log.
#include <gtest/gtest.h>

#include "models/security/handshake.hpp"
#include "models/security/handshake_messages.hpp"
#include "models/security/signature_verdicts.hpp"
#include "tests/security/security_test_support.hpp"

namespace st::security {
namespace {
using test::HandshakeRun;
using test::RecordingSink;
using test::run_handshake;
using test::World;

class securityHandshakeByCurve : public testing::TestWithParam<EcdhCurve> {};

TEST_P(securityHandshakeByCurve, AllPartiesAgreeAndKeysAreSeparate) {
  World w(100);
  const EcdhCurve curve = GetParam();
  const HandshakeRun run = run_handshake(w, w.device, w.pki.type_chains(0), curve, w.source, 1);
  ASSERT_TRUE(run.ok()) << to_string(run.device_error) << " " << to_string(run.ns_error) << " "
                        << to_string(run.as_error);
  EXPECT_EQ(run.device_keys.network_key, run.ns_network_key);
  EXPECT_EQ(run.device_keys.application_key, run.as_application_key);
  EXPECT_NE(run.device_keys.network_key, run.device_keys.application_key);
  EXPECT_NE(run.device_keys.network_key, (std::array<std::uint8_t, 16>{}));
}

TEST_P(securityHandshakeByCurve, MessageSizes) {
  World w(101);
  const EcdhCurve curve = GetParam();
  const HandshakeRun run = run_handshake(w, w.device, w.pki.type_chains(0), curve, w.source, 1);
  ASSERT_TRUE(run.ok());
  const bool x = curve == EcdhCurve::X25519;
  const std::vector<std::size_t> expected = {x ? 1501u : 1534u, x ? 83u : 116u, x ? 131u : 164u, x ? 443u : 509u,
                                             66u, 34u, 34u};
  EXPECT_EQ(run.sizes, expected);
  EXPECT_EQ(run.sizes[0], device_hello_size(curve));
  EXPECT_EQ(run.sizes[1], app_key_request_size(curve));
  EXPECT_EQ(run.sizes[2], app_key_response_size(curve));
  EXPECT_EQ(run.sizes[3], server_hello_size(curve));
  EXPECT_EQ(run.sizes[4], kDeviceConfirmSize);
  EXPECT_EQ(run.sizes[5], kAppConfirmSize);
  EXPECT_EQ(run.sizes[6], kServerConfirmSize);
}

TEST_P(securityHandshakeByCurve, KeyLogRecordsRecompute) {
  World w(102);
  const EcdhCurve curve = GetParam();
  RecordingSink sink;
  const HandshakeRun run = run_handshake(w, w.device, w.pki.type_chains(0), curve, w.source, 1, &sink);
  ASSERT_TRUE(run.ok());
  ASSERT_EQ(sink.lines.size(), 8u);  // device 2 ECDH + 2 keys, cloud 1 + 1, appserver 1 + 1
  int ecdh_lines = 0;
  std::map<std::string, Bytes> secrets;  // party/layer -> secret
  for (const auto& l : sink.lines) {
    SCOPED_TRACE(l.party + " " + l.layer);
    EXPECT_EQ(l.smsn, to_hex(w.device.smsn));
    if (l.is_ecdh) {
      ++ecdh_lines;
      EXPECT_EQ(l.curve, to_string(curve));
      EXPECT_EQ(l.private_key.size(), 32u);
      EXPECT_EQ(l.peer_public.size(), curve == EcdhCurve::X25519 ? 32u : 65u);
      const auto recomputed = ecdh(curve, l.private_key, l.peer_public);
      ASSERT_TRUE(recomputed.has_value());
      EXPECT_EQ(Bytes(recomputed->begin(), recomputed->end()), l.secret);
      secrets[l.party + "/" + l.layer] = l.secret;
    } else {
      EXPECT_EQ(l.secret.size(), 16u);
      const auto& expected = l.layer == "network" ? run.device_keys.network_key : run.device_keys.application_key;
      EXPECT_EQ(l.secret, Bytes(expected.begin(), expected.end()));
    }
  }
  EXPECT_EQ(ecdh_lines, 4);
  EXPECT_EQ(secrets["device/network"], secrets["cloud/network"]);
  EXPECT_EQ(secrets["device/application"], secrets["appserver/application"]);
  // The network server ("cloud") only ever handles the network layer: it never learns the application key.
  for (const auto& l : sink.lines) {
    if (l.party == "cloud") {
      EXPECT_EQ(l.layer, "network");
      EXPECT_NE(l.secret, Bytes(run.device_keys.application_key.begin(), run.device_keys.application_key.end()));
    }
  }
  EXPECT_EQ(secrets.count("cloud/application"), 0u);
}

TEST_P(securityHandshakeByCurve, ReRegistrationGivesFreshKeys) {
  World w(103);
  const HandshakeRun first = run_handshake(w, w.device, w.pki.type_chains(0), GetParam(), w.source, 1);
  const HandshakeRun second = run_handshake(w, w.device, w.pki.type_chains(0), GetParam(), w.source, 2);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first.device_keys.network_key, second.device_keys.network_key);
  EXPECT_NE(first.device_keys.application_key, second.device_keys.application_key);
  EXPECT_EQ(second.device_keys.network_key, second.ns_network_key);
}

TEST_P(securityHandshakeByCurve, DeterministicPerSeed) {
  World w1(104), w2(104), w3(105);
  const HandshakeRun a = run_handshake(w1, w1.device, w1.pki.type_chains(0), GetParam(), w1.source, 1);
  const HandshakeRun b = run_handshake(w2, w2.device, w2.pki.type_chains(0), GetParam(), w2.source, 1);
  const HandshakeRun c = run_handshake(w3, w3.device, w3.pki.type_chains(0), GetParam(), w3.source, 1);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a.device_keys.network_key, b.device_keys.network_key);
  EXPECT_EQ(a.device_keys.application_key, b.device_keys.application_key);
  EXPECT_NE(a.device_keys.network_key, c.device_keys.network_key);
  EXPECT_NE(a.device_keys.application_key, c.device_keys.application_key);
}

INSTANTIATE_TEST_SUITE_P(Curves, securityHandshakeByCurve, testing::Values(EcdhCurve::X25519, EcdhCurve::P256),
                         [](const auto& param_info) { return std::string(to_string(param_info.param)); });

TEST(securityHandshake, KeyLogOnlyWhenWanted) {
  World w(110);
  RecordingSink off(/*wants=*/false);
  ASSERT_TRUE(run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1, &off).ok());
  EXPECT_TRUE(off.lines.empty());
}

TEST(securityHandshake, RevokedDevice) {
  World w(111);
  w.revocations.revoke_device(w.device.smsn);
  const HandshakeRun run = run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1);
  EXPECT_EQ(run.ns_error, HandshakeError::DeviceRevoked);
  EXPECT_EQ(to_string(run.ns_error), "device_revoked");
  const DeviceIdentity other = w.make_device(2);
  EXPECT_TRUE(run_handshake(w, other, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1).ok());
}

TEST(securityHandshake, RevokedDeviceType) {
  World w(112);
  const std::uint16_t t2 = w.pki.add_device_type("other", 0);
  const DeviceIdentity d2 = w.make_device(2, t2);
  w.revocations.revoke_device_type(w.type);
  const HandshakeRun run = run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::P256, w.source, 1);
  EXPECT_EQ(run.ns_error, HandshakeError::DeviceTypeRevoked);
  EXPECT_EQ(to_string(run.ns_error), "device_type_revoked");
  EXPECT_TRUE(run_handshake(w, d2, w.pki.type_chains(t2), EcdhCurve::P256, w.source, 1).ok());
}

TEST(securityHandshake, ForeignRoot) {
  World ours(113), theirs(114);
  const HandshakeRun run =
      run_handshake(ours, theirs.device, theirs.pki.type_chains(0), EcdhCurve::X25519, ours.source, 1);
  EXPECT_EQ(run.ns_error, HandshakeError::ForeignRoot);
  EXPECT_EQ(to_string(run.ns_error), "foreign_root");
}

TEST(securityHandshake, BadChain) {
  World w(115);
  DeviceIdentity d = w.device;
  d.ed25519_signature[0] ^= 0x01;
  EXPECT_EQ(run_handshake(w, d, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1).ns_error,
            HandshakeError::BadChain);
  TypeChains tampered = w.pki.type_chains(0);
  tampered.upper[1][1].signature[9] ^= 0x01;
  EXPECT_EQ(run_handshake(w, w.device, tampered, EcdhCurve::X25519, w.source, 1).ns_error, HandshakeError::BadChain);
  EXPECT_EQ(to_string(HandshakeError::BadChain), "bad_chain");
}

TEST(securityHandshake, DeviceTypeMustMatchItsChain) {
  World w(116);
  const std::uint16_t t2 = w.pki.add_device_type("other", 0);
  DeviceIdentity liar = w.device;  // a type-0 device claiming type t2 with its own (valid) type-0 chain
  liar.device_type = t2;
  EXPECT_EQ(run_handshake(w, liar, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1).ns_error,
            HandshakeError::BadChain);
  DeviceIdentity unknown = w.device;
  unknown.device_type = 9;
  EXPECT_EQ(run_handshake(w, unknown, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1).ns_error,
            HandshakeError::UnknownDeviceType);
  EXPECT_EQ(to_string(HandshakeError::UnknownDeviceType), "unknown_device_type");
}

TEST(securityHandshake, WrongAppServerKeyOnTheDevice) {
  World w(117);
  const Bytes wrong = generate_signing_key(SignatureAlgorithm::Ed25519, w.source, "not the AS", 0).public_key;
  const HandshakeRun run = run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1, nullptr, &wrong);
  EXPECT_EQ(run.device_error, HandshakeError::BadAppServerSignature);
  EXPECT_EQ(to_string(run.device_error), "bad_app_server_signature");
}

// The memo shared by the device and the network server: the device does not verify the application server's
// signature again when the network server verified the same bytes, with the same session keys as without it; a
// device holding another key for the application server still refuses.
TEST(securityHandshake, TheDeviceTrustsTheApplicationServerSignatureTheNetworkServerJustVerified) {
  World w(118);
  SignatureVerdicts memo;
  const HandshakeRun plain = run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1);
  const HandshakeRun first =
      run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1, nullptr, nullptr, &memo);
  ASSERT_TRUE(plain.ok() && first.ok());
  EXPECT_EQ(first.device_keys.network_key, plain.device_keys.network_key);
  EXPECT_EQ(first.device_keys.application_key, plain.device_keys.application_key);
  EXPECT_EQ(memo.recent_size(), 1u);  // the network server's verdict
  EXPECT_EQ(memo.hits(), 1u);         // the device's check of the same bytes
  const HandshakeRun second =
      run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 2, nullptr, nullptr, &memo);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(memo.recent_size(), 2u);  // a new attempt signs new ephemerals: verified for real by the network server
  EXPECT_EQ(memo.hits(), 4u);         // + the network's certificate chain (2) + the device's check (1)

  const Bytes wrong = generate_signing_key(SignatureAlgorithm::Ed25519, w.source, "not the AS", 0).public_key;
  const HandshakeRun refused =
      run_handshake(w, w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 3, nullptr, &wrong, &memo);
  EXPECT_EQ(refused.device_error, HandshakeError::BadAppServerSignature);
}

// Steps a handshake by hand so single messages can be altered.
struct Parties {
  explicit Parties(World& w, EcdhCurve curve = EcdhCurve::X25519)
      : dev(w.device, w.pki.type_chains(0), curve, w.source, 1, w.pki.trust_anchor(),
            w.pki.application_server().key.public_key),
        ns(w.pki, w.verifier, w.revocations, w.source, 1),
        as(w.pki.application_server(), w.source, 1) {}
  Bytes m2a() { return std::get<Bytes>(ns.on_device_hello(dev.hello())); }
  Bytes m2b(const Bytes& m2a) { return std::get<Bytes>(as.on_key_request(m2a)); }
  Bytes m2() { return std::get<Bytes>(ns.on_app_key_response(m2b(m2a()))); }
  DeviceHandshake dev;
  NetworkServerHandshake ns;
  ApplicationServerHandshake as;
};

HandshakeError error_of(const std::variant<Bytes, HandshakeError>& v) {
  const auto* e = std::get_if<HandshakeError>(&v);
  return e ? *e : HandshakeError::None;
}

TEST(securityHandshake, TamperedServerHelloSignature) {
  World w(118);
  Parties p(w);
  Bytes m2 = p.m2();
  m2.back() ^= 0x01;  // the NS signature
  EXPECT_EQ(error_of(p.dev.on_server_hello(m2)), HandshakeError::BadServerSignature);
  Parties q(w);
  Bytes m2q = q.m2();
  m2q[3] ^= 0x01;  // the NS ephemeral: covered by the signature
  EXPECT_EQ(error_of(q.dev.on_server_hello(m2q)), HandshakeError::BadServerSignature);
}

TEST(securityHandshake, ServerFromAnotherPkiIsRefused) {
  World ours(119), theirs(120);
  // Their network server answers our device: their SW record does not chain to our root.
  DeviceHandshake dev(ours.device, ours.pki.type_chains(0), EcdhCurve::X25519, ours.source, 1,
                      ours.pki.trust_anchor(), ours.pki.application_server().key.public_key);
  DeviceHandshake their_dev(theirs.device, theirs.pki.type_chains(0), EcdhCurve::X25519, theirs.source, 1,
                            theirs.pki.trust_anchor(), theirs.pki.application_server().key.public_key);
  NetworkServerHandshake ns(theirs.pki, theirs.verifier, theirs.revocations, theirs.source, 1);
  ApplicationServerHandshake as(theirs.pki.application_server(), theirs.source, 1);
  const Bytes m2a = std::get<Bytes>(ns.on_device_hello(their_dev.hello()));
  const Bytes m2 = std::get<Bytes>(ns.on_app_key_response(std::get<Bytes>(as.on_key_request(m2a))));
  EXPECT_EQ(error_of(dev.on_server_hello(m2)), HandshakeError::BadServerSignature);
}

TEST(securityHandshake, TamperedAppKeyResponse) {
  World w(121);
  Parties p(w);
  Bytes m2b = p.m2b(p.m2a());
  m2b[3 + 32 + 5] ^= 0x01;  // inside the AS signature
  EXPECT_EQ(error_of(p.ns.on_app_key_response(m2b)), HandshakeError::BadAppServerSignature);
}

TEST(securityHandshake, BadConfirmations) {
  World w(122);
  {
    Parties p(w);
    Bytes m3 = std::get<Bytes>(p.dev.on_server_hello(p.m2()));
    m3[2] ^= 0x01;  // network confirm
    EXPECT_EQ(error_of(p.ns.on_device_confirm(m3)), HandshakeError::BadConfirmation);
  }
  {
    Parties p(w);
    Bytes m3 = std::get<Bytes>(p.dev.on_server_hello(p.m2()));
    m3[40] ^= 0x01;  // application confirm: the NS cannot tell, the AS refuses it
    ASSERT_EQ(error_of(p.ns.on_device_confirm(m3)), HandshakeError::None);
    EXPECT_EQ(p.as.on_device_confirm(p.ns.app_confirm()), HandshakeError::BadConfirmation);
  }
  {
    Parties p(w);
    const Bytes m3 = std::get<Bytes>(p.dev.on_server_hello(p.m2()));
    Bytes m4 = std::get<Bytes>(p.ns.on_device_confirm(m3));
    m4[20] ^= 0x01;
    EXPECT_EQ(p.dev.on_server_confirm(m4), HandshakeError::BadConfirmation);
    EXPECT_FALSE(p.dev.complete());
  }
  {
    Parties p(w);
    Bytes m2 = p.m2();
    // A forged AS confirm inside M2 also breaks the NS signature; the device refuses the message either way.
    m2[3 + 32 + 16 + 32 + 64] ^= 0x01;
    EXPECT_NE(error_of(p.dev.on_server_hello(m2)), HandshakeError::None);
  }
}

TEST(securityHandshake, BadPeerKey) {
  World w(123);
  DeviceHandshake dev(w.device, w.pki.type_chains(0), EcdhCurve::X25519, w.source, 1, w.pki.trust_anchor(),
                      w.pki.application_server().key.public_key);
  Bytes m1 = dev.hello();
  std::fill(m1.begin() + 5, m1.begin() + 5 + 32, 0);  // the device ephemeral: an all-zero (small-order) point
  NetworkServerHandshake ns(w.pki, w.verifier, w.revocations, w.source, 1);
  EXPECT_EQ(error_of(ns.on_device_hello(m1)), HandshakeError::BadPeerKey);
  ApplicationServerHandshake as(w.pki.application_server(), w.source, 1);
  AppKeyRequest req;
  req.curve = EcdhCurve::P256;
  req.smsn = w.device.smsn;
  req.device_ephemeral = Bytes(65, 0);
  req.device_ephemeral[0] = 4;  // (0, 0) is not on the curve
  EXPECT_EQ(error_of(as.on_key_request(encode(req))), HandshakeError::BadPeerKey);
  EXPECT_EQ(to_string(HandshakeError::BadPeerKey), "bad_peer_key");
}

TEST(securityHandshake, TruncatedAndGarbageMessagesAreMalformed) {
  World w(124);
  Parties ref(w, EcdhCurve::P256);
  const Bytes m1 = ref.dev.hello();
  const Bytes m2a = ref.m2a();
  const Bytes m2b = ref.m2b(m2a);
  const Bytes m2 = std::get<Bytes>(ref.ns.on_app_key_response(m2b));
  const Bytes m3 = std::get<Bytes>(ref.dev.on_server_hello(m2));
  const Bytes m4 = std::get<Bytes>(ref.ns.on_device_confirm(m3));
  EXPECT_EQ(ref.dev.on_server_confirm(m4), HandshakeError::None);

  // Every proper prefix, and the message with a trailing byte, is Malformed at each receiver.
  auto variants = [](const Bytes& m) {
    std::vector<Bytes> out;
    for (std::size_t n = 0; n < m.size(); n += (m.size() > 200 ? 7 : 1)) out.emplace_back(m.begin(), m.begin() + n);
    out.push_back(m);
    out.back().push_back(0);
    return out;
  };
  for (const Bytes& bad : variants(m1)) {
    NetworkServerHandshake ns(w.pki, w.verifier, w.revocations, w.source, 1);
    EXPECT_EQ(error_of(ns.on_device_hello(bad)), HandshakeError::Malformed) << bad.size();
  }
  for (const Bytes& bad : variants(m2a)) {
    ApplicationServerHandshake as(w.pki.application_server(), w.source, 1);
    EXPECT_EQ(error_of(as.on_key_request(bad)), HandshakeError::Malformed) << bad.size();
  }
  for (const Bytes& bad : variants(m2b)) {
    Parties p(w, EcdhCurve::P256);
    p.m2b(p.m2a());
    EXPECT_EQ(error_of(p.ns.on_app_key_response(bad)), HandshakeError::Malformed) << bad.size();
  }
  for (const Bytes& bad : variants(m2)) {
    DeviceHandshake dev(w.device, w.pki.type_chains(0), EcdhCurve::P256, w.source, 1, w.pki.trust_anchor(),
                        w.pki.application_server().key.public_key);
    EXPECT_EQ(error_of(dev.on_server_hello(bad)), HandshakeError::Malformed) << bad.size();
  }
  {
    Parties p(w, EcdhCurve::P256);
    const Bytes good_m3 = std::get<Bytes>(p.dev.on_server_hello(p.m2()));
    for (const Bytes& bad : variants(good_m3)) EXPECT_EQ(error_of(p.ns.on_device_confirm(bad)), HandshakeError::Malformed);
    for (const Bytes& bad : variants(m4)) EXPECT_EQ(p.dev.on_server_confirm(bad), HandshakeError::Malformed);
  }
  // Garbage, a message of the wrong type, an unknown curve, and a message out of order.
  NetworkServerHandshake ns(w.pki, w.verifier, w.revocations, w.source, 1);
  Bytes garbage(1300);
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<std::uint8_t>(i * 37 + 11);
  EXPECT_EQ(error_of(ns.on_device_hello(garbage)), HandshakeError::Malformed);
  NetworkServerHandshake ns2(w.pki, w.verifier, w.revocations, w.source, 1);
  EXPECT_EQ(error_of(ns2.on_device_hello(m2)), HandshakeError::Malformed);
  Bytes bad_curve = m1;
  bad_curve[2] = 7;
  NetworkServerHandshake ns3(w.pki, w.verifier, w.revocations, w.source, 1);
  EXPECT_EQ(error_of(ns3.on_device_hello(bad_curve)), HandshakeError::Malformed);
  NetworkServerHandshake ns4(w.pki, w.verifier, w.revocations, w.source, 1);
  EXPECT_EQ(error_of(ns4.on_device_confirm(m3)), HandshakeError::Malformed);
  EXPECT_EQ(to_string(HandshakeError::Malformed), "malformed");
}

TEST(securityHandshake, ErrorStrings) {
  EXPECT_EQ(to_string(HandshakeError::None), "none");
  EXPECT_EQ(to_string(HandshakeError::BadServerSignature), "bad_server_signature");
  EXPECT_EQ(to_string(HandshakeError::BadConfirmation), "bad_confirmation");
}

TEST(securityHandshakeMessages, RoundTrip) {
  World w(125);
  DeviceHandshake dev(w.device, w.pki.type_chains(0), EcdhCurve::P256, w.source, 3, w.pki.trust_anchor(),
                      w.pki.application_server().key.public_key);
  const auto hello = parse_device_hello(dev.hello());
  ASSERT_TRUE(hello.has_value());
  EXPECT_EQ(hello->smsn, w.device.smsn);
  EXPECT_EQ(hello->device_type, 0);
  EXPECT_EQ(hello->ephemeral.size(), 65u);
  EXPECT_EQ(hello->chains.upper[1][3].public_key, w.pki.type_chains(0).upper[1][3].public_key);
  EXPECT_EQ(encode(*hello), dev.hello());
}

}  // namespace
}  // namespace st::security
