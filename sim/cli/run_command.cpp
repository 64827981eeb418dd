#include "sim/cli/run_command.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "models/security/key_source.hpp"
#include "sim/aws/aws_records_tap.hpp"
#include "sim/aws/fleet_import.hpp"
#include "sim/aws/json_fields.hpp"
#include "sim/cli/progress_line.hpp"
#include "sim/cli/run_limits.hpp"
#include "sim/output/devices_csv.hpp"
#include "sim/output/expectation_check.hpp"
#include "sim/output/ledger.hpp"
#include "sim/output/pcap_tap.hpp"
#include "sim/output/pcap_writer.hpp"
#include "sim/output/run_directory.hpp"
#include "sim/output/run_recorder.hpp"
#include "sim/output/run_summary.hpp"
#include "sim/output/telemetry_records.hpp"
#include "sim/scenario/scenario_error.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/scenario_template.hpp"
#include "sim/telemetry/telemetry_server.hpp"
#include "sim/world/world.hpp"

namespace st::cli {

namespace fs = std::filesystem;

namespace {

// --set KEY=VALUE texts as overrides; std::invalid_argument on a malformed one.
std::vector<scenario::Override> read_overrides(const std::vector<std::string>& texts) {
  std::vector<scenario::Override> overrides;
  for (const auto& t : texts) overrides.push_back(scenario::parse_override(t));
  return overrides;
}

}  // namespace

int validate_command(const std::string& file, const std::vector<std::string>& set) {
  try {
    const scenario::Scenario s = scenario::load_scenario_file(file, read_overrides(set));
    const models::ImportedFleet imported = aws::load_imported_fleet(s.world);
    std::size_t n_imported = 0;
    for (const auto& t : imported.types) n_imported += t ? t->devices.size() : 0;
    std::cout << file << ": ok (" << s.name << ", " << s.world.device_types.size() << " device types, "
              << s.device_count() << " devices";
    if (n_imported > 0) std::cout << " (" << n_imported << " imported)";
    std::cout << ", " << s.timeline.size() << " timeline actions, " << s.expectations.size() << " expectations)\n";
    return 0;
  } catch (const scenario::ScenarioError& e) {
    std::cerr << e.what() << '\n';
    return 2;
  } catch (const aws::FileError& e) {
    std::cerr << e.what() << '\n';
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "sidewalk-twin: --set " << e.what() << '\n';
    return 2;
  }
}

int template_command() {
  std::cout << scenario::scenario_template();
  return 0;
}

int run_command(const RunOptions& o) {
  scenario::Scenario s;
  try {
    s = scenario::load_scenario_file(o.scenario_file, read_overrides(o.set));
  } catch (const scenario::ScenarioError& e) {
    std::cerr << e.what() << '\n';
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "sidewalk-twin: --set " << e.what() << '\n';
    return 2;
  }
  if (o.seed) s.world.seed = *o.seed;
  models::ImportedFleet imported;  // device types made of real devices (docs/real-formats.md)
  try {
    imported = aws::load_imported_fleet(s.world);
  } catch (const aws::FileError& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
  RunLimits limits;
  try {
    limits = read_limits(o.limits);
  } catch (const std::invalid_argument& e) {
    std::cerr << "sidewalk-twin: " << e.what() << '\n';
    return 2;
  }
  LiveOptions live_options = o.live;
  live_options.api_limits = limits.api;
  std::vector<api::Credentials> credentials;  // the outside world: checked before anything is written
  std::vector<world::TimedStimulus> replay;
  mqtt::MqttOptions broker;
  try {
    check_live_options(o.live, s, credentials, replay, broker);
  } catch (const aws::FileError& e) {
    std::cerr << e.what() << '\n';
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "sidewalk-twin: " << e.what() << '\n';
    return 2;
  }
  if (fs::exists(o.out_dir) && !fs::is_directory(o.out_dir)) {
    std::cerr << o.out_dir << ": --out exists and is not a directory\n";
    return 2;
  }
  std::unique_ptr<telemetry::TelemetryServer> server;  // live telemetry (docs/telemetry.md)
  if (o.serve) {
    try {
      telemetry::ServerOptions serve = limits.telemetry;
      serve.port = *o.serve;
      server = std::make_unique<telemetry::TelemetryServer>(serve);
    } catch (const std::exception& e) {
      std::cerr << "sidewalk-twin: " << e.what() << '\n';
      return 2;
    }
    std::cerr << "serving telemetry on 127.0.0.1:" << server->port() << std::endl;
    server->record(output::hello_record(s).dump());
  }
  const auto wall_start = std::chrono::steady_clock::now();
  output::RunDirectory dir(o.out_dir);
  output::RecorderFiles files;
  files.events = dir.stage("events.jsonl").string();
  files.handshakes = dir.stage("handshakes.csv").string();
  files.states = dir.stage("states.csv").string();
  files.counters = dir.stage("counters.jsonl").string();
  if (!o.keylog.empty()) files.keylog = dir.stage("keylog.partial", o.keylog).string();
  const fs::path summary_path = dir.stage("summary.json");
  const bool physical = s.world.radio.physical;
  const fs::path gateways_path = physical ? dir.stage("gateways.csv") : fs::path{};
  const fs::path devices_path = physical ? dir.stage("devices.csv") : fs::path{};
  std::unique_ptr<output::PcapWriter> pcap;
  if (!o.pcap.empty()) pcap = std::make_unique<output::PcapWriter>(dir.stage("pcap.partial", o.pcap));

  std::vector<std::string> names;
  for (const auto& t : s.world.device_types) names.push_back(t.name);
  output::RunRecorder recorder(names, files);
  if (server) recorder.set_listener(server.get());
  const security::KeySource keys =
      o.entropy == "os" ? security::KeySource::os_entropy() : security::KeySource::deterministic(s.world.seed);

  std::unique_ptr<output::PcapTap> tap;
  if (pcap) tap = std::make_unique<output::PcapTap>(recorder, *pcap);
  metrics::MetricsSink& inner = tap ? static_cast<metrics::MetricsSink&>(*tap) : recorder;
  std::unique_ptr<aws::AwsRecordsTap> aws_tap;  // --aws-records (docs/outputs.md), and what --mqtt publishes
  const bool aws_records = o.aws_records || !o.live.mqtt.empty();
  if (aws_records)
    aws_tap = std::make_unique<aws::AwsRecordsTap>(inner, s.world.seed, s.start_unix_s,
                                                   dir.stage("aws-events.jsonl").string(),
                                                   dir.stage("destination.jsonl").string(),
                                                   s.world.cloud.destination.topic);
  metrics::MetricsSink& aws_sink = aws_tap ? static_cast<metrics::MetricsSink&>(*aws_tap) : inner;
  // Outside changes of the world: the API's calls, the telemetry clients' timeline actions, a replay's.
  const bool stimuli = o.live.api.has_value() || !o.live.replay_stimuli.empty() || server != nullptr;
  LiveBridges live(live_options, s, aws_sink, aws_tap.get(), std::move(credentials), std::move(replay), broker,
                   stimuli ? dir.stage("stimuli.jsonl") : fs::path{});
  if (server) live.serve_actions(*server);
  std::unique_ptr<output::DevicesCsv> devices;  // where each device is (physical layer only, like gateways.csv)
  if (physical) devices = std::make_unique<output::DevicesCsv>(live.sink(), devices_path.string(), names);
  output::Ledger ledger(devices ? static_cast<metrics::MetricsSink&>(*devices) : live.sink());  // the run's books first
  const unsigned cores = std::thread::hardware_concurrency();
  world::World w(s, ledger, keys, o.crypto_workers.value_or(cores > 1 ? cores - 1 : 1), &imported);
  for (SimTime t = 0; t <= s.duration; t += s.sample_interval) {
    w.probe().add(t, [&recorder, &ledger, &w](SimTime now) {
      recorder.sample_states(now);
      ledger.sample(now, w.fleet().made(), recorder.counts());
    });
    if (s.sample_interval == 0) break;
  }
  output::ExpectationCheck check(s, recorder);
  for (const auto& [at, index] : check.snapshot_times()) {
    const std::size_t i = index;
    w.probe().add(at, [&check, i](SimTime) { check.snapshot(i); });
  }
  ProgressLine progress(recorder, s.duration, !o.quiet && ::isatty(STDERR_FILENO));
  telemetry::RunControl own_control;  // pause, pace and the API's service: the telemetry's when it serves
  telemetry::RunControl& control = server ? server->control() : own_control;
  const bool gated = server || o.live.live() || o.live.pace;
  try {
    live.attach(w, control);
  } catch (const std::exception& e) {
    std::cerr << "sidewalk-twin: " << e.what() << '\n';
    return 2;
  }
  w.kernel().set_observer([&](SimTime now) {
    progress.update(now, w.events_dispatched());
    live.between();  // replayed stimuli due after this activation
    if (!gated) return;
    const EventCalendar& calendar = w.kernel().calendar();
    const SimTime next = calendar.empty() ? s.duration : std::min(calendar.top().time, s.duration);
    control.gate(now, next);  // pause, pacing and the API's calls: between two kernel steps
  });
  if (server && o.serve_wait) server->wait_for_client();
  w.run();
  live.finish();
  progress.finish();
  recorder.finish();
  if (pcap) pcap->close();
  if (aws_tap) aws_tap->close();
  if (physical) recorder.radio_report().write_gateways_csv(gateways_path.string());
  if (devices) devices->close();

  const auto results = check.evaluate();
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  nlohmann::ordered_json summary;
  {
    std::ofstream out(summary_path, std::ios::binary);
    summary = output::build_summary(s, recorder, results, wall_s);
    live.add_to_summary(summary);
    if (summary.contains("mqtt") && aws_tap) {
      auto& m = summary["mqtt"];
      m["lines_written"] = aws_tap->lines_written();
      ledger.publications(m["lines_written"], m["publications"], m["delivered"], m["dropped"]);
    }
    summary["ledger"] = ledger.to_json();
    out << summary.dump(2) << '\n';
    if (!out) throw std::runtime_error("cannot write " + summary_path.string());
  }
  dir.commit();
  if (server) server->finish(output::end_record(s.duration, summary));  // `end`, flush, close

  std::size_t failed = 0;
  for (const auto& r : results) failed += r.passed ? 0 : 1;
  if (!o.quiet) {
    std::cout << "sidewalk-twin: " << s.name << " (seed " << s.world.seed << "): " << s.device_count() << " devices, "
              << w.events_dispatched() << " events in " << wall_s << " s\n"
              << "results in " << fs::absolute(o.out_dir).lexically_normal().string()
              << "/ (summary.json, states.csv, handshakes.csv, events.jsonl" << (physical ? ", gateways.csv, devices.csv" : "")
              << (aws_records ? ", aws-events.jsonl, destination.jsonl" : "") << (stimuli ? ", stimuli.jsonl" : "")
              << ")\n";
    if (!results.empty())
      std::cout << "expectations: " << results.size() - failed << " passed, " << failed << " failed\n";
  }
  for (const auto& r : results)
    if (!r.passed)
      std::cerr << r.where << ": expectation failed: " << r.expectation->text << " (observed " << r.observed << ")\n";
  if (!ledger.balanced())
    std::cerr << "sidewalk-twin: LEDGER UNBALANCED (summary.json `ledger`): " << ledger.first_imbalance() << '\n';
  return (o.check && (failed > 0 || !ledger.balanced())) ? 1 : 0;
}

}  // namespace st::cli
