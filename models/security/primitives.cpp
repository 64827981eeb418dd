// The EVP implementations of primitives.hpp's keys, signatures and ECDH. They share the key-construction helpers at
// the top of this file; the key objects of long-lived keys (sign_long_lived, verify_long_lived) are made once and
// shared read-only, and key import and the signature contexts of long-lived keys reuse per-thread contexts
// (thread_contexts.hpp). Digests, HMAC and HKDF: digests.cpp; AES-128-GCM: aead.cpp; the fetched algorithm objects
// they share: evp_algorithms.hpp.
#include "models/security/primitives.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>

#include "models/security/crypto_error.hpp"
#include "models/security/evp_algorithms.hpp"
#include "models/security/openssl_handles.hpp"
#include "models/security/thread_contexts.hpp"

namespace st::security {

namespace {

using evp::kP256GroupName;
using evp::kSha256Name;
using evp::md_sha256;
using evp::octets;
using evp::p256_group;

// ---- key construction --------------------------------------------------------------------------------------------

bool p256_scalar_valid(std::span<const std::uint8_t> priv) {
  if (priv.size() != 32) return false;
  ossl::BnPtr d{BN_bin2bn(priv.data(), 32, nullptr)};
  if (!d) throw_crypto_error("BN_bin2bn");
  return !BN_is_zero(d.get()) && BN_cmp(d.get(), EC_GROUP_get0_order(p256_group())) < 0;
}

// The 65-byte uncompressed public point of a valid P-256 scalar.
std::array<std::uint8_t, kP256PointSize> p256_public_point(const BIGNUM* d) {
  const EC_GROUP* group = p256_group();
  ossl::BnCtxPtr bnctx{BN_CTX_new()};
  ossl::EcPointPtr pt{EC_POINT_new(group)};
  if (!bnctx || !pt) throw_crypto_error("EC_POINT_new");
  if (EC_POINT_mul(group, pt.get(), d, nullptr, nullptr, bnctx.get()) != 1) throw_crypto_error("EC_POINT_mul");
  std::array<std::uint8_t, kP256PointSize> out{};
  if (EC_POINT_point2oct(group, pt.get(), POINT_CONVERSION_UNCOMPRESSED, out.data(), out.size(), bnctx.get()) !=
      out.size())
    throw_crypto_error("EC_POINT_point2oct");
  return out;
}

// The private scalar alone: signing and ECDH need no public point (computing it would cost a scalar mult).
ossl::PkeyPtr p256_private_pkey(std::span<const std::uint8_t> priv) {
  if (!p256_scalar_valid(priv)) throw std::invalid_argument("P-256 private key must be a 32-byte scalar in [1, n)");
  ossl::BnPtr d{BN_bin2bn(priv.data(), 32, nullptr)};
  if (!d) throw_crypto_error("BN_bin2bn");
  ossl::ParamBldPtr bld{OSSL_PARAM_BLD_new()};
  if (!bld) throw_crypto_error("OSSL_PARAM_BLD_new");
  if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, kP256GroupName, 0) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) != 1)
    throw_crypto_error("OSSL_PARAM_BLD_push");
  ossl::ParamPtr params{OSSL_PARAM_BLD_to_param(bld.get())};
  if (!params) throw_crypto_error("OSSL_PARAM_BLD_to_param");
  ossl::PkeyPtr k = thread_contexts::import_key(thread_contexts::KeyType::P256, EVP_PKEY_KEYPAIR, params.get());
  if (!k) throw_crypto_error("EVP_PKEY_fromdata P-256 private key");
  return k;
}

// A P-256 public key from 65-byte uncompressed or 64-byte X||Y; null if malformed or not on the curve.
ossl::PkeyPtr p256_public_pkey(std::span<const std::uint8_t> pub) {
  std::array<std::uint8_t, kP256PointSize> point{};
  if (pub.size() == kP256PointSize && pub[0] == 0x04) {
    std::copy(pub.begin(), pub.end(), point.begin());
  } else if (pub.size() == kP256RawPublicSize) {
    point[0] = 0x04;
    std::copy(pub.begin(), pub.end(), point.begin() + 1);
  } else {
    return nullptr;
  }
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, kP256GroupName, 0),
      octets(OSSL_PKEY_PARAM_PUB_KEY, point),
      OSSL_PARAM_construct_end()};
  // Null when not on the curve: bad input, not an internal failure.
  return thread_contexts::import_key(thread_contexts::KeyType::P256, EVP_PKEY_PUBLIC_KEY, params);
}

using thread_contexts::KeyType;
const char* name_of(KeyType t) { return t == KeyType::X25519 ? "X25519" : "ED25519"; }

// An Ed25519/X25519 key from its private half (OpenSSL derives the public key: a scalar mult).
ossl::PkeyPtr raw_private_pkey(KeyType type, std::span<const std::uint8_t> priv) {
  if (priv.size() != 32) throw std::invalid_argument(std::string(name_of(type)) + " private key must be 32 bytes");
  OSSL_PARAM params[] = {octets(OSSL_PKEY_PARAM_PRIV_KEY, priv), OSSL_PARAM_construct_end()};
  ossl::PkeyPtr k = thread_contexts::import_key(type, EVP_PKEY_KEYPAIR, params);
  if (!k) throw_crypto_error("EVP_PKEY_fromdata private key");
  return k;
}

// An Ed25519/X25519 key from both halves: OpenSSL then skips re-deriving the public key (a scalar mult).
ossl::PkeyPtr raw_keypair_pkey(KeyType type, std::span<const std::uint8_t> priv, std::span<const std::uint8_t> pub) {
  if (priv.size() != 32 || pub.size() != 32)
    throw std::invalid_argument(std::string(name_of(type)) + " keys must be 32 bytes");
  OSSL_PARAM params[] = {octets(OSSL_PKEY_PARAM_PRIV_KEY, priv), octets(OSSL_PKEY_PARAM_PUB_KEY, pub),
                         OSSL_PARAM_construct_end()};
  ossl::PkeyPtr k = thread_contexts::import_key(type, EVP_PKEY_KEYPAIR, params);
  if (!k) throw_crypto_error("EVP_PKEY_fromdata key pair");
  return k;
}

ossl::PkeyPtr raw_public_pkey(KeyType type, std::span<const std::uint8_t> pub) {
  if (pub.size() != 32) return nullptr;
  OSSL_PARAM params[] = {octets(OSSL_PKEY_PARAM_PUB_KEY, pub), OSSL_PARAM_construct_end()};
  return thread_contexts::import_key(type, EVP_PKEY_PUBLIC_KEY, params);
}

Bytes raw_public_of(const EVP_PKEY* k) {
  Bytes out(32);
  std::size_t len = out.size();
  if (EVP_PKEY_get_raw_public_key(k, out.data(), &len) != 1 || len != 32)
    throw_crypto_error("EVP_PKEY_get_raw_public_key");
  return out;
}

ossl::PkeyPtr private_pkey(SignatureAlgorithm alg, std::span<const std::uint8_t> priv) {
  return alg == SignatureAlgorithm::Ed25519 ? raw_private_pkey(KeyType::Ed25519, priv) : p256_private_pkey(priv);
}

// 32 private bytes from the source; for P-256 re-derived with a counter until the scalar is in [1, n).
Bytes private_from_source(bool p256, const KeySource& source, std::string_view label, std::uint64_t id) {
  Bytes priv(32);
  source.fill(label, id, priv);
  for (std::uint32_t counter = 1; p256 && !p256_scalar_valid(priv); ++counter) source.fill(label, id, counter, priv);
  return priv;
}

// A key exchange context for `own`, and the shared secret it gives with a peer (ECDH section below).
ossl::PkeyCtxPtr exchange_context(EVP_PKEY* own);
std::optional<std::array<std::uint8_t, 32>> derive_in(EVP_PKEY_CTX* ctx, EVP_PKEY* peer);

// X25519 public keys are X25519(k, 9), RFC 7748 section 6.1, computed through OpenSSL's key exchange (its x86-64
// Montgomery ladder). Importing the private key alone has OpenSSL 3.0 compute the same point with its generic
// fixed-base code instead: 72.5 us against 59-63 us in BM_X25519Keygen on the AMD EPYC machines (three ephemeral
// keys per registration). The key object gets the base point as a stand-in public half, which an exchange never
// reads (it takes the private scalar and the peer's point).
constexpr std::array<std::uint8_t, 32> kX25519BasePoint{9};

ossl::PkeyPtr x25519_key_for_exchange(std::span<const std::uint8_t> priv) {
  return raw_keypair_pkey(KeyType::X25519, priv, kX25519BasePoint);
}

// The public key of the X25519 key that `ctx` was set up for. The base point is a peer key kept per thread.
Bytes x25519_public_in(EVP_PKEY_CTX* ctx) {
  thread_local const ossl::PkeyPtr base = raw_public_pkey(KeyType::X25519, kX25519BasePoint);
  if (!base) throw_crypto_error("EVP_PKEY_fromdata X25519 base point");
  const auto pub = derive_in(ctx, base.get());
  if (!pub) throw_crypto_error("EVP_PKEY_derive X25519 public key");  // never: a clamped scalar times 9 is not 0
  return Bytes(pub->begin(), pub->end());
}

Bytes x25519_public_of(std::span<const std::uint8_t> priv) {
  const ossl::PkeyPtr own = x25519_key_for_exchange(priv);
  return x25519_public_in(exchange_context(own.get()).get());
}

}  // namespace

// ---- keys --------------------------------------------------------------------------------------------------------
Bytes signing_public_key(SignatureAlgorithm alg, std::span<const std::uint8_t> private_key) {
  if (alg == SignatureAlgorithm::Ed25519) return raw_public_of(raw_private_pkey(KeyType::Ed25519, private_key).get());
  if (!p256_scalar_valid(private_key)) throw std::invalid_argument("P-256 private key must be a scalar in [1, n)");
  ossl::BnPtr d{BN_bin2bn(private_key.data(), 32, nullptr)};
  if (!d) throw_crypto_error("BN_bin2bn");
  const auto pt = p256_public_point(d.get());
  return Bytes(pt.begin(), pt.end());
}

Bytes ecdh_public_key(EcdhCurve curve, std::span<const std::uint8_t> private_key) {
  if (curve == EcdhCurve::X25519) return x25519_public_of(private_key);
  return signing_public_key(SignatureAlgorithm::EcdsaP256, private_key);
}

KeyPair generate_signing_key(SignatureAlgorithm alg, const KeySource& source, std::string_view label,
                             std::uint64_t id) {
  KeyPair kp;
  kp.private_key = private_from_source(alg == SignatureAlgorithm::EcdsaP256, source, label, id);
  kp.public_key = signing_public_key(alg, kp.private_key);
  return kp;
}

KeyPair generate_ecdh_key(EcdhCurve curve, const KeySource& source, std::string_view label, std::uint64_t id) {
  KeyPair kp;
  kp.private_key = private_from_source(curve == EcdhCurve::P256, source, label, id);
  kp.public_key = ecdh_public_key(curve, kp.private_key);
  return kp;
}

// ---- signatures --------------------------------------------------------------------------------------------------
namespace {
const char* digest_of(SignatureAlgorithm alg) { return alg == SignatureAlgorithm::Ed25519 ? nullptr : kSha256Name; }

// Signs with a context set up by EVP_DigestSignInit_ex for `alg`.
std::array<std::uint8_t, 64> sign_in(const ossl::MdCtxPtr& ctx, SignatureAlgorithm alg,
                                     std::span<const std::uint8_t> msg) {
  const bool ed = alg == SignatureAlgorithm::Ed25519;
  std::array<std::uint8_t, 64> out{};
  if (ed) {
    std::size_t len = out.size();
    if (EVP_DigestSign(ctx.get(), out.data(), &len, msg.data(), msg.size()) != 1 || len != 64)
      throw_crypto_error("EVP_DigestSign Ed25519");
    return out;
  }
  std::array<std::uint8_t, 80> der{};  // a P-256 DER signature is at most 72 bytes
  std::size_t len = der.size();
  if (EVP_DigestSign(ctx.get(), der.data(), &len, msg.data(), msg.size()) != 1) throw_crypto_error("EVP_DigestSign P-256");
  const unsigned char* p = der.data();
  ossl::EcdsaSigPtr sig{d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(len))};
  if (!sig) throw_crypto_error("d2i_ECDSA_SIG");
  const BIGNUM* r = nullptr;
  const BIGNUM* s = nullptr;
  ECDSA_SIG_get0(sig.get(), &r, &s);
  if (BN_bn2binpad(r, out.data(), 32) != 32 || BN_bn2binpad(s, out.data() + 32, 32) != 32)
    throw_crypto_error("BN_bn2binpad");
  return out;
}

std::array<std::uint8_t, 64> sign_with(SignatureAlgorithm alg, EVP_PKEY* key, std::span<const std::uint8_t> msg) {
  ossl::MdCtxPtr ctx{EVP_MD_CTX_new()};
  if (!ctx) throw_crypto_error("EVP_MD_CTX_new");
  if (EVP_DigestSignInit_ex(ctx.get(), nullptr, digest_of(alg), nullptr, nullptr, key, nullptr) != 1)
    throw_crypto_error("EVP_DigestSignInit_ex");
  return sign_in(ctx, alg, msg);
}
}  // namespace

std::array<std::uint8_t, 64> sign(SignatureAlgorithm alg, std::span<const std::uint8_t> private_key,
                                  std::span<const std::uint8_t> msg) {
  return sign_with(alg, private_pkey(alg, private_key).get(), msg);
}

std::array<std::uint8_t, 64> sign(SignatureAlgorithm alg, const KeyPair& key, std::span<const std::uint8_t> msg) {
  if (alg == SignatureAlgorithm::EcdsaP256) return sign_with(alg, p256_private_pkey(key.private_key).get(), msg);
  return sign_with(alg, raw_keypair_pkey(KeyType::Ed25519, key.private_key, key.public_key).get(), msg);
}

namespace {
// A public key object for verify(): null when the bytes are not a key of the algorithm.
ossl::PkeyPtr verify_key(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key) {
  return alg == SignatureAlgorithm::Ed25519 ? raw_public_pkey(KeyType::Ed25519, public_key) : p256_public_pkey(public_key);
}

// Verifies with a context set up by EVP_DigestVerifyInit_ex for `alg`.
bool verify_in(const ossl::MdCtxPtr& ctx, SignatureAlgorithm alg, std::span<const std::uint8_t> msg,
               std::span<const std::uint8_t> sig64) {
  if (sig64.size() != 64) return false;
  const bool ed = alg == SignatureAlgorithm::Ed25519;
  int rc = 0;
  if (ed) {
    rc = EVP_DigestVerify(ctx.get(), sig64.data(), 64, msg.data(), msg.size());
  } else {
    ossl::EcdsaSigPtr sig{ECDSA_SIG_new()};
    BIGNUM* r = BN_bin2bn(sig64.data(), 32, nullptr);
    BIGNUM* s = BN_bin2bn(sig64.data() + 32, 32, nullptr);
    if (!sig || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
      BN_free(r);
      BN_free(s);
      throw_crypto_error("ECDSA_SIG_set0");
    }
    std::array<std::uint8_t, 80> der{};
    unsigned char* p = der.data();
    const int len = i2d_ECDSA_SIG(sig.get(), &p);
    if (len <= 0) throw_crypto_error("i2d_ECDSA_SIG");
    rc = EVP_DigestVerify(ctx.get(), der.data(), static_cast<std::size_t>(len), msg.data(), msg.size());
  }
  if (rc != 1) ERR_clear_error();
  return rc == 1;
}

bool verify_with(SignatureAlgorithm alg, EVP_PKEY* key, std::span<const std::uint8_t> msg,
                 std::span<const std::uint8_t> sig64) {
  if (sig64.size() != 64 || key == nullptr) return false;
  ossl::MdCtxPtr ctx{EVP_MD_CTX_new()};
  if (!ctx) throw_crypto_error("EVP_MD_CTX_new");
  if (EVP_DigestVerifyInit_ex(ctx.get(), nullptr, digest_of(alg), nullptr, nullptr, key, nullptr) != 1)
    throw_crypto_error("EVP_DigestVerifyInit_ex");
  return verify_in(ctx, alg, msg, sig64);
}

// Key objects of long-lived keys, by algorithm, role and key bytes. Entries are never removed (their objects
// are used outside the lock); past kMaxEntries nothing more is cached.
class LongLivedKeys {
 public:
  // The cached object, or null (the caller then builds its own): make() is called once per new key.
  template <typename Make>
  EVP_PKEY* get(SignatureAlgorithm alg, bool signing, std::span<const std::uint8_t> bytes, Make make) {
    {
      std::shared_lock lock(mutex_);
      if (EVP_PKEY* k = find(alg, signing, bytes)) return k;
      if (entries_.size() >= kMaxEntries) return nullptr;
    }
    ossl::PkeyPtr made = make();
    if (!made) return nullptr;
    std::unique_lock lock(mutex_);
    if (EVP_PKEY* k = find(alg, signing, bytes)) return k;
    if (entries_.size() >= kMaxEntries) return nullptr;
    entries_.push_back(Entry{alg, signing, Bytes(bytes.begin(), bytes.end()), std::move(made)});
    return entries_.back().key.get();
  }
  ~LongLivedKeys() {
    for (Entry& e : entries_) OPENSSL_cleanse(e.bytes.data(), e.bytes.size());
  }

 private:
  struct Entry {
    SignatureAlgorithm alg;
    bool signing;
    Bytes bytes;  // the public key, or the private key of a signing key
    ossl::PkeyPtr key;
  };
  EVP_PKEY* find(SignatureAlgorithm alg, bool signing, std::span<const std::uint8_t> bytes) const {
    for (const Entry& e : entries_)
      if (e.alg == alg && e.signing == signing && e.bytes.size() == bytes.size() &&
          std::equal(e.bytes.begin(), e.bytes.end(), bytes.begin()))
        return e.key.get();
    return nullptr;
  }
  static constexpr std::size_t kMaxEntries = 32;
  mutable std::shared_mutex mutex_;
  std::deque<Entry> entries_;  // stable addresses
};

LongLivedKeys& long_lived_keys() {
  static LongLivedKeys keys;
  return keys;
}
}  // namespace

bool verify(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key, std::span<const std::uint8_t> msg,
            std::span<const std::uint8_t> sig64) {
  if (sig64.size() != 64) return false;
  const ossl::PkeyPtr key = verify_key(alg, public_key);
  return verify_with(alg, key.get(), msg, sig64);
}

bool verify_long_lived(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key,
                       std::span<const std::uint8_t> msg, std::span<const std::uint8_t> sig64) {
  if (sig64.size() != 64) return false;
  EVP_PKEY* key = long_lived_keys().get(alg, false, public_key, [&] { return verify_key(alg, public_key); });
  if (key == nullptr) return verify(alg, public_key, msg, sig64);
  return verify_in(thread_contexts::long_lived_signature(key, false, digest_of(alg)), alg, msg, sig64);
}

std::array<std::uint8_t, 64> sign_long_lived(SignatureAlgorithm alg, const KeyPair& key,
                                             std::span<const std::uint8_t> msg) {
  EVP_PKEY* k = long_lived_keys().get(alg, true, key.private_key, [&] {
    return alg == SignatureAlgorithm::EcdsaP256 ? p256_private_pkey(key.private_key)
                                                : raw_keypair_pkey(KeyType::Ed25519, key.private_key, key.public_key);
  });
  if (k == nullptr) return sign(alg, key, msg);
  return sign_in(thread_contexts::long_lived_signature(k, true, digest_of(alg)), alg, msg);
}

// ---- ECDH --------------------------------------------------------------------------------------------------------
namespace {
// The peer key, or null when it is malformed (ECDH peers send 32-byte X25519 keys or 65-byte P-256 points).
ossl::PkeyPtr ecdh_peer(EcdhCurve curve, std::span<const std::uint8_t> peer_public) {
  if (curve == EcdhCurve::X25519) return raw_public_pkey(KeyType::X25519, peer_public);
  if (peer_public.size() != kP256PointSize) return nullptr;
  return p256_public_pkey(peer_public);
}

ossl::PkeyCtxPtr exchange_context(EVP_PKEY* own) {
  ossl::PkeyCtxPtr ctx{EVP_PKEY_CTX_new_from_pkey(nullptr, own, nullptr)};
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1) throw_crypto_error("EVP_PKEY_derive_init");
  return ctx;
}

// A context takes one peer after another (each set_peer replaces the last): a party's exchanges share it.
std::optional<std::array<std::uint8_t, 32>> derive_in(EVP_PKEY_CTX* ctx, EVP_PKEY* peer) {
  if (EVP_PKEY_derive_set_peer_ex(ctx, peer, 0) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  std::array<std::uint8_t, 32> secret{};
  std::size_t len = secret.size();
  if (EVP_PKEY_derive(ctx, secret.data(), &len) != 1 || len != 32) {
    ERR_clear_error();  // X25519 all-zero output (small-order peer point) fails here
    return std::nullopt;
  }
  static constexpr std::array<std::uint8_t, 32> kZero{};
  if (CRYPTO_memcmp(secret.data(), kZero.data(), 32) == 0) return std::nullopt;
  return secret;
}

// One exchange with a key object of its own.
std::optional<std::array<std::uint8_t, 32>> derive(const ossl::PkeyPtr& own, EVP_PKEY* peer) {
  return derive_in(exchange_context(own.get()).get(), peer);
}

ossl::PkeyPtr ecdh_own_pkey(EcdhCurve curve, const KeyPair& own) {
  return curve == EcdhCurve::X25519 ? raw_keypair_pkey(KeyType::X25519, own.private_key, own.public_key)
                                    : p256_private_pkey(own.private_key);
}
}  // namespace

std::optional<std::array<std::uint8_t, 32>> ecdh(EcdhCurve curve, std::span<const std::uint8_t> private_key,
                                                 std::span<const std::uint8_t> peer_public) {
  const ossl::PkeyPtr peer = ecdh_peer(curve, peer_public);
  if (!peer) return std::nullopt;
  return derive(curve == EcdhCurve::X25519 ? raw_private_pkey(KeyType::X25519, private_key) : p256_private_pkey(private_key),
                peer.get());
}

std::optional<std::array<std::uint8_t, 32>> ecdh(EcdhCurve curve, const KeyPair& own,
                                                 std::span<const std::uint8_t> peer_public) {
  const ossl::PkeyPtr peer = ecdh_peer(curve, peer_public);
  if (!peer) return std::nullopt;
  return derive(ecdh_own_pkey(curve, own), peer.get());
}

// ---- one party's key in several exchanges ------------------------------------------------------------------------
void EcdhExchange::PkeyFree::operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
void EcdhExchange::CtxFree::operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }

EcdhExchange::EcdhExchange(EcdhCurve curve, KeyPair key, OwnKey own)
    : curve_(curve), key_(std::move(key)), own_(std::move(own)), ctx_(exchange_context(own_.get()).release()) {}

EcdhExchange::EcdhExchange(EcdhCurve curve, const KeyPair& own)
    : EcdhExchange(curve, own, OwnKey{ecdh_own_pkey(curve, own).release()}) {}

EcdhExchange::~EcdhExchange() { OPENSSL_cleanse(key_.private_key.data(), key_.private_key.size()); }

EcdhExchange EcdhExchange::generate(EcdhCurve curve, const KeySource& source, std::string_view label,
                                    std::uint64_t id) {
  if (curve == EcdhCurve::P256) return EcdhExchange(curve, generate_ecdh_key(curve, source, label, id));
  KeyPair kp;
  kp.private_key = private_from_source(false, source, label, id);
  OwnKey own{x25519_key_for_exchange(kp.private_key).release()};
  EcdhExchange x(curve, std::move(kp), std::move(own));
  x.key_.public_key = x25519_public_in(x.ctx_.get());
  return x;
}

std::optional<std::array<std::uint8_t, 32>> EcdhExchange::with(std::span<const std::uint8_t> peer_public) {
  const ossl::PkeyPtr peer = ecdh_peer(curve_, peer_public);
  if (!peer) return std::nullopt;
  return derive_in(ctx_.get(), peer.get());
}

}  // namespace st::security
