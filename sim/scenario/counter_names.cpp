#include "sim/scenario/counter_names.hpp"

#include <vector>

#include "sim/scenario/did_you_mean.hpp"

namespace st::scenario {

namespace {
bool is_snake_case(std::string_view s) {
  if (s.empty() || !(s.front() >= 'a' && s.front() <= 'z')) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}
}  // namespace

std::optional<std::string> counter_name_problem(std::string_view name) {
  const auto dot = name.find('.');
  if (dot != std::string_view::npos) {
    const std::string_view base = name.substr(0, dot);
    const std::string_view cause = name.substr(dot + 1);
    std::vector<std::string> bases(kPerCauseCounters.begin(), kPerCauseCounters.end());
    bool known = false;
    for (auto b : kPerCauseCounters) known = known || b == base;
    if (!known) {
      return "unknown per-cause counter '" + std::string(base) + "' in '" + std::string(name) + "'" +
             suggestion(base, bases, "per-cause counters");
    }
    if (!is_snake_case(cause)) {
      return "the cause '" + std::string(cause) + "' in counter '" + std::string(name) +
             "' must be a lowercase snake_case identifier";
    }
    return std::nullopt;
  }
  std::vector<std::string> names(kCounterNames.begin(), kCounterNames.end());
  for (auto n : kCounterNames) {
    if (n == name) return std::nullopt;
  }
  return "unknown counter '" + std::string(name) + "'" + suggestion(name, names, "expected one of");
}

bool is_counter_name(std::string_view name) { return !counter_name_problem(name).has_value(); }

}  // namespace st::scenario
