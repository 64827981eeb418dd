// Statistics of one figure over a point's runs: mean, sample standard deviation and the two-sided 95%
// confidence interval of the mean from Student's t distribution (Boost.Math), as ns-3's and OMNeT++'s users
// report replications.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

namespace st::campaign {

struct FigureStats {
  std::size_t n = 0;
  std::optional<double> mean;     // n >= 1
  std::optional<double> sd;       // n >= 2
  std::optional<double> ci95_low;  // n >= 2: mean -+ t(0.975, n-1) * sd / sqrt(n)
  std::optional<double> ci95_high;
};

FigureStats figure_stats(const std::vector<double>& values);

}  // namespace st::campaign
