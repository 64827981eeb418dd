// The `fleet:` section: device types with their count, lifecycle stage and provisioning flow, Sidewalk identity
// codes, links, registration path, crypto curve, MCU, manufacturing schedule, registration, traffic and
// qualification.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "hw_models/mcu/mcu_timing.hpp"
#include "models/base/identity_codes.hpp"
#include "sim/scenario/distribution_reader.hpp"
#include "sim/scenario/enum_tables.hpp"
#include "sim/scenario/radio_sections.hpp"
#include "sim/scenario/sections.hpp"
#include "sim/scenario/settings_reader.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

namespace {

constexpr double kMaxMcuClockHz = 1e9;

std::vector<std::string> known_cores() {
  std::vector<std::string> out;
  std::stringstream ss(hw::known_mcu_cores());
  std::string item;
  while (std::getline(ss, item, ',')) {
    item.erase(0, item.find_first_not_of(' '));
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

using models::DeviceTypeConfig;

// A scalar of exactly `size` characters (any size when 0, up to `max`), each a letter or a digit.
std::string read_code(const Field& field, std::string_view what, std::size_t size, std::size_t max = 0) {
  const std::string text = field.scalar(what);
  const bool alnum = std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
  if (size != 0 && (text.size() != size || !alnum))
    field.fail(std::string(what) + " is exactly " + std::to_string(size) + " letters or digits, not '" + text + "'");
  if (size == 0 && (text.size() > max || !alnum))
    field.fail(std::string(what) + " is at most " + std::to_string(max) + " letters or digits, not '" + text + "'");
  return text;
}

// The type's Sidewalk identity codes (DeviceTypeId, APID, DSN prefix); a DeviceTypeId is one type's only.
void read_identity_codes(const MapReader& m, DeviceTypeConfig& t, const Scenario& s) {
  t.device_type_id = models::default_device_type_id(t.name);
  t.apid = models::default_apid(t.name);
  const auto id = m.get("device_type_id");
  if (id) t.device_type_id = read_code(*id, "a DeviceTypeId", 14);
  if (auto apid = m.get("apid")) t.apid = read_code(*apid, "an APID", 4);
  if (auto prefix = m.get("dsn_prefix")) t.dsn_prefix = read_code(*prefix, "a DSN prefix", 0, 24);
  for (std::size_t i = 0; i < s.world.device_types.size(); ++i) {
    if (s.world.device_types[i].device_type_id != t.device_type_id) continue;
    const std::string text = "device type '" + t.name + "' has the DeviceTypeId " + t.device_type_id + " of '" +
                             s.world.device_types[i].name + "' (line " + std::to_string(s.device_type_where[i].line) +
                             "): their devices' SMSNs would collide";
    (id ? *id : m.require("name")).fail_raw(text);
  }
}

// The `import:` map of a device type: the device files' folder (its *.json files), the profile, and optionally the
// application server key; paths relative to the scenario file. Returns the number of device files.
std::uint32_t read_import(const Field& field, models::ImportConfig& imp) {
  const MapReader m(field, {"devices", "profile", "app_server_key"});
  const Field devices = m.require("devices");
  imp.devices = read_path(devices, PathKind::Folder);
  imp.profile = read_path(m.require("profile"), PathKind::File);
  if (auto key = m.get("app_server_key")) imp.app_server_key = read_path(*key, PathKind::File);
  std::uint64_t n = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(imp.devices, ec))
    n += e.is_regular_file() && e.path().extension() == ".json";
  if (ec) devices.fail("cannot be listed: " + ec.message());
  if (n == 0) devices.fail("holds no device files (*.json): " + imp.devices);
  if (n > kMaxDevices) devices.fail("holds " + std::to_string(n) + " device files, more than a type may have");
  return static_cast<std::uint32_t>(n);
}

void read_mcu(const Field& field, models::McuConfig& mcu) {
  const MapReader m(field, with_keys({"core", "clock", "cycles"}, setting_keys_of<models::McuConfig>()));
  read_settings(m, mcu);
  if (auto cycles = m.get("cycles")) {
    static const std::vector<std::pair<std::string, hw::CryptoOp>> ops = {
        {"x25519_keygen", hw::CryptoOp::X25519Keygen},   {"x25519_ecdh", hw::CryptoOp::X25519Ecdh},
        {"p256_keygen", hw::CryptoOp::P256Keygen},       {"p256_ecdh", hw::CryptoOp::P256Ecdh},
        {"ed25519_sign", hw::CryptoOp::Ed25519Sign},     {"ed25519_verify", hw::CryptoOp::Ed25519Verify},
        {"ecdsa_p256_sign", hw::CryptoOp::EcdsaP256Sign}, {"ecdsa_p256_verify", hw::CryptoOp::EcdsaP256Verify},
        {"aes_gcm_64", hw::CryptoOp::AesGcm64},          {"hmac_sha256", hw::CryptoOp::HmacSha256},
        {"hkdf_sha256", hw::CryptoOp::HkdfSha256}};
    std::vector<std::string> names;
    for (const auto& [name, op] : ops) names.push_back(name);
    const MapReader cm(*cycles, names);
    for (const auto& [name, op] : ops) {
      if (auto c = cm.get(name)) {
        mcu.cycles.emplace_back(static_cast<std::uint8_t>(op), c->as_uint(1, 10'000'000'000ULL));
      }
    }
  }
  if (auto core = m.get("core")) {
    mcu.core = core->scalar("an MCU core name");
  }
  if (auto clock = m.get("clock")) {
    mcu.clock_hz = clock->as_frequency();
    if (mcu.clock_hz <= 0) clock->fail("must be greater than 0");
    if (mcu.clock_hz > kMaxMcuClockHz) clock->fail("is absurd for a Sidewalk endpoint MCU (at most 1GHz)");
  }
  if (!hw::mcu_profile(mcu.core, mcu.clock_hz)) {
    const Field at = m.get("core") ? *m.get("core") : field;
    at.fail("unknown MCU core '" + mcu.core + "'" + suggestion(mcu.core, known_cores(), "known cores"));
  }
}

void read_manufacture(const Field& field, DeviceTypeConfig& t, const Scenario& s) {
  const MapReader m(field, {"at", "over"});
  if (auto at = m.get("at")) {
    t.manufacture_at = at->as_duration();
    if (t.manufacture_at >= s.duration) {
      at->fail("manufacturing at " + format_duration(t.manufacture_at) + " would start at or after the end of the run (" +
               format_duration(s.duration) + ")");
    }
  }
  if (auto over = m.get("over")) {
    t.manufacture_over = over->as_duration();
    if (t.manufacture_at + t.manufacture_over > s.duration) {
      over->fail("manufacturing would end at " + format_duration(t.manufacture_at + t.manufacture_over) +
                 ", after the end of the run (" + format_duration(s.duration) + ")");
    }
  }
}

// With gateways in the topology, a device type must share a link with one of them, and one it can register over
// when it registers through a gateway. (A topology without gateways is a manufacturing/cloud-only run.)
void check_reachable(const Field& where, const DeviceTypeConfig& t, const Scenario& s) {
  if (s.world.gateways.empty()) return;
  bool any = false;
  bool registrable = false;
  for (const auto& g : s.world.gateways) {
    for (auto l : t.links) {
      if (!models::has_link(g.links, l)) continue;
      any = true;
      registrable = registrable || models::can_register_over(l);
    }
  }
  if (!any) {
    where.fail("no gateway group offers any link of device type '" + t.name +
               "': its devices could never reach the network");
  }
  if (t.register_via == models::RegistrationPath::Gateway && !registrable) {
    where.fail("device type '" + t.name + "' registers through a gateway, but no gateway group offers ble or fsk "
               "among its links (registration never runs over css)");
  }
}

DeviceTypeConfig read_device_type(const Field& item, const Scenario& s) {
  const MapReader m(item, {"name", "count", "stage", "flow", "developer", "device_type_id", "apid", "dsn_prefix",
                           "links", "register_via", "curve", "mcu", "manufacture", "register", "traffic",
                           "dak_signature_limit", "qualified", "radio", "import", "reserve"});
  DeviceTypeConfig t;
  const Field name = m.require("name");
  t.name = name.as_name();
  for (std::size_t i = 0; i < s.world.device_types.size(); ++i) {
    if (s.world.device_types[i].name == t.name) {
      name.fail_raw("duplicate device type name '" + t.name + "' (first defined at line " +
                    std::to_string(s.device_type_where[i].line) + ")");
    }
  }
  if (auto imp = m.get("import")) {
    t.count = read_import(*imp, t.import);
    if (auto count = m.get("count"))
      count->fail_key("a device type with 'import' has as many devices as files (" + std::to_string(t.count) +
                      " in " + t.import.devices + "): leave 'count' out");
  } else {
    t.count = m.require("count").as_u32(1, kMaxDevices);
  }

  if (auto stage = m.get("stage")) t.stage = stage->as_enum("stage", stage_names());
  const bool prototype = t.stage == models::Stage::Prototype;
  t.flow = prototype ? models::ProvisioningFlow::Prototyping : models::ProvisioningFlow::MassProduction;
  if (auto flow = m.get("flow")) {
    t.flow = flow->as_enum("flow", flow_names());
    if (prototype && t.flow != models::ProvisioningFlow::Prototyping) {
      flow->fail("a prototype device type is provisioned with the prototyping flow, not mass_production");
    }
    if (!prototype && t.flow == models::ProvisioningFlow::Prototyping) {
      flow->fail("the prototyping flow is only for stage prototype (this type's stage is " +
                 std::string(models::to_string(t.stage)) + ")");
    }
  }
  if (auto dev = m.get("developer")) t.developer = dev->as_name();
  read_identity_codes(m, t, s);

  const auto links_field = m.get("links");
  if (links_field) {
    t.links = read_links(*links_field);
    if (!models::has_link(t.links, models::LinkType::Ble) && !models::has_link(t.links, models::LinkType::Fsk)) {
      links_field->fail("needs ble or fsk: devices register over ble or fsk, never over css");
    }
  }
  if (auto via = m.get("register_via")) {
    t.register_via = via->as_enum("registration path", registration_path_names());
    if (t.register_via == models::RegistrationPath::MobileApp && !models::has_link(t.links, models::LinkType::Ble)) {
      via->fail("registration through the mobile app runs over ble, which is not among the links of '" + t.name +
                "'");
    }
  }
  if (auto curve = m.get("curve")) t.curve = curve->as_enum("curve", curve_names());
  if (auto mcu = m.get("mcu")) read_mcu(*mcu, t.mcu);
  if (auto manufacture = m.get("manufacture")) read_manufacture(*manufacture, t, s);
  read_settings(m, t);  // register, traffic, qualified
  if (auto dak = m.get("dak_signature_limit")) {
    if (t.stage != models::Stage::PreProduction) {
      dak->fail_key("'dak_signature_limit' applies to preproduction device types only (this one is " +
                    std::string(models::to_string(t.stage)) + ")");
    }
    t.dak_signature_limit = dak->as_u32(0, std::numeric_limits<std::uint32_t>::max());
  }
  if (t.import.enabled() && t.reserve > 0)
    m.get("reserve")->fail_key("a device type with 'import' has no reserve: its devices are the files");
  if (auto r = m.get("radio")) read_device_radio(*r, t.radio, t.count + t.reserve);

  check_reachable(links_field ? *links_field : item, t, s);
  return t;
}

}  // namespace

void read_fleet(const Field& section, Scenario& s) {
  const MapReader m(section, {"device_types"});
  const Field types = m.require("device_types");
  const auto items = types.as_list();
  if (items.empty()) types.fail("must define at least one device type");
  std::uint64_t total = 0;
  for (const auto& item : items) {
    s.world.device_types.push_back(read_device_type(item, s));
    s.device_type_where.push_back(item.where());
    total += s.world.device_types.back().count + s.world.device_types.back().reserve;
  }
  if (total > kMaxDevices) {
    types.fail_key("the fleet has " + std::to_string(total) + " devices in all, absurdly many (at most " +
                   std::to_string(kMaxDevices) + ")");
  }
}

const models::DeviceTypeConfig& referenced_device_type(const Field& field, const Scenario& s) {
  const std::string name = field.scalar("a device type name");
  std::vector<std::string> names;
  for (const auto& t : s.world.device_types) {
    if (t.name == name) return t;
    names.push_back(t.name);
  }
  field.fail("undefined device type '" + name + "'" + suggestion(name, names, "defined device types"));
}

}  // namespace st::scenario
