// KeySource: HKDF-SHA256 expansion of the run seed (the PRK is extracted once), or RAND_priv_bytes.
#include "models/security/key_source.hpp"

#include <openssl/rand.h>

#include <string>

#include "models/security/crypto_error.hpp"
#include "models/security/primitives.hpp"

namespace st::security {

namespace {
constexpr std::string_view kSalt = "sidewalk-twin key source v1";

void put_be(std::string& s, std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
}  // namespace

KeySource KeySource::deterministic(std::uint64_t seed) {
  KeySource ks;
  std::array<std::uint8_t, 8> ikm{};
  for (int i = 0; i < 8; ++i) ikm[i] = static_cast<std::uint8_t>(seed >> (8 * (7 - i)));
  ks.prk_ = hkdf_sha256_extract(as_bytes(kSalt), ikm);
  ks.deterministic_ = true;
  return ks;
}

KeySource KeySource::os_entropy() { return KeySource{}; }

void KeySource::fill_info(std::span<const std::uint8_t> info, std::span<std::uint8_t> out) const {
  if (out.empty()) return;
  if (deterministic_) {
    hkdf_sha256_expand(prk_, info, out);
    return;
  }
  if (RAND_priv_bytes(out.data(), static_cast<int>(out.size())) != 1) throw_crypto_error("RAND_priv_bytes");
}

void KeySource::fill(std::string_view label, std::uint64_t id, std::span<std::uint8_t> out) const {
  std::string info(label);
  info.push_back('\0');
  put_be(info, id, 8);
  fill_info(as_bytes(info), out);
}

void KeySource::fill(std::string_view label, std::uint64_t id, std::uint32_t counter,
                     std::span<std::uint8_t> out) const {
  std::string info(label);
  info.push_back('\0');
  put_be(info, id, 8);
  put_be(info, counter, 4);
  fill_info(as_bytes(info), out);
}

}  // namespace st::security
