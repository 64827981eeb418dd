#include "sim/cli/run_limits.hpp"

#include <yaml-cpp/yaml.h>

#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/settings_reader.hpp"

namespace st::cli {

RunLimits read_limits(const std::vector<std::string>& flags) {
  RunLimits limits;
  for (const std::string& flag : flags) {
    const std::string where = "--limit " + flag;
    const auto eq = flag.find('=');
    const auto dot = flag.find('.');
    if (eq == std::string::npos || dot == std::string::npos || dot > eq || dot == 0 || dot + 1 == eq ||
        eq + 1 == flag.size())
      throw std::invalid_argument(where + ": expected SERVER.NAME=VALUE, e.g. api.rate=50");
    // The same reader as a scenario's settings (units, ranges, did-you-mean), on `{SERVER: {NAME: VALUE}}`.
    YAML::Node doc(YAML::NodeType::Map);
    YAML::Node server(YAML::NodeType::Map);
    server[flag.substr(dot + 1, eq - dot - 1)] = flag.substr(eq + 1);
    doc[flag.substr(0, dot)] = server;
    try {
      const scenario::Field root(where, doc, std::nullopt, "");
      scenario::read_settings(scenario::MapReader(root, scenario::setting_keys_of<RunLimits>()), limits);
    } catch (const scenario::ScenarioError& e) {
      throw std::invalid_argument(where + ": " + e.cause());
    }
  }
  return limits;
}

}  // namespace st::cli
