// Tests of the per-run PKI, device identities, DAK signature limits, chain verification (with its cache) and
// the revocation list.
#include <gtest/gtest.h>

#include <type_traits>

#include "models/security/ca_serial.hpp"
#include "models/security/chain_verifier.hpp"
#include "models/security/device_identity.hpp"
#include "models/security/pki.hpp"
#include "models/security/revocation_list.hpp"
#include "tests/security/security_test_support.hpp"

namespace st::security {
namespace {
using test::World;

TEST(securityDeviceIdentity, FixedSizeNoHeap) {
  EXPECT_TRUE(std::is_trivially_copyable_v<DeviceIdentity>);
  EXPECT_EQ(sizeof(DeviceIdentity), 322u);
}

TEST(securityDeviceIdentity, SmsnIsThePublishedDerivation) {
  // The example of the Sidewalk docs' certificate-profile page (tests/security/vectors/README.md).
  EXPECT_EQ(to_hex(make_smsn("A17XHX23H06INH", "PRODUCTION", "SN1234567", "pd25")),
            "77086ebf8e20d074180f1a01fff256688dee68baa990c3610070e66c86f6ff39");
  EXPECT_EQ(make_smsn("A17XHX23H06INH", "PREPRODUCTION", "SN1234567", "pd25"),
            sha256(as_bytes("A17XHX23H06INH-PREPRODUCTIONSN1234567pd25")));
  EXPECT_EQ(smsn_stage(models::Stage::Production), "PRODUCTION");
  EXPECT_EQ(smsn_stage(models::Stage::PreProduction), "PREPRODUCTION");
  EXPECT_EQ(smsn_stage(models::Stage::Prototype), "TEST");
  EXPECT_NE(test::test_smsn(1), test::test_smsn(2));
}

TEST(securityDeviceIdentity, KeysMatchAndCertificatesCarryThem) {
  World w(1);
  const DeviceIdentity& d = w.device;
  EXPECT_EQ(Bytes(d.ed25519_public.begin(), d.ed25519_public.end()),
            signing_public_key(SignatureAlgorithm::Ed25519, d.ed25519_private));
  const Bytes p256_point = signing_public_key(SignatureAlgorithm::EcdsaP256, d.p256_private);
  EXPECT_EQ(Bytes(p256_point.begin() + 1, p256_point.end()), Bytes(d.p256_public.begin(), d.p256_public.end()));
  const CertRecord ed = device_certificate(d, SignatureAlgorithm::Ed25519);
  EXPECT_EQ(ed.serial, Bytes(d.smsn.begin(), d.smsn.end()));
  EXPECT_EQ(ed.public_key.size(), 32u);
  const CertRecord p = device_certificate(d, SignatureAlgorithm::EcdsaP256);
  EXPECT_EQ(p.public_key.size(), 64u);
  EXPECT_EQ(p.signature, d.p256_signature);
}

TEST(securityPki, ChainShapeAndDeterminism) {
  World a(5), b(5), c(6);
  const TypeChains& ch = a.pki.type_chains(0);
  for (std::size_t alg = 0; alg < 2; ++alg) {
    ASSERT_EQ(ch.upper[alg].size(), 5u);
    for (const CertRecord& r : ch.upper[alg]) {
      EXPECT_EQ(ca_serial_length(r.serial), 4u);
      EXPECT_EQ(r.public_key.size(), alg == 0 ? 32u : 64u);
    }
    const CertRecord& amzn = ch.upper[alg][static_cast<std::size_t>(ChainPosition::Amzn)];
    EXPECT_EQ(amzn.public_key, a.pki.trust_anchor().root_public[alg]);
    EXPECT_TRUE(verify_certificate(static_cast<SignatureAlgorithm>(alg), amzn.public_key, amzn));  // self-signed
  }
  EXPECT_EQ(a.pki.trust_anchor().root_public[0].size(), 32u);
  EXPECT_EQ(a.pki.trust_anchor().root_public[1].size(), 64u);
  // Same seed: same keys and (Ed25519 being deterministic) the same Ed25519 records. Other seed: other keys.
  EXPECT_EQ(a.pki.trust_anchor().root_public, b.pki.trust_anchor().root_public);
  EXPECT_NE(a.pki.trust_anchor().root_public[0], c.pki.trust_anchor().root_public[0]);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(ch.upper[0][i].signature, b.pki.type_chains(0).upper[0][i].signature);
    EXPECT_EQ(ch.upper[1][i].public_key, b.pki.type_chains(0).upper[1][i].public_key);
  }
  EXPECT_EQ(a.device.ed25519_private, b.device.ed25519_private);
  EXPECT_EQ(a.device.p256_public, b.device.p256_public);
  EXPECT_NE(a.device.ed25519_private, c.device.ed25519_private);
  EXPECT_EQ(a.pki.network_server().key.public_key, b.pki.network_server().key.public_key);
  EXPECT_EQ(a.pki.network_server().cert.public_key, a.pki.network_server().key.public_key);
  EXPECT_TRUE(verify_certificate(SignatureAlgorithm::Ed25519, a.pki.sw_record(SignatureAlgorithm::Ed25519).public_key,
                                 a.pki.network_server().cert));
  EXPECT_EQ(a.pki.device_type_count(), 1u);
  EXPECT_EQ(a.pki.add_device_type("tracker", 0), 1);
  EXPECT_NE(a.pki.type_chains(1).upper[0][0].public_key, ch.upper[0][0].public_key);
  EXPECT_THROW(a.pki.type_chains(9), std::out_of_range);
}

TEST(securityDakSigner, RefusesPastItsLimit) {
  World w(2, /*dak_limit=*/2);  // the World already signed one device
  DeviceIdentity second = make_device_identity(w.source, 0, test::test_smsn(2), 2);
  EXPECT_EQ(w.pki.dak(0).sign_device(second), DakSigner::Result::Ok);
  DeviceIdentity third = make_device_identity(w.source, 0, test::test_smsn(3), 3);
  EXPECT_EQ(w.pki.dak(0).sign_device(third), DakSigner::Result::SignatureLimitReached);
  EXPECT_EQ(third.ed25519_signature, (std::array<std::uint8_t, 64>{}));  // untouched
  EXPECT_EQ(w.pki.dak(0).signatures(), 2u);
  EXPECT_EQ(w.pki.dak(0).limit(), 2u);
  EXPECT_EQ(w.verifier.verify(second, w.pki.type_chains(0)), ChainError::None);
  EXPECT_EQ(w.verifier.verify(third, w.pki.type_chains(0)), ChainError::BadDeviceSignature);
}

TEST(securityChainVerifier, ValidChainsAndTheUpperCache) {
  World w(3);
  EXPECT_EQ(w.verifier.verify(w.device, w.pki.type_chains(0)), ChainError::None);
  EXPECT_EQ(w.verifier.signature_verifications(), 12u);  // 5 + 5 upper records, 2 leaves
  const DeviceIdentity other = w.make_device(2);
  EXPECT_EQ(w.verifier.verify(other, w.pki.type_chains(0)), ChainError::None);
  EXPECT_EQ(w.verifier.signature_verifications(), 14u);  // upper chains cached
  EXPECT_EQ(w.verifier.cache_hits(), 2u);
}

TEST(securityChainVerifier, TamperedDeviceSignature) {
  World w(3);
  DeviceIdentity d = w.device;
  d.ed25519_signature[5] ^= 0x01;
  EXPECT_EQ(w.verifier.verify(d, w.pki.type_chains(0)), ChainError::BadDeviceSignature);
  d = w.device;
  d.p256_signature[60] ^= 0x01;
  EXPECT_EQ(w.verifier.verify(d, w.pki.type_chains(0)), ChainError::BadDeviceSignature);
  d = w.device;
  d.p256_public[3] ^= 0x01;  // the key no longer matches what the DAK signed
  EXPECT_EQ(w.verifier.verify(d, w.pki.type_chains(0)), ChainError::BadDeviceSignature);
  DeviceIdentity unsigned_device = make_device_identity(w.source, 0, test::test_smsn(77), 77);
  EXPECT_EQ(w.verifier.verify(unsigned_device, w.pki.type_chains(0)), ChainError::BadDeviceSignature);
}

TEST(securityChainVerifier, TamperedUpperRecordIsNotACacheHit) {
  World w(4);
  EXPECT_EQ(w.verifier.verify(w.device, w.pki.type_chains(0)), ChainError::None);  // primes the cache
  for (std::size_t alg = 0; alg < 2; ++alg) {
    for (std::size_t pos = 0; pos < kUpperChainLength; ++pos) {  // DAK, PRODUCT, MAN, SW, AMZN (self-signed)
      SCOPED_TRACE(testing::Message() << "alg " << alg << " pos " << pos);
      TypeChains bad = w.pki.type_chains(0);
      bad.upper[alg][pos].signature[7] ^= 0x10;
      EXPECT_EQ(w.verifier.verify(w.device, bad), ChainError::BadChainSignature);
      bad = w.pki.type_chains(0);
      bad.upper[alg][pos].serial[3] ^= 0x01;
      EXPECT_EQ(w.verifier.verify(w.device, bad), ChainError::BadChainSignature);
    }
    TypeChains other_root = w.pki.type_chains(0);
    other_root.upper[alg][static_cast<std::size_t>(ChainPosition::Amzn)].public_key[0] ^= 0x01;
    EXPECT_EQ(w.verifier.verify(w.device, other_root), ChainError::ForeignRoot);
  }
  EXPECT_EQ(w.verifier.verify(w.device, w.pki.type_chains(0)), ChainError::None);
}

TEST(securityChainVerifier, ForeignRootAndMalformed) {
  World ours(10), theirs(11);
  EXPECT_EQ(ours.verifier.verify(theirs.device, theirs.pki.type_chains(0)), ChainError::ForeignRoot);
  // Our chains with their device: the leaf does not verify under our DAK.
  EXPECT_EQ(ours.verifier.verify(theirs.device, ours.pki.type_chains(0)), ChainError::BadDeviceSignature);
  TypeChains short_chain = ours.pki.type_chains(0);
  short_chain.upper[1].pop_back();
  EXPECT_EQ(ours.verifier.verify(ours.device, short_chain), ChainError::Malformed);
  TypeChains bad_key = ours.pki.type_chains(0);
  bad_key.upper[0][1].public_key.push_back(0);
  EXPECT_EQ(ours.verifier.verify(ours.device, bad_key), ChainError::Malformed);
  EXPECT_EQ(to_string(ChainError::ForeignRoot), "foreign_root");
  EXPECT_EQ(to_string(ChainError::BadDeviceSignature), "bad_device_signature");
  EXPECT_EQ(to_string(ChainError::BadChainSignature), "bad_chain_signature");
}

TEST(securityRevocationList, DevicesAndTypes) {
  RevocationList r;
  const auto a = test::test_smsn(1);
  const auto b = test::test_smsn(2);
  EXPECT_FALSE(r.device_revoked(a));
  r.revoke_device(a);
  r.revoke_device(a);
  EXPECT_TRUE(r.device_revoked(a));
  EXPECT_FALSE(r.device_revoked(b));
  EXPECT_EQ(r.revoked_devices(), 1u);
  r.revoke_device_type(3);
  EXPECT_TRUE(r.device_type_revoked(3));
  EXPECT_FALSE(r.device_type_revoked(2));
  EXPECT_FALSE(r.device_type_revoked(400));
  r.reinstate_device_type(3);
  EXPECT_FALSE(r.device_type_revoked(3));
  r.reinstate_device(a);
  EXPECT_EQ(r.revoked_devices(), 0u);
}

}  // namespace
}  // namespace st::security
