#include "sim/kernel/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace st {

double Distribution::sample(RandomStream& rng) const {
  switch (kind) {
    case Kind::Constant: return a;
    case Kind::Uniform: return a + (b - a) * rng.uniform();
    case Kind::Exponential: return rng.exponential(a);
    case Kind::LogNormal: return a * std::exp(b * rng.standard_normal());
    case Kind::Normal: return std::max(0.0, a + b * rng.standard_normal());
  }
  return a;
}

SimTime Distribution::sample_time(RandomStream& rng) const {
  const double v = sample(rng);
  return v <= 0 ? 0 : static_cast<SimTime>(v + 0.5);
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::Constant: return a;
    case Kind::Uniform: return (a + b) / 2;
    case Kind::Exponential: return a;
    case Kind::LogNormal: return a * std::exp(b * b / 2);
    case Kind::Normal: return a;
  }
  return a;
}

std::string Distribution::describe() const {
  char buf[96];
  auto ms = [](double ns) { return ns / 1e6; };
  switch (kind) {
    case Kind::Constant: std::snprintf(buf, sizeof buf, "%gms", ms(a)); break;
    case Kind::Uniform: std::snprintf(buf, sizeof buf, "uniform(%gms, %gms)", ms(a), ms(b)); break;
    case Kind::Exponential: std::snprintf(buf, sizeof buf, "exponential(mean=%gms)", ms(a)); break;
    case Kind::LogNormal: std::snprintf(buf, sizeof buf, "lognormal(median=%gms, sigma=%g)", ms(a), b); break;
    case Kind::Normal: std::snprintf(buf, sizeof buf, "normal(mean=%gms, sd=%gms)", ms(a), ms(b)); break;
  }
  return buf;
}

}  // namespace st
