// A sweep's summary.csv (sidewalk-twin sweep): per point its parameter values and, per figure, the runs' count,
// mean, standard deviation and 95% confidence interval. Qt-free; every bad cell is an InputError FILE:LINE: cause.
#pragma once
#include <cstdint>
#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace st::viz {

// One figure at one point: n runs had a value (0: no mean; 1: a mean only).
struct FigureStats {
  std::uint64_t n = 0;
  std::optional<double> mean;
  std::optional<double> sd;
  std::optional<double> ci95_low;
  std::optional<double> ci95_high;

  // A confidence bar is drawn from two runs on.
  bool has_bar() const { return n >= 2 && ci95_low && ci95_high; }
};

struct SweepPoint {
  std::uint64_t index = 0;              // the `point` column
  std::vector<std::string> parameters;  // the values as written, by parameter
  std::uint64_t runs = 0;
  std::vector<FigureStats> figures;  // by figure
};

struct SweepSummary {
  std::vector<std::string> parameters;  // the columns between `point` and `runs`, in order
  std::vector<std::string> figures;     // NAME of each NAME_n ... NAME_ci95_high group, in order
  std::vector<SweepPoint> points;       // in file order
};

// Reads summary.csv; InputError "FILE:LINE: cause" ("FILE: cause") on anything it cannot take.
SweepSummary read_sweep_summary(const std::filesystem::path& file);
// The same from a stream; `file` names it in the errors.
SweepSummary read_sweep_summary(std::istream& in, const std::filesystem::path& file);

}  // namespace st::viz
