// Every point of a sweep checked before any run: each parameter value alone on the base scenario (an error
// names the value in the sweep file), then each point's whole set of values, by the scenario's own reader.
#pragma once
#include "sim/campaign/sweep_plan.hpp"

namespace st::campaign {

// Throws scenario::ScenarioError at the sweep file: `SWEEP:LINE:COL: parameter 'NAME' = VALUE: <the
// scenario's error>`, or for a point `SWEEP:LINE:COL: point N (a=1, b=2): <the scenario's error>`.
void check_points(const SweepSpec& spec, const SweepPlan& plan);

}  // namespace st::campaign
