// One complete registration handshake (models/security/handshake.hpp), all three parties in one thread, with
// the run's ChainVerifier (upper chains cached after the first iteration), exactly the calls the twin makes per
// successful registration (models/lifecycle/device_registration.cpp) minus the kernel, the queues and the
// outputs: its throughput is the twin's registration ceiling as the crypto code stands.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <stdexcept>
#include <variant>

#include "models/security/chain_verifier.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/handshake.hpp"
#include "models/security/key_source.hpp"
#include "models/security/pki.hpp"
#include "models/security/revocation_list.hpp"

namespace {

using namespace st::security;

Bytes take(std::variant<Bytes, HandshakeError> r) {
  if (auto* e = std::get_if<HandshakeError>(&r)) throw std::runtime_error(std::string(to_string(*e)));
  return std::move(std::get<Bytes>(r));
}

void BM_RegistrationHandshake(benchmark::State& state) {
  const auto curve = state.range(0) == 0 ? EcdhCurve::X25519 : EcdhCurve::P256;
  const KeySource source = KeySource::deterministic(99);
  Pki pki(source, "bench");
  const std::uint16_t type = pki.add_device_type("bench-type", 0);
  DeviceIdentity device = make_device_identity(source, type, make_smsn("A0BENCHTYPE000", "TEST", "SN1", "dev0"), 1);
  pki.dak(type).sign_device(device);
  ChainVerifier verifier(pki.trust_anchor());
  RevocationList revocations;
  std::uint64_t attempt = 0;
  for (auto _ : state) {
    ++attempt;
    DeviceHandshake dev(device, pki.type_chains(type), curve, source, attempt, pki.trust_anchor(),
                        pki.application_server().key.public_key);
    NetworkServerHandshake ns(pki, verifier, revocations, source, attempt);
    ApplicationServerHandshake as(pki.application_server(), source, attempt);
    const Bytes m2a = take(ns.on_device_hello(dev.hello()));
    const Bytes m2b = take(as.on_key_request(m2a));
    const Bytes m2 = take(ns.on_app_key_response(m2b));
    const Bytes m3 = take(dev.on_server_hello(m2));
    const Bytes m4 = take(ns.on_device_confirm(m3));
    if (as.on_device_confirm(ns.app_confirm()) != HandshakeError::None ||
        dev.on_server_confirm(m4) != HandshakeError::None)
      state.SkipWithError("handshake failed");
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(curve == EcdhCurve::X25519 ? "x25519" : "p256");
}
BENCHMARK(BM_RegistrationHandshake)->Arg(0)->Arg(1);

// Manufacturing + ingest of one mass-production device: identity (two key pairs), DAK signing (Ed25519 +
// ECDSA), and the ingest's chain verification (two leaf verifications; upper chains cached).
void BM_ManufactureAndIngest(benchmark::State& state) {
  const KeySource source = KeySource::deterministic(98);
  Pki pki(source, "bench");
  const std::uint16_t type = pki.add_device_type("bench-type", 0);
  ChainVerifier ingest(pki.trust_anchor());
  std::uint64_t id = 0;
  for (auto _ : state) {
    ++id;
    DeviceIdentity d = make_device_identity(source, type, make_smsn("A0BENCHTYPE000", "TEST", "SN" + std::to_string(id), "dev0"), id);
    pki.dak(type).sign_device(d);
    if (ingest.verify(d, pki.type_chains(type)) != ChainError::None) state.SkipWithError("ingest refused");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ManufactureAndIngest);

}  // namespace
