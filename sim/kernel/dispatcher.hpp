// Dispatcher: the one SystemC process of a run. It pops every calendar entry due within its quantum, hands
// each to the handler registered for its target at the entry's exact time, and re-arms itself for the next
// entry's time (a timed notification of the event it is statically sensitive to).
//
// Temporal decoupling, as TLM-2.0 loosely-timed initiators do it: one activation at SystemC time T runs the
// entries stamped up to T + quantum, each with now() at its own nanosecond, so SystemC's clock trails the
// model's by less than a quantum and advances once per quantum of busy time instead of once per distinct
// event time. The order of the entries, and therefore every result, is the calendar's in any quantum; a quantum
// of 0 keeps SystemC's clock at every event time.
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
  // Current simulated time in nanoseconds (the model's clock, never the host's): the time of the entry being
  // handled. SystemC's own clock (sc_time_stamp) is at most quantum() behind it.
  SimTime now() const { return now_; }
  // How far one activation may run ahead of SystemC's clock (default kDefaultQuantum; 0: not at all).
  SimTime quantum() const { return quantum_; }
  void set_quantum(SimTime q) { quantum_ = q; }
  static constexpr SimTime kDefaultQuantum = kMillisecond;
  void schedule_in(SimTime delay, std::uint8_t target, std::uint16_t kind, std::uint32_t device,
                   std::uint32_t arg = 0) {
    calendar_.schedule(now_ + delay, target, kind, device, arg);
  }
  void schedule_at(SimTime at, std::uint8_t target, std::uint16_t kind, std::uint32_t device,
                   std::uint32_t arg = 0) {
    calendar_.schedule(at < now_ ? now_ : at, target, kind, device, arg);
  }
  std::uint64_t dispatched() const { return dispatched_; }
  // SystemC activations of the process so far (each runs one quantum's entries).
  std::uint64_t activations() const { return activations_; }
  // Called between kernel activations (e.g. for progress), never from a handler.
  void set_observer(std::function<void(SimTime)> observer) { observer_ = std::move(observer); }
  // Runs the kernel until `end` inclusive: entries stamped exactly at `end` run, later ones stay pending.
  void run_until(SimTime end);

 private:
  void dispatch();

  EventCalendar calendar_;
  sc_core::sc_event wake_;  // the process's static sensitivity: notified for the next due time
  std::array<EventHandler*, 256> handlers_{};
  SimTime now_ = 0;
  SimTime quantum_ = kDefaultQuantum;
  SimTime end_ = kNever;  // no entry after this runs (run_until)
  std::uint64_t dispatched_ = 0;
  std::uint64_t activations_ = 0;
  std::function<void(SimTime)> observer_;
};

}  // namespace st
