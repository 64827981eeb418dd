// How a sweep's figure is plotted: the x axis (the first parameter: linear, logarithmic or categories), one
// series per combination of the other parameters, and the value range a figure's means and bars need. Qt-free.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/sweep_summary.hpp"

namespace st::viz {

enum class SweepAxisKind { Linear, Log, Category };

struct SweepXAxis {
  SweepAxisKind kind = SweepAxisKind::Linear;
  std::vector<double> positions;        // by point: its value (Linear, Log), or its category's index (Category)
  std::vector<std::string> categories;  // Category: the first parameter's distinct values in file order
};

// Numeric when every value of the first parameter is a plain number (logarithmic when all are > 0 and
// max/min >= 20), else categories in file order.
SweepXAxis sweep_x_axis(const SweepSummary& s);

// The text is a plain finite number ("50", "0.25", "-1e3"; not "10min", "25%", "inf").
std::optional<double> plain_number(const std::string& text);

struct SweepSeries {
  std::vector<std::string> values;  // the other parameters' values (parameters 2..N)
  std::string label;                // "NAME=VALUE, NAME=VALUE"; empty with one parameter
  std::vector<std::size_t> points;  // indices into SweepSummary::points, by x position (file order among equals)
};

// One series per combination of the other parameters' values, in first-appearance order.
std::vector<SweepSeries> sweep_series(const SweepSummary& s, const SweepXAxis& x);

struct ValueRange {
  double low = 0;
  double high = 0;
};

// The lowest and highest of a figure's means and confidence bars over all points; nullopt when no point has a
// value.
std::optional<ValueRange> figure_range(const SweepSummary& s, std::size_t figure);

}  // namespace st::viz
