#include "model/run_directory_reader.hpp"

#include "model/csv_file.hpp"
#include "model/placement_files.hpp"

#include <charconv>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace st::viz {

namespace fs = std::filesystem;

using csv::fail;
using csv::next_line;
using csv::open;
using csv::split;
using csv::to_count;
using csv::to_number;

namespace {
constexpr std::string_view kStatesHeader = "time_s,created,associated,registered,deregistered,blocked,rejected";
constexpr std::string_view kHandshakesHeader = "smsn,device_type,link,start_s,end_s,latency_ms,outcome,reason";

void check_header(const fs::path& file, std::istream& in, std::string_view expected) {
  std::string line;
  if (!next_line(in, line)) fail(file, 1, "empty file (expected the header '" + std::string(expected) + "')");
  if (line != expected)
    fail(file, 1, "unexpected header '" + line + "' (expected '" + std::string(expected) + "')");
}

void check_columns(const fs::path& file, std::uint64_t n, const std::vector<std::string_view>& cols,
                   std::size_t expected) {
  if (cols.size() != expected)
    fail(file, n, std::to_string(cols.size()) + " columns, expected " + std::to_string(expected));
}

nlohmann::json read_json_file(const fs::path& file) {
  std::ifstream in = open(file);
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    fail(file, 0, "not JSON: " + what);
  }
}

std::uint64_t size_of(const fs::path& p) {
  std::error_code ec;
  const auto n = fs::file_size(p, ec);
  return ec ? 0 : static_cast<std::uint64_t>(n);
}
}  // namespace

void RunDirectoryReader::tick(std::uint64_t bytes) {
  done_ += bytes;
  if (progress_ && !progress_(done_, total_)) throw ReadCancelled();
}

void RunDirectoryReader::read(const RecordSink& sink) {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) fail(dir_, 0, fs::exists(dir_, ec) ? "not a directory" : "no such directory");
  const fs::path summary_file = dir_ / "summary.json", states_file = dir_ / "states.csv",
                 counters_file = dir_ / "counters.jsonl", handshakes_file = dir_ / "handshakes.csv",
                 events_file = dir_ / "events.jsonl";
  had_counters_ = fs::exists(counters_file, ec);
  done_ = 0;
  total_ = size_of(summary_file) + size_of(states_file) + size_of(counters_file) + size_of(handshakes_file) +
           size_of(events_file);

  const nlohmann::json summary = read_json_file(summary_file);
  HelloRecord hello;
  CountersSample final_counters;
  try {
    hello = hello_from_summary(summary);
    final_counters = counters_from_summary(summary);
  } catch (const InputError& e) {
    fail(summary_file, 0, e.what());
  }
  tick(size_of(summary_file));

  // states.csv first: its first two rows give the sampling interval of the hello.
  std::vector<StatesSample> states;
  {
    std::ifstream in = open(states_file);
    check_header(states_file, in, kStatesHeader);
    std::string line;
    std::uint64_t n = 1;
    while (next_line(in, line)) {
      ++n;
      if (line.empty()) continue;
      const auto cols = split(line);
      check_columns(states_file, n, cols, 1 + kStateCount);
      StatesSample s;
      try {
        s.t = to_number(cols[0], "time_s");
        for (std::size_t i = 0; i < kStateCount; ++i)
          s.count[i] = to_count(cols[1 + i], to_string(static_cast<State>(i)));
      } catch (const InputError& e) {
        fail(states_file, n, e.what());
      }
      states.push_back(s);
      tick(line.size() + 1);
    }
  }
  done_ = size_of(summary_file) + size_of(states_file);
  tick(0);
  if (states.size() >= 2) hello.sample_interval_s = states[1].t - states[0].t;
  // The map (physical layer only): gateways.csv and devices.csv, where the run wrote them.
  const fs::path gateways_file = dir_ / "gateways.csv", devices_file = dir_ / "devices.csv";
  std::optional<GatewaysRecord> gateways;
  std::optional<DevicesRecord> devices;
  if (fs::exists(gateways_file, ec)) gateways = read_gateways_csv(gateways_file);
  if (fs::exists(devices_file, ec)) devices = read_devices_csv(devices_file, hello);
  sink(std::move(hello));
  if (gateways) sink(std::move(*gateways));
  if (devices) sink(std::move(*devices));
  for (auto& s : states) sink(std::move(s));

  if (had_counters_) {
    std::ifstream in = open(counters_file);
    std::string line;
    std::uint64_t n = 0;
    while (next_line(in, line)) {
      ++n;
      if (line.empty()) continue;
      try {
        sink(parse_counters(parse_json(line)));
      } catch (const InputError& e) {
        fail(counters_file, n, e.what());
      }
      tick(line.size() + 1);
    }
    done_ = size_of(summary_file) + size_of(states_file) + size_of(counters_file);
    tick(0);
  } else {
    sink(std::move(final_counters));
  }

  {
    std::ifstream in = open(handshakes_file);
    check_header(handshakes_file, in, kHandshakesHeader);
    std::string line;
    std::uint64_t n = 1;
    while (next_line(in, line)) {
      ++n;
      if (line.empty()) continue;
      const auto cols = split(line);
      check_columns(handshakes_file, n, cols, 8);
      HandshakeRecord h;
      try {
        h.smsn = cols[0];
        h.device_type = cols[1];
        h.link = cols[2];
        h.start_s = to_number(cols[3], "start_s");
        h.end_s = to_number(cols[4], "end_s");
        h.latency_ms = to_number(cols[5], "latency_ms");
        if (cols[6] != "success" && cols[6] != "failure")
          throw InputError("column 'outcome': neither success nor failure ('" + std::string(cols[6]) + "')");
        h.success = cols[6] == "success";
        h.reason = cols[7];
        sink(std::move(h));
      } catch (const InputError& e) {
        fail(handshakes_file, n, e.what());
      }
      tick(line.size() + 1);
    }
    done_ = total_ - size_of(events_file);
    tick(0);
  }

  {
    std::ifstream in = open(events_file);
    std::string line;
    std::uint64_t n = 0, pending = 0;
    while (next_line(in, line)) {
      ++n;
      pending += line.size() + 1;
      if (line.empty()) continue;
      try {
        if (auto fast = parse_event_fast(line)) sink(std::move(*fast));
        else sink(parse_event(nlohmann::json::parse(line)));
      } catch (const nlohmann::json::parse_error& e) {
        std::string what = e.what();
        if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
        fail(events_file, n, "not JSON: " + what);
      } catch (const InputError& e) {
        fail(events_file, n, e.what());
      }
      if (pending >= (1u << 20)) {
        tick(pending);
        pending = 0;
      }
    }
    done_ = total_;
    tick(0);
  }

  EndRecord end;
  end.t = hello_from_summary(summary).duration_s;
  end.summary = summary;
  sink(std::move(end));
}

RunData load_run_directory(const fs::path& dir, ProgressFn progress) {
  RunData run;
  RunDirectoryReader reader(dir);
  reader.set_progress(std::move(progress));
  reader.read([&](Record&& r) { run.apply(std::move(r)); });
  return run;
}

}  // namespace st::viz
