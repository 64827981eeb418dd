#include "sim/scenario/text_check.hpp"

#include "sim/scenario/scenario_error.hpp"

namespace st::scenario {

namespace {

// Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included), or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) { len = 3; lo = 0xA0; }
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) { len = 3; hi = 0x9F; }
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) { len = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) { len = 4; hi = 0x8F; }
    else return i;
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      const unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
      if (b < l || b > h) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// True when every line is blank or a comment.
bool is_blank(std::string_view s) {
  bool in_comment = false;
  for (char c : s) {
    if (c == '\n' || c == '\r') { in_comment = false; continue; }
    if (in_comment || c == ' ' || c == '\t') continue;
    if (c == '#') { in_comment = true; continue; }
    return false;
  }
  return true;
}

}  // namespace

std::string_view check_scenario_text(std::string_view text, const std::string& file) {
  if (text.size() > kMaxScenarioBytes) {
    throw ScenarioError(file, 1, 1, "the scenario file is too large (" + std::to_string(text.size()) +
                                        " bytes; at most 64 MiB)");
  }
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    throw ScenarioError(file, 1, 1, "not a text file (NUL byte at byte offset " + std::to_string(nul) + ")");
  }
  if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos) {
    throw ScenarioError(file, 1, 1, "not a text file (invalid UTF-8 at byte offset " + std::to_string(bad) + ")");
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (is_blank(text)) throw ScenarioError(file, 1, 1, "the scenario file is empty");
  return text;
}

}  // namespace st::scenario
