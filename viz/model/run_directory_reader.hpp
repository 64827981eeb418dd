// RunDirectoryReader: a run directory (docs/outputs.md) as the records of docs/telemetry.md, so a replay and a
// live stream fill RunData the same way. Older run directories without counters.jsonl still open: their
// counters are the final ones of summary.json, at the end of the run.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>

#include "model/records.hpp"
#include "model/run_data.hpp"

namespace st::viz {

using RecordSink = std::function<void(Record&&)>;
// Called now and then with the bytes read so far and the total; returning false cancels the read.
using ProgressFn = std::function<bool(std::uint64_t done, std::uint64_t total)>;

class ReadCancelled : public std::runtime_error {
 public:
  ReadCancelled() : std::runtime_error("reading cancelled") {}
};

class RunDirectoryReader {
 public:
  explicit RunDirectoryReader(std::filesystem::path dir) : dir_(std::move(dir)) {}
  void set_progress(ProgressFn f) { progress_ = std::move(f); }

  // Emits hello, the states, the counters, the handshakes, the events, then end. Throws InputError naming
  // the file and line (a missing file, a wrong CSV header, a malformed line), or ReadCancelled.
  void read(const RecordSink& sink);
  // After read(): whether the directory had counters.jsonl.
  bool had_counters_file() const { return had_counters_; }

 private:
  std::filesystem::path dir_;
  ProgressFn progress_;
  std::uint64_t done_ = 0, total_ = 0;
  bool had_counters_ = false;
  void tick(std::uint64_t bytes);
};

// Reads a run directory into a RunData.
RunData load_run_directory(const std::filesystem::path& dir, ProgressFn progress = {});

}  // namespace st::viz
