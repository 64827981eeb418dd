// bench/kernel, variants `ns3-priority` and `ns3-map`: the wake pattern (wake_pattern.hpp) on ns-3 3.37's
// DefaultSimulatorImpl, with ns3::PriorityQueueScheduler (ns-3's fastest) or ns3::MapScheduler (its default).
// Each wake-up is a Simulator::Schedule of a static function with the device index, the ordinary ns-3 way.
//
//   event_rate_ns3 priority|map DEVICES
//
// ns-3 orders simultaneous events by insertion, the twin by device: the `order` checksum differs between the
// two only if some events share a nanosecond (they do at a million devices); the `timed` checksum matches.
#include <cstdint>
#include <cstdio>
#include <string>

#include <ns3/global-value.h>
#include <ns3/nstime.h>
#include <ns3/object-factory.h>
#include <ns3/simulator.h>
#include <ns3/string.h>

#include "bench/event_rate/wake_pattern.hpp"

namespace {

st::bench::WakeFleet* g_fleet = nullptr;

void wake(std::uint32_t device) {
  st::SimTime gap = 0;
  const auto now = static_cast<st::SimTime>(ns3::Simulator::Now().GetTimeStep());  // resolution: 1 ns
  if (g_fleet->wake(device, now, gap)) ns3::Simulator::Schedule(ns3::NanoSeconds(gap), &wake, device);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace st;
  if (argc != 3 || (std::string(argv[1]) != "priority" && std::string(argv[1]) != "map")) {
    std::fprintf(stderr, "usage: event_rate_ns3 priority|map DEVICES\n");
    return 2;
  }
  const bool priority = std::string(argv[1]) == "priority";
  char* args[] = {argv[0], argv[2]};
  const std::uint32_t n = bench::parse_devices(2, args, "event_rate_ns3");
  bench::WakeFleet fleet(n);
  g_fleet = &fleet;
  if (ns3::Time::GetResolution() != ns3::Time::NS) {
    std::fprintf(stderr, "event_rate_ns3: expected ns-3's default time resolution of 1 ns\n");
    return 2;
  }
  ns3::GlobalValue::Bind("SimulatorImplementationType", ns3::StringValue("ns3::DefaultSimulatorImpl"));
  ns3::ObjectFactory scheduler;
  scheduler.SetTypeId(priority ? "ns3::PriorityQueueScheduler" : "ns3::MapScheduler");
  ns3::Simulator::SetScheduler(scheduler);

  bench::Stopwatch watch;
  for (std::uint32_t d = 0; d < n; ++d) ns3::Simulator::Schedule(ns3::NanoSeconds(fleet.first_wake(d)), &wake, d);
  ns3::Simulator::Run();
  watch.stop();
  ns3::Simulator::Destroy();
  return bench::report(priority ? "ns3-priority" : "ns3-map", fleet, watch);
}
