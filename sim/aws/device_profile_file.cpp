#include "sim/aws/device_profile_file.hpp"

#include "models/security/device_identity.hpp"
#include "models/security/primitives.hpp"
#include "sim/aws/aws_ids.hpp"
#include "sim/aws/json_fields.hpp"

namespace st::aws {

nlohmann::ordered_json device_profile_json(const DeviceProfileFile& p) {
  nlohmann::ordered_json dak = {{"CertificateId", p.certificate_id},
                                {"MaxAllowedSignature", p.max_allowed_signature},
                                {"FactorySupport", p.factory_support},
                                {"ApId", p.apid},
                                {"DeviceTypeId", p.device_type_id}};
  nlohmann::ordered_json j;
  j["Arn"] = p.arn;
  j["Name"] = p.name;
  j["Id"] = p.id;
  j["Sidewalk"] = {{"ApplicationServerPublicKey", security::to_hex(p.application_server_public_key)},
                   {"QualificationStatus", p.qualification_status},
                   {"DakCertificateMetadata", nlohmann::ordered_json::array({std::move(dak)})}};
  return j;
}

DeviceProfileFile read_device_profile(const std::filesystem::path& file) {
  return parse_device_profile(read_json_file(file), file.string());
}

DeviceProfileFile parse_device_profile(const nlohmann::json& json, const std::string& file) {
  const JsonField top(json, file);
  DeviceProfileFile p;
  if (const auto f = top.find("Name"); f && f->value().is_string()) p.name = f->string();
  if (const auto f = top.find("Id"); f && f->value().is_string()) p.id = f->string();
  if (const auto f = top.find("Arn"); f && f->value().is_string()) p.arn = f->string();
  const JsonField sw = top.at("Sidewalk");
  p.application_server_public_key = sw.at("ApplicationServerPublicKey").hex(32);
  if (const auto q = sw.find("QualificationStatus")) p.qualification_status = q->boolean();
  if (const auto list = sw.find_any({"DakCertificateMetadata", "DAKCertificateMetadata"});
      list && list->size_of_array() > 0) {
    const JsonField dak = list->item(0);
    if (const auto f = dak.find("CertificateId")) p.certificate_id = f->string();
    if (const auto f = dak.find("MaxAllowedSignature")) p.max_allowed_signature = f->integer();
    if (const auto f = dak.find("FactorySupport")) p.factory_support = f->boolean();
    if (const auto f = dak.find("ApId")) p.apid = f->string();
    if (const auto f = dak.find("DeviceTypeId")) p.device_type_id = f->string();
  }
  return p;
}

DeviceProfileFile device_profile_of(std::uint64_t seed, const models::DeviceTypeConfig& cfg,
                                    const security::Bytes& application_server_public_key) {
  DeviceProfileFile profile;
  profile.name = cfg.name;
  profile.id = resource_uuid(seed, "DeviceProfile", security::as_bytes(cfg.name));
  profile.arn = arn(account_id(seed, cfg.developer), "DeviceProfile", profile.id);
  profile.application_server_public_key = application_server_public_key;
  profile.qualification_status = cfg.qualified;
  profile.certificate_id = certificate_id(cfg.apid, security::smsn_stage(cfg.stage));
  profile.max_allowed_signature = cfg.dak_signature_limit == 0 ? -1 : static_cast<long long>(cfg.dak_signature_limit);
  profile.factory_support = cfg.flow == models::ProvisioningFlow::MassProduction;
  profile.apid = cfg.apid;
  profile.device_type_id = cfg.apid;  // AWS shows the 4-character code here (docs/real-formats.md)
  return profile;
}

}  // namespace st::aws
