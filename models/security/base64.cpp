#include "models/security/base64.hpp"

#include <openssl/evp.h>

#include <limits>

namespace st::security {

std::string to_base64(std::span<const std::uint8_t> data) {
  if (data.empty()) return {};
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data.data(),
                                static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::optional<Bytes> from_base64(std::string_view text) {
  if (text.empty()) return Bytes{};
  if (text.size() % 4 != 0 || text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    return std::nullopt;
  // (EVP_DecodeBlock would skip surrounding whitespace and keep the padding's zero bytes: refuse the one, drop
  // the other.)
  for (char c : text)
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return std::nullopt;
  Bytes out(3 * text.size() / 4);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  std::size_t padding = 0;
  if (text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
  if (text.find('=') < text.size() - padding) return std::nullopt;  // '=' only at the end
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

}  // namespace st::security
