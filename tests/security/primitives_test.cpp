// Known-answer and negative tests of the crypto primitives (RFC 7748, RFC 8032, RFC 5869, RFC 4231,
// McGrew-Viega GCM, RFC 6979 P-256 key) and of the KeySource.
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <set>

#include "models/security/crypto_error.hpp"
#include "models/security/openssl_handles.hpp"
#include "models/security/primitives.hpp"
#include "tests/security/security_test_support.hpp"

namespace st::security {
namespace {
using test::hx;

TEST(securityHex, RoundTripAndRejects) {
  EXPECT_EQ(to_hex(hx("00ff10Ab")), "00ff10ab");
  EXPECT_FALSE(from_hex("abc").has_value());
  EXPECT_FALSE(from_hex("zz").has_value());
  EXPECT_EQ(from_hex("")->size(), 0u);
}

TEST(securitySha256, Abc) {
  EXPECT_EQ(to_hex(sha256(as_bytes("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(securityHmacSha256, Rfc4231Case1) {
  const Bytes key(20, 0x0b);
  EXPECT_EQ(to_hex(hmac_sha256(key, as_bytes("Hi There"))),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(securityHmacSha256, Rfc4231Case2) {
  EXPECT_EQ(to_hex(hmac_sha256(as_bytes("Jefe"), as_bytes("what do ya want for nothing?"))),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(securityHkdfSha256, Rfc5869Case1) {
  const Bytes ikm(22, 0x0b);
  const Bytes salt = hx("000102030405060708090a0b0c");
  const Bytes info = hx("f0f1f2f3f4f5f6f7f8f9");
  EXPECT_EQ(to_hex(hkdf_sha256_extract(salt, ikm)), "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
  EXPECT_EQ(to_hex(hkdf_sha256(salt, ikm, info, 42)),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  Bytes okm(42);
  hkdf_sha256_expand(hkdf_sha256_extract(salt, ikm), info, okm);
  EXPECT_EQ(okm, hkdf_sha256(salt, ikm, info, 42));
}

TEST(securityHkdfSha256, Rfc5869Case2) {
  Bytes ikm, salt, info;
  for (int i = 0; i < 80; ++i) {
    ikm.push_back(static_cast<std::uint8_t>(i));
    salt.push_back(static_cast<std::uint8_t>(0x60 + i));
    info.push_back(static_cast<std::uint8_t>(0xb0 + i));
  }
  EXPECT_EQ(to_hex(hkdf_sha256_extract(salt, ikm)), "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244");
  EXPECT_EQ(to_hex(hkdf_sha256(salt, ikm, info, 82)),
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f"
            "09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
}

TEST(securityHkdfSha256, Rfc5869Case3EmptySaltAndInfo) {
  const Bytes ikm(22, 0x0b);
  EXPECT_EQ(to_hex(hkdf_sha256_extract({}, ikm)), "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
  EXPECT_EQ(to_hex(hkdf_sha256({}, ikm, {}, 42)),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

// McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 3 and 4 (AES-128).
const char* kGcmKey = "feffe9928665731c6d6a8f9467308308";
const char* kGcmIv = "cafebabefacedbaddecaf888";
const char* kGcmPlain =
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657"
    "ba637b391aafd255";
const char* kGcmCipher =
    "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac97"
    "3d58e091473f5985";

TEST(securityAes128Gcm, McGrewViegaCase3) {
  const Bytes sealed = aes128_gcm_seal(hx(kGcmKey), hx(kGcmIv), {}, hx(kGcmPlain));
  EXPECT_EQ(to_hex(sealed), std::string(kGcmCipher) + "4d5c2af327cd64a62cf35abd2ba6fab4");
  const auto opened = aes128_gcm_open(hx(kGcmKey), hx(kGcmIv), {}, sealed);
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ(*opened, hx(kGcmPlain));
}

TEST(securityAes128Gcm, McGrewViegaCase4WithAad) {
  const Bytes aad = hx("feedfacedeadbeeffeedfacedeadbeefabaddad2");
  const Bytes full = hx(kGcmPlain);
  const Bytes plain(full.begin(), full.begin() + 60);
  const Bytes sealed = aes128_gcm_seal(hx(kGcmKey), hx(kGcmIv), aad, plain);
  EXPECT_EQ(to_hex(sealed), std::string(kGcmCipher).substr(0, 120) + "5bc94fbc3221a5db94fae95ae7121a47");
  EXPECT_EQ(aes128_gcm_open(hx(kGcmKey), hx(kGcmIv), aad, sealed).value_or(Bytes{}), plain);
  // Any change to the tag, the ciphertext or the AAD is refused; so is an input shorter than a tag.
  Bytes bad = sealed;
  bad.back() ^= 0x01;
  EXPECT_FALSE(aes128_gcm_open(hx(kGcmKey), hx(kGcmIv), aad, bad).has_value());
  bad = sealed;
  bad[0] ^= 0x80;
  EXPECT_FALSE(aes128_gcm_open(hx(kGcmKey), hx(kGcmIv), aad, bad).has_value());
  Bytes bad_aad = aad;
  bad_aad[3] ^= 0x02;
  EXPECT_FALSE(aes128_gcm_open(hx(kGcmKey), hx(kGcmIv), bad_aad, sealed).has_value());
  EXPECT_FALSE(aes128_gcm_open(hx(kGcmKey), hx(kGcmIv), aad, Bytes(15, 0)).has_value());
  EXPECT_THROW(aes128_gcm_seal(Bytes(15, 0), hx(kGcmIv), {}, plain), std::invalid_argument);
}

TEST(securityX25519, Rfc7748Section5_2ScalarMult) {
  const auto out = ecdh(EcdhCurve::X25519, hx("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                        hx("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(to_hex(*out), "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
}

TEST(securityX25519, Rfc7748Section6_1AliceBob) {
  const Bytes alice = hx("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  const Bytes bob = hx("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
  const Bytes alice_pub = ecdh_public_key(EcdhCurve::X25519, alice);
  const Bytes bob_pub = ecdh_public_key(EcdhCurve::X25519, bob);
  EXPECT_EQ(to_hex(alice_pub), "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  EXPECT_EQ(to_hex(bob_pub), "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  const char* shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
  EXPECT_EQ(to_hex(ecdh(EcdhCurve::X25519, alice, bob_pub).value()), shared);
  EXPECT_EQ(to_hex(ecdh(EcdhCurve::X25519, bob, alice_pub).value()), shared);
}

TEST(securityX25519, RefusesAllZeroResultAndBadSizes) {
  const Bytes alice = hx("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  EXPECT_FALSE(ecdh(EcdhCurve::X25519, alice, Bytes(32, 0)).has_value());  // small-order point: zero output
  Bytes one(32, 0);
  one[0] = 1;
  EXPECT_FALSE(ecdh(EcdhCurve::X25519, alice, one).has_value());
  EXPECT_FALSE(ecdh(EcdhCurve::X25519, alice, Bytes(31, 9)).has_value());
}

struct Ed25519Vector {
  const char* secret;
  const char* pub;
  const char* msg;
  const char* sig;
};

// RFC 8032 section 7.1, TEST 1, 2 and 3.
const Ed25519Vector kEd25519[] = {
    {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24"
     "655141438e7a100b"},
    {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aee"
     "b00d291612bb0c00"},
    {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28d"
     "c027beceea1ec40a"},
};

TEST(securityEd25519, Rfc8032Section7_1) {
  for (const auto& v : kEd25519) {
    SCOPED_TRACE(v.pub);
    const Bytes secret = hx(v.secret);
    const Bytes msg = hx(v.msg);
    EXPECT_EQ(to_hex(signing_public_key(SignatureAlgorithm::Ed25519, secret)), v.pub);
    EXPECT_EQ(to_hex(sign(SignatureAlgorithm::Ed25519, secret, msg)), v.sig);
    EXPECT_TRUE(verify(SignatureAlgorithm::Ed25519, hx(v.pub), msg, hx(v.sig)));
    Bytes bad_sig = hx(v.sig);
    bad_sig[10] ^= 0x04;
    EXPECT_FALSE(verify(SignatureAlgorithm::Ed25519, hx(v.pub), msg, bad_sig));
    Bytes bad_msg = msg;
    bad_msg.push_back(0);
    EXPECT_FALSE(verify(SignatureAlgorithm::Ed25519, hx(v.pub), bad_msg, hx(v.sig)));
    EXPECT_FALSE(verify(SignatureAlgorithm::Ed25519, Bytes(31, 1), msg, hx(v.sig)));
    EXPECT_FALSE(verify(SignatureAlgorithm::Ed25519, hx(v.pub), msg, Bytes(63, 0)));
  }
}

// The P-256 key of RFC 6979 appendix A.2.5 and its deterministic SHA-256 signature of "sample".
const char* kP256Priv = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
const char* kP256Pub =
    "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f"
    "5177a3c294d4462299";
const char* kP256SampleSig =
    "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff406"
    "4dc4ab2f843acda8";

TEST(securityEcdsaP256, Rfc6979KeyAndKnownSignature) {
  EXPECT_EQ(to_hex(signing_public_key(SignatureAlgorithm::EcdsaP256, hx(kP256Priv))), kP256Pub);
  const Bytes pub = hx(kP256Pub);
  EXPECT_TRUE(verify(SignatureAlgorithm::EcdsaP256, pub, as_bytes("sample"), hx(kP256SampleSig)));
  const Bytes xy(pub.begin() + 1, pub.end());  // 64-byte X || Y form
  EXPECT_TRUE(verify(SignatureAlgorithm::EcdsaP256, xy, as_bytes("sample"), hx(kP256SampleSig)));
  EXPECT_FALSE(verify(SignatureAlgorithm::EcdsaP256, pub, as_bytes("samplf"), hx(kP256SampleSig)));
}

TEST(securityEcdsaP256, SignThenVerifyAndRefusals) {
  const Bytes priv = hx(kP256Priv);
  const Bytes pub = hx(kP256Pub);
  const Bytes msg = test::bytes_of("sidewalk");
  const auto sig = sign(SignatureAlgorithm::EcdsaP256, priv, msg);
  EXPECT_TRUE(verify(SignatureAlgorithm::EcdsaP256, pub, msg, sig));
  auto bad = sig;
  bad[40] ^= 0x01;
  EXPECT_FALSE(verify(SignatureAlgorithm::EcdsaP256, pub, msg, bad));
  EXPECT_FALSE(verify(SignatureAlgorithm::EcdsaP256, pub, msg, std::array<std::uint8_t, 64>{}));  // r = s = 0
  Bytes off_curve = pub;
  off_curve[64] ^= 0x01;
  EXPECT_FALSE(verify(SignatureAlgorithm::EcdsaP256, off_curve, msg, sig));
  Bytes compressed_prefix = pub;
  compressed_prefix[0] = 0x02;
  EXPECT_FALSE(verify(SignatureAlgorithm::EcdsaP256, compressed_prefix, msg, sig));
  EXPECT_FALSE(verify(SignatureAlgorithm::EcdsaP256, Bytes(10, 4), msg, sig));
  // Out-of-range private scalars are programming errors.
  EXPECT_THROW(sign(SignatureAlgorithm::EcdsaP256, Bytes(32, 0), msg), std::invalid_argument);
  EXPECT_THROW(sign(SignatureAlgorithm::EcdsaP256, Bytes(32, 0xff), msg), std::invalid_argument);
}

TEST(securityEcdhP256, BothSidesAgreeAndBadPointsRefused) {
  const KeySource ks = KeySource::deterministic(7);
  const KeyPair a = generate_ecdh_key(EcdhCurve::P256, ks, "a", 1);
  const KeyPair b = generate_ecdh_key(EcdhCurve::P256, ks, "b", 1);
  ASSERT_EQ(a.private_key.size(), 32u);
  ASSERT_EQ(a.public_key.size(), 65u);
  EXPECT_EQ(a.public_key[0], 0x04);
  const auto ab = ecdh(EcdhCurve::P256, a.private_key, b.public_key);
  const auto ba = ecdh(EcdhCurve::P256, b.private_key, a.public_key);
  ASSERT_TRUE(ab && ba);
  EXPECT_EQ(*ab, *ba);
  Bytes off_curve = b.public_key;
  off_curve[64] ^= 0x01;
  EXPECT_FALSE(ecdh(EcdhCurve::P256, a.private_key, off_curve).has_value());
  EXPECT_FALSE(ecdh(EcdhCurve::P256, a.private_key, Bytes(65, 0)).has_value());
  const Bytes xy(b.public_key.begin() + 1, b.public_key.end());
  EXPECT_FALSE(ecdh(EcdhCurve::P256, a.private_key, xy).has_value());  // ECDH peers send the 65-byte point
}

TEST(securityKeyGeneration, SizesAndConsistency) {
  const KeySource ks = KeySource::deterministic(1);
  const KeyPair ed = generate_signing_key(SignatureAlgorithm::Ed25519, ks, "ed", 0);
  EXPECT_EQ(ed.private_key.size(), 32u);
  EXPECT_EQ(ed.public_key, signing_public_key(SignatureAlgorithm::Ed25519, ed.private_key));
  const KeyPair p = generate_signing_key(SignatureAlgorithm::EcdsaP256, ks, "p", 0);
  EXPECT_EQ(p.public_key.size(), 65u);
  const auto sig = sign(SignatureAlgorithm::EcdsaP256, p.private_key, as_bytes("m"));
  EXPECT_TRUE(verify(SignatureAlgorithm::EcdsaP256, p.public_key, as_bytes("m"), sig));
  // Private bytes are exactly the KeySource output for that label and id (the scalar is almost surely < n).
  Bytes expected(32);
  ks.fill("ed", 0, expected);
  EXPECT_EQ(ed.private_key, expected);
  const KeyPair x = generate_ecdh_key(EcdhCurve::X25519, ks, "x", 3);
  EXPECT_EQ(x.public_key.size(), 32u);
  EXPECT_EQ(x.public_key, ecdh_public_key(EcdhCurve::X25519, x.private_key));
}

// ecdh_public_key computes X25519(k, 9) through the key exchange; it must give the point OpenSSL derives itself when
// it imports the private key alone (EVP_PKEY_new_raw_private_key), for any key, clamping bits included.
TEST(securityKeyGeneration, X25519PublicKeyIsOpenSslsOwnDerivation) {
  const KeySource ks = KeySource::deterministic(11);
  for (std::uint64_t id = 0; id < 64; ++id) {
    const KeyPair kp = generate_ecdh_key(EcdhCurve::X25519, ks, "x25519", id);
    Bytes priv = kp.private_key;
    if (id % 4 == 1) priv[0] |= 7;       // bits the clamping clears
    if (id % 4 == 2) priv[31] ^= 0xc0;  // and the ones it sets and clears at the top
    const ossl::PkeyPtr raw{EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, priv.data(), priv.size())};
    ASSERT_NE(raw, nullptr);
    Bytes expected(32);
    std::size_t len = expected.size();
    ASSERT_EQ(EVP_PKEY_get_raw_public_key(raw.get(), expected.data(), &len), 1);
    EXPECT_EQ(to_hex(ecdh_public_key(EcdhCurve::X25519, priv)), to_hex(expected)) << "key " << id;
    if (priv == kp.private_key) {
      EXPECT_EQ(kp.public_key, expected) << "key " << id;
    }
  }
}

// One party's key in several exchanges (EcdhExchange): the same key pair as generate_ecdh_key and, peer after peer
// on one context, the same secrets as separate ecdh() calls, also after a peer the exchange refused.
TEST(securityEcdhExchange, SameKeysAndSecretsAsSeparateExchanges) {
  const KeySource ks = KeySource::deterministic(12);
  for (const EcdhCurve curve : {EcdhCurve::X25519, EcdhCurve::P256}) {
    for (std::uint64_t id = 0; id < 8; ++id) {
      const KeyPair expected = generate_ecdh_key(curve, ks, "party", id);
      EcdhExchange generated = EcdhExchange::generate(curve, ks, "party", id);
      EXPECT_EQ(generated.key().private_key, expected.private_key) << "key " << id;
      EXPECT_EQ(to_hex(generated.key().public_key), to_hex(expected.public_key)) << "key " << id;
      EcdhExchange given(curve, expected);
      const Bytes refused = curve == EcdhCurve::X25519 ? Bytes(32, 0) : Bytes(kP256PointSize, 0);
      for (std::uint64_t peer_id = 0; peer_id < 3; ++peer_id) {
        const KeyPair peer = generate_ecdh_key(curve, ks, "peer", id * 8 + peer_id);
        const auto secret = ecdh(curve, expected, peer.public_key);
        ASSERT_TRUE(secret.has_value());
        EXPECT_EQ(generated.with(peer.public_key), secret) << "key " << id << " peer " << peer_id;
        EXPECT_EQ(given.with(peer.public_key), secret) << "key " << id << " peer " << peer_id;
        EXPECT_FALSE(generated.with(refused).has_value());
        EXPECT_EQ(ecdh(curve, peer, generated.key().public_key), secret);
      }
    }
  }
}

TEST(securityKeySource, DeterministicIsHkdfOfTheSeed) {
  const KeySource ks = KeySource::deterministic(0x0102030405060708ULL);
  EXPECT_TRUE(ks.is_deterministic());
  Bytes out(40);
  ks.fill("label", 0x1122334455667788ULL, out);
  Bytes info = test::bytes_of("label");
  info.push_back(0);
  append(info, hx("1122334455667788"));
  EXPECT_EQ(out, hkdf_sha256(as_bytes("sidewalk-twin key source v1"), hx("0102030405060708"), info, 40));
  Bytes with_counter(16);
  ks.fill("label", 0x1122334455667788ULL, 5, with_counter);
  append(info, hx("00000005"));
  EXPECT_EQ(with_counter, hkdf_sha256(as_bytes("sidewalk-twin key source v1"), hx("0102030405060708"), info, 16));
}

TEST(securityKeySource, SameSeedSameBytesOtherSeedOtherBytesOrderIndependent) {
  const KeySource a = KeySource::deterministic(42);
  const KeySource b = KeySource::deterministic(42);
  const KeySource c = KeySource::deterministic(43);
  std::array<std::uint8_t, 32> a1{}, a2{}, b2{}, b1{}, c1{};
  a.fill("k", 1, a1);
  a.fill("k", 2, a2);
  b.fill("k", 2, b2);  // other order
  b.fill("k", 1, b1);
  c.fill("k", 1, c1);
  EXPECT_EQ(a1, b1);
  EXPECT_EQ(a2, b2);
  EXPECT_NE(a1, a2);
  EXPECT_NE(a1, c1);
  std::array<std::uint8_t, 32> other_label{};
  a.fill("K", 1, other_label);
  EXPECT_NE(a1, other_label);
}

TEST(securityKeySource, OsEntropyDiffers) {
  const KeySource os = KeySource::os_entropy();
  EXPECT_FALSE(os.is_deterministic());
  std::array<std::uint8_t, 32> x{}, y{};
  os.fill("k", 1, x);
  os.fill("k", 1, y);
  EXPECT_NE(x, y);
}

TEST(securityConstantTimeEqual, Basics) {
  EXPECT_TRUE(constant_time_equal(hx("0102"), hx("0102")));
  EXPECT_FALSE(constant_time_equal(hx("0102"), hx("0103")));
  EXPECT_FALSE(constant_time_equal(hx("0102"), hx("010203")));
  EXPECT_TRUE(constant_time_equal({}, {}));
}

}  // namespace
}  // namespace st::security
