#include "sim/kernel/dispatcher.hpp"

namespace st {

Dispatcher::Dispatcher(sc_core::sc_module_name name) : sc_core::sc_module(name) {
  SC_METHOD(dispatch);
}

void Dispatcher::dispatch() {
  now_ = static_cast<SimTime>(sc_core::sc_time_stamp().value() / (sc_core::sc_time(1, sc_core::SC_NS).value()));
  while (!calendar_.empty() && calendar_.top().time <= now_) {
    const CalendarEntry e = calendar_.pop();
    EventHandler* h = handlers_[e.target];
    if (h != nullptr) h->on_event(e);
    ++dispatched_;
  }
  if (observer_) observer_(now_);
  if (!calendar_.empty()) {
    next_trigger(sc_core::sc_time(static_cast<double>(calendar_.top().time - now_), sc_core::SC_NS));
  } else {
    next_trigger(sc_core::sc_time(static_cast<double>(kHour), sc_core::SC_NS));  // idle: look again later
  }
}

void run_kernel_until(SimTime end) {
  // Events stamped exactly at the sc_start end time run only on the next sc_start: go 1 ns past the end.
  sc_core::sc_start(sc_core::sc_time(static_cast<double>(end + 1), sc_core::SC_NS));
}

}  // namespace st
