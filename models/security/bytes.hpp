// Byte strings for the security models: the Bytes alias and lowercase hex encoding/decoding.
#pragma once
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace st::security {

using Bytes = std::vector<std::uint8_t>;

// Lowercase hex, two characters per byte.
std::string to_hex(std::span<const std::uint8_t> data);

// Parses hex (either case, even length, no separators); nullopt on any other input.
std::optional<Bytes> from_hex(std::string_view hex);

// Appends a byte range to a byte string (resize + memcpy: GCC 12 mis-warns on vector::insert after reserve).
inline void append(Bytes& out, std::span<const std::uint8_t> data) {
  if (data.empty()) return;
  const std::size_t old = out.size();
  out.resize(old + data.size());
  std::memcpy(out.data() + old, data.data(), data.size());
}

}  // namespace st::security
