// Scenario overrides: a value set at a key path of the scenario document before it is read (`run --set KEY=VALUE`,
// and every point of a sweep). The reader then checks the value as if the file held it.
#pragma once
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

namespace st::scenario {

// KEY is a dotted path: map keys by name, list items by their `name` or by their index from 0
// (`fleet.device_types.sensors.count`, `timeline.0.at`). VALUE is YAML (a scalar, or a flow list or map).
struct Override {
  std::string key;
  std::string value;
};

// "KEY=VALUE" -> Override; std::invalid_argument naming the text when there is no '=' or the key is empty.
Override parse_override(std::string_view text);

// Sets each value in doc in order. A missing map key is added (a setting left at its default, or a section the
// file leaves out); a list item must exist. A scalar replaced by a scalar keeps its place in the file, so the
// reader's errors point there. std::invalid_argument "KEY: cause" when the path does not lead anywhere.
void apply_overrides(YAML::Node& doc, const std::vector<Override>& overrides);

// "KEY=VALUE, KEY=VALUE" for messages.
std::string describe_overrides(const std::vector<Override>& overrides);

}  // namespace st::scenario
