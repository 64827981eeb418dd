#include "sim/output/expectation_check.hpp"

#include <algorithm>
#include <cmath>

namespace st::output {

double percentile(std::vector<double> values, int p) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  // Nearest rank, in integers: rank = ceil(p * n / 100), so p7 of 1..100 is exactly 7.
  const std::size_t n = values.size();
  const std::size_t pp = static_cast<std::size_t>(std::clamp(p, 0, 100));
  const std::size_t rank = (pp * n + 99) / 100;
  const std::size_t i = rank < 1 ? 0 : rank - 1;
  return values[std::min(i, n - 1)];
}

namespace {
std::size_t state_index(const std::string& name) {
  for (std::size_t i = 0; i < metrics::kFleetStateCount; ++i)
    if (metrics::to_string(static_cast<metrics::FleetState>(i)) == name) return i;
  return 0;
}
}  // namespace

ExpectationCheck::ExpectationCheck(const scenario::Scenario& s, const RunRecorder& recorder)
    : scenario_(s), recorder_(recorder), observed_(s.expectations.size(), 0.0), taken_(s.expectations.size(), false) {}

std::vector<std::pair<SimTime, std::size_t>> ExpectationCheck::snapshot_times() const {
  std::vector<std::pair<SimTime, std::size_t>> out;
  for (std::size_t i = 0; i < scenario_.expectations.size(); ++i) {
    const auto& e = scenario_.expectations[i];
    if (e.kind != scenario::ExpectKind::StateCount && e.kind != scenario::ExpectKind::StateFraction) continue;
    out.emplace_back(e.at == kNever ? scenario_.duration : e.at, i);
  }
  return out;
}

void ExpectationCheck::snapshot(std::size_t index) {
  const auto& e = scenario_.expectations[index];
  const std::size_t s = state_index(e.state);
  std::int64_t count = 0;
  double population = 0;
  if (e.device_type) {
    for (std::uint16_t t = 0; t < scenario_.world.device_types.size(); ++t) {
      if (scenario_.world.device_types[t].name != *e.device_type) continue;
      count = recorder_.counts(t)[s];
      population = scenario_.world.device_types[t].count;
    }
  } else {
    count = recorder_.counts()[s];
    population = static_cast<double>(scenario_.device_count());
  }
  observed_[index] = e.kind == scenario::ExpectKind::StateFraction
                         ? (population > 0 ? static_cast<double>(count) / population : 0.0)
                         : static_cast<double>(count);
  taken_[index] = true;
}

std::vector<ExpectationResult> ExpectationCheck::evaluate() const {
  std::vector<ExpectationResult> out;
  for (std::size_t i = 0; i < scenario_.expectations.size(); ++i) {
    const auto& e = scenario_.expectations[i];
    double v = 0;
    switch (e.kind) {
      case scenario::ExpectKind::StateCount:
      case scenario::ExpectKind::StateFraction: v = observed_[i]; break;
      case scenario::ExpectKind::HandshakeLatency: v = percentile(recorder_.latencies_ms(), e.percentile); break;
      case scenario::ExpectKind::Counter: v = static_cast<double>(recorder_.counter(e.counter)); break;
      case scenario::ExpectKind::Ratio: {
        const auto den = recorder_.counter(e.denominator);
        v = den == 0 ? 0.0 : static_cast<double>(recorder_.counter(e.counter)) / static_cast<double>(den);
        break;
      }
    }
    const bool ok = v >= e.min - 1e-12 && v <= e.max + 1e-12;
    out.push_back({&e, ok, v,
                   scenario_.file + ":" + std::to_string(e.where.line) + ":" + std::to_string(e.where.column)});
  }
  return out;
}

}  // namespace st::output
