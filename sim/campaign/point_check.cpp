#include "sim/campaign/point_check.hpp"

#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace st::campaign {

void check_points(const SweepSpec& spec, const SweepPlan& plan) {
  const std::string base = scenario::read_scenario_text(spec.scenario_file);  // once, for every check below
  for (const Parameter& p : spec.parameters) {
    for (std::size_t v = 0; v < p.values.size(); ++v) {
      try {
        scenario::load_scenario_text(base, spec.scenario_file, {{p.key, p.values[v]}});
      } catch (const scenario::ScenarioError& e) {
        throw scenario::ScenarioError(spec.file, p.value_where[v],
                                      "parameter '" + p.name + "' = " + p.values[v] + ": " + e.what());
      }
    }
  }
  if (spec.parameters.size() < 2) return;
  for (const Point& point : plan.points) {
    try {
      scenario::load_scenario_text(base, spec.scenario_file, point.overrides);
    } catch (const scenario::ScenarioError& e) {
      throw scenario::ScenarioError(spec.file, spec.parameters.front().where,
                                    "point " + std::to_string(point.index) + " (" +
                                        scenario::describe_overrides(point.overrides) + "): " + e.what());
    }
  }
}

}  // namespace st::campaign
