// Helpers shared by the security tests: hex literals, a key-log recording sink, and a driver that runs the
// full registration handshake between a device, the network server and the application server.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "models/security/bytes.hpp"
#include "models/security/handshake.hpp"
#include "models/security/pki.hpp"
#include "models/security/primitives.hpp"
#include "sim/metrics/metrics_sink.hpp"

namespace st::security::test {

inline Bytes hx(std::string_view hex) {
  auto b = from_hex(hex);
  EXPECT_TRUE(b.has_value()) << "bad hex literal " << hex;
  return b.value_or(Bytes{});
}

inline Bytes bytes_of(std::string_view s) {
  const auto b = as_bytes(s);
  return Bytes(b.begin(), b.end());
}

template <std::size_t N>
std::array<std::uint8_t, N> hxa(std::string_view hex) {
  const Bytes b = hx(hex);
  std::array<std::uint8_t, N> a{};
  EXPECT_EQ(b.size(), N);
  std::copy_n(b.begin(), std::min(N, b.size()), a.begin());
  return a;
}

// A copied key-log line (the record's spans are only valid during the call).
struct KeyLogLine {
  bool is_ecdh;
  std::string smsn, layer, curve, party;
  Bytes private_key, peer_public, secret;
};

class RecordingSink : public metrics::NullSink {
 public:
  explicit RecordingSink(bool wants = true) : wants_(wants) {}
  bool wants_keylog() const override { return wants_; }
  void keylog(const metrics::KeyLogRecord& r) override {
    lines.push_back(KeyLogLine{r.is_ecdh, to_hex(r.smsn), std::string(metrics::to_string(r.layer)),
                               r.is_ecdh ? std::string(to_string(r.curve)) : std::string(),
                               std::string(metrics::to_string(r.party)), Bytes(r.private_key.begin(), r.private_key.end()),
                               Bytes(r.peer_public.begin(), r.peer_public.end()), Bytes(r.secret.begin(), r.secret.end())});
  }
  std::vector<KeyLogLine> lines;

 private:
  bool wants_;
};

// The SMSN of test device `index` (a TEST-stage device of type A1B2C3D4E5F6A7, APID ap01).
inline std::array<std::uint8_t, 32> test_smsn(std::uint64_t index) {
  return make_smsn("A1B2C3D4E5F6A7", "TEST", "SN" + std::to_string(index), "ap01");
}

// A PKI with one device type and a signed device.
struct World {
  explicit World(std::uint64_t seed, std::uint32_t dak_limit = 0)
      : source(KeySource::deterministic(seed)), pki(source), verifier(pki.trust_anchor()) {
    type = pki.add_device_type("sensor", dak_limit);
    device = make_device(1);
  }
  DeviceIdentity make_device(std::uint64_t index, std::uint16_t t = 0) {
    DeviceIdentity d = make_device_identity(source, t, test_smsn(index), index);
    EXPECT_EQ(pki.dak(t).sign_device(d), DakSigner::Result::Ok);
    return d;
  }
  KeySource source;
  Pki pki;
  ChainVerifier verifier;
  RevocationList revocations;
  std::uint16_t type = 0;
  DeviceIdentity device;
};

struct HandshakeRun {
  HandshakeError device_error = HandshakeError::None;  // first error seen, by any party
  HandshakeError ns_error = HandshakeError::None;
  HandshakeError as_error = HandshakeError::None;
  SessionKeys device_keys{};
  std::array<std::uint8_t, 16> ns_network_key{};
  std::array<std::uint8_t, 16> as_application_key{};
  std::vector<std::size_t> sizes;  // M1, M2a, M2b, M2, M3, M3a, M4
  bool ok() const {
    return device_error == HandshakeError::None && ns_error == HandshakeError::None && as_error == HandshakeError::None;
  }
};

inline HandshakeError error_of(const std::variant<Bytes, HandshakeError>& v, Bytes& out) {
  if (const auto* e = std::get_if<HandshakeError>(&v)) return *e;
  out = std::get<Bytes>(v);
  return HandshakeError::None;
}

// Runs M1..M4 between the three parties with the given handshake KeySource and attempt id (and `verdicts` shared
// by the device and the network server, as in a world).
inline HandshakeRun run_handshake(World& w, const DeviceIdentity& device, const TypeChains& chains, EcdhCurve curve,
                                  const KeySource& hs_source, std::uint64_t attempt, metrics::MetricsSink* sink = nullptr,
                                  const Bytes* app_server_public = nullptr, SignatureVerdicts* verdicts = nullptr) {
  HandshakeRun run;
  const Bytes& as_pub = app_server_public ? *app_server_public : w.pki.application_server().key.public_key;
  DeviceHandshake dev(device, chains, curve, hs_source, attempt, w.pki.trust_anchor(), as_pub, sink, verdicts);
  NetworkServerHandshake ns(w.pki, w.verifier, w.revocations, hs_source, attempt, sink, verdicts);
  ApplicationServerHandshake as(w.pki.application_server(), hs_source, attempt, sink);
  Bytes m1 = dev.hello(), m2a, m2b, m2, m3, m4;
  run.sizes.push_back(m1.size());
  if ((run.ns_error = error_of(ns.on_device_hello(m1), m2a)) != HandshakeError::None) return run;
  run.sizes.push_back(m2a.size());
  if ((run.as_error = error_of(as.on_key_request(m2a), m2b)) != HandshakeError::None) return run;
  run.sizes.push_back(m2b.size());
  if ((run.ns_error = error_of(ns.on_app_key_response(m2b), m2)) != HandshakeError::None) return run;
  run.sizes.push_back(m2.size());
  if ((run.device_error = error_of(dev.on_server_hello(m2), m3)) != HandshakeError::None) return run;
  run.sizes.push_back(m3.size());
  if ((run.ns_error = error_of(ns.on_device_confirm(m3), m4)) != HandshakeError::None) return run;
  run.sizes.push_back(ns.app_confirm().size());
  if ((run.as_error = as.on_device_confirm(ns.app_confirm())) != HandshakeError::None) return run;
  run.sizes.push_back(m4.size());
  if ((run.device_error = dev.on_server_confirm(m4)) != HandshakeError::None) return run;
  EXPECT_TRUE(dev.complete());
  EXPECT_TRUE(ns.complete());
  EXPECT_TRUE(as.complete());
  run.device_keys = dev.keys();
  run.ns_network_key = ns.network_key();
  run.as_application_key = as.application_key();
  return run;
}

}  // namespace st::security::test
