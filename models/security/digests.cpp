// SHA-256, HMAC-SHA256, HKDF-SHA256 and the constant-time comparison of primitives.hpp, through OpenSSL 3's EVP
// (digests on fetched algorithm objects; HMAC and HKDF on the per-thread contexts of thread_contexts.hpp).
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <stdexcept>

#include "models/security/crypto_error.hpp"
#include "models/security/evp_algorithms.hpp"
#include "models/security/openssl_handles.hpp"
#include "models/security/primitives.hpp"
#include "models/security/thread_contexts.hpp"

namespace st::security {

using evp::kdf_hkdf;
using evp::kSha256Name;
using evp::md_sha256;
using evp::octets;

std::array<std::uint8_t, 32> sha256(std::span<const std::uint8_t> data) {
  std::array<std::uint8_t, 32> out{};
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &len, md_sha256(), nullptr) != 1 || len != 32)
    throw_crypto_error("EVP_Digest SHA256");
  return out;
}

void Sha256Prefix::Free::operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }

Sha256Prefix::Sha256Prefix(std::initializer_list<std::span<const std::uint8_t>> parts) : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex2(ctx_.get(), md_sha256(), nullptr) != 1) throw_crypto_error("EVP_DigestInit_ex2");
  for (const auto& p : parts)
    if (EVP_DigestUpdate(ctx_.get(), p.data(), p.size()) != 1) throw_crypto_error("EVP_DigestUpdate");
}

std::array<std::uint8_t, 32> Sha256Prefix::with(std::span<const std::uint8_t> suffix) const {
  if (!ctx_) throw std::logic_error("Sha256Prefix::with on an empty prefix");
  ossl::MdCtxPtr ctx{EVP_MD_CTX_new()};
  if (!ctx || EVP_MD_CTX_copy_ex(ctx.get(), ctx_.get()) != 1) throw_crypto_error("EVP_MD_CTX_copy_ex");
  std::array<std::uint8_t, 32> out{};
  unsigned int len = 0;
  if (EVP_DigestUpdate(ctx.get(), suffix.data(), suffix.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1 || len != 32)
    throw_crypto_error("EVP_Digest SHA256");
  return out;
}

std::array<std::uint8_t, 32> hmac_sha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> msg) {
  static const std::uint8_t kEmpty = 0;
  const ossl::MacCtxPtr ctx = thread_contexts::hmac_sha256();
  if (EVP_MAC_init(ctx.get(), key.empty() ? &kEmpty : key.data(), key.size(), nullptr) != 1 ||
      EVP_MAC_update(ctx.get(), msg.data(), msg.size()) != 1)
    throw_crypto_error("EVP_MAC HMAC");
  std::array<std::uint8_t, 32> out{};
  std::size_t len = 0;
  if (EVP_MAC_final(ctx.get(), out.data(), &len, out.size()) != 1 || len != 32) throw_crypto_error("EVP_MAC_final");
  return out;
}

namespace {
void check_hkdf_length(std::size_t n) {
  if (n > 255 * 32) throw std::invalid_argument("HKDF-SHA256 output longer than 8160 bytes");
}

char kModeExpand[] = "EXPAND_ONLY";

// HKDF on a context of its own (mode null: extract and expand).
void hkdf_fresh(char* mode, std::span<const std::uint8_t> salt, std::span<const std::uint8_t> key,
                std::span<const std::uint8_t> info, std::span<std::uint8_t> out) {
  ossl::KdfCtxPtr ctx{EVP_KDF_CTX_new(kdf_hkdf())};
  if (!ctx) throw_crypto_error("EVP_KDF_CTX_new");
  OSSL_PARAM params[6];
  OSSL_PARAM* p = params;
  *p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, kSha256Name, 0);
  if (mode != nullptr) *p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_MODE, mode, 0);
  *p++ = octets(OSSL_KDF_PARAM_KEY, key);
  if (!salt.empty()) *p++ = octets(OSSL_KDF_PARAM_SALT, salt);
  if (!info.empty()) *p++ = octets(OSSL_KDF_PARAM_INFO, info);
  *p = OSSL_PARAM_construct_end();
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) throw_crypto_error("EVP_KDF_derive HKDF");
}
}  // namespace

Bytes hkdf_sha256(std::span<const std::uint8_t> salt, std::span<const std::uint8_t> ikm,
                  std::span<const std::uint8_t> info, std::size_t len) {
  check_hkdf_length(len);
  Bytes out(len);
  if (len > 0) hkdf_fresh(nullptr, salt, ikm, info, out);
  return out;
}

std::array<std::uint8_t, 32> hkdf_sha256_extract(std::span<const std::uint8_t> salt,
                                                  std::span<const std::uint8_t> ikm) {
  // RFC 5869: an absent salt is 32 zero bytes (the per-thread context would keep the previous call's salt).
  static constexpr std::array<std::uint8_t, 32> kNoSalt{};
  const OSSL_PARAM params[] = {octets(OSSL_KDF_PARAM_KEY, ikm), octets(OSSL_KDF_PARAM_SALT, salt.empty() ? kNoSalt : salt),
                               OSSL_PARAM_construct_end()};
  std::array<std::uint8_t, 32> prk{};
  EVP_KDF_CTX* ctx = thread_contexts::hkdf_sha256(thread_contexts::HkdfMode::ExtractOnly);
  if (EVP_KDF_derive(ctx, prk.data(), prk.size(), params) != 1) throw_crypto_error("EVP_KDF_derive HKDF extract");
  return prk;
}

void hkdf_sha256_expand(std::span<const std::uint8_t> prk, std::span<const std::uint8_t> info,
                        std::span<std::uint8_t> out) {
  check_hkdf_length(out.size());
  if (out.empty()) return;
  // OpenSSL 3.0 cannot clear the info a context kept from its previous call (an empty INFO parameter breaks it):
  // no info, no reuse.
  if (info.empty()) return hkdf_fresh(kModeExpand, {}, prk, {}, out);
  const OSSL_PARAM params[] = {octets(OSSL_KDF_PARAM_KEY, prk), octets(OSSL_KDF_PARAM_INFO, info),
                               OSSL_PARAM_construct_end()};
  EVP_KDF_CTX* ctx = thread_contexts::hkdf_sha256(thread_contexts::HkdfMode::ExpandOnly);
  if (EVP_KDF_derive(ctx, out.data(), out.size(), params) != 1) throw_crypto_error("EVP_KDF_derive HKDF expand");
}

bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace st::security
