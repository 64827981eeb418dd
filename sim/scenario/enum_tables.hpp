// The spellings of the scenario file's enum values (links, stages, flows, paths, curves, actions, outage
// targets, states, percentiles): one table each, shared by the readers, the template and the docs tests.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace st::scenario {

template <typename E>
using EnumTable = std::vector<std::pair<std::string, E>>;

const EnumTable<models::LinkType>& link_names();
const EnumTable<models::Stage>& stage_names();
const EnumTable<models::ProvisioningFlow>& flow_names();
const EnumTable<models::RegistrationPath>& registration_path_names();
const EnumTable<security::EcdhCurve>& curve_names();
const EnumTable<ActionKind>& action_names();
const EnumTable<OutageTarget>& outage_target_names();
const EnumTable<int>& percentile_names();           // p50, p95, p99
const std::vector<std::string>& device_state_names();  // the states.csv columns `state:` may name


}  // namespace st::scenario
