#include "sim/cli/live_bridges.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <stdexcept>

#include "sim/api/api_credentials.hpp"
#include "sim/aws/json_fields.hpp"

namespace st::cli {

void check_live_options(const LiveOptions& o, const scenario::Scenario& s, std::vector<api::Credentials>& credentials,
                        std::vector<world::TimedStimulus>& replay, mqtt::MqttOptions& broker) {
  if (o.api) {
    if (o.api_credentials.empty()) throw std::invalid_argument("--api needs --api-credentials FILE");
    credentials = api::read_api_credentials(o.api_credentials);
  }
  if (!o.mqtt.empty()) {
    const std::size_t colon = o.mqtt.rfind(':');
    const std::string port = colon == std::string::npos ? "" : o.mqtt.substr(colon + 1);
    const bool digits = !port.empty() && port.size() <= 5 &&
                        port.find_first_not_of("0123456789") == std::string::npos;
    const long number = digits ? std::stol(port) : 0;
    if (colon == 0 || colon == std::string::npos || number < 1 || number > 65535)
      throw std::invalid_argument("--mqtt " + o.mqtt + ": expected HOST:PORT with a port within 1..65535");
    broker.host = o.mqtt.substr(0, colon);
    broker.port = static_cast<std::uint16_t>(number);
    broker.client_id = "sidewalk-twin-" + std::to_string(::getpid());
    broker.tls = !o.mqtt_ca.empty();
    broker.ca_file = o.mqtt_ca;
    broker.cert_file = o.mqtt_cert;
    broker.key_file = o.mqtt_key;
    for (const std::string* f : {&o.mqtt_ca, &o.mqtt_cert, &o.mqtt_key})
      if (!f->empty() && !std::filesystem::is_regular_file(*f))
        throw std::invalid_argument(*f + ": no such file (a TLS option of --mqtt)");
    if ((!o.mqtt_cert.empty() || !o.mqtt_key.empty()) && o.mqtt_ca.empty())
      throw std::invalid_argument("--mqtt-cert and --mqtt-key need --mqtt-ca (TLS)");
  }
  if (o.pace && !(std::isfinite(*o.pace) && *o.pace > 0))
    throw std::invalid_argument("--pace must be a positive number of simulated seconds per second");
  if (!o.replay_stimuli.empty())
    replay = api::read_stimulus_log(o.replay_stimuli, static_cast<std::uint32_t>(s.device_capacity()), &s);
}

LiveBridges::LiveBridges(const LiveOptions& o, const scenario::Scenario& s, metrics::MetricsSink& inner,
                         aws::AwsRecordsTap* aws, std::vector<api::Credentials> credentials,
                         std::vector<world::TimedStimulus> replay, const mqtt::MqttOptions& broker,
                         const std::filesystem::path& stimuli_file)
    : options_(o), scenario_(s), inner_(inner), aws_(aws), credentials_(std::move(credentials)),
      replay_(std::move(replay)) {
  if (o.api) directory_ = std::make_unique<api::DeviceDirectory>(inner, s.world.seed, s.world.device_types);
  if (!stimuli_file.empty()) log_ = std::make_unique<api::StimulusLogWriter>(stimuli_file);
  if (!o.mqtt.empty()) {
    broker_ = std::make_unique<mqtt::MqttPublisher>(broker);
    if (aws_ != nullptr)
      aws_->on_publish([this](const std::string& topic, const std::string& json) { broker_->publish(topic, json); });
  }
}

LiveBridges::~LiveBridges() { finish(); }

metrics::MetricsSink& LiveBridges::sink() { return directory_ ? static_cast<metrics::MetricsSink&>(*directory_) : inner_; }

void LiveBridges::serve_actions(telemetry::TelemetryServer& server) {
  actions_ = std::make_shared<LiveActions>(scenario_);
  server.on_action([actions = actions_, &control = server.control()](const telemetry::TelemetryCommand& command,
                                                                      telemetry::AnswerAction answer) {
    if (actions->take(command, std::move(answer))) control.poke();
  });
}

void LiveBridges::attach(world::World& w, telemetry::RunControl& control) {
  world_ = &w;
  control_ = &control;
  world::StimulusPort& port = w.stimuli();
  port.on_record([this](const world::TimedStimulus& t) {
    if (log_) log_->write(t);
    if (aws_ != nullptr)
      if (const auto meta = api::downlink_meta(t.stimulus))
        aws_->know_downlink(meta->message, meta->message_id, meta->seq, meta->message_type);
  });
  if (!replay_.empty()) port.replay(std::move(replay_));
  if (options_.api) {
    api::ApiWorld aw;
    aw.seed = scenario_.world.seed;
    aw.start_unix_s = scenario_.start_unix_s;
    aw.types = &scenario_.world.device_types;
    aw.destination = &scenario_.world.cloud.destination;
    aw.application_server_public_key = w.application_server_public_key();
    aw.directory = directory_.get();
    aw.submit = [&port](world::Stimulus s, SimTime live) { return port.submit(std::move(s), live); };
    api::ApiOptions ao;
    ao.port = *options_.api;
    ao.credentials = credentials_;
    ao.limits = options_.api_limits;
    api_ = std::make_unique<api::IotWirelessApi>(ao, std::move(aw), [&control] { control.poke(); });
    std::cerr << "api: http://127.0.0.1:" << api_->port() << std::endl;
  }
  if (api_ || actions_) {
    control.set_service([this, &port](SimTime live) {
      SimTime scheduled = kNever;
      if (api_) scheduled = std::min(scheduled, api_->service(live));
      if (actions_) scheduled = std::min(scheduled, actions_->service(live, port));
      return scheduled;
    });
  }
  if (options_.live() || options_.pace) control.set_pace(options_.pace.value_or(1.0));
}

void LiveBridges::between() {
  if (world_ != nullptr) world_->stimuli().submit_replayed();
}

void LiveBridges::finish() {
  if (world_ != nullptr && world_->stimuli().replay_left() > 0)
    std::cerr << "sidewalk-twin: " << options_.replay_stimuli << ": " << world_->stimuli().replay_left()
              << " stimuli recorded after the run's last kernel activation were not replayed\n";
  world_ = nullptr;
  if (api_) api_->close();
  if (actions_) actions_->close();
  if (broker_) broker_->close(std::chrono::milliseconds(3000));
  if (log_) {
    log_->close();
    log_.reset();
  }
}

void LiveBridges::add_to_summary(nlohmann::ordered_json& summary) const {
  if (control_ != nullptr && (options_.live() || options_.pace)) {
    const double pace = control_->state().sim_seconds_per_second;
    summary["pace"] = {{"sim_seconds_per_second", pace}, {"max_behind_s", control_->max_behind_s()}};
  }
  if (api_) {
    const api::ApiCounts c = api_->counts();
    summary["api"] = {{"requests", c.requests},
                      {"refused_authentication", c.refused_authentication},
                      {"throttled", c.throttled},
                      {"connections_refused", c.limits.connections_refused},
                      {"too_large", c.limits.too_large},
                      {"malformed", c.limits.malformed},
                      {"timed_out", c.limits.timed_out},
                      {"served", c.served},
                      {"stimuli", c.stimuli}};
  }
  if (broker_) {
    // After close(): what the broker never acknowledged is dropped too, so publications = delivered + dropped.
    const mqtt::MqttCounts c = broker_->counts();
    summary["mqtt"] = {{"publications", c.published + c.dropped},
                       {"delivered", c.delivered},
                       {"dropped", c.dropped + (c.published - c.delivered)},
                       {"connects", c.connects}};
  }
}

}  // namespace st::cli
