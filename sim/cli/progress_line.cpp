#include "sim/cli/progress_line.hpp"

#include <cstdio>

namespace st::cli {

ProgressLine::ProgressLine(const output::RunRecorder& recorder, SimTime end, bool enabled)
    : recorder_(recorder), end_(end), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

void ProgressLine::update(SimTime now, std::uint64_t events) {
  if (!enabled_) return;
  const auto t = std::chrono::steady_clock::now();
  if (t - last_ < std::chrono::milliseconds(250)) return;
  last_ = t;
  const double wall = std::chrono::duration<double>(t - start_).count();
  const auto& c = recorder_.counts();
  std::fprintf(stderr,
               "\r\033[K[%6.1f%%] sim %.0fs/%.0fs | created %lld assoc %lld reg %lld dereg %lld blocked %lld "
               "rejected %lld | %.0fk ev/s",
               100.0 * static_cast<double>(now) / static_cast<double>(end_ ? end_ : 1), to_seconds(now),
               to_seconds(end_), static_cast<long long>(c[1]), static_cast<long long>(c[2]),
               static_cast<long long>(c[3]), static_cast<long long>(c[4]), static_cast<long long>(c[5]),
               static_cast<long long>(c[6]), wall > 0 ? static_cast<double>(events) / wall / 1e3 : 0.0);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::finish() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace st::cli
