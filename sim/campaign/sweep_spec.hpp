// A sweep file (docs/campaigns.md): a base scenario, the parameters to vary over it, the seeds each point runs
// with and the figures to collect from every run's summary.json. Read with the scenario's own position-aware
// reader: every refusal is `FILE:LINE:COL: cause`.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace st::campaign {

struct Parameter {
  std::string name;                 // the column in sweep.csv and summary.csv
  std::string key;                  // scenario key path (scenario_override.hpp)
  std::vector<std::string> values;  // YAML scalars as written (or made from a range)
  std::vector<scenario::SourceRef> value_where;  // where each value was written (a range: the range)
  scenario::SourceRef where;
};

enum class FigureKind { Value, Ratio };

struct Figure {
  std::string name;
  FigureKind kind = FigureKind::Value;
  std::string path;         // summary.json dotted path (the numerator of a ratio)
  std::string denominator;  // ratios only
  std::optional<double> missing;  // the value of a path a run's summary leaves out (0 for counts it omits)
  scenario::SourceRef where;
};

struct SweepSpec {
  std::string file;           // the sweep file, as given
  std::string name;
  std::string scenario_file;  // the base scenario, resolved against the sweep file's folder
  std::vector<Parameter> parameters;
  std::vector<std::uint64_t> seeds;
  std::vector<Figure> figures;
};

inline constexpr std::size_t kMaxSweepRuns = 1'000'000;

// Throws scenario::ScenarioError.
SweepSpec read_sweep_file(const std::string& path);
SweepSpec read_sweep_text(const std::string& text, const std::string& file_for_messages);

}  // namespace st::campaign
