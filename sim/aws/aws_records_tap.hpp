// AwsRecordsTap: writes a run's records in AWS's shapes as they pass (`run --aws-records`): aws-events.jsonl, the
// device registration state and message delivery status events AWS publishes, and destination.jsonl, each uplink
// as it reaches the destination; and hands each line with its MQTT topic to a publisher (`run --mqtt`). Ids are
// the export's (aws_ids.hpp); timestamps are ISO 8601 from the scenario's start instant.
#pragma once
#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "sim/metrics/metrics_sink.hpp"

namespace st::aws {

class AwsRecordsTap : public metrics::ForwardingSink {
 public:
  AwsRecordsTap(metrics::MetricsSink& inner, std::uint64_t seed, std::int64_t start_unix_s,
                const std::string& events_path, const std::string& destination_path,
                std::string destination_topic = "sidewalk/app_data");

  // Called with each line's topic and JSON text as it is written (never waits: the MQTT bridge).
  using Publish = std::function<void(const std::string& topic, const std::string& json)>;
  void on_publish(Publish publish) { publish_ = std::move(publish); }
  // What the delivery status event of the run's downlink `message` says of it (from its stimulus).
  void know_downlink(std::uint32_t message, std::string message_id, std::uint32_t seq, std::string message_type);

  void transition(const metrics::TransitionRecord& r) override;
  bool wants_payloads() const override { return true; }
  void application_uplink(const metrics::ApplicationUplinkRecord& r) override;
  void downlink_status(const metrics::DownlinkStatusRecord& r) override;
  // Flushes and closes both files; throws when a write failed.
  void close();
  // Lines written to both files (each one also handed to the publisher).
  std::uint64_t lines_written() const { return lines_; }

 private:
  std::string timestamp(SimTime t) const;
  void event_line(const std::string& topic, const std::string& json);
  std::string next_event_id();
  struct Downlink {
    std::string message_id;
    std::uint32_t seq = 0;
    std::string message_type;
  };
  std::map<std::uint32_t, Downlink> downlinks_;  // until their status event
  Publish publish_;
  std::uint64_t seed_;
  std::int64_t start_unix_s_;
  std::ofstream events_;
  std::ofstream destination_;
  std::string events_path_, destination_path_;
  std::string destination_topic_;
  std::uint64_t event_serial_ = 0;
  std::uint64_t message_serial_ = 0;
  std::uint64_t lines_ = 0;
};

// An instant as AWS writes it: "2026-01-01T00:05:12.345Z" (milliseconds, UTC).
std::string iso8601_utc(std::int64_t start_unix_s, SimTime t);

}  // namespace st::aws
