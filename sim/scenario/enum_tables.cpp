#include "sim/scenario/enum_tables.hpp"

namespace st::scenario {

const EnumTable<models::LinkType>& link_names() {
  static const EnumTable<models::LinkType> t = {
      {"ble", models::LinkType::Ble}, {"fsk", models::LinkType::Fsk}, {"css", models::LinkType::Css}};
  return t;
}
const EnumTable<models::Stage>& stage_names() {
  static const EnumTable<models::Stage> t = {{"prototype", models::Stage::Prototype},
                                             {"preproduction", models::Stage::PreProduction},
                                             {"production", models::Stage::Production}};
  return t;
}
const EnumTable<models::ProvisioningFlow>& flow_names() {
  static const EnumTable<models::ProvisioningFlow> t = {
      {"mass_production", models::ProvisioningFlow::MassProduction},
      {"prototyping", models::ProvisioningFlow::Prototyping}};
  return t;
}
const EnumTable<models::RegistrationPath>& registration_path_names() {
  static const EnumTable<models::RegistrationPath> t = {{"gateway", models::RegistrationPath::Gateway},
                                                        {"mobile_app", models::RegistrationPath::MobileApp}};
  return t;
}
const EnumTable<security::EcdhCurve>& curve_names() {
  static const EnumTable<security::EcdhCurve> t = {{"x25519", security::EcdhCurve::X25519},
                                                   {"p256", security::EcdhCurve::P256}};
  return t;
}
const EnumTable<ActionKind>& action_names() {
  static const EnumTable<ActionKind> t = {
      {"register", ActionKind::Register},
      {"deregister", ActionKind::Deregister},
      {"revoke_device", ActionKind::RevokeDevice},
      {"revoke_device_type", ActionKind::RevokeDeviceType},
      {"developer_revoke", ActionKind::DeveloperRevoke},
      {"outage", ActionKind::Outage},
      {"qualify", ActionKind::Qualify},
      {"replay_attack", ActionKind::ReplayAttack},
      {"forge_attack", ActionKind::ForgeAttack},
  };
  return t;
}
const EnumTable<OutageTarget>& outage_target_names() {
  static const EnumTable<OutageTarget> t = {{"network_server", OutageTarget::NetworkServer},
                                            {"application_server", OutageTarget::ApplicationServer},
                                            {"ingest", OutageTarget::Ingest},
                                            {"gateways", OutageTarget::Gateways}};
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

namespace {
template <typename E>
std::string_view name_of(const EnumTable<E>& table, E value) {
  for (const auto& [name, v] : table) {
    if (v == value) return name;
  }
  return "?";
}
}  // namespace

std::string_view to_string(ActionKind kind) { return name_of(action_names(), kind); }
std::string_view to_string(OutageTarget target) { return name_of(outage_target_names(), target); }

}  // namespace st::scenario
