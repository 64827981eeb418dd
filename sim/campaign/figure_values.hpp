// A run's figures, read from its summary.json: a value at a dotted path, or the ratio of two. A value is
// missing when the path is not in this run's summary (a link without frames; or the figure's `missing` value)
// or a ratio's denominator is 0.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/campaign/sweep_spec.hpp"

namespace st::campaign {

using FigureValue = std::optional<double>;

// std::invalid_argument "figure 'NAME': 'PATH' in summary.json is an object, not a number" when a path
// reaches something other than a number.
std::vector<FigureValue> read_figures(const nlohmann::json& summary, const std::vector<Figure>& figures);

// Exact, locale-free text of a value (shortest round trip; empty when missing) and back.
std::string figure_text(const FigureValue& v);
FigureValue figure_from_text(const std::string& text);

}  // namespace st::campaign
