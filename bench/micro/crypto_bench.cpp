// The project's crypto wrappers (models/security/primitives.hpp), one operation per iteration, plus a few raw
// OpenSSL EVP baselines with pre-built key objects (BM_Raw_*) to show what the wrappers add. Every wrapper call
// rebuilds its EVP_PKEY from raw bytes: from a private key alone (the span overloads) OpenSSL re-derives the
// public key, a fixed-base scalar multiplication; from a whole KeyPair (the *KeyPair benchmarks, what the
// handshake and the DAK use) it does not. The raw baselines build the key once (what `openssl speed` does).
#include <benchmark/benchmark.h>
#include <openssl/evp.h>

#include <array>
#include <string>
#include <cstdint>
#include <vector>

#include "models/security/chain_verifier.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/key_source.hpp"
#include "models/security/pki.hpp"
#include "models/security/primitives.hpp"
#include "models/security/signature_verdicts.hpp"

namespace {

using namespace st::security;

const KeySource& source() {
  static const KeySource s = KeySource::deterministic(1234);
  return s;
}

Bytes message(std::size_t n) {
  Bytes m(n);
  for (std::size_t i = 0; i < n; ++i) m[i] = static_cast<std::uint8_t>(i * 7 + 1);
  return m;
}

// ---- key generation (from the KeySource: HKDF expand + public key derivation) ---------------------------------
void BM_X25519Keygen(benchmark::State& state) {
  std::uint64_t id = 0;
  for (auto _ : state) benchmark::DoNotOptimize(generate_ecdh_key(EcdhCurve::X25519, source(), "bench/x", ++id));
}
BENCHMARK(BM_X25519Keygen);

void BM_P256EcdhKeygen(benchmark::State& state) {
  std::uint64_t id = 0;
  for (auto _ : state) benchmark::DoNotOptimize(generate_ecdh_key(EcdhCurve::P256, source(), "bench/p", ++id));
}
BENCHMARK(BM_P256EcdhKeygen);

void BM_Ed25519Keygen(benchmark::State& state) {
  std::uint64_t id = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(generate_signing_key(SignatureAlgorithm::Ed25519, source(), "bench/e", ++id));
}
BENCHMARK(BM_Ed25519Keygen);

// ---- ECDH --------------------------------------------------------------------------------------------------------
void BM_X25519Ecdh(benchmark::State& state) {
  const KeyPair a = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/a", 1);
  const KeyPair b = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/b", 1);
  for (auto _ : state) benchmark::DoNotOptimize(ecdh(EcdhCurve::X25519, a.private_key, b.public_key));
}
BENCHMARK(BM_X25519Ecdh);

void BM_X25519EcdhKeyPair(benchmark::State& state) {
  const KeyPair a = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/a", 1);
  const KeyPair b = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/b", 1);
  for (auto _ : state) benchmark::DoNotOptimize(ecdh(EcdhCurve::X25519, a, b.public_key));
}
BENCHMARK(BM_X25519EcdhKeyPair);

// A server's ephemeral key and its exchange with the device's (what the network and application servers do per
// registration), as two calls and through one EcdhExchange (one key object and context for both); and the device's
// two exchanges with one key, likewise.
void BM_X25519KeygenThenEcdh(benchmark::State& state) {
  const KeyPair peer = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/peer", 1);
  std::uint64_t id = 0;
  for (auto _ : state) {
    const KeyPair own = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/x", ++id);
    benchmark::DoNotOptimize(ecdh(EcdhCurve::X25519, own, peer.public_key));
  }
}
BENCHMARK(BM_X25519KeygenThenEcdh);

void BM_X25519ExchangeGenerateWith(benchmark::State& state) {
  const KeyPair peer = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/peer", 1);
  std::uint64_t id = 0;
  for (auto _ : state) {
    EcdhExchange own = EcdhExchange::generate(EcdhCurve::X25519, source(), "bench/x", ++id);
    benchmark::DoNotOptimize(own.with(peer.public_key));
  }
}
BENCHMARK(BM_X25519ExchangeGenerateWith);

void BM_X25519EcdhTwoPeers(benchmark::State& state) {
  const KeyPair a = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/a", 1);
  const KeyPair b = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/b", 1);
  const KeyPair c = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/c", 1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(ecdh(EcdhCurve::X25519, a, b.public_key));
    benchmark::DoNotOptimize(ecdh(EcdhCurve::X25519, a, c.public_key));
  }
}
BENCHMARK(BM_X25519EcdhTwoPeers);

void BM_X25519ExchangeTwoPeers(benchmark::State& state) {
  const KeyPair a = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/a", 1);
  const KeyPair b = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/b", 1);
  const KeyPair c = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/c", 1);
  for (auto _ : state) {
    EcdhExchange own(EcdhCurve::X25519, a);
    benchmark::DoNotOptimize(own.with(b.public_key));
    benchmark::DoNotOptimize(own.with(c.public_key));
  }
}
BENCHMARK(BM_X25519ExchangeTwoPeers);

void BM_P256Ecdh(benchmark::State& state) {
  const KeyPair a = generate_ecdh_key(EcdhCurve::P256, source(), "bench/a", 1);
  const KeyPair b = generate_ecdh_key(EcdhCurve::P256, source(), "bench/b", 1);
  for (auto _ : state) benchmark::DoNotOptimize(ecdh(EcdhCurve::P256, a.private_key, b.public_key));
}
BENCHMARK(BM_P256Ecdh);

void BM_P256EcdhKeyPair(benchmark::State& state) {
  const KeyPair a = generate_ecdh_key(EcdhCurve::P256, source(), "bench/a", 1);
  const KeyPair b = generate_ecdh_key(EcdhCurve::P256, source(), "bench/b", 1);
  for (auto _ : state) benchmark::DoNotOptimize(ecdh(EcdhCurve::P256, a, b.public_key));
}
BENCHMARK(BM_P256EcdhKeyPair);

// ---- signatures (a 64-byte message, the size of a certificate record's signed bytes) --------------------------
void BM_Ed25519Sign(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::Ed25519, source(), "bench/s", 1);
  const Bytes m = message(64);
  for (auto _ : state) benchmark::DoNotOptimize(sign(SignatureAlgorithm::Ed25519, k.private_key, m));
}
BENCHMARK(BM_Ed25519Sign);

void BM_Ed25519SignKeyPair(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::Ed25519, source(), "bench/s", 1);
  const Bytes m = message(64);
  for (auto _ : state) benchmark::DoNotOptimize(sign(SignatureAlgorithm::Ed25519, k, m));
}
BENCHMARK(BM_Ed25519SignKeyPair);

void BM_Ed25519Verify(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::Ed25519, source(), "bench/s", 1);
  const Bytes m = message(64);
  const auto sig = sign(SignatureAlgorithm::Ed25519, k.private_key, m);
  for (auto _ : state) benchmark::DoNotOptimize(verify(SignatureAlgorithm::Ed25519, k.public_key, m, sig));
}
BENCHMARK(BM_Ed25519Verify);

// Long-lived keys (the servers' and the DAKs'): the OpenSSL key object is built once and reused.
void BM_Ed25519SignLongLived(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::Ed25519, source(), "bench/s", 1);
  const Bytes m = message(64);
  for (auto _ : state) benchmark::DoNotOptimize(sign_long_lived(SignatureAlgorithm::Ed25519, k, m));
}
BENCHMARK(BM_Ed25519SignLongLived);

void BM_Ed25519VerifyLongLived(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::Ed25519, source(), "bench/s", 1);
  const Bytes m = message(64);
  const auto sig = sign(SignatureAlgorithm::Ed25519, k.private_key, m);
  for (auto _ : state) benchmark::DoNotOptimize(verify_long_lived(SignatureAlgorithm::Ed25519, k.public_key, m, sig));
}
BENCHMARK(BM_Ed25519VerifyLongLived);

// A verification answered by the verdict memo (the same bytes verified before): a digest and a table lookup.
void BM_Ed25519VerifyRemembered(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::Ed25519, source(), "bench/s", 1);
  const Bytes m = message(64);
  const auto sig = sign(SignatureAlgorithm::Ed25519, k.private_key, m);
  SignatureVerdicts memo;
  for (auto _ : state) benchmark::DoNotOptimize(memo.verify(SignatureAlgorithm::Ed25519, k.public_key, m, sig));
}
BENCHMARK(BM_Ed25519VerifyRemembered);

void BM_EcdsaP256Sign(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::EcdsaP256, source(), "bench/s", 1);
  const Bytes m = message(64);
  for (auto _ : state) benchmark::DoNotOptimize(sign(SignatureAlgorithm::EcdsaP256, k.private_key, m));
}
BENCHMARK(BM_EcdsaP256Sign);

void BM_EcdsaP256SignKeyPair(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::EcdsaP256, source(), "bench/s", 1);
  const Bytes m = message(64);
  for (auto _ : state) benchmark::DoNotOptimize(sign(SignatureAlgorithm::EcdsaP256, k, m));
}
BENCHMARK(BM_EcdsaP256SignKeyPair);

void BM_EcdsaP256Verify(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::EcdsaP256, source(), "bench/s", 1);
  const Bytes m = message(64);
  const auto sig = sign(SignatureAlgorithm::EcdsaP256, k.private_key, m);
  for (auto _ : state) benchmark::DoNotOptimize(verify(SignatureAlgorithm::EcdsaP256, k.public_key, m, sig));
}
BENCHMARK(BM_EcdsaP256Verify);

// ---- symmetric -------------------------------------------------------------------------------------------------
void BM_Aes128GcmSeal64(benchmark::State& state) {
  const Bytes key = message(16);
  const Bytes iv = message(12);
  const Bytes aad = message(8);
  const Bytes pt = message(64);
  for (auto _ : state) benchmark::DoNotOptimize(aes128_gcm_seal(key, iv, aad, pt));
  state.SetBytesProcessed(state.iterations() * 64);
}
BENCHMARK(BM_Aes128GcmSeal64);

void BM_Aes128GcmOpen64(benchmark::State& state) {
  const Bytes key = message(16);
  const Bytes iv = message(12);
  const Bytes aad = message(8);
  const Bytes ct = aes128_gcm_seal(key, iv, aad, message(64));
  Bytes out;
  for (auto _ : state) benchmark::DoNotOptimize(aes128_gcm_open_into(key, iv, aad, ct, out));
  state.SetBytesProcessed(state.iterations() * 64);
}
BENCHMARK(BM_Aes128GcmOpen64);

void BM_HkdfSha256(benchmark::State& state) {  // extract + expand to 16 bytes, as one session key
  const Bytes salt = message(32);
  const Bytes ikm = message(32);
  const Bytes info = message(24);
  for (auto _ : state) benchmark::DoNotOptimize(hkdf_sha256(salt, ikm, info, 16));
}
BENCHMARK(BM_HkdfSha256);

void BM_HkdfSha256Expand(benchmark::State& state) {  // one expand from a PRK: a KeySource draw, a schedule label
  const auto prk = hkdf_sha256_extract(message(32), message(32));
  const Bytes info = message(24);
  std::array<std::uint8_t, 32> out{};
  for (auto _ : state) {
    hkdf_sha256_expand(prk, info, out);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_HkdfSha256Expand);

void BM_HmacSha256(benchmark::State& state) {
  const Bytes key = message(32);
  const Bytes m = message(32);
  for (auto _ : state) benchmark::DoNotOptimize(hmac_sha256(key, m));
}
BENCHMARK(BM_HmacSha256);

void BM_Sha256_1KB(benchmark::State& state) {  // about the size of the transcript inputs (M1 is 1,245 bytes)
  const Bytes m = message(1024);
  for (auto _ : state) benchmark::DoNotOptimize(sha256(m));
  state.SetBytesProcessed(state.iterations() * 1024);
}
BENCHMARK(BM_Sha256_1KB);

// ---- per-device work at manufacturing and ingest -----------------------------------------------------------------
struct DeviceFixture {
  Pki pki{source(), "bench"};
  std::uint16_t type = pki.add_device_type("bench-type", 0);
};

void BM_MakeDeviceIdentity(benchmark::State& state) {  // Ed25519 + P-256 key pairs from the key source
  std::uint64_t id = 0;
  for (auto _ : state) {
    ++id;
    const auto smsn = make_smsn("A0BENCHTYPE000", "TEST", "SN" + std::to_string(id), "dev0");
    benchmark::DoNotOptimize(make_device_identity(source(), 0, smsn, id));
  }
}
BENCHMARK(BM_MakeDeviceIdentity);

void BM_DakSignDevice(benchmark::State& state) {  // one Ed25519 + one ECDSA P-256 signature
  DeviceFixture f;
  DeviceIdentity d = make_device_identity(source(), f.type, make_smsn("A0BENCHTYPE000", "TEST", "SN1", "dev0"), 1);
  for (auto _ : state) benchmark::DoNotOptimize(f.pki.dak(f.type).sign_device(d));
}
BENCHMARK(BM_DakSignDevice);

void BM_ChainVerifyDevice(benchmark::State& state) {  // upper chains cached: the two leaf signatures
  DeviceFixture f;
  DeviceIdentity d = make_device_identity(source(), f.type, make_smsn("A0BENCHTYPE000", "TEST", "SN1", "dev0"), 1);
  f.pki.dak(f.type).sign_device(d);
  ChainVerifier v(f.pki.trust_anchor());
  for (auto _ : state) benchmark::DoNotOptimize(v.verify(d, f.pki.type_chains(f.type)));
  state.counters["upper_cache_hits"] = static_cast<double>(v.cache_hits());
}
BENCHMARK(BM_ChainVerifyDevice);

// ---- raw OpenSSL with pre-built keys (what `openssl speed` measures) ----------------------------------------------
struct RawKey {
  EVP_PKEY* k = nullptr;
  explicit RawKey(EVP_PKEY* p) : k(p) {}
  ~RawKey() { EVP_PKEY_free(k); }
  RawKey(const RawKey&) = delete;
  RawKey& operator=(const RawKey&) = delete;
};

void BM_Raw_X25519Derive(benchmark::State& state) {
  const KeyPair a = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/a", 1);
  const KeyPair b = generate_ecdh_key(EcdhCurve::X25519, source(), "bench/b", 1);
  RawKey priv{EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, a.private_key.data(), 32)};
  RawKey peer{EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, b.public_key.data(), 32)};
  std::array<std::uint8_t, 32> out{};
  for (auto _ : state) {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(priv.k, nullptr);
    std::size_t len = out.size();
    if (EVP_PKEY_derive_init(ctx) != 1 || EVP_PKEY_derive_set_peer(ctx, peer.k) != 1 ||
        EVP_PKEY_derive(ctx, out.data(), &len) != 1)
      state.SkipWithError("derive failed");
    EVP_PKEY_CTX_free(ctx);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_Raw_X25519Derive);

void BM_Raw_Ed25519Sign(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::Ed25519, source(), "bench/s", 1);
  RawKey key{EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, k.private_key.data(), 32)};
  const Bytes m = message(64);
  std::array<std::uint8_t, 64> sig{};
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  for (auto _ : state) {
    std::size_t len = sig.size();
    if (EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, key.k) != 1 ||
        EVP_DigestSign(ctx, sig.data(), &len, m.data(), m.size()) != 1)
      state.SkipWithError("sign failed");
    benchmark::DoNotOptimize(sig);
  }
  EVP_MD_CTX_free(ctx);
}
BENCHMARK(BM_Raw_Ed25519Sign);

void BM_Raw_Ed25519Verify(benchmark::State& state) {
  const KeyPair k = generate_signing_key(SignatureAlgorithm::Ed25519, source(), "bench/s", 1);
  RawKey key{EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, k.public_key.data(), 32)};
  const Bytes m = message(64);
  const auto sig = sign(SignatureAlgorithm::Ed25519, k.private_key, m);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  for (auto _ : state) {
    if (EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, key.k) != 1) state.SkipWithError("init failed");
    benchmark::DoNotOptimize(EVP_DigestVerify(ctx, sig.data(), sig.size(), m.data(), m.size()));
  }
  EVP_MD_CTX_free(ctx);
}
BENCHMARK(BM_Raw_Ed25519Verify);

}  // namespace
