// Dispatcher: the one SystemC process of a run. It pops every due calendar entry, hands it to the
// handler registered for its target, and re-arms itself for the next due time (a timed notification of the
// event it is statically sensitive to).
#pragma once
#include <array>
#include <cstdint>
#include <functional>

#include <systemc>

#include "sim/kernel/event_calendar.hpp"

namespace st {

class EventHandler {
 public:
  virtual ~EventHandler() = default;
  virtual void on_event(const CalendarEntry& event) = 0;
};

class Dispatcher : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(Dispatcher);
  explicit Dispatcher(sc_core::sc_module_name name);

  EventCalendar& calendar() { return calendar_; }
  void attach(std::uint8_t target, EventHandler* handler) { handlers_[target] = handler; }
  // Current simulated time in nanoseconds (the kernel's clock, never the host's).
  SimTime now() const { return now_; }
  void schedule_in(SimTime delay, std::uint8_t target, std::uint16_t kind, std::uint32_t device,
                   std::uint32_t arg = 0) {
    calendar_.schedule(now_ + delay, target, kind, device, arg);
  }
  void schedule_at(SimTime at, std::uint8_t target, std::uint16_t kind, std::uint32_t device,
                   std::uint32_t arg = 0) {
    calendar_.schedule(at < now_ ? now_ : at, target, kind, device, arg);
  }
  std::uint64_t dispatched() const { return dispatched_; }
  // Called between kernel activations (e.g. for progress), never from a handler.
  void set_observer(std::function<void(SimTime)> observer) { observer_ = std::move(observer); }

 private:
  void dispatch();

  EventCalendar calendar_;
  sc_core::sc_event wake_;  // the process's static sensitivity: notified for the next due time
  std::array<EventHandler*, 256> handlers_{};
  SimTime now_ = 0;
  std::uint64_t dispatched_ = 0;
  std::function<void(SimTime)> observer_;
};

// Run the kernel until `end` inclusive: events stamped exactly at `end` are processed.
void run_kernel_until(SimTime end);

}  // namespace st
