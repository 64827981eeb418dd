// SignatureVerdicts: a signature that verified is not verified again, any changed byte is verified for real
// (and fails), failures are never remembered; verifiers sharing it skip leaves another one authenticated, but
// never a tampered one; the memo grows past its first table and stays exact; it is safe from several threads;
// recent verdicts are kept for a while only.
// Long-lived key objects give the results of the plain calls.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "models/security/chain_verifier.hpp"
#include "models/security/signature_verdicts.hpp"
#include "tests/security/security_test_support.hpp"

namespace st::security {
namespace {
using test::World;

TEST(securitySignatureVerdicts, RemembersOnlyWhatVerified) {
  World w(21);
  SignatureVerdicts memo;
  const KeyPair key = generate_signing_key(SignatureAlgorithm::Ed25519, w.source, "memo", 1);
  const Bytes msg = test::bytes_of("transcript");
  const auto sig = sign(SignatureAlgorithm::Ed25519, key, msg);
  EXPECT_TRUE(memo.verify(SignatureAlgorithm::Ed25519, key.public_key, msg, sig));
  EXPECT_EQ(memo.size(), 1u);
  EXPECT_EQ(memo.hits(), 0u);
  EXPECT_TRUE(memo.verify(SignatureAlgorithm::Ed25519, key.public_key, msg, sig));
  EXPECT_EQ(memo.hits(), 1u);
  auto bad = sig;
  bad[10] ^= 0x04;
  EXPECT_FALSE(memo.verify(SignatureAlgorithm::Ed25519, key.public_key, msg, bad));
  EXPECT_FALSE(memo.verify(SignatureAlgorithm::Ed25519, key.public_key, msg, bad));  // still verified, still false
  Bytes other = msg;
  other.back() ^= 0x01;
  EXPECT_FALSE(memo.verify(SignatureAlgorithm::Ed25519, key.public_key, other, sig));
  EXPECT_EQ(memo.size(), 1u);
  EXPECT_EQ(memo.hits(), 1u);
  // The same bytes under the other algorithm are another question.
  EXPECT_FALSE(memo.verify(SignatureAlgorithm::EcdsaP256, key.public_key, msg, sig));
}

// verify_recent(): remembered while fewer than `capacity` other recent verdicts came after it, forgotten (verified
// for real again) after 2 x capacity; failures never remembered; the memory stays bounded.
TEST(securitySignatureVerdicts, RecentVerdictsAreRememberedForAWhileOnly) {
  World w(23);
  SignatureVerdicts memo(4);
  const auto ed = SignatureAlgorithm::Ed25519;
  const KeyPair key = generate_signing_key(ed, w.source, "recent", 1);
  std::vector<Bytes> msgs;
  std::vector<std::array<std::uint8_t, 64>> sigs;
  for (int i = 0; i < 12; ++i) {
    msgs.push_back(test::bytes_of("signed " + std::to_string(i)));
    sigs.push_back(sign(ed, key, msgs.back()));
  }
  auto bad = sigs[0];
  bad[3] ^= 0x10;
  EXPECT_FALSE(memo.verify_recent(ed, key.public_key, msgs[0], bad));
  EXPECT_EQ(memo.recent_size(), 0u);
  EXPECT_TRUE(memo.verify_recent(ed, key.public_key, msgs[0], sigs[0]));
  for (int i = 1; i < 4; ++i) EXPECT_TRUE(memo.verify_recent(ed, key.public_key, msgs[i], sigs[i]));
  EXPECT_EQ(memo.hits(), 0u);
  EXPECT_TRUE(memo.verify_recent(ed, key.public_key, msgs[0], sigs[0]));  // 3 came after it: remembered
  EXPECT_EQ(memo.hits(), 1u);
  EXPECT_FALSE(memo.verify_recent(ed, key.public_key, msgs[0], bad));     // a changed byte is verified for real
  for (int i = 4; i < 12; ++i) EXPECT_TRUE(memo.verify_recent(ed, key.public_key, msgs[i], sigs[i]));
  EXPECT_LE(memo.recent_size(), 8u);
  EXPECT_TRUE(memo.verify_recent(ed, key.public_key, msgs[0], sigs[0]));  // 8 came after it: verified again
  EXPECT_EQ(memo.hits(), 1u);
  EXPECT_EQ(memo.size(), 0u);  // nothing of it in the lasting memo
}

TEST(securitySignatureVerdicts, DigestSeparatesTheParts) {
  const Bytes ab = test::bytes_of("ab"), c = test::bytes_of("c"), a = test::bytes_of("a"), bc = test::bytes_of("bc");
  EXPECT_NE(SignatureVerdicts::digest(SignatureAlgorithm::Ed25519, {ab, c}),
            SignatureVerdicts::digest(SignatureAlgorithm::Ed25519, {a, bc}));
  EXPECT_EQ(SignatureVerdicts::digest(SignatureAlgorithm::Ed25519, {ab, c}),
            SignatureVerdicts::digest(SignatureAlgorithm::Ed25519, {ab, c}));
}

TEST(securitySignatureVerdicts, GrowsAndStaysExactFromSeveralThreads) {
  SignatureVerdicts memo;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&memo, t] {
      for (std::uint32_t i = 0; i < 5000; ++i) {
        const std::uint32_t v = i * 4 + static_cast<std::uint32_t>(t);
        const std::array<std::uint8_t, 4> b{static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16),
                                            static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
        memo.remember(SignatureVerdicts::digest(SignatureAlgorithm::Ed25519, {b}));
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(memo.size(), 20000u);
  for (std::uint32_t v = 0; v < 20000; ++v) {
    const std::array<std::uint8_t, 4> b{static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16),
                                        static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
    ASSERT_TRUE(memo.known(SignatureVerdicts::digest(SignatureAlgorithm::Ed25519, {b}))) << v;
  }
  const std::array<std::uint8_t, 5> absent{1, 2, 3, 4, 5};
  EXPECT_FALSE(memo.known(SignatureVerdicts::digest(SignatureAlgorithm::Ed25519, {absent})));
}

TEST(securityChainVerifier, SharedVerdictsSkipLeavesAnotherVerifierAuthenticated) {
  World w(22);
  SignatureVerdicts shared;
  ChainVerifier ingest(w.pki.trust_anchor());
  ChainVerifier network(w.pki.trust_anchor());
  ingest.share_verdicts(&shared);
  network.share_verdicts(&shared);
  EXPECT_EQ(ingest.verify(w.device, w.pki.type_chains(0)), ChainError::None);
  EXPECT_EQ(ingest.signature_verifications(), 12u);  // 5 + 5 upper records, 2 leaves
  EXPECT_EQ(network.verify(w.device, w.pki.type_chains(0)), ChainError::None);
  EXPECT_EQ(network.signature_verifications(), 10u);  // its own upper chains; the leaves were authenticated
  EXPECT_EQ(network.leaf_hits(), 1u);
  // A tampered leaf is another byte string: verified for real, refused.
  DeviceIdentity d = w.device;
  d.ed25519_signature[3] ^= 0x20;
  EXPECT_EQ(network.verify(d, w.pki.type_chains(0)), ChainError::BadDeviceSignature);
  d = w.device;
  d.p256_public[9] ^= 0x01;
  EXPECT_EQ(network.verify(d, w.pki.type_chains(0)), ChainError::BadDeviceSignature);
  EXPECT_EQ(network.leaf_hits(), 1u);
  // A chain of another type (another DAK) with the same leaf bytes is not the authenticated one either.
  const std::uint16_t other_type = w.pki.add_device_type("other", 0);
  EXPECT_EQ(network.verify(w.device, w.pki.type_chains(other_type)), ChainError::BadDeviceSignature);
}

}  // namespace
}  // namespace st::security

namespace st::security {
namespace {

// sign_long_lived / verify_long_lived keep one OpenSSL key object per long-lived key: same verdicts as verify(),
// Ed25519 signatures identical to sign(), and still right past the cache's capacity (more keys than it holds).
TEST(securityLongLivedKeys, SameResultsAsThePlainCallsBeyondTheCacheCapacity) {
  const KeySource source = KeySource::deterministic(23);
  const Bytes msg = test::bytes_of("long-lived");
  for (std::uint64_t i = 0; i < 80; ++i) {
    for (SignatureAlgorithm alg : {SignatureAlgorithm::Ed25519, SignatureAlgorithm::EcdsaP256}) {
      SCOPED_TRACE(testing::Message() << "key " << i << " alg " << static_cast<int>(alg));
      const KeyPair key = generate_signing_key(alg, source, "long-lived", i);
      const auto sig = sign_long_lived(alg, key, msg);
      EXPECT_TRUE(verify(alg, key.public_key, msg, sig));
      EXPECT_TRUE(verify_long_lived(alg, key.public_key, msg, sig));
      EXPECT_TRUE(verify_long_lived(alg, key.public_key, msg, sign(alg, key, msg)));
      if (alg == SignatureAlgorithm::Ed25519) {
        EXPECT_EQ(sig, sign(alg, key, msg));  // a deterministic scheme
      }
      auto bad = sig;
      bad[40] ^= 0x01;
      EXPECT_FALSE(verify_long_lived(alg, key.public_key, msg, bad));
      Bytes other = msg;
      other[0] ^= 0x01;
      EXPECT_FALSE(verify_long_lived(alg, key.public_key, other, sig));
    }
  }
  EXPECT_FALSE(verify_long_lived(SignatureAlgorithm::Ed25519, Bytes(31, 1), msg, std::array<std::uint8_t, 64>{}));
  EXPECT_FALSE(verify_long_lived(SignatureAlgorithm::EcdsaP256, Bytes(64, 0), msg, std::array<std::uint8_t, 64>{}));
}

}  // namespace
}  // namespace st::security
