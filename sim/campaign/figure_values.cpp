#include "sim/campaign/figure_values.hpp"

#include <charconv>
#include <stdexcept>

#include "sim/campaign/number_text.hpp"

namespace st::campaign {

namespace {

const char* kind_of(const nlohmann::json& j) {
  if (j.is_object()) return "an object";
  if (j.is_array()) return "a list";
  if (j.is_string()) return "a text";
  if (j.is_boolean()) return "true or false";
  return "null";
}

FigureValue at_path(const nlohmann::json& summary, const std::string& path, const Figure& figure) {
  const nlohmann::json* at = &summary;
  std::size_t from = 0;
  while (true) {
    const std::size_t dot = path.find('.', from);
    const std::string part = path.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
    if (at->is_object()) {
      const auto it = at->find(part);
      if (it == at->end()) return figure.missing;
      at = &*it;
    } else if (at->is_array()) {
      std::size_t i = 0;
      const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), i);
      if (ec != std::errc() || end != part.data() + part.size() || i >= at->size()) return figure.missing;
      at = &(*at)[i];
    } else {
      return figure.missing;
    }
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  if (!at->is_number()) {
    throw std::invalid_argument("figure '" + figure.name + "': '" + path + "' in summary.json is " + kind_of(*at) +
                                ", not a number");
  }
  return at->get<double>();
}

}  // namespace

std::vector<FigureValue> read_figures(const nlohmann::json& summary, const std::vector<Figure>& figures) {
  std::vector<FigureValue> values;
  for (const Figure& f : figures) {
    const FigureValue v = at_path(summary, f.path, f);
    if (f.kind == FigureKind::Value) {
      values.push_back(v);
      continue;
    }
    const FigureValue d = at_path(summary, f.denominator, f);
    values.push_back(v && d && *d != 0 ? FigureValue(*v / *d) : std::nullopt);
  }
  return values;
}

std::string figure_text(const FigureValue& v) { return v ? exact_text(*v) : std::string(); }

FigureValue figure_from_text(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) throw std::invalid_argument("not a figure: '" + text + "'");
  return v;
}

}  // namespace st::campaign
