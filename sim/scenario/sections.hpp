// The readers of the scenario file's sections, run in file-independent order by scenario_loader.cpp (scenario,
// topology, fleet, cloud, timeline, expect); each fills its part of the Scenario and checks the rules that need
// only what was read before it.
#pragma once
#include <optional>
#include <string>

#include "models/base/limits.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace st::scenario {

using models::kMaxDevices;   // per device type and in the whole fleet
using models::kMaxGateways;
inline constexpr std::uint64_t kMaxSampleRows = 10'000'000;  // states.csv rows (duration / sample_interval)

void read_run_section(const Field& section, Scenario& s);                 // scenario:
void read_topology(const std::optional<Field>& section, Scenario& s);     // topology: (optional)
void read_fleet(const Field& section, Scenario& s);                       // fleet:
void read_cloud(const std::optional<Field>& section, models::CloudConfig& cloud);  // cloud: (optional)
void read_timeline(const std::optional<Field>& section, Scenario& s);     // timeline: (optional)
void read_expectations(const std::optional<Field>& section, Scenario& s);  // expect: (optional)
// Rules spanning sections, checked once everything is read (e.g. production types must get qualified).
void check_across_sections(const Scenario& s);

// The device type a field names (with a did-you-mean when it names none).
const models::DeviceTypeConfig& referenced_device_type(const Field& field, const Scenario& s);
// A non-empty list of distinct links (ble, fsk, css).
std::vector<models::LinkType> read_links(const Field& field);
// "at" times: within [0, duration].
SimTime read_time_in_run(const Field& field, const Scenario& s);
// A path to an existing file or folder, relative to the scenario file's folder (absolute ones as they are): the
// absolute, normalised path.
enum class PathKind { File, Folder };
std::string read_path(const Field& field, PathKind kind);

}  // namespace st::scenario
