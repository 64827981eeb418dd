// Checks that a scenario file is text before it reaches the YAML parser: not empty, no NUL bytes, valid UTF-8.
#pragma once
#include <string>
#include <string_view>

namespace st::scenario {

inline constexpr std::size_t kMaxScenarioBytes = 64u << 20;  // 64 MiB: larger is not a hand-written scenario

// Throws ScenarioError at 1:1 for a binary, oversized or blank (whitespace and comments only) text; returns
// the text without a leading UTF-8 byte-order mark.
std::string_view check_scenario_text(std::string_view text, const std::string& file);

}  // namespace st::scenario
