// RunLimits: what a client may take of the servers a run opens, set with `run --limit SERVER.NAME=VALUE` (the API's
// HttpLimits, the telemetry's ServerOptions; each setting is declared beside its server, with its default and range).
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "models/base/setting.hpp"
#include "sim/api/http_server.hpp"
#include "sim/telemetry/telemetry_server.hpp"

namespace st::cli {

struct RunLimits {
  api::HttpLimits api;
  telemetry::ServerOptions telemetry;
};

// Applies each `SERVER.NAME=VALUE` in order (a later one wins) to the defaults. Throws std::invalid_argument naming
// the flag and the cause: an unknown server or setting (with a did-you-mean), a value out of its range or unit.
RunLimits read_limits(const std::vector<std::string>& flags);

}  // namespace st::cli

template <>
struct st::models::Settings<st::cli::RunLimits> {
  static constexpr auto list =
      std::make_tuple(Section<st::cli::RunLimits, st::api::HttpLimits>{"api", &st::cli::RunLimits::api},
                      Section<st::cli::RunLimits, st::telemetry::ServerOptions>{"telemetry",
                                                                                &st::cli::RunLimits::telemetry});
};
