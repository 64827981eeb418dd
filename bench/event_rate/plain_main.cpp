// bench/kernel, variant `plain`: the wake pattern (wake_pattern.hpp) on the simulator's own st::EventCalendar,
// popped in a plain loop: no SystemC, no dispatcher, no handler table. The floor the twin is measured against.
// This executable compiles sim/kernel/event_calendar.cpp itself and does not link SystemC at all.
#include <algorithm>
#include <cstdint>

#include "bench/event_rate/wake_pattern.hpp"
#include "sim/kernel/event_calendar.hpp"

int main(int argc, char** argv) {
  using namespace st;
  const std::uint32_t n = bench::parse_devices(argc, argv, "event_rate_plain");
  bench::WakeFleet fleet(n);
  EventCalendar calendar;
  calendar.reserve(std::min<std::size_t>(std::size_t{n} * 2u + 64u, 1u << 22));  // as sim/world/world.cpp does
  constexpr std::uint8_t kTarget = 1;
  constexpr std::uint16_t kWake = 1;

  bench::Stopwatch watch;
  for (std::uint32_t d = 0; d < n; ++d) calendar.schedule(fleet.first_wake(d), kTarget, kWake, d);
  while (!calendar.empty()) {
    const CalendarEntry e = calendar.pop();
    SimTime gap = 0;
    if (fleet.wake(e.device, e.time, gap)) calendar.schedule(e.time + gap, e.target, e.kind, e.device);
    if (!calendar.empty()) fleet.prefetch(calendar.top().device);  // as the twin's handler does
  }
  watch.stop();
  return bench::report("plain", fleet, watch);
}
