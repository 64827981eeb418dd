// Scenario: the validated, unit-converted content of a scenario file: the world's configuration as the models take
// it (topology, fleet, cloud: models/base, each setting declared once there), the run's own settings, the timeline
// and the expectations. The loader (scenario_loader.hpp) is the only thing that builds one.
#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/base/outage_target.hpp"
#include "models/base/timeline_action.hpp"
#include "models/base/world_config.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::scenario {

struct SourceRef {  // where in the file a thing was written (1-based), for messages
  int line = 0;
  int column = 0;
};

// ---- timeline ----
using models::ActionKind;
using models::OutageTarget;
struct Action {
  SourceRef where;
  SimTime at = 0;
  ActionKind kind = ActionKind::Register;
  std::optional<std::string> device_type;  // empty: every device type
  double fraction = 1.0;                   // share of the eligible devices acted on
  std::optional<std::uint32_t> count;      // or an exact number of devices (takes precedence)
  std::optional<std::uint32_t> device;     // or one device, by its index (devices.csv's `device`)
  OutageTarget target = OutageTarget::NetworkServer;  // Outage only
  std::optional<std::string> gateway_group;  // Outage of gateways: one group (empty: every group)
  SimTime duration = 0;                    // Outage only
  std::uint32_t repeat = 1;                // the action happens this many times...
  SimTime every = 0;                       // ...this far apart
};

// ---- expectations ----
enum class ExpectKind { StateCount, StateFraction, HandshakeLatency, Counter, Ratio };
struct Expectation {
  SourceRef where;
  std::string text;                       // the assertion as written, for reports
  ExpectKind kind = ExpectKind::StateCount;
  SimTime at = kNever;                    // kNever: at the end of the run
  std::string state;                      // StateCount/StateFraction: a states.csv column name
  std::optional<std::string> device_type; // restrict to one device type (states only)
  int percentile = 50;                    // HandshakeLatency: 50, 95 or 99
  std::string counter;                    // Counter: a summary counter name (docs/scenario-format.md)
  std::string denominator;                // Ratio: counter / denominator (0 when the denominator is 0)
  double min = -std::numeric_limits<double>::infinity();  // bounds; latencies in milliseconds
  double max = std::numeric_limits<double>::infinity();
};

// ---- the whole file ----
inline constexpr std::int64_t kDefaultStartUnixS = 1767225600;  // 2026-01-01T00:00:00Z

struct Scenario {
  std::string file;  // path as given
  std::string name;
  std::string description;
  SimTime duration = kHour;
  SimTime sample_interval = kMinute;  // states.csv row spacing
  // The wall-clock instant simulated time 0 stands for (AWS-shaped records' timestamps): seconds since
  // 1970-01-01T00:00:00Z. Default 2026-01-01T00:00:00Z, so runs stay byte-identical.
  std::int64_t start_unix_s = kDefaultStartUnixS;
  models::WorldConfig world;          // seed, topology (gateways, physical layer or link model), fleet, cloud
  std::vector<SourceRef> gateway_where;      // where each group of world.gateways is written
  std::vector<SourceRef> device_type_where;  // where each type of world.device_types is written
  std::vector<Action> timeline;
  std::vector<Expectation> expectations;

  std::uint64_t device_count() const {
    std::uint64_t n = 0;
    for (const auto& t : world.device_types) n += t.count;
    return n;
  }
  // Every device that may exist: the counts and the reserves (made only on request).
  std::uint64_t device_capacity() const {
    std::uint64_t n = 0;
    for (const auto& t : world.device_types) n += t.count + t.reserve;
    return n;
  }
};

}  // namespace st::scenario
