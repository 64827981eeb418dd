// The event pattern of bench/kernel, shared by every variant (twin, plain, ns-3): N devices, each waking
// kWakesPerDevice times at exponential gaps (mean kMeanGapNs) drawn from its own deterministic stream
// (st::RandomStream, the simulator's per-device stream type). A wake-up counts itself on a compact device
// record, draws the next gap and, unless it was the device's last, asks for the next wake-up.
//
// Every variant therefore processes the same N x kWakesPerDevice events at the same (device, time) pairs;
// only the order among events stamped with the same nanosecond can differ between kernels. Two checksums:
//   order:  over the exact (device, time) sequence, ties included (the twin orders ties by device);
//   timed:  over the sequence of distinct times, each with the set of devices due then (ties unordered),
//           which also matches for a kernel that orders ties differently (ns-3: by insertion).
//
// Header-only and free of SystemC and ns-3 so that every executable compiles the very same code.
#pragma once
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "sim/kernel/random_stream.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::bench {

inline constexpr std::uint32_t kWakesPerDevice = 20;
inline constexpr double kMeanGapNs = 1e9;  // 1 s between a device's wake-ups, on average
inline constexpr std::uint64_t kPatternSeed = 0x51DE'3A1C'2026'0001ULL;

// The per-device record: 24 bytes, so a million devices make 24 MB of state visited in random order.
struct WakeDevice {
  RandomStream rng;
  std::uint32_t wakes = 0;
  std::uint32_t last_gap_us = 0;  // the tiny bit of per-wake state besides the counter
};
static_assert(sizeof(WakeDevice) == 24, "the device record stays compact");

class Checksums {
 public:
  void add(std::uint32_t device, SimTime t) {
    const std::uint64_t x = mix64(t * 0x9E37'79B9'7F4A'7C15ULL + device);
    order_ = mix64(order_ ^ x);
    if (t != group_time_) {
      close_group();
      group_time_ = t;
    }
    group_sum_ += x;
    ++group_size_;
  }
  std::uint64_t order() const { return order_; }
  std::uint64_t timed() const {
    Checksums c = *this;
    c.close_group();
    return c.timed_;
  }

 private:
  void close_group() {
    if (group_size_ == 0) return;
    timed_ = mix64(timed_ ^ mix64(group_time_ ^ group_sum_) ^ group_size_);
    group_sum_ = 0;
    group_size_ = 0;
  }

  std::uint64_t order_ = 0;
  std::uint64_t timed_ = 0;
  SimTime group_time_ = 0;
  std::uint64_t group_sum_ = 0;
  std::uint64_t group_size_ = 0;
};

class WakeFleet {
 public:
  explicit WakeFleet(std::uint32_t devices, std::uint64_t seed = kPatternSeed) : devices_(devices) {
    for (std::uint32_t d = 0; d < devices; ++d) devices_[d].rng = RandomStream(seed, d);
  }

  std::uint32_t size() const { return static_cast<std::uint32_t>(devices_.size()); }
  std::uint64_t expected_events() const { return std::uint64_t{size()} * kWakesPerDevice; }

  // The time of device d's first wake-up (a gap from time 0). Call once per device, in device order.
  SimTime first_wake(std::uint32_t d) { return draw_gap(devices_[d]); }

  // Device d wakes at `now`. Returns true, with the delay to its next wake-up in `gap`, unless this was
  // its last wake-up.
  bool wake(std::uint32_t d, SimTime now, SimTime& gap) {
    WakeDevice& w = devices_[d];
    sums_.add(d, now);
    ++events_;
    if (++w.wakes == kWakesPerDevice) return false;
    gap = draw_gap(w);
    return true;
  }

  // A hint that device d is handled soon (its record is probably not in cache at a million devices).
  void prefetch(std::uint32_t d) const { __builtin_prefetch(&devices_[d], 1); }

  std::uint64_t events() const { return events_; }
  const Checksums& checksums() const { return sums_; }

  // Every device woke exactly kWakesPerDevice times.
  bool complete() const {
    if (events_ != expected_events()) return false;
    for (const WakeDevice& w : devices_)
      if (w.wakes != kWakesPerDevice) return false;
    return true;
  }

 private:
  static SimTime draw_gap(WakeDevice& w) {
    const auto gap = static_cast<SimTime>(w.rng.exponential(kMeanGapNs));
    w.last_gap_us = static_cast<std::uint32_t>(gap / kMicrosecond);
    return gap;
  }

  std::vector<WakeDevice> devices_;
  Checksums sums_;
  std::uint64_t events_ = 0;
};

// --- command line and report, common to every variant -----------------------------------------------------------

// `<program> DEVICES`: the device count, or exit 2 with a usage line.
inline std::uint32_t parse_devices(int argc, char** argv, const char* program) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DEVICES\n", program);
    std::exit(2);
  }
  char* end = nullptr;
  const unsigned long long n = std::strtoull(argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || n == 0 || n > 100'000'000ULL) {
    std::fprintf(stderr, "%s: DEVICES must be an integer in [1, 100000000], got '%s'\n", program, argv[1]);
    std::exit(2);
  }
  return static_cast<std::uint32_t>(n);
}

// Wall and CPU time of the measured part of a run (the initial wake-ups and the whole run).
class Stopwatch {
 public:
  Stopwatch() : wall_(std::chrono::steady_clock::now()), cpu_(cpu_now()) {}
  void stop() {
    wall_s_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
    cpu_s_ = cpu_now() - cpu_;
  }
  double wall_s() const { return wall_s_; }
  double cpu_s() const { return cpu_s_; }

 private:
  static double cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  std::chrono::steady_clock::time_point wall_;
  double cpu_;
  double wall_s_ = 0;
  double cpu_s_ = 0;
};

// One line of key=value pairs on stdout (bench/kernel parses it): events/s is over wall time; peak RSS is this
// process's ru_maxrss.
// Returns the process exit status: 0, or 1 if the run did not process the whole pattern.
inline int report(const char* variant, const WakeFleet& fleet, const Stopwatch& watch, const std::string& extra = {}) {
  rusage ru;
  std::memset(&ru, 0, sizeof ru);
  getrusage(RUSAGE_SELF, &ru);
  const bool ok = fleet.complete();
  std::printf(
      "variant=%s devices=%u events=%llu seconds=%.6f cpu_seconds=%.6f events_per_s=%.0f peak_rss_kb=%ld "
      "order_checksum=%016llx "
      "timed_checksum=%016llx complete=%s%s%s\n",
      variant, fleet.size(), static_cast<unsigned long long>(fleet.events()), watch.wall_s(), watch.cpu_s(),
      watch.wall_s() > 0 ? static_cast<double>(fleet.events()) / watch.wall_s() : 0.0, ru.ru_maxrss,
      static_cast<unsigned long long>(fleet.checksums().order()),
      static_cast<unsigned long long>(fleet.checksums().timed()), ok ? "yes" : "no", extra.empty() ? "" : " ",
      extra.c_str());
  std::fflush(stdout);
  if (!ok) std::fprintf(stderr, "%s: the run did not process every device's %u wake-ups\n", variant, kWakesPerDevice);
  return ok ? 0 : 1;
}

}  // namespace st::bench
