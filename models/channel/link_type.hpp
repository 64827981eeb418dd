// LinkType: the three Sidewalk radio links with their bitmask values (sidewalk.md §1), and the one link count
// that every per-link array of the twin is sized by.
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace st::models {

enum class LinkType : std::uint8_t { Ble = 1, Fsk = 2, Css = 4 };

inline constexpr std::size_t kLinkCount = 3;
// Every link, in link_index() order.
inline constexpr std::array<LinkType, kLinkCount> kLinks = {LinkType::Ble, LinkType::Fsk, LinkType::Css};

// Dense index of a link (ble 0, fsk 1, css 2) for per-link arrays.
constexpr std::size_t link_index(LinkType l) { return l == LinkType::Ble ? 0 : l == LinkType::Fsk ? 1 : 2; }

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
// BLE and FSK acknowledge each uplink frame at the link layer, so a device knows when an uplink's retries ran out;
// a CSS uplink goes unacknowledged (the device learns only from the end-to-end ACK, or its absence).
constexpr bool acknowledges_uplinks(LinkType l) { return l != LinkType::Css; }

// Whether `link` is among `links` (a device type's or a gateway group's).
inline bool has_link(const std::vector<LinkType>& links, LinkType link) {
  return std::find(links.begin(), links.end(), link) != links.end();
}

// An array with one value per link, indexed by link_index().
template <typename T>
using PerLink = std::array<T, kLinkCount>;

}  // namespace st::models
