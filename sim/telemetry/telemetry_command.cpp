#include "sim/telemetry/telemetry_command.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace st::telemetry {

std::optional<TelemetryCommand> parse_telemetry_command(std::string_view line) {
  const auto j = nlohmann::ordered_json::parse(line, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  const auto cmd = j.find("cmd");
  if (cmd == j.end() || !cmd->is_string()) return std::nullopt;
  const std::string name = cmd->get<std::string>();
  if (name == "pause") return TelemetryCommand{TelemetryCommand::Pause, 0, {}, {}, {}};
  if (name == "resume") return TelemetryCommand{TelemetryCommand::Resume, 0, {}, {}, {}};
  if (name == "action") {
    TelemetryCommand c{TelemetryCommand::Action, 0, {}, j.dump(), {}};
    const auto action = j.find("action");
    if (action != j.end()) c.action = action->dump();
    for (const auto& member : j.items()) {
      if (member.key() != "cmd" && member.key() != "action") {
        c.error = "unknown key '" + member.key() + "' in the command (allowed: cmd, action)";
        break;
      }
    }
    return c;
  }
  if (name != "pace") return std::nullopt;
  const auto x = j.find("sim_seconds_per_second");
  if (x == j.end() || !x->is_number()) return std::nullopt;
  const double v = x->get<double>();
  if (!std::isfinite(v) || v < 0) return std::nullopt;
  return TelemetryCommand{TelemetryCommand::Pace, v, {}, {}, {}};
}

}  // namespace st::telemetry
