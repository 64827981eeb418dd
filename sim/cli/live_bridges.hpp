// LiveBridges: what a run meets the outside world with (docs/api.md): the IoT Wireless API (--api), the MQTT bridge
// (--mqtt), the timeline actions of telemetry clients (--serve), the stimulus log every outside change is recorded in
// (stimuli.jsonl) and its replay (--replay-stimuli), and the pacing that lets outside callers meet the run live. The
// command builds one, puts its sink in the record chain, attaches it to the world, and calls between() between two
// kernel activations.
#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/api/device_directory.hpp"
#include "sim/api/iot_wireless_api.hpp"
#include "sim/api/stimulus_log.hpp"
#include "sim/aws/aws_records_tap.hpp"
#include "sim/cli/live_actions.hpp"
#include "sim/mqtt/mqtt_publisher.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/telemetry/run_control.hpp"
#include "sim/telemetry/telemetry_server.hpp"
#include "sim/world/world.hpp"

namespace st::cli {

struct LiveOptions {
  std::optional<std::uint16_t> api;       // --api PORT (0: any free port)
  std::string api_credentials;            // --api-credentials FILE
  std::string mqtt;                       // --mqtt HOST:PORT (empty: none)
  std::string mqtt_ca, mqtt_cert, mqtt_key;  // TLS to the broker (--mqtt-ca turns it on)
  std::optional<double> pace;             // --pace X: simulated seconds per wall second (default 1 when live)
  std::string replay_stimuli;             // --replay-stimuli FILE
  api::HttpLimits api_limits;             // --limit api.NAME=VALUE
  bool live() const { return api.has_value() || !mqtt.empty(); }
};

// Checks what can be checked before the run starts (credentials file, HOST:PORT, pace, replay file, whose timeline
// actions are read against `s`); an error names the option and the cause. Nothing is written.
void check_live_options(const LiveOptions& o, const scenario::Scenario& s, std::vector<api::Credentials>& credentials,
                        std::vector<world::TimedStimulus>& replay, mqtt::MqttOptions& broker);

class LiveBridges {
 public:
  // `inner`: the record chain below (the recorder, its taps); `aws`: the AWS-shaped records tap, when the run writes
  // them (--aws-records, implied by --mqtt); `stimuli_file`: where stimuli.jsonl goes (staged), or empty.
  LiveBridges(const LiveOptions& o, const scenario::Scenario& s, metrics::MetricsSink& inner, aws::AwsRecordsTap* aws,
              std::vector<api::Credentials> credentials, std::vector<world::TimedStimulus> replay,
              const mqtt::MqttOptions& broker, const std::filesystem::path& stimuli_file);
  ~LiveBridges();

  // The sink the world reports to (this bridge's directory on top of `inner`, or `inner`).
  metrics::MetricsSink& sink();
  // Takes the `action` commands of the server's clients (before attach(): those sent earlier wait for the world).
  void serve_actions(telemetry::TelemetryServer& server);
  // Connects to the world and the run control: the stimulus port's record, the replay, the API (its stderr line
  // "api: http://127.0.0.1:PORT") and the telemetry's actions (the simulation thread's service), the pace.
  void attach(world::World& w, telemetry::RunControl& control);
  // Simulation thread, between two kernel activations: the replayed stimuli due now.
  void between();
  // The run has ended: the API answers 503 and stops, telemetry actions are refused, the broker gets its last
  // publications (a bounded wait), the stimulus log is closed.
  void finish();
  // {"pace", "api", "mqtt"} for summary.json (host-side figures: they differ between a live run and its replay).
  void add_to_summary(nlohmann::ordered_json& summary) const;

 private:
  LiveOptions options_;
  const scenario::Scenario& scenario_;
  metrics::MetricsSink& inner_;
  aws::AwsRecordsTap* aws_;
  std::vector<api::Credentials> credentials_;
  std::vector<world::TimedStimulus> replay_;
  std::unique_ptr<api::DeviceDirectory> directory_;
  std::unique_ptr<mqtt::MqttPublisher> broker_;
  std::unique_ptr<api::StimulusLogWriter> log_;
  std::unique_ptr<api::IotWirelessApi> api_;
  std::shared_ptr<LiveActions> actions_;  // shared with the telemetry server's handler, which may outlive this
  world::World* world_ = nullptr;
  telemetry::RunControl* control_ = nullptr;
};

}  // namespace st::cli
