// The `run` subcommand: load and validate a scenario, build the world, run it, write the run directory,
// check expectations. Exit codes: 0 success, 1 expectations failed (--check), 2 bad input.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/live_bridges.hpp"

namespace st::cli {

struct RunOptions {
  std::string scenario_file;
  std::string out_dir;
  std::optional<std::uint64_t> seed;
  std::string keylog;          // empty: none
  std::string pcap;            // empty: none
  std::string entropy = "deterministic";  // or "os"
  bool check = false;
  bool quiet = false;
  bool aws_records = false;  // also write aws-events.jsonl and destination.jsonl (AWS's shapes)
  std::optional<std::uint16_t> serve;  // live telemetry on 127.0.0.1:PORT (0: any free port)
  bool serve_wait = false;             // hold the start until a first telemetry client connects
  std::optional<unsigned> crypto_workers;  // threads for cryptography beside the kernel (default: cores - 1, >= 1)
  LiveOptions live;                        // --api, --mqtt, --pace, --replay-stimuli (docs/api.md)
  std::vector<std::string> limits;         // --limit SERVER.NAME=VALUE (run_limits.hpp)
  std::vector<std::string> set;            // --set KEY=VALUE: scenario overrides (scenario_override.hpp)
};

int run_command(const RunOptions& o);
int validate_command(const std::string& file, const std::vector<std::string>& set = {});
int template_command();

}  // namespace st::cli
