// CryptoError: thrown only when OpenSSL itself fails internally (never for malformed or hostile peer input).
#pragma once
#include <stdexcept>
#include <string>

namespace st::security {

class CryptoError : public std::runtime_error {
 public:
  explicit CryptoError(const std::string& what) : std::runtime_error(what) {}
};

// Throws CryptoError with `what` and the most recent OpenSSL error string appended.
[[noreturn]] void throw_crypto_error(const char* what);

}  // namespace st::security
