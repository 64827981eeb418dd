// The `scenario:` section: name, description, seed, duration and sample interval of the run.
#include "sim/scenario/sections.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

namespace {
constexpr SimTime kMaxRun = 365 * 24 * kHour;
}

void read_run_section(const Field& section, Scenario& s) {
  const MapReader m(section, {"name", "description", "seed", "duration", "sample_interval"});
  s.name = m.require("name").as_name();
  if (auto d = m.get("description")) s.description = d->scalar("a text");
  if (auto seed = m.get("seed")) s.world.seed = seed->as_uint(0, std::numeric_limits<std::uint64_t>::max());

  const Field duration = m.require("duration");
  s.duration = duration.as_duration();
  if (s.duration == 0) duration.fail("must be greater than 0");
  if (s.duration > kMaxRun) duration.fail("is longer than the longest run allowed (365d)");

  if (auto si = m.get("sample_interval")) {
    s.sample_interval = si->as_duration();
    if (s.sample_interval == 0) si->fail("must be greater than 0");
    if (s.sample_interval > s.duration) {
      si->fail("must not be longer than the run (" + format_duration(s.duration) + ")");
    }
    if (s.duration / s.sample_interval > kMaxSampleRows) {
      si->fail("is too short: states.csv would get " + std::to_string(s.duration / s.sample_interval) +
               " rows (at most " + std::to_string(kMaxSampleRows) + ")");
    }
  } else {
    s.sample_interval = std::min(kMinute, s.duration);
  }
}

SimTime read_time_in_run(const Field& field, const Scenario& s) {
  const SimTime t = field.as_duration();
  if (t > s.duration) {
    field.fail(format_duration(t) + " is after the end of the run (duration " + format_duration(s.duration) + ")");
  }
  return t;
}

}  // namespace st::scenario
