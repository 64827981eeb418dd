// Two runs side by side: the key figures of two summary.json files (this run and a baseline) with their
// differences: final states, handshakes and their latency, uplinks and their delivery, refusals, radio delivery,
// energy. A figure either summary lacks is shown as missing, not as zero. Qt-free.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace st::viz {

struct FigureDiff {
  std::string name;     // "uplinks delivered"
  std::string path;     // its JSON pointer in summary.json ("/uplinks/delivered")
  std::optional<double> run, baseline;
  int decimals = 0;     // how the figure is written
  bool higher_is_better = true;
  // run - baseline, when both are known.
  std::optional<double> difference() const;
  // The difference relative to the baseline, when both are known and the baseline is not 0.
  std::optional<double> relative() const;
};

std::vector<FigureDiff> compare_key_figures(const nlohmann::json& run_summary, const nlohmann::json& baseline_summary);

}  // namespace st::viz
