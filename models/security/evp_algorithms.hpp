// The OpenSSL 3 objects the primitives' implementation files share (primitives.cpp: keys, signatures, ECDH;
// digests.cpp: SHA-256, HMAC, HKDF): algorithm objects fetched once and shared read-only, and the parameter helper.
// Internal to models/security: nothing outside the primitives' implementation includes it.
#pragma once
#include <openssl/core.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <cstdint>
#include <span>

namespace st::security::evp {

const EVP_MD* md_sha256();   // SHA-256
EVP_KDF* kdf_hkdf();         // HKDF
const EC_GROUP* p256_group();  // P-256 (prime256v1)

// The names OSSL_PARAM takes (it wants them writable, and only reads them).
inline char kSha256Name[] = "SHA256";
inline char kP256GroupName[] = "prime256v1";

// An octet-string parameter over `bytes` (OpenSSL only reads it).
inline OSSL_PARAM octets(const char* name, std::span<const std::uint8_t> bytes) {
  return OSSL_PARAM_construct_octet_string(name, const_cast<std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace st::security::evp
