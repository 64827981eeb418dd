// sidewalk-twin: the command line. Subcommands: run, sweep, validate, template, airtime, export, verify-device.
#include <cstdlib>

// SystemC prints its banner when its simulation context is first created, during static initialisation:
// ask it not to before any SystemC header's initialiser runs (this object file is linked first).
namespace {
const bool kSystemCQuiet = (::setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0), true);
}

#include <CLI/CLI.hpp>
#include <systemc>

#include <cstdlib>
#include <exception>
#include <iostream>

#include "sim/cli/airtime_command.hpp"
#include "sim/cli/device_file_commands.hpp"
#include "sim/cli/run_command.hpp"
#include "sim/cli/sweep_command.hpp"

int sc_main(int argc, char* argv[]) {
  (void)kSystemCQuiet;
  CLI::App app{"sidewalk-twin: a network simulator and digital twin of Amazon Sidewalk device fleets"};
  app.require_subcommand(1);
  st::cli::RunOptions run;
  auto* run_cmd = app.add_subcommand("run", "run a scenario and write its run directory");
  run_cmd->add_option("scenario", run.scenario_file, "scenario file (YAML)")->required();
  run_cmd->add_option("--out,-o", run.out_dir, "run directory to write")->required();
  run_cmd->add_option("--seed", run.seed, "override the scenario's seed");
  run_cmd->add_option("--set", run.set,
                      "set a scenario value before the file is read, KEY=VALUE, repeatable: KEY is a dotted path, "
                      "list items by name or index (fleet.device_types.sensors.count=500, timeline.0.at=20min)")
      ->allow_extra_args(false);
  run_cmd->add_option("--keylog", run.keylog, "write every ECDH and session key to this file");
  run_cmd->add_option("--pcap", run.pcap, "write every radio frame to this pcap file (docs/pcap.md)");
  run_cmd->add_option("--entropy", run.entropy, "key material: deterministic (from the seed) or os")
      ->check(CLI::IsMember({"deterministic", "os"}));
  run_cmd->add_flag("--check", run.check, "exit 1 when an expectation fails");
  run_cmd->add_flag("--quiet,-q", run.quiet, "no progress line and no result lines on stdout");
  run_cmd->add_flag("--aws-records", run.aws_records,
                    "also write aws-events.jsonl and destination.jsonl in AWS's shapes (docs/outputs.md)");
  auto* serve_opt = run_cmd->add_option("--serve", run.serve,
                                        "stream live telemetry on 127.0.0.1:PORT (0: any free port; docs/telemetry.md)")
                        ->check(CLI::Range(0, 65535));
  run_cmd->add_option("--crypto-workers", run.crypto_workers,
                      "threads that run the cryptography beside the kernel (default: cores - 1, at least 1; 0: none); "
                      "the outputs are the same for any number")
      ->check(CLI::Range(0, 64));
  run_cmd->add_flag("--serve-wait", run.serve_wait, "with --serve: start the run when a first client connects")
      ->needs(serve_opt);
  auto* api_opt = run_cmd->add_option("--api", run.live.api,
                                      "serve the AWS IoT Wireless API on 127.0.0.1:PORT (0: any free port; docs/api.md)")
                      ->check(CLI::Range(0, 65535));
  run_cmd->add_option("--api-credentials", run.live.api_credentials,
                      "the access keys the API accepts: {\"aws_access_key_id\": ..., \"aws_secret_access_key\": ...}")
      ->needs(api_opt);
  auto* mqtt_opt = run_cmd->add_option("--mqtt", run.live.mqtt,
                                       "publish uplinks and events to the MQTT broker at HOST:PORT (QoS 1; docs/api.md)");
  auto* mqtt_ca = run_cmd->add_option("--mqtt-ca", run.live.mqtt_ca, "TLS to the broker: the CA file to trust")
                      ->needs(mqtt_opt);
  run_cmd->add_option("--mqtt-cert", run.live.mqtt_cert, "TLS: the client certificate the broker asks for")
      ->needs(mqtt_ca);
  run_cmd->add_option("--mqtt-key", run.live.mqtt_key, "TLS: the client certificate's private key")->needs(mqtt_ca);
  run_cmd->add_option("--pace", run.live.pace,
                      "simulated seconds per wall second (default with --api or --mqtt: 1, real time)");
  run_cmd->add_option("--limit", run.limits,
                      "what a client may take of a server the run opens, SERVER.NAME=VALUE, repeatable: "
                      "api.connections, api.header_bytes, api.body_bytes, api.read_timeout, api.write_timeout, "
                      "api.rate, api.burst, telemetry.clients, telemetry.line_bytes, telemetry.queue_bytes, "
                      "telemetry.history (docs/api.md, docs/telemetry.md)")
      ->allow_extra_args(false);
  run_cmd->add_option("--replay-stimuli", run.live.replay_stimuli,
                      "apply the outside calls recorded in a run's stimuli.jsonl, at the same instants")
      ->excludes(api_opt);

  st::cli::SweepOptions sweep;
  auto* sweep_cmd = app.add_subcommand(
      "sweep", "run a sweep file's points x seeds (locally, or over MPI ranks under mpirun); write sweep.csv, "
               "summary.csv and a plot per figure (docs/campaigns.md)");
  sweep_cmd->add_option("sweep_file", sweep.sweep_file, "sweep file (YAML)")->required();
  sweep_cmd->add_option("--out,-o", sweep.out_dir, "folder for the runs and the results (resumes the runs there)")
      ->required();
  sweep_cmd->add_option("--jobs,-j", sweep.jobs,
                        "runs at once on this machine (default: its cores, shared among the MPI ranks on it)")
      ->check(CLI::Range(1u, 1024u));
  sweep_cmd->add_flag("--quiet,-q", sweep.quiet, "no progress line and no result lines");
  sweep_cmd->add_flag("!--no-plots", sweep.plots, "write the tables only");

  std::string validate_file;
  std::vector<std::string> validate_set;
  auto* validate_cmd = app.add_subcommand("validate", "check a scenario file and report the first error");
  validate_cmd->add_option("scenario", validate_file, "scenario file (YAML)")->required();
  validate_cmd->add_option("--set", validate_set, "set a scenario value first, KEY=VALUE (as for run)")
      ->allow_extra_args(false);
  auto* template_cmd = app.add_subcommand("template", "print a fully commented scenario that runs as it is");

  st::cli::AirtimeOptions airtime;
  auto* airtime_cmd = app.add_subcommand("airtime", "print the time on air of one frame, in ms");
  airtime_cmd->add_option("--link", airtime.link, "css, fsk or ble")->required();
  airtime_cmd->add_option("--rate", airtime.rate,
                          "css: 2kbps, 12.5kbps, 22kbps; fsk: 50kbps, 150kbps, 250kbps; ble: 1Mbps, 2Mbps")
      ->required();
  airtime_cmd->add_option("--payload", airtime.payload,
                          "payload bytes (css: LoRa payload; fsk: before the FCS; ble: LL payload, unencrypted)")
      ->required();
  airtime_cmd->add_option("--preamble", airtime.preamble, "preamble length: symbols (css) or bytes (fsk)");

  st::cli::ExportOptions export_opts;
  auto* export_cmd = app.add_subcommand(
      "export", "write the scenario's fleet as AWS and the factory hold it (manufacturing only; docs/real-formats.md)");
  export_cmd->add_option("scenario", export_opts.scenario_file, "scenario file (YAML)")->required();
  export_cmd->add_option("--out,-o", export_opts.out_dir, "directory to write")->required();
  export_cmd->add_option("--limit", export_opts.limit, "at most this many devices per device type")
      ->check(CLI::Range(1u, 10'000'000u));

  st::cli::VerifyDeviceOptions verify;
  auto* verify_cmd = app.add_subcommand(
      "verify-device", "check a device file's two certificate chains record by record (GetWirelessDevice or "
                       "certificate.json)");
  verify_cmd->add_option("device_file", verify.device_file, "device file (JSON)")->required();
  verify_cmd->add_option("--trusted-roots", verify.trusted_roots,
                         "the AMZN roots the chains must end in: {\"ed25519\": {\"public_key\", \"serial\"}, "
                         "\"p256r1\": {...}}");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "sidewalk-twin: " << e.what() << '\n';   // bad arguments: one line, exit 2
    return 2;
  }
  try {
    if (*run_cmd) return st::cli::run_command(run);
    if (*sweep_cmd) return st::cli::sweep_command(sweep);
    if (*validate_cmd) return st::cli::validate_command(validate_file, validate_set);
    if (*template_cmd) return st::cli::template_command();
    if (*airtime_cmd) return st::cli::airtime_command(airtime, std::cout, std::cerr);
    if (*export_cmd) return st::cli::export_command(export_opts, std::cout, std::cerr);
    if (*verify_cmd) return st::cli::verify_device_command(verify, std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "sidewalk-twin: " << e.what() << '\n';
    return 2;
  }
  return 2;
}
