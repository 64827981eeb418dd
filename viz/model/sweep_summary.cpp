#include "model/sweep_summary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <system_error>

#include "model/csv_file.hpp"
#include "model/records.hpp"

namespace st::viz {

namespace fs = std::filesystem;

namespace {

// A figure's five columns, in this order, each NAME + suffix.
constexpr std::array<std::string_view, 5> kFigureSuffixes = {"_n", "_mean", "_sd", "_ci95_low", "_ci95_high"};
constexpr const char* kFigureColumns = "a figure's columns are NAME_n, NAME_mean, NAME_sd, NAME_ci95_low, NAME_ci95_high";
constexpr const char* kNameChars = "letters, digits, '.', '_', '-'";

bool is_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The header's layout: point, the parameters, runs, then five columns per figure. Returns the `runs` column.
std::size_t read_header(const csv::Header& h, SweepSummary& s) {
  if (h.name(0) != "point") {
    if (h.find("point")) throw InputError("column 'point' is not the first column");
    throw InputError("no column 'point' in the header");
  }
  const auto runs = h.find("runs");
  if (!runs) throw InputError("no column 'runs' in the header");
  if (*runs == 1) throw InputError("no parameter columns between 'point' and 'runs'");
  for (std::size_t i = 1; i < *runs; ++i) {
    const std::string& name = h.name(i);
    if (!is_name(name))
      throw InputError("column '" + name + "': not a parameter name (" + kNameChars + ")");
    if (std::find(s.parameters.begin(), s.parameters.end(), name) != s.parameters.end())
      throw InputError("parameter '" + name + "' twice in the header");
    s.parameters.push_back(name);
  }
  if (*runs + 1 == h.size()) throw InputError("no figure columns after 'runs'");
  for (std::size_t i = *runs + 1; i < h.size(); i += kFigureSuffixes.size()) {
    const std::string& first = h.name(i);
    if (!ends_with(first, "_n"))
      throw InputError("column '" + first + "': expected a figure's NAME_n column (" + kFigureColumns + ")");
    const std::string figure = first.substr(0, first.size() - 2);
    if (!is_name(figure))
      throw InputError("column '" + first + "': '" + figure + "' is not a figure name (" + kNameChars + ")");
    if (std::find(s.figures.begin(), s.figures.end(), figure) != s.figures.end())
      throw InputError("figure '" + figure + "' twice in the header");
    for (std::size_t k = 1; k < kFigureSuffixes.size(); ++k) {
      const std::string expected = figure + std::string(kFigureSuffixes[k]);
      if (i + k >= h.size())
        throw InputError("figure '" + figure + "' incomplete: no column '" + expected + "' (" + kFigureColumns + ")");
      if (h.name(i + k) != expected)
        throw InputError("column '" + h.name(i + k) + "': expected '" + expected + "' (" + kFigureColumns + ")");
    }
    s.figures.push_back(figure);
  }
  return *runs;
}

// An empty cell is no value; anything else is a finite number.
std::optional<double> optional_number(std::string_view cell, const std::string& column) {
  if (cell.empty()) return std::nullopt;
  const double d = csv::to_number(cell, column);
  if (!std::isfinite(d)) throw InputError("column '" + column + "': not a finite number ('" + std::string(cell) + "')");
  return d;
}

FigureStats read_figure(const std::vector<std::string_view>& cells, std::size_t first, const std::string& figure) {
  std::array<std::string, kFigureSuffixes.size()> columns;
  for (std::size_t k = 0; k < columns.size(); ++k) columns[k] = figure + std::string(kFigureSuffixes[k]);
  FigureStats f;
  f.n = csv::to_count(cells[first], columns[0]);
  std::array<std::optional<double>*, 4> values = {&f.mean, &f.sd, &f.ci95_low, &f.ci95_high};
  for (std::size_t k = 1; k < columns.size(); ++k) {
    *values[k - 1] = optional_number(cells[first + k], columns[k]);
    const bool needed = k == 1 ? f.n >= 1 : f.n >= 2;  // a mean from one run on, the spread from two
    if (f.n == 0 && *values[k - 1])
      throw InputError("column '" + columns[k] + "': a value with " + columns[0] + " 0");
    if (needed && !*values[k - 1])
      throw InputError("column '" + columns[k] + "': empty with " + columns[0] + " " + std::to_string(f.n));
  }
  return f;
}

SweepPoint read_point(const std::vector<std::string_view>& cells, const SweepSummary& s, std::size_t runs) {
  SweepPoint p;
  p.index = csv::to_count(cells[0], "point");
  for (std::size_t i = 0; i < s.parameters.size(); ++i) {
    if (cells[1 + i].empty()) throw InputError("column '" + s.parameters[i] + "': empty (expected the parameter's value)");
    p.parameters.emplace_back(cells[1 + i]);
  }
  p.runs = csv::to_count(cells[runs], "runs");
  for (std::size_t f = 0; f < s.figures.size(); ++f)
    p.figures.push_back(read_figure(cells, runs + 1 + f * kFigureSuffixes.size(), s.figures[f]));
  return p;
}

}  // namespace

SweepSummary read_sweep_summary(const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) csv::fail(file, 0, "no such file");
  if (fs::is_directory(file, ec)) csv::fail(file, 0, "a directory, not a summary.csv");
  std::ifstream in = csv::open(file);
  return read_sweep_summary(in, file);
}

SweepSummary read_sweep_summary(std::istream& in, const fs::path& file) {
  SweepSummary s;
  std::size_t runs = 0;
  csv::each_row(in, file, [&](const csv::Header& header, const std::vector<std::string_view>& cells, std::uint64_t line) {
    if (line == 0) runs = read_header(header, s);
    else s.points.push_back(read_point(cells, s, runs));
  });
  if (s.points.empty()) csv::fail(file, 0, "no points (no line after the header)");
  return s;
}

}  // namespace st::viz
