// Default Sidewalk identity codes of a device type that names none, derived from its name so that they read like
// it: a DeviceTypeId of "A", the name's first 9 letters and digits in upper case (padded with 0), and 4 characters
// of a checksum of the whole name; an APID of the name's first 4 letters and digits in lower case (padded with 0).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace st::models {

namespace identity_detail {
// The name's letters and digits, in upper or lower case, cut or padded with '0' to n characters.
inline std::string alnum(std::string_view name, std::size_t n, bool upper) {
  std::string out;
  for (char c : name) {
    if (out.size() == n) break;
    if (c >= 'a' && c <= 'z') out.push_back(upper ? static_cast<char>(c - 'a' + 'A') : c);
    else if (c >= 'A' && c <= 'Z') out.push_back(upper ? c : static_cast<char>(c - 'A' + 'a'));
    else if (c >= '0' && c <= '9') out.push_back(c);
  }
  out.append(n - out.size(), '0');
  return out;
}
}  // namespace identity_detail

inline std::string default_device_type_id(std::string_view type_name) {
  // 32-bit FNV-1a of the name (a checksum that tells similar names apart, not a security function), in base 36.
  std::uint32_t h = 2166136261u;
  for (char c : type_name) h = (h ^ static_cast<std::uint8_t>(c)) * 16777619u;
  std::string sum;
  for (int i = 0; i < 4; ++i, h /= 36) sum.push_back("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[h % 36]);
  return "A" + identity_detail::alnum(type_name, 9, true) + sum;
}

inline std::string default_apid(std::string_view type_name) { return identity_detail::alnum(type_name, 4, false); }

}  // namespace st::models
