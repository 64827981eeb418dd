#include "sim/campaign/statistics.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace st::campaign {

FigureStats figure_stats(const std::vector<double>& values) {
  FigureStats s;
  s.n = values.size();
  if (s.n == 0) return s;
  double sum = 0;
  for (double v : values) sum += v;
  const double mean = sum / static_cast<double>(s.n);
  s.mean = mean;
  if (s.n < 2) return s;
  double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  const double sd = std::sqrt(squares / static_cast<double>(s.n - 1));
  const boost::math::students_t t(static_cast<double>(s.n - 1));
  const double half = boost::math::quantile(boost::math::complement(t, 0.025)) * sd / std::sqrt(static_cast<double>(s.n));
  s.sd = sd;
  s.ci95_low = mean - half;
  s.ci95_high = mean + half;
  return s;
}

}  // namespace st::campaign
