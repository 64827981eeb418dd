// One timeline action read from its node against a scenario: a `timeline:` entry of the scenario file, or a live
// action (a JSON object a telemetry client sends), so both are checked and refused in the same words.
#pragma once
#include <optional>
#include <vector>

#include "sim/kernel/sim_time.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace st::scenario {

// A live action: the instant it takes effect at, and the live actions taken before it. It has no `at`, `repeat` or
// `every` (each is refused by name), and it may qualify or revoke a whole device type that no action did before it
// (the scenario's due by `now`, or an earlier live one): a later scenario action then changes nothing.
struct LiveEntry {
  SimTime now = 0;
  const std::vector<Action>* earlier = nullptr;  // may be null: none
};

// Without `live`, the entry of a scenario file: `at` is required. Throws ScenarioError.
Action read_timeline_entry(const Field& item, const Scenario& s, const std::optional<LiveEntry>& live = std::nullopt);

}  // namespace st::scenario
