#include "sim/scenario/distribution_reader.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace st::scenario {

namespace {

struct KindSpec {
  std::string name;
  Distribution::Kind kind;
  std::vector<std::string> params;
};

const std::vector<KindSpec>& kinds() {
  static const std::vector<KindSpec> k = {
      {"constant", Distribution::Kind::Constant, {"value"}},
      {"uniform", Distribution::Kind::Uniform, {"min", "max"}},
      {"exponential", Distribution::Kind::Exponential, {"mean"}},
      {"lognormal", Distribution::Kind::LogNormal, {"median", "sigma"}},
      {"normal", Distribution::Kind::Normal, {"mean", "sd"}},
  };
  return k;
}

double ns(const Field& f) { return static_cast<double>(f.as_duration()); }

}  // namespace

Distribution read_time_distribution(const Field& field) {
  if (field.is_scalar()) return Distribution::constant(ns(field));
  if (!field.is_map()) {
    field.fail("expected a time (e.g. 30ms) or a distribution map (e.g. {dist: exponential, mean: 30s})");
  }
  const MapReader m(field, {"dist", "value", "min", "max", "mean", "median", "sigma", "sd"});
  const Field dist = m.require("dist");
  std::vector<std::pair<std::string, const KindSpec*>> table;
  for (const auto& k : kinds()) table.emplace_back(k.name, &k);
  const KindSpec& spec = *dist.as_enum("distribution", table);

  for (const auto& key : m.keys()) {
    if (key == "dist") continue;
    if (std::find(spec.params.begin(), spec.params.end(), key) == spec.params.end()) {
      m.get(key)->fail_key("'" + key + "' is not a parameter of the " + spec.name + " distribution (it takes: " +
                           join_names(spec.params) + ")");
    }
  }
  for (const auto& p : spec.params) {
    if (!m.has(p)) dist.fail_key("the " + spec.name + " distribution needs '" + p + "' (it takes: " +
                                 join_names(spec.params) + ")");
  }

  switch (spec.kind) {
    case Distribution::Kind::Constant: return Distribution::constant(ns(*m.get("value")));
    case Distribution::Kind::Uniform: {
      const double lo = ns(*m.get("min"));
      const Field hi_f = *m.get("max");
      const double hi = ns(hi_f);
      if (hi < lo) hi_f.fail("must not be less than min");
      return Distribution::uniform(lo, hi);
    }
    case Distribution::Kind::Exponential: {
      const Field mean = *m.get("mean");
      const double v = ns(mean);
      if (v <= 0) mean.fail("the mean of an exponential distribution must be greater than 0");
      return Distribution::exponential(v);
    }
    case Distribution::Kind::LogNormal: {
      const Field median = *m.get("median");
      const double v = ns(median);
      if (v <= 0) median.fail("the median of a lognormal distribution must be greater than 0");
      const Field sigma = *m.get("sigma");
      const double s = sigma.as_number();
      if (s < 0) sigma.fail("sigma must not be negative");
      if (s > 5) sigma.fail("sigma " + sigma.node().Scalar() + " is absurd (at most 5; sigma is unitless)");
      return Distribution::lognormal(v, s);
    }
    case Distribution::Kind::Normal: {
      const double mean = ns(*m.get("mean"));
      return Distribution::normal(mean, ns(*m.get("sd")));
    }
  }
  return Distribution::constant(0);
}

}  // namespace st::scenario
