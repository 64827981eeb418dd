// CalendarEntry: one pending event of the run's calendar (32 bytes), and the total order in which entries run:
// (time, device, sequence), so simultaneous events always run in the same order.
#pragma once
#include <cstdint>

#include "sim/kernel/sim_time.hpp"

namespace st {

inline constexpr std::uint32_t kNoDevice = 0xFFFF'FFFFu;

struct CalendarEntry {
  SimTime time = 0;
  std::uint64_t seq = 0;          // insertion order: the last tie-breaker
  std::uint32_t device = kNoDevice;  // device index, or kNoDevice for actor-level events
  std::uint32_t arg = 0;          // event-specific: a generation, a frame slot, an action index
  std::uint16_t kind = 0;         // event-specific kind, interpreted by the target handler
  std::uint8_t target = 0;        // which handler receives it (see Dispatcher)
  std::uint8_t reserved = 0;
};
static_assert(sizeof(CalendarEntry) == 32, "calendar entries stay compact");

// The run order. Total, since the sequence number is unique: the pop order depends only on the entries.
inline bool runs_before(const CalendarEntry& x, const CalendarEntry& y) {
  if (x.time != y.time) return x.time < y.time;
  if (x.device != y.device) return x.device < y.device;
  return x.seq < y.seq;
}

}  // namespace st
