// AwsRecordsTap: writes a run's records in AWS's shapes as they pass (`run --aws-records`): aws-events.jsonl, the
// device registration state events AWS publishes, and destination.jsonl, each uplink as it reaches the
// destination. Ids are the export's (aws_ids.hpp); timestamps are ISO 8601 from the scenario's start instant.
#pragma once
#include <cstdint>
#include <fstream>
#include <string>

#include "sim/metrics/metrics_sink.hpp"

namespace st::aws {

class AwsRecordsTap : public metrics::ForwardingSink {
 public:
  AwsRecordsTap(metrics::MetricsSink& inner, std::uint64_t seed, std::int64_t start_unix_s,
                const std::string& events_path, const std::string& destination_path);

  void transition(const metrics::TransitionRecord& r) override;
  bool wants_payloads() const override { return true; }
  void application_uplink(const metrics::ApplicationUplinkRecord& r) override;
  // Flushes and closes both files; throws when a write failed.
  void close();

 private:
  std::string timestamp(SimTime t) const;
  std::uint64_t seed_;
  std::int64_t start_unix_s_;
  std::ofstream events_;
  std::ofstream destination_;
  std::string events_path_, destination_path_;
  std::uint64_t event_serial_ = 0;
  std::uint64_t message_serial_ = 0;
};

// An instant as AWS writes it: "2026-01-01T00:05:12.345Z" (milliseconds, UTC).
std::string iso8601_utc(std::int64_t start_unix_s, SimTime t);

}  // namespace st::aws
