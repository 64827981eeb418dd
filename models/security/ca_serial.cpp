#include "models/security/ca_serial.hpp"

namespace st::security {

std::string_view to_string(CaRole r) {
  switch (r) {
    case CaRole::Dak: return "DAK";
    case CaRole::Product: return "PRODUCT";
    case CaRole::Man: return "MAN";
    case CaRole::Sw: return "SW";
    case CaRole::Amzn: return "AMZN";
    case CaRole::NetworkServer: return "SNS";
  }
  return "?";
}

CaSerialFields ca_serial_fields(CaRole role) {
  // Decoded from the Ed25519 example chain of AWS's "Obtain device JSON files for provisioning" page: DAK
  // 019200f2, PRODUCT 05f80078, MAN 023e007c, SW 75000003, AMZN 01800003 (bytes as they appear in the chain).
  switch (role) {
    case CaRole::Dak: return {3, 3, 0, 4};
    case CaRole::Product: return {1, 3, 2, 0};
    case CaRole::Man: return {1, 3, 3, 0};
    case CaRole::Sw: return {0, 0, 0, 6};
    case CaRole::Amzn: return {0, 0, 0, 6};
    case CaRole::NetworkServer: return {2, 0, 1, 0};  // a cloud certificate below SW [E]
  }
  return {};
}

Bytes make_ca_serial(CaRole role, std::uint32_t number) {
  const CaSerialFields f = ca_serial_fields(role);
  const std::uint32_t n = (static_cast<std::uint32_t>(f.type & 3u) << 30) |
                          (static_cast<std::uint32_t>(f.chain_size & 3u) << 28) |
                          (static_cast<std::uint32_t>(f.level & 3u) << 26) |
                          (static_cast<std::uint32_t>(f.rights & 7u) << 23) | (number & 0x7F'FFFFu);
  return Bytes{static_cast<std::uint8_t>(n), static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n >> 16),
               static_cast<std::uint8_t>(n >> 24)};
}

std::size_t ca_serial_length(std::span<const std::uint8_t> in) {
  if (in.size() < kStandardSerialSize) return 0;
  const std::uint32_t n = static_cast<std::uint32_t>(in[0]) | (static_cast<std::uint32_t>(in[1]) << 8) |
                          (static_cast<std::uint32_t>(in[2]) << 16) | (static_cast<std::uint32_t>(in[3]) << 24);
  const std::size_t length = (n & 0xF000'0000u) == 0xB000'0000u ? ((n >> 16) & 0x7Fu) + 2 : kStandardSerialSize;
  // (An extended length below 4 could not hold the 4 bytes that announce it: malformed.)
  return length >= kStandardSerialSize && length <= in.size() ? length : 0;
}

}  // namespace st::security
