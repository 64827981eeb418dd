// Fuzz target: a sweep's inputs. First byte 0: the rest is a sweep file (read_sweep_text; the base scenario it
// names rarely exists, which the reader checks last). Otherwise: the rest is `KEY=VALUE`, set on a small scenario
// as `run --set` does and the scenario read. Either ends in a result or a ScenarioError / invalid_argument.
#include <stdexcept>

#include "fuzz/fuzz_support.hpp"
#include "sim/campaign/sweep_plan.hpp"
#include "sim/campaign/sweep_spec.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace {

constexpr const char* kScenario =
    "scenario: {name: f, duration: 1h}\n"
    "topology:\n  gateways:\n    - {name: gw, count: 2, links: [ble, fsk]}\n"
    "fleet:\n  device_types:\n    - {name: tag, count: 10, qualified: true, traffic: {uplink_period: 5min}}\n"
    "timeline:\n  - {at: 10min, action: deregister}\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string rest(st::fuzz::text(data + 1, size - 1));
  try {
    if (data[0] == 0) {
      const auto spec = st::campaign::read_sweep_text(rest, "/nonexistent/fuzz.yaml");
      (void)st::campaign::plan_sweep(spec).runs.size();
    } else {
      (void)st::scenario::load_scenario_text(kScenario, "fuzz.yaml", {st::scenario::parse_override(rest)});
    }
  } catch (const st::scenario::ScenarioError&) {
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
