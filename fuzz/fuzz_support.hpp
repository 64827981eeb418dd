// What every fuzz target shares: the input as text or bytes, and the sc_main the SystemC runtime library asks for
// (it defines main() itself; libFuzzer's main, linked into the target, is the one that runs).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace st::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}
inline std::span<const std::uint8_t> bytes(const std::uint8_t* data, std::size_t size) { return {data, size}; }

}  // namespace st::fuzz
