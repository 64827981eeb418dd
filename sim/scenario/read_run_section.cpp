// The `scenario:` section: name, description, seed, start instant, duration and sample interval of the run.
#include <time.h>

#include <ctime>
#include <filesystem>

#include "sim/scenario/sections.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

namespace {
constexpr SimTime kMaxRun = 365 * 24 * kHour;

// An instant in UTC as ISO 8601 "YYYY-MM-DDTHH:MM:SSZ" (strptime, then timegm), from 1970 to 9999.
std::int64_t read_utc_instant(const Field& field) {
  const std::string text = field.scalar("an instant");
  std::tm tm{};
  const char* end = ::strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0' || tm.tm_year < 70 || tm.tm_year > 8099)
    field.fail("is not an instant in UTC like 2026-01-01T00:00:00Z: '" + text + "'");
  std::tm normalised = tm;  // (timegm normalises its argument: 30 February becomes 2 March)
  const std::int64_t t = ::timegm(&normalised);
  if (normalised.tm_mday != tm.tm_mday || normalised.tm_mon != tm.tm_mon)
    field.fail("is not a date of the calendar: '" + text + "'");
  return t;
}
}

void read_run_section(const Field& section, Scenario& s) {
  const MapReader m(section, {"name", "description", "seed", "start", "duration", "sample_interval"});
  s.name = m.require("name").as_name();
  if (auto d = m.get("description")) s.description = d->scalar("a text");
  if (auto seed = m.get("seed")) s.world.seed = seed->as_uint(0, std::numeric_limits<std::uint64_t>::max());

  if (auto start = m.get("start")) s.start_unix_s = read_utc_instant(*start);

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

std::string read_path(const Field& field, PathKind kind) {
  namespace fs = std::filesystem;
  const fs::path given = field.scalar(kind == PathKind::File ? "a file name" : "a folder name");
  const fs::path path = (given.is_absolute() ? given : fs::path(field.file()).parent_path() / given).lexically_normal();
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) field.fail("no such " + std::string(kind == PathKind::File ? "file" : "folder") + ": " + path.string());
  if (kind == PathKind::File && !fs::is_regular_file(status)) field.fail("is not a file: " + path.string());
  if (kind == PathKind::Folder && !fs::is_directory(status)) field.fail("is not a folder: " + path.string());
  return fs::absolute(path).lexically_normal().string();
}

SimTime read_time_in_run(const Field& field, const Scenario& s) {
  const SimTime t = field.as_duration();
  if (t > s.duration) {
    field.fail(format_duration(t) + " is after the end of the run (duration " + format_duration(s.duration) + ")");
  }
  return t;
}

}  // namespace st::scenario
