#include "model/run_compare.hpp"

#include <cmath>

namespace st::viz {

namespace {

struct KeyFigure {
  const char* name;
  const char* path;
  int decimals;
  bool higher_is_better;
};

// Derived figures (ratios the summary does not write) are computed from two counts: "a/b".
constexpr KeyFigure kFigures[] = {
    {"devices", "/devices", 0, true},
    {"registered at the end", "/final_states/registered", 0, true},
    {"de-registered at the end", "/final_states/deregistered", 0, false},
    {"blocked at the end", "/final_states/blocked", 0, false},
    {"rejected at the end", "/final_states/rejected", 0, false},
    {"handshakes succeeded", "/handshakes/succeeded", 0, true},
    {"handshakes failed", "/handshakes/failed", 0, false},
    {"handshake latency p50 (ms)", "/handshakes/latency_ms/p50", 1, false},
    {"handshake latency p95 (ms)", "/handshakes/latency_ms/p95", 1, false},
    {"handshake latency p99 (ms)", "/handshakes/latency_ms/p99", 1, false},
    {"uplinks sent", "/uplinks/sent", 0, true},
    {"uplinks delivered", "/uplinks/delivered", 0, true},
    {"uplink delivery ratio", "/uplinks/delivered|/uplinks/sent", 4, true},
    {"uplinks rejected", "/uplinks/rejected", 0, false},
    {"uplinks dropped", "/uplinks/dropped", 0, false},
    {"downlinks delivered", "/downlinks/delivered", 0, true},
    {"refusals", "/refusals/total", 0, false},
    {"radio frames", "/radio/frames", 0, false},
    {"radio delivery ratio", "/radio/delivery_ratio", 4, true},
    {"energy per device per day (mJ)", "/energy/per_device_per_day_mj/mean", 1, false},
    {"battery lifetime p5 (days)", "/energy/battery_lifetime_days/p5", 1, true},
};

std::optional<double> number_at(const nlohmann::json& j, const std::string& pointer) {
  try {
    const nlohmann::json& v = j.at(nlohmann::json::json_pointer(pointer));
    if (v.is_number()) return v.get<double>();
  } catch (const nlohmann::json::exception&) {
  }
  return std::nullopt;
}

std::optional<double> figure(const nlohmann::json& j, const std::string& path) {
  const std::size_t bar = path.find('|');
  if (bar == std::string::npos) return number_at(j, path);
  const auto a = number_at(j, path.substr(0, bar)), b = number_at(j, path.substr(bar + 1));
  if (!a || !b) return std::nullopt;
  return *b == 0 ? 0.0 : *a / *b;
}

}  // namespace

std::optional<double> FigureDiff::difference() const {
  if (!run || !baseline) return std::nullopt;
  return *run - *baseline;
}

std::optional<double> FigureDiff::relative() const {
  if (!run || !baseline || *baseline == 0) return std::nullopt;
  return (*run - *baseline) / std::fabs(*baseline);
}

std::vector<FigureDiff> compare_key_figures(const nlohmann::json& run_summary, const nlohmann::json& baseline_summary) {
  std::vector<FigureDiff> out;
  for (const KeyFigure& k : kFigures) {
    FigureDiff d;
    d.name = k.name;
    d.path = k.path;
    d.decimals = k.decimals;
    d.higher_is_better = k.higher_is_better;
    d.run = figure(run_summary, k.path);
    d.baseline = figure(baseline_summary, k.path);
    if (!d.run && !d.baseline) continue;  // neither run has it (e.g. no physical layer)
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace st::viz
