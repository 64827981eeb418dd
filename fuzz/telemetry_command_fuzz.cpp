// Fuzz target: a telemetry client's command line (pause, resume, pace, or nothing).
#include "fuzz/fuzz_support.hpp"
#include "sim/telemetry/telemetry_command.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)st::telemetry::parse_telemetry_command(st::fuzz::text(data, size));
  return 0;
}
