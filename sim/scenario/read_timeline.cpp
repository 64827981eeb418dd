// The `timeline:` section: actions at given times (register, deregister, revocations, outages, qualification,
// attacks), optionally repeated, each read by read_timeline_entry (timeline_entry.cpp); and the rules that span
// sections.
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/sections.hpp"
#include "sim/scenario/timeline_entry.hpp"

namespace st::scenario {

void read_timeline(const std::optional<Field>& section, Scenario& s) {
  if (!section) return;
  for (const auto& item : section->as_list()) s.timeline.push_back(read_timeline_entry(item, s));
}

void check_across_sections(const Scenario& s) {
  for (std::size_t i = 0; i < s.world.device_types.size(); ++i) {
    const models::DeviceTypeConfig& t = s.world.device_types[i];
    if (t.stage != models::Stage::Production || t.qualified) continue;
    bool qualified_later = false;
    for (const auto& a : s.timeline) {
      qualified_later = qualified_later || (a.kind == ActionKind::Qualify && a.device_type == t.name);
    }
    if (!qualified_later) {
      throw ScenarioError(s.file, s.device_type_where[i],
                          "production device type '" + t.name + "' is never qualified, so none of its devices would "
                          "be made: set 'qualified: true' or add a 'qualify' action for it");
    }
  }
}

}  // namespace st::scenario
