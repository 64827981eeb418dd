#include "sim/scenario/enum_tables.hpp"

#include <array>

namespace st::scenario {

namespace {
// The table of an enum from its values and the models' own spelling of them (to_string).
template <typename E, typename Values>
EnumTable<E> table_of(const Values& values) {
  EnumTable<E> t;
  for (E v : values) t.emplace_back(std::string(to_string(v)), v);
  return t;
}
}  // namespace

const EnumTable<models::LinkType>& link_names() {
  static const EnumTable<models::LinkType> t = table_of<models::LinkType>(models::kLinks);
  return t;
}
const EnumTable<models::Stage>& stage_names() {
  static const EnumTable<models::Stage> t = table_of<models::Stage>(models::kStages);
  return t;
}
const EnumTable<models::ProvisioningFlow>& flow_names() {
  static const EnumTable<models::ProvisioningFlow> t = table_of<models::ProvisioningFlow>(models::kProvisioningFlows);
  return t;
}
const EnumTable<models::RegistrationPath>& registration_path_names() {
  static const EnumTable<models::RegistrationPath> t =
      table_of<models::RegistrationPath>(models::kRegistrationPaths);
  return t;
}
const EnumTable<security::EcdhCurve>& curve_names() {
  static const EnumTable<security::EcdhCurve> t =
      table_of<security::EcdhCurve>(std::array{security::EcdhCurve::X25519, security::EcdhCurve::P256});
  return t;
}
const EnumTable<ActionKind>& action_names() {
  static const EnumTable<ActionKind> t = table_of<ActionKind>(models::kActionKinds);
  return t;
}
const EnumTable<OutageTarget>& outage_target_names() {
  static const EnumTable<OutageTarget> t = table_of<OutageTarget>(models::kOutageTargets);
  return t;
}
const EnumTable<int>& percentile_names() {
  static const EnumTable<int> t = {{"p50", 50}, {"p95", 95}, {"p99", 99}};
  return t;
}
const std::vector<std::string>& device_state_names() {
  static const std::vector<std::string> t = {"created",      "associated", "registered",
                                             "deregistered", "blocked",    "rejected"};
  return t;
}

}  // namespace st::scenario
