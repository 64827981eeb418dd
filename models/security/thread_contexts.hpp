// Per-thread OpenSSL contexts, set up once and reused by every call on the thread: key import, HKDF, HMAC,
// AES-128-GCM and the signing/verifying contexts of long-lived keys. OpenSSL 3.0 resolves algorithm names under process-wide
// locks whenever a context is created (1-2 us a time, and a run's threads contend for the locks); the primitives
// (primitives.cpp) take their short-lived contexts from here instead. Internal to models/security.
#pragma once
#include <openssl/types.h>

#include "models/security/openssl_handles.hpp"

namespace st::security::thread_contexts {

// Key types with an import context: the raw curves and P-256 ("EC").
enum class KeyType { X25519, Ed25519, P256 };

// A key built with EVP_PKEY_fromdata(selection, params) through this thread's import context of `type`; null
// when OpenSSL refuses the parameters (its error queue is then cleared).
ossl::PkeyPtr import_key(KeyType type, int selection, OSSL_PARAM* params);

// This thread's HKDF-SHA256 context in extract-only or expand-only mode. A context keeps the parameters of its
// previous call, so every call passes KEY and a non-empty SALT (extract) or an INFO, possibly empty (expand).
enum class HkdfMode { ExtractOnly, ExpandOnly };
EVP_KDF_CTX* hkdf_sha256(HkdfMode mode);

// A new HMAC-SHA256 context with the digest already set (a copy of this thread's): EVP_MAC_init it with a key.
ossl::MacCtxPtr hmac_sha256();

// This thread's AES-128-GCM context for sealing (encrypt) or opening: the cipher is set once, so a call only
// sets key and IV (EVP_EncryptInit_ex2 / EVP_DecryptInit_ex2 with a null cipher), which restarts the operation.
EVP_CIPHER_CTX* aes128_gcm(bool encrypt);

// A new digest-sign (signing) or digest-verify context for `key`, ready for one EVP_DigestSign/EVP_DigestVerify:
// a copy of this thread's context of the key, initialised on first use. For long-lived keys only: the thread
// keeps one context per key (and a reference to it) until it ends. `digest` is null for Ed25519, "SHA256" for
// ECDSA P-256.
ossl::MdCtxPtr long_lived_signature(EVP_PKEY* key, bool signing, const char* digest);

}  // namespace st::security::thread_contexts
