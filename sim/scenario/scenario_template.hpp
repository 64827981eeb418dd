// The scenario template: a fully commented scenario naming every section and key with its unit and default.
// It loads and runs as it is (`sidewalk-twin template > my.yaml`).
#pragma once
#include <string_view>

namespace st::scenario {

std::string_view scenario_template();

}  // namespace st::scenario
