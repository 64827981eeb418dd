#include "sim/campaign/sweep_spec.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/campaign/number_text.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace st::campaign {

namespace {

using scenario::Field;
using scenario::MapReader;

// A range bound: its number and the unit written after it ("10min" -> 10, "min").
struct Quantity {
  double number;
  std::string unit;
};

Quantity read_quantity(const Field& f) {
  const std::string s = f.scalar("a number, with a unit or not");
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || !std::isfinite(v)) f.fail("'" + s + "' does not start with a number");
  return {v, std::string(end, s.data() + s.size())};
}

std::vector<std::string> read_range(const Field& f) {
  const MapReader r(f, {"from", "to", "step"});
  const Field from_f = r.require("from"), to_f = r.require("to"), step_f = r.require("step");
  const Quantity from = read_quantity(from_f), to = read_quantity(to_f), step = read_quantity(step_f);
  if (to.unit != from.unit) to_f.fail("its unit '" + to.unit + "' is not from's '" + from.unit + "'");
  if (step.unit != from.unit) step_f.fail("its unit '" + step.unit + "' is not from's '" + from.unit + "'");
  if (!(step.number > 0)) step_f.fail("must be > 0");
  if (to.number < from.number) to_f.fail("must not be below from");
  const double steps = std::floor((to.number - from.number) / step.number + 1e-9);
  if (steps + 1 > 10'000) f.fail("makes " + exact_text(steps + 1) + " values (at most 10000)");
  std::vector<std::string> values;
  for (double i = 0; i <= steps; ++i) values.push_back(exact_text(from.number + i * step.number) + from.unit);
  return values;
}

std::string value_text(const Field& f) {
  const std::string s = f.scalar("a single value (a number, a duration, a name)");
  if (s.empty()) f.fail("must not be empty");
  for (char c : s) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') f.fail("a value for a CSV column may not hold ',', '\"' or line ends");
  }
  return s;
}

void check_path(const Field& f, const std::string& path) {
  if (path.empty() || path.front() == '.' || path.back() == '.' || path.find("..") != std::string::npos)
    f.fail("'" + path + "' is not a dotted path (a.b.c)");
}

Parameter read_parameter(const Field& f) {
  const MapReader r(f, {"name", "key", "values", "range"});
  Parameter p;
  p.where = f.where();
  p.key = r.require("key").as_text();
  check_path(r.require("key"), p.key);
  p.name = r.has("name") ? r.require("name").as_name() : p.key;
  const auto values = r.get("values");
  const auto range = r.get("range");
  if (values && range) range->fail_key("give values or a range, not both");
  if (!values && !range) f.fail("needs values: [...] or range: {from, to, step}");
  if (values) {
    if (!values->is_list() || values->as_list().empty()) values->fail("must be a list of at least one value");
    std::set<std::string> seen;
    for (const Field& v : values->as_list()) {
      p.values.push_back(value_text(v));
      p.value_where.push_back(v.where());
      if (!seen.insert(p.values.back()).second) v.fail("'" + p.values.back() + "' is listed twice");
    }
  } else {
    p.values = read_range(*range);
    p.value_where.assign(p.values.size(), range->where());
  }
  return p;
}

std::vector<std::uint64_t> read_seeds(const Field& f) {
  std::vector<std::uint64_t> seeds;
  if (f.is_list()) {
    std::set<std::uint64_t> seen;
    for (const Field& s : f.as_list()) {
      seeds.push_back(s.as_uint(0, UINT64_MAX));
      if (!seen.insert(seeds.back()).second) s.fail("seed " + std::to_string(seeds.back()) + " is listed twice");
    }
    if (seeds.empty()) f.fail("must list at least one seed");
  } else {
    const std::uint64_t n = f.as_uint(1, 100'000);
    for (std::uint64_t s = 1; s <= n; ++s) seeds.push_back(s);
  }
  return seeds;
}

Figure read_figure(const Field& f) {
  const MapReader r(f, {"name", "value", "ratio", "missing"});
  Figure fig;
  fig.where = f.where();
  if (r.has("missing")) fig.missing = r.require("missing").as_number();
  const auto value = r.get("value");
  const auto ratio = r.get("ratio");
  if (value && ratio) ratio->fail_key("give value or ratio, not both");
  if (value) {
    fig.path = value->as_text();
    check_path(*value, fig.path);
    fig.name = r.has("name") ? r.require("name").as_name() : fig.path;
  } else if (ratio) {
    const std::vector<Field> parts = ratio->is_list() ? ratio->as_list() : std::vector<Field>{};
    if (parts.size() != 2) ratio->fail("must be [numerator, denominator]: two summary.json paths");
    fig.kind = FigureKind::Ratio;
    fig.path = parts[0].as_text();
    check_path(parts[0], fig.path);
    fig.denominator = parts[1].as_text();
    check_path(parts[1], fig.denominator);
    fig.name = r.require("name").as_name();
  } else {
    f.fail("needs value: PATH or ratio: [PATH, PATH] (summary.json paths, docs/outputs.md)");
  }
  return fig;
}

YAML::Node parse(const std::string& text, const std::string& file) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw scenario::ScenarioError(file, scenario::source_ref(e.mark), "YAML syntax error: " + e.msg);
  }
}

}  // namespace

SweepSpec read_sweep_text(const std::string& text, const std::string& file) {
  const YAML::Node doc = parse(text, file);
  if (!doc || !doc.IsMap()) throw scenario::ScenarioError(file, 1, 1, "a sweep file is a map: sweep, parameters, seeds, figures");
  const Field root(file, doc, std::nullopt, "");
  const MapReader top(root, {"sweep", "parameters", "seeds", "figures"});
  SweepSpec spec;
  spec.file = file;
  const MapReader head(top.require("sweep"), {"name", "scenario", "description"});
  spec.name = head.require("name").as_name();
  if (head.has("description")) head.require("description").as_text();
  const Field scenario_f = head.require("scenario");
  const std::filesystem::path given = scenario_f.as_text();
  spec.scenario_file =
      (given.is_absolute() ? given : std::filesystem::path(file).parent_path() / given).lexically_normal().string();

  const Field params = top.require("parameters");
  if (!params.is_list() || params.as_list().empty()) params.fail("must be a list of at least one parameter");
  std::set<std::string> names{"point", "run", "seed", "runs"};
  std::size_t points = 1;
  for (const Field& p : params.as_list()) {
    spec.parameters.push_back(read_parameter(p));
    if (!names.insert(spec.parameters.back().name).second)
      p.fail("the name '" + spec.parameters.back().name + "' is taken (names: parameters' and point, run, seed, runs)");
    points *= spec.parameters.back().values.size();
    if (points > kMaxSweepRuns) p.fail("makes more than " + std::to_string(kMaxSweepRuns) + " points");
  }
  spec.seeds = top.has("seeds") ? read_seeds(top.require("seeds")) : std::vector<std::uint64_t>{1};
  if (points * spec.seeds.size() > kMaxSweepRuns)
    top.require("seeds").fail("makes " + std::to_string(points * spec.seeds.size()) + " runs (at most " +
                              std::to_string(kMaxSweepRuns) + ")");

  const Field figs = top.require("figures");
  if (!figs.is_list() || figs.as_list().empty()) figs.fail("must be a list of at least one figure");
  for (const Field& f : figs.as_list()) {
    spec.figures.push_back(read_figure(f));
    if (!names.insert(spec.figures.back().name).second)
      f.fail("the name '" + spec.figures.back().name + "' is taken by a parameter or another figure");
  }
  if (!std::filesystem::is_regular_file(spec.scenario_file))
    scenario_f.fail("no such scenario file: " + spec.scenario_file);
  return spec;
}

SweepSpec read_sweep_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw scenario::ScenarioError(path, 0, 0, "cannot read the sweep file");
  std::ostringstream text;
  text << in.rdbuf();
  return read_sweep_text(text.str(), path);
}

}  // namespace st::campaign
