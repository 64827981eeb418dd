#include "sim/aws/aws_records_tap.hpp"

#include <time.h>

#include <ctime>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "models/security/base64.hpp"
#include "sim/aws/aws_ids.hpp"

namespace st::aws {

std::string iso8601_utc(std::int64_t start_unix_s, SimTime t) {
  const std::int64_t ms_total = t / 1'000'000;  // SimTime is in ns
  const time_t seconds = static_cast<time_t>(start_unix_s + ms_total / 1000);
  std::tm tm{};
  ::gmtime_r(&seconds, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms_total % 1000));
  return buf;
}

AwsRecordsTap::AwsRecordsTap(metrics::MetricsSink& inner, std::uint64_t seed, std::int64_t start_unix_s,
                             const std::string& events_path, const std::string& destination_path,
                             std::string destination_topic)
    : ForwardingSink(inner),
      seed_(seed),
      start_unix_s_(start_unix_s),
      events_(events_path, std::ios::binary),
      destination_(destination_path, std::ios::binary),
      events_path_(events_path),
      destination_path_(destination_path),
      destination_topic_(std::move(destination_topic)) {
  if (!events_) throw std::runtime_error(events_path + ": cannot be written");
  if (!destination_) throw std::runtime_error(destination_path + ": cannot be written");
}

std::string AwsRecordsTap::timestamp(SimTime t) const { return iso8601_utc(start_unix_s_, t); }

void AwsRecordsTap::transition(const metrics::TransitionRecord& r) {
  ForwardingSink::transition(r);
  using metrics::FleetState;
  const char* type = nullptr;
  const char* operation = nullptr;
  if (r.to == FleetState::Created && r.cause == models::Cause::Provisioned) {
    type = "provisioned", operation = "create";
  } else if (r.to == FleetState::Registered) {
    type = "registered", operation = "register";
  } else if (r.to == FleetState::Deregistered && r.from == FleetState::Registered) {
    type = "provisioned", operation = "deregister";
  } else {
    return;
  }
  nlohmann::ordered_json j;
  j["eventId"] = next_event_id();
  j["eventType"] = type;
  j["WirelessDeviceId"] = resource_uuid(seed_, "WirelessDevice", r.smsn);
  j["timestamp"] = timestamp(r.time);
  j["operation"] = operation;
  j["Sidewalk"] = {{"AmazonId", sidewalk_id(seed_, r.smsn)}, {"SidewalkManufacturingSn", upper_hex(r.smsn)}};
  event_line(std::string("$aws/iotwireless/events/device_registration_state/") + type + "/sidewalk/wireless_devices",
             j.dump());
}

std::string AwsRecordsTap::next_event_id() {
  std::uint8_t serial[8];
  for (int i = 0; i < 8; ++i) serial[i] = static_cast<std::uint8_t>(event_serial_ >> (8 * (7 - i)));
  ++event_serial_;
  return resource_uuid(seed_, "Event", serial);
}

void AwsRecordsTap::event_line(const std::string& topic, const std::string& json) {
  events_ << json << '\n';
  ++lines_;
  if (publish_) publish_(topic, json);
}

void AwsRecordsTap::know_downlink(std::uint32_t message, std::string message_id, std::uint32_t seq,
                                  std::string message_type) {
  downlinks_[message] = Downlink{std::move(message_id), seq, std::move(message_type)};
}

void AwsRecordsTap::downlink_status(const metrics::DownlinkStatusRecord& r) {
  ForwardingSink::downlink_status(r);
  const auto it = downlinks_.find(r.message);
  const Downlink d = it != downlinks_.end() ? it->second : Downlink{};
  if (it != downlinks_.end()) downlinks_.erase(it);
  const char* type = r.success ? "success" : "error";
  nlohmann::ordered_json j;
  j["eventId"] = next_event_id();
  j["eventType"] = type;
  j["WirelessDeviceId"] = resource_uuid(seed_, "WirelessDevice", r.smsn);
  j["timestamp"] = timestamp(r.time);
  j["MessageId"] = d.message_id;
  nlohmann::ordered_json sidewalk{{"AmazonId", sidewalk_id(seed_, r.smsn)},
                                  {"SidewalkManufacturingSn", upper_hex(r.smsn)},
                                  {"Seq", d.seq},
                                  {"MessageType", d.message_type}};
  if (!r.success) sidewalk["Error"] = models::to_string(r.cause);
  j["Sidewalk"] = std::move(sidewalk);
  event_line(std::string("$aws/iotwireless/events/message_delivery_status/") + type + "/sidewalk/wireless_devices",
             j.dump());
}

void AwsRecordsTap::application_uplink(const metrics::ApplicationUplinkRecord& r) {
  ForwardingSink::application_uplink(r);
  // (The counter starts again at each registration: the run's message serial names the message.)
  std::uint8_t name[40];
  std::copy(r.smsn.begin(), r.smsn.end(), name);
  for (int i = 0; i < 8; ++i) name[32 + i] = static_cast<std::uint8_t>(message_serial_ >> (8 * (7 - i)));
  ++message_serial_;
  nlohmann::ordered_json j;
  j["MessageId"] = resource_uuid(seed_, "Message", name);
  j["WirelessDeviceId"] = resource_uuid(seed_, "WirelessDevice", r.smsn);
  j["PayloadData"] = security::to_base64(r.payload);
  j["WirelessMetadata"] = {{"Sidewalk",
                            {{"Seq", r.counter % 16384},
                             {"SidewalkId", sidewalk_id(seed_, r.smsn)},
                             {"Timestamp", timestamp(r.time)},
                             {"MessageType", "CUSTOM_COMMAND_ID_NOTIFY"},
                             {"CmdExStatus", "COMMAND_EXEC_STATUS_UNSPECIFIED"},
                             {"NackExStatus", nlohmann::ordered_json::array()}}}};
  const std::string line = j.dump();
  destination_ << line << '\n';
  ++lines_;
  if (publish_) publish_(destination_topic_, line);
}

void AwsRecordsTap::close() {
  events_.close();
  destination_.close();
  if (!events_) throw std::runtime_error(events_path_ + ": write failed");
  if (!destination_) throw std::runtime_error(destination_path_ + ": write failed");
}

}  // namespace st::aws
