// The `fleet:` section: device types with their count, lifecycle stage and provisioning flow, links, registration
// path, crypto curve, MCU, manufacturing schedule, registration, traffic and qualification.
#include <algorithm>
#include <sstream>

#include "hw_models/mcu/mcu_timing.hpp"
#include "sim/scenario/distribution_reader.hpp"
#include "sim/scenario/enum_tables.hpp"
#include "sim/scenario/radio_sections.hpp"
#include "sim/scenario/sections.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

namespace {

constexpr std::uint32_t kMaxPayloadBytes = 255;  // the largest Sidewalk PHY payload (SIDEWALK.md section 1)
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

void read_mcu(const Field& field, DeviceType& t) {
  const MapReader m(field, {"core", "clock", "cycles", "active_current"});
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
        t.mcu_cycles.emplace_back(static_cast<std::uint8_t>(op), c->as_uint(1, 10'000'000'000ULL));
      }
    }
  }
  if (auto a = m.get("active_current")) t.radio.mcu_active_ma = a->in_range(a->as_current_ma(), 0, 1000, "0mA..1A");
  if (auto core = m.get("core")) {
    t.mcu_core = core->scalar("an MCU core name");
  }
  if (auto clock = m.get("clock")) {
    t.mcu_clock_hz = clock->as_frequency();
    if (t.mcu_clock_hz <= 0) clock->fail("must be greater than 0");
    if (t.mcu_clock_hz > kMaxMcuClockHz) clock->fail("is absurd for a Sidewalk endpoint MCU (at most 1GHz)");
  }
  if (!hw::mcu_profile(t.mcu_core, t.mcu_clock_hz)) {
    const Field at = m.get("core") ? *m.get("core") : field;
    at.fail("unknown MCU core '" + t.mcu_core + "'" + suggestion(t.mcu_core, known_cores(), "known cores"));
  }
}

void read_manufacture(const Field& field, DeviceType& t, const Scenario& s) {
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

void read_register(const Field& field, DeviceType& t) {
  const MapReader m(field, {"auto", "delay"});
  if (auto a = m.get("auto")) t.auto_register = a->as_bool();
  if (auto d = m.get("delay")) t.register_delay = read_time_distribution(*d);
}

void read_traffic(const Field& field, Traffic& tr) {
  const MapReader m(field, {"uplink_period", "payload", "downlink_every", "queue_limit", "ttl"});
  if (auto p = m.get("uplink_period")) {
    tr.uplink_period = p->as_duration();
    if (tr.uplink_period == 0) p->fail("must be greater than 0");
  }
  if (auto p = m.get("payload")) {
    const std::uint64_t bytes = p->as_size();
    if (bytes == 0) p->fail("must be at least 1B");
    if (bytes > kMaxPayloadBytes) {
      p->fail("payload " + std::to_string(bytes) + "B exceeds the largest Sidewalk frame payload (255B)");
    }
    tr.payload_bytes = static_cast<std::uint32_t>(bytes);
  }
  if (auto d = m.get("downlink_every")) tr.downlink_every = d->as_u32(0, 1'000'000);
  if (auto q = m.get("queue_limit")) tr.queue_limit = q->as_u32(0, 1'000'000);
  if (auto ttl = m.get("ttl")) {
    tr.ttl = ttl->as_duration();
    if (tr.ttl == 0) ttl->fail("must be greater than 0");
  }
}

bool has_link(const std::vector<models::LinkType>& links, models::LinkType l) {
  return std::find(links.begin(), links.end(), l) != links.end();
}

// With gateways in the topology, a device type must share a link with one of them, and one it can register over
// when it registers through a gateway. (A topology without gateways is a manufacturing/cloud-only run.)
void check_reachable(const Field& where, const DeviceType& t, const Scenario& s) {
  if (s.topology.gateways.empty()) return;
  bool any = false;
  bool registrable = false;
  for (const auto& g : s.topology.gateways) {
    for (auto l : t.links) {
      if (!has_link(g.links, l)) continue;
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

DeviceType read_device_type(const Field& item, const Scenario& s) {
  const MapReader m(item, {"name", "count", "stage", "flow", "developer", "links", "register_via", "curve", "mcu",
                           "manufacture", "register", "traffic", "dak_signature_limit", "qualified", "radio"});
  DeviceType t;
  t.where = item.where();
  const Field name = m.require("name");
  t.name = name.as_name();
  for (const auto& other : s.fleet.device_types) {
    if (other.name == t.name) {
      name.fail_raw("duplicate device type name '" + t.name + "' (first defined at line " +
                    std::to_string(other.where.line) + ")");
    }
  }
  t.count = m.require("count").as_u32(1, kMaxDevices);

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

  const auto links_field = m.get("links");
  if (links_field) {
    t.links = read_links(*links_field);
    if (!has_link(t.links, models::LinkType::Ble) && !has_link(t.links, models::LinkType::Fsk)) {
      links_field->fail("needs ble or fsk: devices register over ble or fsk, never over css");
    }
  }
  if (auto via = m.get("register_via")) {
    t.register_via = via->as_enum("registration path", registration_path_names());
    if (t.register_via == models::RegistrationPath::MobileApp && !has_link(t.links, models::LinkType::Ble)) {
      via->fail("registration through the mobile app runs over ble, which is not among the links of '" + t.name +
                "'");
    }
  }
  if (auto curve = m.get("curve")) t.curve = curve->as_enum("curve", curve_names());
  if (auto mcu = m.get("mcu")) read_mcu(*mcu, t);
  if (auto manufacture = m.get("manufacture")) read_manufacture(*manufacture, t, s);
  if (auto reg = m.get("register")) read_register(*reg, t);
  if (auto traffic = m.get("traffic")) read_traffic(*traffic, t.traffic);
  if (auto dak = m.get("dak_signature_limit")) {
    if (t.stage != models::Stage::PreProduction) {
      dak->fail_key("'dak_signature_limit' applies to preproduction device types only (this one is " +
                    std::string(models::to_string(t.stage)) + ")");
    }
    t.dak_signature_limit = dak->as_u32(0, std::numeric_limits<std::uint32_t>::max());
  }
  if (auto q = m.get("qualified")) t.qualified = q->as_bool();
  if (auto r = m.get("radio")) read_device_radio(*r, t);

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
    s.fleet.device_types.push_back(read_device_type(item, s));
    total += s.fleet.device_types.back().count;
  }
  if (total > kMaxDevices) {
    types.fail_key("the fleet has " + std::to_string(total) + " devices in all, absurdly many (at most " +
                   std::to_string(kMaxDevices) + ")");
  }
}

const DeviceType& referenced_device_type(const Field& field, const Scenario& s) {
  const std::string name = field.scalar("a device type name");
  std::vector<std::string> names;
  for (const auto& t : s.fleet.device_types) {
    if (t.name == name) return t;
    names.push_back(t.name);
  }
  field.fail("undefined device type '" + name + "'" + suggestion(name, names, "defined device types"));
}

}  // namespace st::scenario
