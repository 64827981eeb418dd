// Reads a time distribution: a plain time (constant) or a map {dist: constant|uniform|exponential|lognormal|
// normal, ...} whose time-valued parameters carry units; the result holds nanoseconds.
#pragma once
#include "sim/kernel/distribution.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace st::scenario {

Distribution read_time_distribution(const Field& field);

}  // namespace st::scenario
