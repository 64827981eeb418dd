// Did-you-mean suggestions for misspelt keys, enum values, units and names: the closest candidate by
// edit distance (Damerau, optimal string alignment), or the list of what is accepted.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace st::scenario {

// Edits (insert, delete, substitute, swap adjacent) turning a into b.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidate close enough to be a likely misspelling of word (case-insensitive match first), if any.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);
// "a, b, c"
std::string join_names(const std::vector<std::string>& names);
// " (did you mean 'x'?)" when one is close, else " (expected one of: a, b, c)" (list_label replaces
// "expected one of").
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates,
                       std::string_view list_label = "expected one of");

}  // namespace st::scenario
