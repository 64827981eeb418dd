// AES-128-GCM sealing and opening (primitives.hpp), on the per-thread cipher contexts of thread_contexts.hpp.
#include <openssl/err.h>
#include <openssl/evp.h>

#include <stdexcept>

#include "models/security/crypto_error.hpp"
#include "models/security/primitives.hpp"
#include "models/security/thread_contexts.hpp"

namespace st::security {

namespace {
void check_key_iv(std::span<const std::uint8_t> key, std::span<const std::uint8_t> iv) {
  if (key.size() != kAes128KeySize) throw std::invalid_argument("AES-128-GCM key must be 16 bytes");
  if (iv.size() != kGcmIvSize) throw std::invalid_argument("AES-128-GCM IV must be 12 bytes");
}
}  // namespace

Bytes aes128_gcm_seal(std::span<const std::uint8_t> key16, std::span<const std::uint8_t> iv12,
                      std::span<const std::uint8_t> aad, std::span<const std::uint8_t> plaintext) {
  check_key_iv(key16, iv12);
  EVP_CIPHER_CTX* ctx = thread_contexts::aes128_gcm(true);
  if (EVP_EncryptInit_ex2(ctx, nullptr, key16.data(), iv12.data(), nullptr) != 1)
    throw_crypto_error("EVP_EncryptInit_ex2");
  Bytes out(plaintext.size() + kGcmTagSize);
  int len = 0;
  if (!aad.empty() && EVP_EncryptUpdate(ctx, nullptr, &len, aad.data(), static_cast<int>(aad.size())) != 1)
    throw_crypto_error("EVP_EncryptUpdate aad");
  int total = 0;
  if (!plaintext.empty()) {
    if (EVP_EncryptUpdate(ctx, out.data(), &len, plaintext.data(), static_cast<int>(plaintext.size())) != 1)
      throw_crypto_error("EVP_EncryptUpdate");
    total = len;
  }
  if (EVP_EncryptFinal_ex(ctx, out.data() + total, &len) != 1) throw_crypto_error("EVP_EncryptFinal_ex");
  total += len;
  if (static_cast<std::size_t>(total) != plaintext.size()) throw_crypto_error("AES-GCM length");
  if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, static_cast<int>(kGcmTagSize), out.data() + total) != 1)
    throw_crypto_error("EVP_CTRL_AEAD_GET_TAG");
  return out;
}

bool aes128_gcm_open_into(std::span<const std::uint8_t> key16, std::span<const std::uint8_t> iv12,
                          std::span<const std::uint8_t> aad, std::span<const std::uint8_t> ciphertext_and_tag,
                          Bytes& out) {
  check_key_iv(key16, iv12);
  if (ciphertext_and_tag.size() < kGcmTagSize) return false;
  const std::size_t ct_len = ciphertext_and_tag.size() - kGcmTagSize;
  EVP_CIPHER_CTX* ctx = thread_contexts::aes128_gcm(false);
  if (EVP_DecryptInit_ex2(ctx, nullptr, key16.data(), iv12.data(), nullptr) != 1)
    throw_crypto_error("EVP_DecryptInit_ex2");
  out.resize(ct_len);
  int len = 0;
  if (!aad.empty() && EVP_DecryptUpdate(ctx, nullptr, &len, aad.data(), static_cast<int>(aad.size())) != 1)
    throw_crypto_error("EVP_DecryptUpdate aad");
  int total = 0;
  if (ct_len > 0) {
    if (EVP_DecryptUpdate(ctx, out.data(), &len, ciphertext_and_tag.data(), static_cast<int>(ct_len)) != 1)
      throw_crypto_error("EVP_DecryptUpdate");
    total = len;
  }
  std::array<std::uint8_t, kGcmTagSize> tag{};
  std::copy(ciphertext_and_tag.begin() + static_cast<std::ptrdiff_t>(ct_len), ciphertext_and_tag.end(), tag.begin());
  if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(kGcmTagSize), tag.data()) != 1)
    throw_crypto_error("EVP_CTRL_AEAD_SET_TAG");
  if (EVP_DecryptFinal_ex(ctx, out.data() + total, &len) != 1) {
    ERR_clear_error();
    OPENSSL_cleanse(out.data(), out.size());
    out.clear();
    return false;
  }
  return true;
}

std::optional<Bytes> aes128_gcm_open(std::span<const std::uint8_t> key16, std::span<const std::uint8_t> iv12,
                                     std::span<const std::uint8_t> aad,
                                     std::span<const std::uint8_t> ciphertext_and_tag) {
  Bytes out;
  if (!aes128_gcm_open_into(key16, iv12, aad, ciphertext_and_tag, out)) return std::nullopt;
  return out;
}

}  // namespace st::security
