// EventCalendar (sim/kernel/event_calendar.hpp): the run's future events (near heap, bucket ring, overflow).
//   BM_CalendarHold/N: the "hold" model of a steady-state run: N pending entries, each iteration pops the
//     earliest and schedules one at a random future time (one pop + one schedule per iteration).
//   BM_CalendarFillDrain/N: schedule N entries at random times, then pop them all (per-entry time reported).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>

#include "sim/kernel/event_calendar.hpp"

namespace {

using st::EventCalendar;
using st::SimTime;

void BM_CalendarHold(benchmark::State& state) {
  const auto n = static_cast<std::uint32_t>(state.range(0));
  std::mt19937_64 rng(42);
  std::exponential_distribution<double> gap(1.0 / 60e9);  // ~1 minute mean, in ns
  EventCalendar cal;
  cal.reserve(n + 1);
  for (std::uint32_t d = 0; d < n; ++d) cal.schedule(static_cast<SimTime>(gap(rng)), 1, 1, d);
  for (auto _ : state) {
    const st::CalendarEntry e = cal.pop();
    cal.schedule(e.time + static_cast<SimTime>(gap(rng)), e.target, e.kind, e.device);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["bytes_per_entry"] = static_cast<double>(sizeof(st::CalendarEntry));
}
BENCHMARK(BM_CalendarHold)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);

void BM_CalendarFillDrain(benchmark::State& state) {
  const auto n = static_cast<std::uint32_t>(state.range(0));
  std::mt19937_64 rng(7);
  std::vector<SimTime> times(n);
  for (auto& t : times) t = rng() % (3600ull * 1'000'000'000ull);
  for (auto _ : state) {
    EventCalendar cal;
    cal.reserve(n);
    for (std::uint32_t d = 0; d < n; ++d) cal.schedule(times[d], 1, 1, d);
    SimTime last = 0;
    while (!cal.empty()) last = cal.pop().time;
    benchmark::DoNotOptimize(last);
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_CalendarFillDrain)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
