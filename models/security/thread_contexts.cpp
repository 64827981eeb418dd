#include "models/security/thread_contexts.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <array>
#include <vector>

#include "models/security/crypto_error.hpp"

namespace st::security::thread_contexts {

namespace {
char kSha256[] = "SHA256";
char kExtractOnly[] = "EXTRACT_ONLY";
char kExpandOnly[] = "EXPAND_ONLY";

EVP_PKEY_CTX* import_context(KeyType type) {
  static constexpr const char* kNames[] = {"X25519", "ED25519", "EC"};
  thread_local std::array<ossl::PkeyCtxPtr, 3> contexts;
  ossl::PkeyCtxPtr& ctx = contexts[static_cast<std::size_t>(type)];
  if (!ctx) {
    ossl::PkeyCtxPtr made{EVP_PKEY_CTX_new_from_name(nullptr, kNames[static_cast<std::size_t>(type)], nullptr)};
    if (!made || EVP_PKEY_fromdata_init(made.get()) != 1) throw_crypto_error("EVP_PKEY_fromdata_init");
    ctx = std::move(made);
  }
  return ctx.get();
}
}  // namespace

ossl::PkeyPtr import_key(KeyType type, int selection, OSSL_PARAM* params) {
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata(import_context(type), &raw, selection, params) != 1) {
    ERR_clear_error();
    return nullptr;
  }
  return ossl::PkeyPtr{raw};
}

EVP_KDF_CTX* hkdf_sha256(HkdfMode mode) {
  thread_local std::array<ossl::KdfCtxPtr, 2> contexts;
  ossl::KdfCtxPtr& ctx = contexts[mode == HkdfMode::ExtractOnly ? 0 : 1];
  if (!ctx) {
    ossl::KdfPtr kdf{EVP_KDF_fetch(nullptr, "HKDF", nullptr)};
    ossl::KdfCtxPtr made{kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr};
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, kSha256, 0),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_MODE,
                                         mode == HkdfMode::ExtractOnly ? kExtractOnly : kExpandOnly, 0),
        OSSL_PARAM_construct_end()};
    if (!made || EVP_KDF_CTX_set_params(made.get(), params) != 1) throw_crypto_error("EVP_KDF_CTX HKDF");
    ctx = std::move(made);
  }
  return ctx.get();
}

ossl::MacCtxPtr hmac_sha256() {
  thread_local ossl::MacCtxPtr tmpl;
  if (!tmpl) {
    ossl::MacPtr mac{EVP_MAC_fetch(nullptr, "HMAC", nullptr)};
    ossl::MacCtxPtr made{mac ? EVP_MAC_CTX_new(mac.get()) : nullptr};
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, kSha256, 0),
                                 OSSL_PARAM_construct_end()};
    if (!made || EVP_MAC_CTX_set_params(made.get(), params) != 1) throw_crypto_error("EVP_MAC_CTX HMAC");
    tmpl = std::move(made);
  }
  ossl::MacCtxPtr ctx{EVP_MAC_CTX_dup(tmpl.get())};
  if (!ctx) throw_crypto_error("EVP_MAC_CTX_dup");
  return ctx;
}

EVP_CIPHER_CTX* aes128_gcm(bool encrypt) {
  thread_local std::array<ossl::CipherCtxPtr, 2> contexts;
  ossl::CipherCtxPtr& ctx = contexts[encrypt ? 0 : 1];
  if (!ctx) {
    ossl::CipherPtr cipher{EVP_CIPHER_fetch(nullptr, "AES-128-GCM", nullptr)};
    ossl::CipherCtxPtr made{EVP_CIPHER_CTX_new()};
    if (!cipher || !made) throw_crypto_error("EVP_CIPHER AES-128-GCM");
    const int rc = encrypt ? EVP_EncryptInit_ex2(made.get(), cipher.get(), nullptr, nullptr, nullptr)
                           : EVP_DecryptInit_ex2(made.get(), cipher.get(), nullptr, nullptr, nullptr);
    if (rc != 1) throw_crypto_error("EVP_CipherInit_ex2 AES-128-GCM");
    ctx = std::move(made);
  }
  return ctx.get();
}

ossl::MdCtxPtr long_lived_signature(EVP_PKEY* key, bool signing, const char* digest) {
  struct Entry {
    EVP_PKEY* key;
    bool signing;
    ossl::PkeyPtr ref;  // keeps the key alive as long as its context
    ossl::MdCtxPtr ctx;
  };
  thread_local std::vector<Entry> entries;
  const Entry* found = nullptr;
  for (const Entry& e : entries)
    if (e.key == key && e.signing == signing) found = &e;
  if (found == nullptr) {
    ossl::MdCtxPtr ctx{EVP_MD_CTX_new()};
    if (!ctx) throw_crypto_error("EVP_MD_CTX_new");
    const int rc = signing ? EVP_DigestSignInit_ex(ctx.get(), nullptr, digest, nullptr, nullptr, key, nullptr)
                           : EVP_DigestVerifyInit_ex(ctx.get(), nullptr, digest, nullptr, nullptr, key, nullptr);
    if (rc != 1) throw_crypto_error(signing ? "EVP_DigestSignInit_ex" : "EVP_DigestVerifyInit_ex");
    if (EVP_PKEY_up_ref(key) != 1) throw_crypto_error("EVP_PKEY_up_ref");
    entries.push_back(Entry{key, signing, ossl::PkeyPtr{key}, std::move(ctx)});
    found = &entries.back();
  }
  ossl::MdCtxPtr copy{EVP_MD_CTX_new()};
  if (!copy || EVP_MD_CTX_copy_ex(copy.get(), found->ctx.get()) != 1) throw_crypto_error("EVP_MD_CTX_copy_ex");
  return copy;
}

}  // namespace st::security::thread_contexts
