#include "sim/campaign/sweep_progress.hpp"

#include <unistd.h>

namespace st::campaign {

SweepProgress::SweepProgress(std::string prefix, std::size_t total, bool enabled, std::FILE* out)
    : prefix_(std::move(prefix)), total_(total), enabled_(enabled), out_(out), terminal_(::isatty(::fileno(out)) == 1) {}

void SweepProgress::resumed(std::size_t count) {
  resumed_ += count;
  done_ += count;
  if (count > 0 && enabled_ && !terminal_) draw("");
}

void SweepProgress::started() {
  ++running_;
  if (terminal_) draw("");
}

void SweepProgress::finished(const std::string& id, double seconds, bool ok) {
  --running_;
  ++done_;
  if (!ok) ++failed_;
  char what[160];
  std::snprintf(what, sizeof what, " (%s %s in %.1f s)", id.c_str(), ok ? "done" : "FAILED", seconds);
  draw(what);
}

void SweepProgress::draw(const std::string& last) {
  if (!enabled_) return;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::fprintf(out_, "%s%s: %zu/%zu runs done, %zu left, %zu running", terminal_ ? "\r\033[K" : "", prefix_.c_str(),
               done_, total_, total_ - done_, running_);
  if (resumed_ > 0) std::fprintf(out_, ", %zu resumed", resumed_);
  if (failed_ > 0) std::fprintf(out_, ", %zu FAILED", failed_);
  std::fprintf(out_, " | %.0f s%s%s", wall, last.c_str(), terminal_ ? "" : "\n");
  std::fflush(out_);
  drawn_ = true;
}

void SweepProgress::finish() {
  if (enabled_ && terminal_ && drawn_) std::fprintf(out_, "\n");
}

}  // namespace st::campaign
