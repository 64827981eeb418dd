#include "models/lifecycle/uplink_messages.hpp"

namespace st::models {

namespace {
int rank(TrafficOutcome o) {
  switch (o) {
    case TrafficOutcome::Delivered: return 3;
    case TrafficOutcome::Rejected: return 2;
    case TrafficOutcome::Dropped: return 1;
    default: return 0;
  }
}
}  // namespace

std::uint32_t UplinkMessages::open(std::uint32_t device, std::uint16_t device_type) {
  if (++next_ == 0) ++next_;
  Open& m = open_.emplace(next_, [](Open& o) { o = Open{}; });
  m.device = device;
  m.device_type = device_type;
  return next_;
}

void UplinkMessages::prefer(Open& m, TrafficOutcome outcome, Cause cause) {
  if (rank(outcome) <= rank(m.fate)) return;
  m.fate = outcome;
  m.cause = cause;
}

void UplinkMessages::forwarded(std::uint32_t message) {
  if (Open* m = open_.find(message)) ++m->copies;
}

void UplinkMessages::copy_ended(SimTime now, std::uint32_t message, TrafficOutcome outcome, Cause cause) {
  Open* m = open_.find(message);
  if (m == nullptr) return;
  if (m->copies > 0) --m->copies;
  if (outcome != TrafficOutcome::Duplicate) prefer(*m, outcome, cause);
  settle(now, message, *m);
}

void UplinkMessages::refused(std::uint32_t message, Cause cause) {
  if (Open* m = open_.find(message)) prefer(*m, TrafficOutcome::Rejected, cause);
}

void UplinkMessages::answered(SimTime now, std::uint32_t message) {
  Open* m = open_.find(message);
  if (m == nullptr) return;
  m->in_outbox = false;
  settle(now, message, *m);
}

void UplinkMessages::given_up(SimTime now, std::uint32_t message, Cause cause) {
  Open* m = open_.find(message);
  if (m == nullptr) return;
  m->in_outbox = false;
  prefer(*m, TrafficOutcome::Dropped, cause);
  settle(now, message, *m);
}

void UplinkMessages::settle(SimTime now, std::uint32_t message, Open& m) {
  if (m.in_outbox || m.copies > 0) return;
  // An answered message whose copies all ended without a fate is reported as it is (outcome Sent): the ledger
  // counts it as unaccounted for.
  sink_.uplink_fate({now, m.device, m.device_type, message, m.fate, m.cause});
  open_.erase(message);
}

}  // namespace st::models
