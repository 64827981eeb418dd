// KeySource: where key material comes from. Deterministic (HKDF-SHA256 from the run seed, so runs reproduce and
// any key can be derived in any order on any thread) or the OS entropy source.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace st::security {

class KeySource {
 public:
  // HKDF-SHA256 with ikm = seed as 8 bytes big-endian, salt = "sidewalk-twin key source v1" and
  // info = label || 0x00 || id as 8 bytes big-endian (labels must not contain 0x00).
  static KeySource deterministic(std::uint64_t seed);
  // RAND_priv_bytes; label and id are ignored.
  static KeySource os_entropy();

  void fill(std::string_view label, std::uint64_t id, std::span<std::uint8_t> out) const;
  // The same with info = label || 0x00 || id (8 bytes BE) || counter (4 bytes BE): for re-derivation.
  void fill(std::string_view label, std::uint64_t id, std::uint32_t counter, std::span<std::uint8_t> out) const;
  bool is_deterministic() const { return deterministic_; }

 private:
  KeySource() = default;
  void fill_info(std::span<const std::uint8_t> info, std::span<std::uint8_t> out) const;

  std::array<std::uint8_t, 32> prk_{};  // HKDF-Extract(salt, seed), deterministic sources only
  bool deterministic_ = false;
};

}  // namespace st::security
