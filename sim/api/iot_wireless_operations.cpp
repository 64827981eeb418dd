#include "sim/api/iot_wireless_operations.hpp"

#include <cmath>
#include <optional>

#include "models/security/base64.hpp"
#include "models/security/bytes.hpp"
#include "models/cloud/contract_manufacturer.hpp"
#include "sim/api/aws_response.hpp"
#include "sim/aws/aws_ids.hpp"
#include "sim/aws/aws_records_tap.hpp"
#include "sim/aws/device_file.hpp"
#include "sim/aws/device_profile_file.hpp"

namespace st::api {

namespace {

// A call that cannot be answered with what it asks: the error to answer instead.
struct Refusal {
  AwsError error;
  std::string message;
};
[[noreturn]] void refuse(AwsError e, std::string message) { throw Refusal{e, std::move(message)}; }

std::optional<long long> query_int(const ApiCall& c, const std::string& name, long long min, long long max) {
  const auto it = c.query.find(name);
  if (it == c.query.end()) return std::nullopt;
  long long v = 0;
  std::size_t used = 0;
  try {
    v = std::stoll(it->second, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != it->second.size())
    refuse(AwsError::Validation, "1 validation error detected: Value '" + it->second + "' at '" + name +
                                     "' failed to satisfy constraint: Member must be an integer");
  if (v < min || v > max)
    refuse(AwsError::Validation, "1 validation error detected: Value '" + it->second + "' at '" + name +
                                     "' failed to satisfy constraint: Member must have value between " +
                                     std::to_string(min) + " and " + std::to_string(max));
  return v;
}

const std::string* query(const ApiCall& c, const std::string& name) {
  const auto it = c.query.find(name);
  return it == c.query.end() ? nullptr : &it->second;
}

void check_device_type(const ApiCall& c, const std::string& name) {
  const std::string* t = query(c, name);
  if (t != nullptr && *t != "Sidewalk" && *t != "LoRaWAN")
    refuse(AwsError::Validation, "1 validation error detected: Value '" + *t + "' at '" + name +
                                     "' failed to satisfy constraint: Member must satisfy enum value set: "
                                     "[Sidewalk, LoRaWAN]");
}

// Pages: a NextToken is the position to go on from, as 16 hex digits.
constexpr long long kDefaultPage = 100;
struct Page {
  std::size_t begin = 0;
  std::size_t size = kDefaultPage;
};
Page page_of(const ApiCall& c) {
  Page p;
  const long long max = query_int(c, "maxResults", 0, 250).value_or(0);
  p.size = static_cast<std::size_t>(max == 0 ? kDefaultPage : max);
  if (const std::string* token = query(c, "nextToken")) {
    const auto bytes = security::from_hex(*token);
    if (!bytes || bytes->size() != 8) refuse(AwsError::Validation, "nextToken '" + *token + "' is not one this API gave");
    std::uint64_t pos = 0;
    for (const std::uint8_t b : *bytes) pos = pos << 8 | b;
    p.begin = static_cast<std::size_t>(pos);
  }
  return p;
}
std::string token_of(std::size_t position) {
  security::Bytes b(8);
  for (int i = 0; i < 8; ++i) b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(position >> (8 * (7 - i)));
  return security::to_hex(b);
}

const char* status_of(const DirectoryEntry& e) {
  using metrics::FleetState;
  switch (e.state) {
    case FleetState::Registered: return e.uplink_since_registration ? "ACTIVATED" : "REGISTERED";
    case FleetState::Created:
    case FleetState::Associated:
    case FleetState::Deregistered: return "PROVISIONED";
    default: return "UNKNOWN";  // blocked: its certificates or permission revoked
  }
}

// A JSON member of the body, checked for its type.
const nlohmann::json* member(const nlohmann::json& object, const char* name, nlohmann::json::value_t type,
                             const std::string& where) {
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) return nullptr;
  const bool ok = type == nlohmann::json::value_t::number_integer ? it->is_number_integer() : it->type() == type;
  if (!ok) refuse(AwsError::Validation, "'" + where + name + "' has the wrong type");
  return &*it;
}
long long integer_in(const nlohmann::json& v, long long min, long long max, const std::string& where) {
  const long long x = v.get<long long>();
  if (x < min || x > max)
    refuse(AwsError::Validation, "1 validation error detected: Value '" + std::to_string(x) + "' at '" + where +
                                     "' failed to satisfy constraint: Member must have value between " +
                                     std::to_string(min) + " and " + std::to_string(max));
  return x;
}

}  // namespace

IotWirelessOperations::IotWirelessOperations(ApiWorld w) : w_(std::move(w)) {
  for (const auto& cfg : *w_.types) profiles_.push_back(aws::device_profile_of(w_.seed, cfg, w_.application_server_public_key));
}

std::string IotWirelessOperations::timestamp(SimTime t) const { return aws::iso8601_utc(w_.start_unix_s, t); }

HttpResponse IotWirelessOperations::run(const ApiCall& call, SimTime live, SimTime& scheduled) {
  try {
    switch (call.op) {
      case Operation::ListWirelessDevices: return list_wireless_devices(call);
      case Operation::CreateWirelessDevice: return create_wireless_device(call, live, scheduled);
      case Operation::GetWirelessDevice: return get_wireless_device(call);
      case Operation::GetWirelessDeviceStatistics: return get_statistics(call, live);
      case Operation::SendDataToWirelessDevice: return send_data(call, live, scheduled);
      case Operation::ListQueuedMessages: return list_queued_messages(call);
      case Operation::DeregisterWirelessDevice: return deregister(call, live, scheduled);
      case Operation::ListDeviceProfiles: return list_device_profiles(call);
      case Operation::GetDeviceProfile: return get_device_profile(call);
    }
  } catch (const Refusal& r) {
    return aws_error(r.error, r.message);
  }
  return aws_error(AwsError::InternalServer, "unknown operation");
}

nlohmann::ordered_json IotWirelessOperations::device_json(const DirectoryEntry& e) const {
  const models::DeviceTypeConfig& cfg = (*w_.types)[e.device_type];
  const std::string dsn = cfg.import.enabled() ? std::string() : models::device_serial_number(cfg, w_.directory->index_in_type(e));
  aws::WirelessDeviceView view = aws::device_view_of(w_.seed, cfg, dsn, e.smsn, w_.destination->name);
  view.status = status_of(e);
  return aws::wireless_device_json(view);
}

HttpResponse IotWirelessOperations::list_wireless_devices(const ApiCall& c) {
  check_device_type(c, "wirelessDeviceType");
  const Page p = page_of(c);
  const std::string* type = query(c, "wirelessDeviceType");
  const std::string* profile = query(c, "deviceProfileId");
  const std::string* destination = query(c, "destinationName");
  // No Sidewalk device of the twin has a service profile, a FUOTA task or a multicast group.
  const bool none = (type != nullptr && *type != "Sidewalk") || query(c, "serviceProfileId") != nullptr ||
                    query(c, "fuotaTaskId") != nullptr || query(c, "multicastGroupId") != nullptr ||
                    (destination != nullptr && *destination != w_.destination->name);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  const DeviceDirectory& dir = *w_.directory;
  std::size_t pos = none ? dir.size() : p.begin;
  for (; pos < dir.size() && list.size() < p.size; ++pos) {
    const DirectoryEntry& e = dir.at(pos);
    nlohmann::ordered_json d = device_json(e);
    if (profile != nullptr && d["Sidewalk"]["DeviceProfileId"] != *profile) continue;
    nlohmann::ordered_json item;
    item["Arn"] = d["Arn"];
    item["Id"] = d["Id"];
    item["Type"] = "Sidewalk";
    item["Name"] = d["Name"];
    item["DestinationName"] = d["DestinationName"];
    if (e.last_uplink) item["LastUplinkReceivedAt"] = timestamp(*e.last_uplink);
    item["Sidewalk"] = {{"AmazonId", d["Sidewalk"]["SidewalkId"]},
                        {"SidewalkId", d["Sidewalk"]["SidewalkId"]},
                        {"SidewalkManufacturingSn", d["Sidewalk"]["SidewalkManufacturingSn"]},
                        {"DeviceProfileId", d["Sidewalk"]["DeviceProfileId"]},
                        {"Status", d["Sidewalk"]["Status"]}};
    list.push_back(std::move(item));
  }
  nlohmann::ordered_json out;
  if (pos < dir.size()) out["NextToken"] = token_of(pos);
  out["WirelessDeviceList"] = std::move(list);
  return json_response(200, out);
}

HttpResponse IotWirelessOperations::get_wireless_device(const ApiCall& c) {
  const std::string* type = query(c, "identifierType");
  if (type == nullptr)
    refuse(AwsError::Validation, "1 validation error detected: Value null at 'identifierType' failed to satisfy "
                                 "constraint: Member must not be null");
  const DirectoryEntry* e = nullptr;
  if (*type == "WirelessDeviceId") {
    e = w_.directory->by_id(c.id);
  } else if (*type == "SidewalkManufacturingSn") {
    e = w_.directory->by_smsn(c.id);
  } else if (*type != "ThingName" && *type != "DevEui") {  // no device of the twin has a thing or a DevEui
    refuse(AwsError::Validation, "1 validation error detected: Value '" + *type + "' at 'identifierType' failed to "
                                 "satisfy constraint: Member must satisfy enum value set: [WirelessDeviceId, DevEui, "
                                 "ThingName, SidewalkManufacturingSn]");
  }
  if (e == nullptr) refuse(AwsError::ResourceNotFound, "Wireless device " + c.id + " (" + *type + ") not found");
  return json_response(200, device_json(*e));
}

HttpResponse IotWirelessOperations::get_statistics(const ApiCall& c, SimTime live) {
  const DirectoryEntry* e = w_.directory->by_id(c.id);
  if (e == nullptr) refuse(AwsError::ResourceNotFound, "Wireless device " + c.id + " not found");
  const models::DeviceTypeConfig& cfg = (*w_.types)[e->device_type];
  const char* state = "Provisioned";
  if (e->state == metrics::FleetState::Registered || e->state == metrics::FleetState::Blocked) {
    // Reachable while its uplinks keep coming: the last within three of its uplink periods.
    const bool recent = e->last_uplink && live - *e->last_uplink <= 3 * cfg.traffic.uplink_period;
    state = !e->uplink_since_registration ? "RegisteredNotSeen" : recent ? "RegisteredReachable" : "RegisteredUnreachable";
  }
  nlohmann::ordered_json sidewalk;
  if (e->rssi_dbm) sidewalk["Rssi"] = static_cast<int>(std::lround(*e->rssi_dbm));
  if (e->battery) sidewalk["BatteryLevel"] = *e->battery > 20 ? "normal" : *e->battery > 5 ? "low" : "critical";
  sidewalk["DeviceState"] = state;
  nlohmann::ordered_json out;
  out["WirelessDeviceId"] = e->id;
  if (e->last_uplink) out["LastUplinkReceivedAt"] = timestamp(*e->last_uplink);
  out["Sidewalk"] = std::move(sidewalk);
  return json_response(200, out);
}

HttpResponse IotWirelessOperations::send_data(const ApiCall& c, SimTime live, SimTime& scheduled) {
  using V = nlohmann::json::value_t;
  const DirectoryEntry* e = w_.directory->by_id(c.id);
  const nlohmann::json* mode = member(c.body, "TransmitMode", V::number_integer, "");
  const nlohmann::json* data = member(c.body, "PayloadData", V::string, "");
  if (mode == nullptr) refuse(AwsError::Validation, "TransmitMode is required (0 or 1)");
  if (data == nullptr) refuse(AwsError::Validation, "PayloadData is required (base64)");
  const long long transmit_mode = integer_in(*mode, 0, 1, "TransmitMode");
  const std::string& text = data->get_ref<const std::string&>();
  if (text.size() > 2048) refuse(AwsError::Validation, "PayloadData is longer than 2048 characters");
  const auto payload = security::from_base64(text);
  if (!payload || payload->empty()) refuse(AwsError::Validation, "PayloadData is not base64 of at least one byte");
  if (payload->size() > models::kMaxPayloadBytes)
    refuse(AwsError::Validation, "PayloadData holds " + std::to_string(payload->size()) + " bytes: a Sidewalk frame "
                                 "carries at most " + std::to_string(models::kMaxPayloadBytes));
  std::optional<long long> seq, retry;
  std::string message_type = "CUSTOM_COMMAND_ID_NOTIFY";
  if (const nlohmann::json* meta = member(c.body, "WirelessMetadata", V::object, "")) {
    if (meta->contains("LoRaWAN")) refuse(AwsError::Validation, "WirelessMetadata.LoRaWAN: this is a Sidewalk device");
    if (const nlohmann::json* sw = member(*meta, "Sidewalk", V::object, "WirelessMetadata.")) {
      const std::string where = "WirelessMetadata.Sidewalk.";
      if (const auto* s = member(*sw, "Seq", V::number_integer, where)) seq = integer_in(*s, 0, 16383, where + "Seq");
      if (const auto* r = member(*sw, "AckModeRetryDurationSecs", V::number_integer, where))
        retry = integer_in(*r, 0, 604800, where + "AckModeRetryDurationSecs");
      if (const auto* t = member(*sw, "MessageType", V::string, where)) {
        message_type = t->get<std::string>();
        if (message_type != "CUSTOM_COMMAND_ID_NOTIFY" && message_type != "CUSTOM_COMMAND_ID_GET" &&
            message_type != "CUSTOM_COMMAND_ID_SET" && message_type != "CUSTOM_COMMAND_ID_RESP")
          refuse(AwsError::Validation, where + "MessageType '" + message_type + "' is not one of CUSTOM_COMMAND_ID_"
                                       "NOTIFY, CUSTOM_COMMAND_ID_GET, CUSTOM_COMMAND_ID_SET, CUSTOM_COMMAND_ID_RESP");
      }
    }
  }
  if (e == nullptr) refuse(AwsError::ResourceNotFound, "Wireless device " + c.id + " not found");
  const std::uint32_t serial = next_message_++;
  std::uint8_t name[4] = {static_cast<std::uint8_t>(serial >> 24), static_cast<std::uint8_t>(serial >> 16),
                          static_cast<std::uint8_t>(serial >> 8), static_cast<std::uint8_t>(serial)};
  const std::string message_id = aws::resource_uuid(w_.seed, "DownlinkMessage", name);
  const auto seq_value = static_cast<std::uint32_t>(seq.value_or(serial % 16384));
  nlohmann::ordered_json sidewalk{{"Seq", seq_value}, {"MessageType", message_type}};
  if (retry) sidewalk["AckModeRetryDurationSecs"] = *retry;
  const nlohmann::ordered_json request{{"Id", e->id},
                                       {"MessageId", message_id},
                                       {"TransmitMode", transmit_mode},
                                       {"PayloadData", text},
                                       {"WirelessMetadata", {{"Sidewalk", sidewalk}}}};
  world::Stimulus s;
  s.kind = world::StimulusKind::SendData;
  s.device = e->device;
  s.message = serial;
  s.payload = *payload;
  s.acknowledged = transmit_mode == 1;
  // Kept for the retry duration asked (acknowledged mode), else for the type's uplink TTL.
  s.keep_for = transmit_mode == 1 && retry && *retry > 0 ? static_cast<SimTime>(*retry) * kSecond
                                                         : (*w_.types)[e->device_type].traffic.ttl;
  s.request = request.dump();
  const SimTime at = w_.submit(std::move(s), live);
  if (at < scheduled) scheduled = at;
  w_.directory->queue(e->device, QueuedMessage{serial, message_id, static_cast<int>(transmit_mode), seq_value, at});
  return json_response(202, nlohmann::ordered_json{{"MessageId", message_id}});
}

HttpResponse IotWirelessOperations::list_queued_messages(const ApiCall& c) {
  check_device_type(c, "WirelessDeviceType");
  const Page p = page_of(c);
  const DirectoryEntry* e = w_.directory->by_id(c.id);
  if (e == nullptr) refuse(AwsError::ResourceNotFound, "Wireless device " + c.id + " not found");
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  const auto* queued = w_.directory->queued(e->device);
  const std::size_t n = queued == nullptr ? 0 : queued->size();
  std::size_t pos = p.begin;
  for (; pos < n && list.size() < p.size; ++pos) {
    const QueuedMessage& m = (*queued)[pos];
    list.push_back({{"MessageId", m.message_id}, {"TransmitMode", m.transmit_mode}, {"ReceivedAt", timestamp(m.received)}});
  }
  nlohmann::ordered_json out;
  if (pos < n) out["NextToken"] = token_of(pos);
  out["DownlinkQueueMessagesList"] = std::move(list);
  return json_response(200, out);
}

HttpResponse IotWirelessOperations::deregister(const ApiCall& c, SimTime live, SimTime& scheduled) {
  check_device_type(c, "WirelessDeviceType");
  if (const std::string* t = query(c, "WirelessDeviceType"); t != nullptr && *t != "Sidewalk")
    refuse(AwsError::Validation, "only Sidewalk devices are de-registered");
  const DirectoryEntry* e = w_.directory->by_id(c.id);
  if (e == nullptr) refuse(AwsError::ResourceNotFound, "Wireless device " + c.id + " not found");
  if (e->state != metrics::FleetState::Registered)
    refuse(AwsError::Conflict, "Wireless device " + c.id + " is not registered (it is " +
                                   std::string(metrics::to_string(e->state)) + ")");
  world::Stimulus s;
  s.kind = world::StimulusKind::Deregister;
  s.device = e->device;
  s.request = nlohmann::ordered_json{{"Identifier", e->id}, {"WirelessDeviceType", "Sidewalk"}}.dump();
  const SimTime at = w_.submit(std::move(s), live);
  if (at < scheduled) scheduled = at;
  return json_response(200, nlohmann::ordered_json::object());
}

HttpResponse IotWirelessOperations::list_device_profiles(const ApiCall& c) {
  const Page p = page_of(c);
  const std::string* kind = query(c, "deviceProfileType");
  const std::size_t n = kind != nullptr && *kind != "Sidewalk" ? 0 : w_.types->size();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::size_t pos = p.begin;
  for (; pos < n && list.size() < p.size; ++pos) {
    const aws::DeviceProfileFile& f = profiles_[pos];
    list.push_back({{"Arn", f.arn}, {"Name", f.name}, {"Id", f.id}});
  }
  nlohmann::ordered_json out;
  if (pos < n) out["NextToken"] = token_of(pos);
  out["DeviceProfileList"] = std::move(list);
  return json_response(200, out);
}

HttpResponse IotWirelessOperations::get_device_profile(const ApiCall& c) {
  for (const aws::DeviceProfileFile& f : profiles_)
    if (f.id == c.id) return json_response(200, aws::device_profile_json(f));
  refuse(AwsError::ResourceNotFound, "Device profile " + c.id + " not found");
}

HttpResponse IotWirelessOperations::create_wireless_device(const ApiCall& c, SimTime live, SimTime& scheduled) {
  using V = nlohmann::json::value_t;
  const nlohmann::json* type = member(c.body, "Type", V::string, "");
  const nlohmann::json* destination = member(c.body, "DestinationName", V::string, "");
  if (type == nullptr) refuse(AwsError::Validation, "Type is required (Sidewalk)");
  if (*type != "Sidewalk") refuse(AwsError::Validation, "Type '" + type->get<std::string>() + "': the twin makes Sidewalk devices");
  if (destination == nullptr) refuse(AwsError::Validation, "DestinationName is required");
  const std::string token = c.body.value("ClientRequestToken", std::string());
  if (!token.empty())
    if (const auto again = created_.find(token); again != created_.end()) return json_response(201, again->second);
  if (*destination != w_.destination->name)
    refuse(AwsError::ResourceNotFound, "Destination " + destination->get<std::string>() + " not found (the run's is " +
                                           w_.destination->name + ")");
  const nlohmann::json* sidewalk = member(c.body, "Sidewalk", V::object, "");
  const nlohmann::json* profile = sidewalk ? member(*sidewalk, "DeviceProfileId", V::string, "Sidewalk.") : nullptr;
  if (profile == nullptr) refuse(AwsError::Validation, "Sidewalk.DeviceProfileId is required: it names the device type");
  const std::vector<models::DeviceTypeConfig>& types = *w_.types;
  std::uint16_t t = 0;
  while (t < types.size() && profiles_[t].id != *profile) ++t;
  if (t == types.size()) refuse(AwsError::ResourceNotFound, "Device profile " + profile->get<std::string>() + " not found");
  const models::DeviceTypeConfig& cfg = types[t];
  reserve_taken_.resize(types.size(), 0);
  if (reserve_taken_[t] >= cfg.reserve)
    refuse(AwsError::Conflict, "no device of device profile " + cfg.name + " is left to make: its reserve (" +
                                   std::to_string(cfg.reserve) + ", the scenario's fleet.device_types[].reserve) is used up");
  const std::uint32_t index = cfg.count + reserve_taken_[t]++;
  std::uint32_t first = 0;
  for (std::uint16_t k = 0; k < t; ++k) first += types[k].count + types[k].reserve;
  const std::array<std::uint8_t, 32> smsn = models::device_smsn(cfg, index);
  const aws::WirelessDeviceView view =
      aws::device_view_of(w_.seed, cfg, models::device_serial_number(cfg, index), smsn, w_.destination->name);
  world::Stimulus s;
  s.kind = world::StimulusKind::Create;
  s.device = first + index;
  nlohmann::ordered_json request{{"Type", "Sidewalk"}, {"DestinationName", w_.destination->name},
                                 {"Sidewalk", {{"DeviceProfileId", *profile}}}, {"Id", view.id}};
  if (c.body.contains("Name")) request["Name"] = c.body["Name"];
  s.request = request.dump();
  const SimTime at = w_.submit(std::move(s), live);
  if (at < scheduled) scheduled = at;
  const nlohmann::ordered_json answer{{"Arn", view.arn}, {"Id", view.id}};
  if (!token.empty()) created_.emplace(token, answer);
  return json_response(201, answer);
}

}  // namespace st::api
