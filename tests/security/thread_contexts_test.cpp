// The primitives reuse per-thread OpenSSL contexts (models/security/thread_contexts.hpp): a call must not inherit
// anything from the previous call on its thread, and every thread must compute the same bytes.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "models/security/primitives.hpp"
#include "tests/security/security_test_support.hpp"

namespace st::security {
namespace {
using test::hx;

// RFC 5869 test cases 1 and 3 in one thread, interleaved: case 3 has no salt and no info, so a context that kept
// case 1's salt or info would give other bytes.
TEST(securityThreadContexts, HkdfCallsDoNotInheritThePreviousCallsSaltOrInfo) {
  const Bytes ikm(22, 0x0b);
  const Bytes salt1 = hx("000102030405060708090a0b0c");
  const Bytes info1 = hx("f0f1f2f3f4f5f6f7f8f9");
  const char* prk1 = "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5";
  const char* okm1 = "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865";
  const char* prk3 = "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04";
  const char* okm3 = "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8";
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(round);
    EXPECT_EQ(to_hex(hkdf_sha256_extract(salt1, ikm)), prk1);
    EXPECT_EQ(to_hex(hkdf_sha256_extract({}, ikm)), prk3);
    Bytes okm(42);
    hkdf_sha256_expand(hx(prk1), info1, okm);
    EXPECT_EQ(to_hex(okm), okm1);
    hkdf_sha256_expand(hx(prk3), {}, okm);
    EXPECT_EQ(to_hex(okm), okm3);
    EXPECT_EQ(to_hex(hkdf_sha256({}, ikm, {}, 42)), okm3);
    EXPECT_EQ(to_hex(hkdf_sha256(salt1, ikm, info1, 42)), okm1);
  }
}

// A long-lived key's context is copied for each call: a verdict never carries over to the next call.
TEST(securityThreadContexts, LongLivedKeysGiveEachCallItsOwnVerdict) {
  const KeySource source = KeySource::deterministic(5);
  const Bytes msg = test::bytes_of("each call its own verdict");
  Bytes other = msg;
  other.back() ^= 0x01;
  for (SignatureAlgorithm alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256}) {
    SCOPED_TRACE(static_cast<int>(alg));
    const KeyPair key = generate_signing_key(alg, source, "thread-contexts", 1);
    const auto sig = sign_long_lived(alg, key, msg);
    auto bad = sig;
    bad[5] ^= 0x80;
    for (int round = 0; round < 3; ++round) {
      EXPECT_TRUE(verify_long_lived(alg, key.public_key, msg, sig));
      EXPECT_FALSE(verify_long_lived(alg, key.public_key, msg, bad));
      EXPECT_TRUE(verify_long_lived(alg, key.public_key, msg, sig));
      EXPECT_FALSE(verify_long_lived(alg, key.public_key, other, sig));
      const auto again = sign_long_lived(alg, key, other);
      EXPECT_TRUE(verify(alg, key.public_key, other, again));
      EXPECT_FALSE(verify(alg, key.public_key, msg, again));
      if (alg == SignatureAlgorithm::Ed25519) {
        EXPECT_EQ(again, sign(alg, key, other));
      }
    }
  }
}

// McGrew & Viega test cases 3 and 4 (AES-128-GCM) interleaved on one thread with refused opens and other keys:
// a context restarted with a new key and IV carries nothing over (no AAD, no tag, no failed state).
TEST(securityThreadContexts, AesGcmCallsStartFromNothing) {
  const Bytes key = hx("feffe9928665731c6d6a8f9467308308");
  const Bytes iv = hx("cafebabefacedbaddecaf888");
  const Bytes plain = hx(
      "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657"
      "ba637b391aafd255");
  const Bytes aad = hx("feedfacedeadbeeffeedfacedeadbeefabaddad2");
  const Bytes plain60(plain.begin(), plain.begin() + 60);
  const std::string case3 =
      "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac97"
      "3d58e091473f59854d5c2af327cd64a62cf35abd2ba6fab4";
  const std::string case4 =
      "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac97"
      "3d58e0915bc94fbc3221a5db94fae95ae7121a47";
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(round);
    EXPECT_EQ(to_hex(aes128_gcm_seal(key, iv, aad, plain60)), case4);
    EXPECT_EQ(to_hex(aes128_gcm_seal(key, iv, {}, plain)), case3);  // no AAD after a call with AAD
    Bytes bad = hx(case4);
    bad.back() ^= 0x01;
    EXPECT_FALSE(aes128_gcm_open(key, iv, aad, bad).has_value());
    EXPECT_EQ(aes128_gcm_open(key, iv, {}, hx(case3)).value_or(Bytes{}), plain);  // after a refused open
    EXPECT_FALSE(aes128_gcm_open(key, iv, {}, hx(case4)).has_value());           // case 4 needs its AAD
    EXPECT_EQ(aes128_gcm_open(key, iv, aad, hx(case4)).value_or(Bytes{}), plain60);
    const Bytes other_key(16, 0x42);
    const Bytes sealed = aes128_gcm_seal(other_key, iv, aad, plain);
    EXPECT_FALSE(aes128_gcm_open(key, iv, aad, sealed).has_value());
    EXPECT_EQ(aes128_gcm_open(other_key, iv, aad, sealed).value_or(Bytes{}), plain);
  }
}

struct Results {
  std::vector<std::array<std::uint8_t, 32>> prks, macs, secrets;
  std::vector<Bytes> okms, publics;
  std::vector<std::array<std::uint8_t, 64>> signatures;
  std::vector<bool> verdicts;
  bool operator==(const Results&) const = default;
};

Results compute(const KeyPair& server, const KeySource& source) {
  Results r;
  for (std::uint64_t i = 0; i < 40; ++i) {
    const Bytes n = test::bytes_of("round " + std::to_string(i));
    r.prks.push_back(hkdf_sha256_extract(n, server.public_key));
    Bytes okm(16 + i % 20);
    hkdf_sha256_expand(r.prks.back(), i % 3 == 0 ? Bytes{} : n, okm);
    r.okms.push_back(okm);
    r.macs.push_back(hmac_sha256(okm, n));
    r.signatures.push_back(sign_long_lived(SignatureAlgorithm::Ed25519, server, n));
    auto sig = r.signatures.back();
    if (i % 2 == 1) sig[0] ^= 0x01;
    r.verdicts.push_back(verify_long_lived(SignatureAlgorithm::Ed25519, server.public_key, n, sig));
    const KeyPair a = generate_ecdh_key(EcdhCurve::X25519, source, "a", i);
    const KeyPair b = generate_ecdh_key(EcdhCurve::X25519, source, "b", i);
    r.publics.push_back(a.public_key);
    const auto ab = ecdh(EcdhCurve::X25519, a, b.public_key);
    const auto ba = ecdh(EcdhCurve::X25519, b.private_key, a.public_key);
    r.secrets.push_back(ab.value_or(std::array<std::uint8_t, 32>{}));
    r.verdicts.push_back(ab.has_value() && ab == ba);
    const Bytes sealed = aes128_gcm_seal(std::span(r.secrets.back()).first(16), std::span(r.prks.back()).first(12), n, okm);
    r.okms.push_back(sealed);
    r.verdicts.push_back(aes128_gcm_open(std::span(r.secrets.back()).first(16), std::span(r.prks.back()).first(12), n,
                                         sealed) == okm);
  }
  return r;
}

TEST(securityThreadContexts, EveryThreadComputesTheSameBytes) {
  const KeySource source = KeySource::deterministic(9);
  const KeyPair server = generate_signing_key(SignatureAlgorithm::Ed25519, source, "server", 0);
  const Results expected = compute(server, source);
  for (std::size_t i = 0; i + 2 < expected.verdicts.size(); i += 3) {
    EXPECT_EQ(expected.verdicts[i], (i / 3) % 2 == 0);  // the long-lived verification (every other one tampered)
    EXPECT_TRUE(expected.verdicts[i + 1]);               // ECDH agreed
    EXPECT_TRUE(expected.verdicts[i + 2]);               // AES-GCM opened what it sealed
  }
  std::vector<Results> got(3);
  std::vector<std::thread> threads;
  for (Results& r : got) threads.emplace_back([&r, &server, &source] { r = compute(server, source); });
  for (std::thread& t : threads) t.join();
  for (const Results& r : got) EXPECT_TRUE(r == expected);
}

}  // namespace
}  // namespace st::security
