// LinkType: the three Sidewalk radio links (SIDEWALK.md section 1), with their bitmask values.
#pragma once
#include <cstdint>
#include <string_view>

namespace st::models {

enum class LinkType : std::uint8_t { Ble = 1, Fsk = 2, Css = 4 };

constexpr std::string_view to_string(LinkType l) {
  switch (l) {
    case LinkType::Ble: return "ble";
    case LinkType::Fsk: return "fsk";
    case LinkType::Css: return "css";
  }
  return "?";
}
// Registration runs over BLE or FSK, never CSS.
constexpr bool can_register_over(LinkType l) { return l != LinkType::Css; }

}  // namespace st::models
