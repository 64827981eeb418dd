// SessionKey: one installed AES-128 session key with its epoch (incremented per registration) and validity;
// wipe() zeroes it with OPENSSL_cleanse.
#pragma once
#include <openssl/crypto.h>

#include <array>
#include <cstdint>

namespace st::security {

struct SessionKey {
  std::array<std::uint8_t, 16> key{};
  std::uint8_t epoch = 0;
  bool valid = false;

  void install(const std::array<std::uint8_t, 16>& k, std::uint8_t new_epoch) {
    key = k;
    epoch = new_epoch;
    valid = true;
  }
  void wipe() {
    OPENSSL_cleanse(key.data(), key.size());
    valid = false;
  }
};

static_assert(sizeof(SessionKey) == 18);

}  // namespace st::security
