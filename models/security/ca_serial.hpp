// CaSerial: the serial numbers of Sidewalk's certificate authorities. The standard form is 4 bytes, a little-endian
// 32-bit number of bit fields: type (31:30), intermediate chain size (29:28), intermediate level (27:26), signing
// rights (25:23) and a 23-bit number. A number whose top nibble is 0xB (type 2 "cloud" with chain size 0b11) is
// an extended serial of ((n >> 16) & 0x7F) + 2 bytes (docs/security.md; Amazon's sid-signing-tool, Nordic's
// sdk-sidewalk).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "models/security/bytes.hpp"

namespace st::security {

inline constexpr std::size_t kStandardSerialSize = 4;

// The CAs of a chain, device side first, and the network server's own certificate (issued by the SW CA).
enum class CaRole : std::uint8_t { Dak, Product, Man, Sw, Amzn, NetworkServer };
std::string_view to_string(CaRole r);

struct CaSerialFields {
  std::uint8_t type = 0;        // 2 bits
  std::uint8_t chain_size = 0;  // 2 bits
  std::uint8_t level = 0;       // 2 bits
  std::uint8_t rights = 0;      // 3 bits
};

// The field values each role carries in Amazon's published example chains (AWS IoT Wireless developer guide);
// the network server's are the twin's own [E].
CaSerialFields ca_serial_fields(CaRole role);

// A standard 4-byte serial: the role's fields and `number` (its low 23 bits), little-endian.
Bytes make_ca_serial(CaRole role, std::uint32_t number);

// The length of the CA serial that starts `in` (4, or the extended length), or 0 when `in` is shorter than 4 bytes
// or than the length it announces, or when that length is below 4.
std::size_t ca_serial_length(std::span<const std::uint8_t> in);

}  // namespace st::security
