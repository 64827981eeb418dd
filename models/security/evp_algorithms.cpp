#include "models/security/evp_algorithms.hpp"

#include <openssl/err.h>
#include <openssl/obj_mac.h>

#include <string>

#include "models/security/crypto_error.hpp"
#include "models/security/openssl_handles.hpp"

namespace st::security {

void throw_crypto_error(const char* what) {
  std::string msg = std::string("OpenSSL: ") + what;
  const unsigned long e = ERR_get_error();
  if (e != 0) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof(buf));
    msg += ": ";
    msg += buf;
  }
  ERR_clear_error();
  throw CryptoError(msg);
}


namespace evp {

const EVP_MD* md_sha256() {
  static const ossl::MdPtr md{EVP_MD_fetch(nullptr, "SHA256", nullptr)};
  if (!md) throw_crypto_error("EVP_MD_fetch SHA256");
  return md.get();
}
EVP_KDF* kdf_hkdf() {
  static const ossl::KdfPtr k{EVP_KDF_fetch(nullptr, "HKDF", nullptr)};
  if (!k) throw_crypto_error("EVP_KDF_fetch HKDF");
  return k.get();
}
const EC_GROUP* p256_group() {
  static const ossl::EcGroupPtr g{EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1)};
  if (!g) throw_crypto_error("EC_GROUP_new_by_curve_name P-256");
  return g.get();
}

}  // namespace evp

}  // namespace st::security
