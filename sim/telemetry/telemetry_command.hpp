// TelemetryCommand: one command line a telemetry client sends (docs/telemetry.md): pause, resume, or a pace.
// Anything else (not JSON, not an object, an unknown cmd, a pace without a finite number >= 0) is no command.
#pragma once
#include <optional>
#include <string_view>

namespace st::telemetry {

struct TelemetryCommand {
  enum Kind { Pause, Resume, Pace } kind = Pause;
  double sim_seconds_per_second = 0;  // Pace
};

std::optional<TelemetryCommand> parse_telemetry_command(std::string_view line);

}  // namespace st::telemetry
