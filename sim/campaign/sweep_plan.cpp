#include "sim/campaign/sweep_plan.hpp"

namespace st::campaign {

namespace {

std::string padded(std::size_t v, std::size_t width) {
  std::string s = std::to_string(v);
  return s.size() < width ? std::string(width - s.size(), '0') + s : s;
}

}  // namespace

SweepPlan plan_sweep(const SweepSpec& spec) {
  SweepPlan plan;
  std::size_t count = 1;
  for (const auto& p : spec.parameters) count *= p.values.size();
  const std::size_t width = std::max<std::size_t>(3, std::to_string(count > 0 ? count - 1 : 0).size());
  std::vector<std::size_t> at(spec.parameters.size(), 0);  // an odometer over the values
  for (std::size_t i = 0; i < count; ++i) {
    Point point;
    point.index = i;
    for (std::size_t k = 0; k < spec.parameters.size(); ++k) {
      const Parameter& p = spec.parameters[k];
      point.values.push_back(p.values[at[k]]);
      point.overrides.push_back({p.key, p.values[at[k]]});
    }
    for (std::uint64_t seed : spec.seeds) {
      plan.runs.push_back({plan.runs.size(), i, seed, "p" + padded(i, width) + "-s" + std::to_string(seed)});
    }
    plan.points.push_back(std::move(point));
    for (std::size_t k = spec.parameters.size(); k-- > 0;) {
      if (++at[k] < spec.parameters[k].values.size()) break;
      at[k] = 0;
    }
  }
  return plan;
}

std::vector<PlannedRun> share_of(const SweepPlan& plan, int rank, int ranks) {
  std::vector<PlannedRun> mine;
  for (const auto& r : plan.runs) {
    if (r.index % static_cast<std::size_t>(ranks) == static_cast<std::size_t>(rank)) mine.push_back(r);
  }
  return mine;
}

}  // namespace st::campaign
