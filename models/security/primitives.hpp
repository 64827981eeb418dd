// Cryptographic primitives over OpenSSL 3 EVP: key generation from a KeySource, Ed25519/ECDSA-P256 signatures,
// X25519/P-256 ECDH, SHA-256, HMAC-SHA256, HKDF-SHA256, AES-128-GCM and a constant-time compare.
#pragma once
#include <openssl/types.h>

#include <array>
#include <initializer_list>
#include <memory>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "models/base/crypto_algorithms.hpp"
#include "models/security/bytes.hpp"
#include "models/security/key_source.hpp"

namespace st::security {

// Raw key encodings: Ed25519/X25519 32-byte private and public; P-256 32-byte big-endian scalar private and a
// 65-byte uncompressed public point (0x04 || X || Y).
struct KeyPair {
  Bytes private_key;
  Bytes public_key;
};

inline constexpr std::size_t kP256PointSize = 65;  // 0x04 || X || Y
inline constexpr std::size_t kP256RawPublicSize = 64;  // X || Y (certificate records)

KeyPair generate_signing_key(SignatureAlgorithm alg, const KeySource& source, std::string_view label, std::uint64_t id);
KeyPair generate_ecdh_key(EcdhCurve curve, const KeySource& source, std::string_view label, std::uint64_t id);

// Public key size in bytes of an ECDH curve (X25519 32, P-256 65).
constexpr std::size_t ecdh_public_size(EcdhCurve c) { return c == EcdhCurve::X25519 ? 32 : kP256PointSize; }
// Public key size in certificate records (Ed25519 32, P-256 64 = X || Y).
constexpr std::size_t record_public_size(SignatureAlgorithm a) { return a == SignatureAlgorithm::Ed25519 ? 32 : 64; }

// Derives the public key of a raw private key (same encodings as KeyPair). Throws std::invalid_argument on a
// private key of the wrong size or, for P-256, a scalar that is 0 or >= n.
Bytes signing_public_key(SignatureAlgorithm alg, std::span<const std::uint8_t> private_key);
Bytes ecdh_public_key(EcdhCurve curve, std::span<const std::uint8_t> private_key);

// Ed25519: the 64 raw signature bytes. ECDSA-P256 over SHA-256: r || s, each left-padded to 32 bytes
// (OpenSSL 3.0 ECDSA is randomised, so P-256 signature bytes differ between calls).
std::array<std::uint8_t, 64> sign(SignatureAlgorithm alg, std::span<const std::uint8_t> private_key,
                                  std::span<const std::uint8_t> msg);

// The same from a whole KeyPair (faster: the public half is not re-derived). The pair must match.
std::array<std::uint8_t, 64> sign(SignatureAlgorithm alg, const KeyPair& key, std::span<const std::uint8_t> msg);

// False on any malformed input (wrong sizes, point not on the curve, r/s out of range); never throws for bad
// input. P-256 public keys are accepted as 65-byte uncompressed points or 64-byte X || Y.
bool verify(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key, std::span<const std::uint8_t> msg,
            std::span<const std::uint8_t> sig64);

// SHA-256 of one prefix followed by different suffixes: the prefix is absorbed once and only the hash state is
// kept (a few hundred bytes, whatever the prefix's length). with(s) == sha256(prefix || s).
class Sha256Prefix {
 public:
  Sha256Prefix() = default;  // empty: with() throws
  explicit Sha256Prefix(std::initializer_list<std::span<const std::uint8_t>> parts);
  std::array<std::uint8_t, 32> with(std::span<const std::uint8_t> suffix) const;

 private:
  struct Free {
    void operator()(EVP_MD_CTX* ctx) const;
  };
  std::unique_ptr<EVP_MD_CTX, Free> ctx_;
};

// The same two for long-lived keys (the network server's and application server's, used for every device):
// OpenSSL key objects built once per process and shared read-only between threads (a bounded cache of a few
// dozen keys; past that, these behave like sign() and verify() above). Same results, less per-call work.
std::array<std::uint8_t, 64> sign_long_lived(SignatureAlgorithm alg, const KeyPair& key,
                                             std::span<const std::uint8_t> msg);
bool verify_long_lived(SignatureAlgorithm alg, std::span<const std::uint8_t> public_key,
                       std::span<const std::uint8_t> msg, std::span<const std::uint8_t> sig64);

// The 32-byte shared secret (X25519 output, or the P-256 X coordinate); nullopt on an invalid peer public key
// (wrong size, not on the curve, or an all-zero X25519 result).
std::optional<std::array<std::uint8_t, 32>> ecdh(EcdhCurve curve, std::span<const std::uint8_t> private_key,
                                                 std::span<const std::uint8_t> peer_public);

// The same from a whole KeyPair (faster: the public half is not re-derived). The pair must match.
std::optional<std::array<std::uint8_t, 32>> ecdh(EcdhCurve curve, const KeyPair& own,
                                                 std::span<const std::uint8_t> peer_public);

// One party's ECDH key in exchanges with one or more peers: one OpenSSL key object and one exchange context for
// all of them, where each ecdh() call builds its own (a key import and a context cost ~15% of an X25519 exchange).
// with(p) gives exactly ecdh(curve, key(), p).
class EcdhExchange {
 public:
  EcdhExchange(EcdhCurve curve, const KeyPair& own);
  // A fresh key pair, the same as generate_ecdh_key(curve, source, label, id); an X25519 public key is computed
  // through this exchange context (X25519(k, 9)), so the party's key is imported once for both.
  static EcdhExchange generate(EcdhCurve curve, const KeySource& source, std::string_view label, std::uint64_t id);
  EcdhExchange(EcdhExchange&&) noexcept = default;
  EcdhExchange& operator=(EcdhExchange&&) noexcept = default;
  ~EcdhExchange();  // wipes its copy of the private key (OpenSSL wipes the key object's)

  const KeyPair& key() const { return key_; }
  KeyPair& key() { return key_; }
  // The shared secret with `peer_public`; nullopt as ecdh() gives it.
  std::optional<std::array<std::uint8_t, 32>> with(std::span<const std::uint8_t> peer_public);

 private:
  struct PkeyFree {
    void operator()(EVP_PKEY* k) const;
  };
  struct CtxFree {
    void operator()(EVP_PKEY_CTX* c) const;
  };
  using OwnKey = std::unique_ptr<EVP_PKEY, PkeyFree>;
  EcdhExchange(EcdhCurve curve, KeyPair key, OwnKey own);

  EcdhCurve curve_;
  KeyPair key_;
  OwnKey own_;
  std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx_;
};

std::array<std::uint8_t, 32> sha256(std::span<const std::uint8_t> data);
std::array<std::uint8_t, 32> hmac_sha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> msg);

// RFC 5869 HKDF-SHA256 (len <= 8160). An empty salt means the RFC default (32 zero bytes).
Bytes hkdf_sha256(std::span<const std::uint8_t> salt, std::span<const std::uint8_t> ikm,
                  std::span<const std::uint8_t> info, std::size_t len);
std::array<std::uint8_t, 32> hkdf_sha256_extract(std::span<const std::uint8_t> salt, std::span<const std::uint8_t> ikm);
void hkdf_sha256_expand(std::span<const std::uint8_t> prk, std::span<const std::uint8_t> info,
                        std::span<std::uint8_t> out);

inline constexpr std::size_t kGcmTagSize = 16;
inline constexpr std::size_t kGcmIvSize = 12;
inline constexpr std::size_t kAes128KeySize = 16;

// AES-128-GCM with a 12-byte IV: returns ciphertext || 16-byte tag. Throws std::invalid_argument on a key or
// IV of the wrong size.
Bytes aes128_gcm_seal(std::span<const std::uint8_t> key16, std::span<const std::uint8_t> iv12,
                      std::span<const std::uint8_t> aad, std::span<const std::uint8_t> plaintext);
// nullopt when the input is shorter than a tag or the tag does not verify.
std::optional<Bytes> aes128_gcm_open(std::span<const std::uint8_t> key16, std::span<const std::uint8_t> iv12,
                                     std::span<const std::uint8_t> aad,
                                     std::span<const std::uint8_t> ciphertext_and_tag);
// The same, writing into `out` (resized) to avoid an allocation per frame; false on failure.
bool aes128_gcm_open_into(std::span<const std::uint8_t> key16, std::span<const std::uint8_t> iv12,
                          std::span<const std::uint8_t> aad, std::span<const std::uint8_t> ciphertext_and_tag,
                          Bytes& out);

// Equal sizes and equal contents, compared in time independent of the contents.
bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

// Views a string as bytes (for labels).
inline std::span<const std::uint8_t> as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace st::security
