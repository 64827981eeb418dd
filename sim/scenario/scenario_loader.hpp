// Loading a scenario file: parse (yaml-cpp), validate every section and fill in defaults. Any bad input throws
// ScenarioError, whose what() is the one line `FILE:LINE:COL: cause`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_override.hpp"

namespace st::scenario {

// The text of the scenario file at path, unchecked; `path:0:0: cannot read: ...` when it cannot be read.
std::string read_scenario_text(const std::string& path);
// Reads and loads the file at path (messages name it as given; an unreadable file is `path:0:0: cannot read: ...`).
// Overrides are set in the document before it is read (scenario_override.hpp); a path that leads nowhere is
// `path:0:0: --set KEY: cause`.
Scenario load_scenario_file(const std::string& path, const std::vector<Override>& overrides = {});
// Loads scenario text; file_for_messages names it in errors and becomes Scenario::file.
Scenario load_scenario_text(std::string_view text, const std::string& file_for_messages,
                            const std::vector<Override>& overrides = {});

}  // namespace st::scenario
