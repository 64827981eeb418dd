// Distribution: a parameterised random quantity (a latency, a delay) drawn from a RandomStream.
#pragma once
#include <string>

#include "sim/kernel/random_stream.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st {

struct Distribution {
  enum class Kind { Constant, Uniform, Exponential, LogNormal, Normal };
  Kind kind = Kind::Constant;
  // Constant: a = value. Uniform: [a, b]. Exponential: a = mean. LogNormal: a = median, b = sigma (of ln).
  // Normal: a = mean, b = standard deviation (truncated at 0). Time distributions hold nanoseconds.
  double a = 0;
  double b = 0;

  static Distribution constant(double v) { return {Kind::Constant, v, 0}; }
  static Distribution uniform(double lo, double hi) { return {Kind::Uniform, lo, hi}; }
  static Distribution exponential(double mean) { return {Kind::Exponential, mean, 0}; }
  static Distribution lognormal(double median, double sigma) { return {Kind::LogNormal, median, sigma}; }
  static Distribution normal(double mean, double sd) { return {Kind::Normal, mean, sd}; }

  double sample(RandomStream& rng) const;
  SimTime sample_time(RandomStream& rng) const;
  double mean() const;
  std::string describe() const;  // e.g. "lognormal(median=40ms, sigma=0.3)" for time distributions
};

}  // namespace st
