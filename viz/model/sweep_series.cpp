#include "model/sweep_series.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace st::viz {

std::optional<double> plain_number(const std::string& text) {
  double d = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, d);
  if (text.empty() || ec != std::errc() || p != end || !std::isfinite(d)) return std::nullopt;
  return d;
}

SweepXAxis sweep_x_axis(const SweepSummary& s) {
  SweepXAxis x;
  bool numeric = true;
  for (const SweepPoint& p : s.points) {
    const auto v = plain_number(p.parameters.front());
    if (!v) {
      numeric = false;
      break;
    }
    x.positions.push_back(*v);
  }
  if (numeric && !x.positions.empty()) {
    const auto [lo, hi] = std::minmax_element(x.positions.begin(), x.positions.end());
    x.kind = *lo > 0 && *hi / *lo >= 20 ? SweepAxisKind::Log : SweepAxisKind::Linear;
    return x;
  }
  x.kind = SweepAxisKind::Category;
  x.positions.clear();
  for (const SweepPoint& p : s.points) {
    const std::string& text = p.parameters.front();
    auto it = std::find(x.categories.begin(), x.categories.end(), text);
    if (it == x.categories.end()) it = x.categories.insert(x.categories.end(), text);
    x.positions.push_back(static_cast<double>(it - x.categories.begin()));
  }
  return x;
}

std::vector<SweepSeries> sweep_series(const SweepSummary& s, const SweepXAxis& x) {
  std::vector<SweepSeries> out;
  for (std::size_t i = 0; i < s.points.size(); ++i) {
    const std::vector<std::string> values(s.points[i].parameters.begin() + 1, s.points[i].parameters.end());
    auto it = std::find_if(out.begin(), out.end(), [&](const SweepSeries& series) { return series.values == values; });
    if (it == out.end()) {
      SweepSeries series;
      series.values = values;
      for (std::size_t k = 0; k < values.size(); ++k)
        series.label += (k > 0 ? ", " : "") + s.parameters[k + 1] + "=" + values[k];
      it = out.insert(out.end(), std::move(series));
    }
    it->points.push_back(i);
  }
  for (SweepSeries& series : out)
    std::stable_sort(series.points.begin(), series.points.end(),
                     [&](std::size_t a, std::size_t b) { return x.positions[a] < x.positions[b]; });
  return out;
}

std::optional<ValueRange> figure_range(const SweepSummary& s, std::size_t figure) {
  std::optional<ValueRange> r;
  auto include = [&](double v) {
    if (!r) r = ValueRange{v, v};
    r->low = std::min(r->low, v);
    r->high = std::max(r->high, v);
  };
  for (const SweepPoint& p : s.points) {
    const FigureStats& f = p.figures[figure];
    if (f.n == 0 || !f.mean) continue;
    include(*f.mean);
    if (f.has_bar()) {
      include(*f.ci95_low);
      include(*f.ci95_high);
    }
  }
  return r;
}

}  // namespace st::viz
