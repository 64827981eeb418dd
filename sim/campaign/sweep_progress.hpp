// The sweep's progress line on stderr: runs done and left, running, resumed. On a terminal one line redrawn in
// place; otherwise (a log, CI) one line per finished run. Host time is shown, never written to a table.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace st::campaign {

class SweepProgress {
 public:
  // prefix: "sweep NAME" or "sweep NAME [rank 1/4]"; total: the runs of this rank.
  SweepProgress(std::string prefix, std::size_t total, bool enabled, std::FILE* out = stderr);
  void resumed(std::size_t count);
  void started();
  void finished(const std::string& id, double seconds, bool ok);
  void finish();  // ends the redrawn line

 private:
  void draw(const std::string& last);
  std::string prefix_;
  std::size_t total_;
  bool enabled_;
  std::FILE* out_;
  bool terminal_;
  std::size_t done_ = 0, resumed_ = 0, running_ = 0, failed_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  bool drawn_ = false;
};

}  // namespace st::campaign
