// Fuzz target: the scenario loader (YAML text -> a validated Scenario, or a ScenarioError naming the place).
#include <stdexcept>

#include "fuzz/fuzz_support.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto s = st::scenario::load_scenario_text(std::string(st::fuzz::text(data, size)), "fuzz.yaml");
    (void)s.device_capacity();
  } catch (const st::scenario::ScenarioError&) {
  }
  return 0;
}
