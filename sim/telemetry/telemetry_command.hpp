// TelemetryCommand: one command line a telemetry client sends (docs/telemetry.md): pause, resume, a pace, or a
// timeline action to apply now. Anything else (not JSON, not an object, an unknown cmd, a pace without a finite
// number >= 0) is no command; an action's content is read later, against the scenario, by whoever takes it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace st::telemetry {

struct TelemetryCommand {
  enum Kind { Pause, Resume, Pace, Action } kind = Pause;
  double sim_seconds_per_second = 0;  // Pace
  // Action: the `action` member's JSON text (empty when there is none), the whole command as JSON text (what
  // stimuli.jsonl keeps as its `request`), and what is wrong with the command itself (its other keys), if anything.
  std::string action;
  std::string request;
  std::string error;
};

std::optional<TelemetryCommand> parse_telemetry_command(std::string_view line);

}  // namespace st::telemetry
