// bench/kernel, variant `twin`: the wake pattern (wake_pattern.hpp) run exactly as the simulator runs its
// devices: the one sim/kernel Dispatcher SC_METHOD inside SystemC (sc_start through Dispatcher::run_until), the
// devices behind one EventHandler target, wake-ups re-scheduled with Dispatcher::schedule_in, an observer
// installed (sidewalk-twin run always installs one for its progress line), time resolution 1 ns.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

// SystemC prints its banner when its context is first created: ask it not to, as sim/cli/main.cpp does.
namespace {
const bool kSystemCQuiet = (::setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0), true);
}

#include <systemc>

#include "bench/event_rate/wake_pattern.hpp"
#include "sim/kernel/dispatcher.hpp"

namespace {

constexpr std::uint8_t kWakeTarget = 1;
constexpr std::uint16_t kWake = 1;

class WakeHandler : public st::EventHandler {
 public:
  WakeHandler(st::Dispatcher& kernel, st::bench::WakeFleet& fleet) : kernel_(kernel), fleet_(fleet) {}
  void on_event(const st::CalendarEntry& e) override {
    st::SimTime gap = 0;
    if (fleet_.wake(e.device, kernel_.now(), gap)) kernel_.schedule_in(gap, kWakeTarget, kWake, e.device);
    // The next device's record is probably not in cache at a million devices: ask for it now, so that it
    // arrives while SystemC advances time (the plain loop does the same; ns-3 offers no look at its next event).
    const st::EventCalendar& calendar = kernel_.calendar();
    if (!calendar.empty()) fleet_.prefetch(calendar.top().device);
  }

 private:
  st::Dispatcher& kernel_;
  st::bench::WakeFleet& fleet_;
};

}  // namespace

extern "C" int sc_main(int argc, char** argv);

extern "C" int sc_main(int argc, char** argv) {
  (void)kSystemCQuiet;
  using namespace st;
  const std::uint32_t n = bench::parse_devices(argc, argv, "event_rate_twin");
  bench::WakeFleet fleet(n);
  sc_core::sc_set_time_resolution(1, sc_core::SC_NS);
  Dispatcher kernel("dispatcher");
  WakeHandler handler(kernel, fleet);
  kernel.attach(kWakeTarget, &handler);
  kernel.calendar().reserve(std::min<std::size_t>(std::size_t{n} * 2u + 64u, 1u << 22));  // as sim/world/world.cpp
  SimTime observed = 0;  // the observer's work: as small as the run's progress line
  kernel.set_observer([&observed](SimTime now) { observed = now; });

  bench::Stopwatch watch;
  for (std::uint32_t d = 0; d < n; ++d) kernel.schedule_at(fleet.first_wake(d), kWakeTarget, kWake, d);
  // Every device's 20th wake-up comes long before an hour (about 20 s on average, far under a minute at the
  // tail); the dispatcher then idles in one-hour steps until the end.
  kernel.run_until(kHour);
  watch.stop();
  if (!kernel.calendar().empty()) std::fprintf(stderr, "event_rate_twin: events left after an hour\n");
  return bench::report("twin", fleet, watch,
                       "dispatched=" + std::to_string(kernel.dispatched()) + " activations=" + std::to_string(kernel.activations()));
}
