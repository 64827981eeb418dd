#include "sim/output/ledger.hpp"

#include <map>
#include <numeric>
#include <sstream>
#include <string_view>

#include "sim/output/number_format.hpp"

namespace st::output {

namespace {
constexpr std::size_t kImbalanceLines = 20;  // kept in summary.json; the rest are counted

std::string at(SimTime t) {
  std::ostringstream s;
  s << seconds_json(t) << " s";
  return s.str();
}

std::uint64_t total(const std::array<std::uint64_t, models::kCauseCount>& counts) {
  return std::accumulate(counts.begin(), counts.end(), std::uint64_t{0});
}

// {cause name: count} of the causes counted, in name order.
nlohmann::ordered_json by_cause(const std::array<std::uint64_t, models::kCauseCount>& counts) {
  std::map<std::string_view, std::uint64_t> named;
  for (std::size_t c = 0; c < counts.size(); ++c)
    if (counts[c] > 0) named[models::to_string(static_cast<models::Cause>(c))] = counts[c];
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [cause, n] : named) j[std::string(cause)] = n;
  return j;
}
}  // namespace

void Ledger::imbalance(std::string what) {
  if (imbalances_.size() < kImbalanceLines) imbalances_.push_back(std::move(what));
  ++imbalance_count_;
}

const std::string& Ledger::first_imbalance() const {
  static const std::string none;
  return imbalances_.empty() ? none : imbalances_.front();
}

void Ledger::transition(const metrics::TransitionRecord& r) {
  if (r.device >= state_.size()) state_.resize(r.device + 1u, metrics::FleetState::None);
  ++transitions_;
  metrics::FleetState& s = state_[r.device];
  if (s != r.from) {
    ++out_of_order_;
    imbalance("device " + std::to_string(r.device) + " at " + at(r.time) + ": a transition from " +
              std::string(metrics::to_string(r.from)) + " while its transitions so far leave it " +
              std::string(metrics::to_string(s)));
  }
  --counts_[static_cast<std::size_t>(s)];
  ++counts_[static_cast<std::size_t>(r.to)];
  s = r.to;
  if (r.to == metrics::FleetState::Registered) ++registered_transitions_;
  ForwardingSink::transition(r);
}

void Ledger::handshake(const metrics::HandshakeRecord& r) {
  if (r.success) ++handshakes_ok_;
  ForwardingSink::handshake(r);
}

void Ledger::traffic(const metrics::TrafficRecord& r) {
  using models::TrafficOutcome;
  if (r.direction == models::Direction::Uplink) {
    if (r.attacker) {
      switch (r.outcome) {
        case TrafficOutcome::Sent: ++attacker_injected_; break;
        case TrafficOutcome::Rejected: ++attacker_rejected_[static_cast<std::size_t>(r.cause)]; break;
        case TrafficOutcome::Dropped: ++attacker_unheard_; break;
        case TrafficOutcome::Delivered:
        case TrafficOutcome::Duplicate: ++attacker_accepted_; break;
      }
    } else {
      switch (r.outcome) {
        case TrafficOutcome::Sent:
          ++sent_;
          if (!open_uplinks_.insert(r.message).second) imbalance("uplink " + std::to_string(r.message) + " sent twice");
          break;
        case TrafficOutcome::Rejected: ++copies_rejected_; break;
        case TrafficOutcome::Duplicate: ++duplicates_; break;
        case TrafficOutcome::Delivered:
          if (!r.from_blocked_device) break;
          ++accepted_from_blocked_;
          imbalance("device " + std::to_string(r.device) + " at " + at(r.time) +
                    ": an uplink accepted while the device is blocked");
          break;
        case TrafficOutcome::Dropped: break;
      }
    }
  }
  ForwardingSink::traffic(r);
}

void Ledger::uplink_fate(const metrics::UplinkFateRecord& r) {
  using models::TrafficOutcome;
  const bool was_open = open_uplinks_.erase(r.message) == 1;
  const auto cause = static_cast<std::size_t>(r.cause);
  switch (r.outcome) {
    case TrafficOutcome::Delivered: ++delivered_; break;
    case TrafficOutcome::Rejected: ++rejected_[cause]; break;
    case TrafficOutcome::Dropped: ++dropped_[cause]; break;
    default: break;
  }
  const bool has_fate = r.outcome == TrafficOutcome::Delivered || r.outcome == TrafficOutcome::Rejected ||
                        r.outcome == TrafficOutcome::Dropped;
  if (!was_open || !has_fate) {
    ++unaccounted_;
    imbalance("uplink " + std::to_string(r.message) + " of device " + std::to_string(r.device) + " at " +
                at(r.time) + (was_open ? ": closed without delivery, rejection or drop" : ": a fate, but it was never sent or already had one"));
  }
  ForwardingSink::uplink_fate(r);
}

void Ledger::downlink_queued(const metrics::DownlinkQueuedRecord& r) {
  ++downlinks_accepted_;
  if (!queued_downlinks_.insert(r.message).second) imbalance("downlink " + std::to_string(r.message) + " queued twice");
  ForwardingSink::downlink_queued(r);
}

void Ledger::downlink_status(const metrics::DownlinkStatusRecord& r) {
  if (queued_downlinks_.erase(r.message) != 1) {
    ++downlink_unaccounted_;
    imbalance("downlink " + std::to_string(r.message) + " at " + at(r.time) +
                ": a status, but it was never queued or already had one");
  } else if (r.success) {
    ++downlinks_delivered_;
  } else {
    ++downlinks_failed_[static_cast<std::size_t>(r.cause)];
  }
  ForwardingSink::downlink_status(r);
}

void Ledger::sample(SimTime now, std::uint64_t devices_made, const StateCounts& written) {
  ++samples_;
  devices_made_ = devices_made;
  std::int64_t sum = 0;
  for (std::size_t s = 1; s < counts_.size(); ++s) sum += counts_[s];  // (None: not made)
  const bool written_differs = [&] {
    for (std::size_t s = 1; s < counts_.size(); ++s)
      if (written[s] != counts_[s]) return true;
    return false;
  }();
  if (sum != static_cast<std::int64_t>(devices_made))
    imbalance("states at " + at(now) + ": the counts sum to " + std::to_string(sum) + ", the model has made " +
              std::to_string(devices_made) + " devices");
  else if (written_differs)
    imbalance("states at " + at(now) + ": the counts written to states.csv differ from the transitions'");
}

void Ledger::device_final(const metrics::DeviceFinalRecord& r) {
  ++final_checked_;
  const metrics::FleetState replayed = r.device < state_.size() ? state_[r.device] : metrics::FleetState::None;
  if (replayed != r.state) {
    ++final_mismatch_;
    imbalance("device " + std::to_string(r.device) + " ends " + std::string(metrics::to_string(r.state)) +
              ", its transitions replay to " + std::string(metrics::to_string(replayed)));
  }
  ForwardingSink::device_final(r);
}

void Ledger::run_end(const metrics::RunEndRecord& r) {
  ended_ = true;
  model_in_flight_ = r.uplinks_in_flight;
  model_queued_ = r.downlinks_queued;
  const auto n = [](std::uint64_t v) { return std::to_string(v); };
  const std::uint64_t rejected = total(rejected_), dropped = total(dropped_), failed = total(downlinks_failed_);
  if (open_uplinks_.size() != model_in_flight_ || sent_ != delivered_ + rejected + dropped + open_uplinks_.size())
    imbalance("uplinks: " + n(sent_) + " sent, " + n(delivered_) + " delivered + " + n(rejected) + " rejected + " +
              n(dropped) + " dropped + " + n(open_uplinks_.size()) + " open (the model has " +
              n(model_in_flight_) + " in flight)");
  if (queued_downlinks_.size() != model_queued_ ||
      downlinks_accepted_ != downlinks_delivered_ + failed + queued_downlinks_.size())
    imbalance("downlinks: " + n(downlinks_accepted_) + " accepted, " + n(downlinks_delivered_) + " delivered + " +
              n(failed) + " failed + " + n(queued_downlinks_.size()) + " queued (the model has " +
              n(model_queued_) + " queued)");
  if (handshakes_ok_ != registered_transitions_)
    imbalance("handshakes: " + n(handshakes_ok_) + " succeeded, " + n(registered_transitions_) +
              " transitions to registered");
  if (attacker_accepted_ > 0) imbalance("attacker frames: " + n(attacker_accepted_) + " accepted");
  ForwardingSink::run_end(r);
}

void Ledger::publications(std::uint64_t lines_written, std::uint64_t published, std::uint64_t delivered,
                          std::uint64_t dropped) {
  if (lines_written != published || published != delivered + dropped)
    imbalance("mqtt: " + std::to_string(lines_written) + " lines written, " + std::to_string(published) +
              " published, " + std::to_string(delivered) + " delivered + " + std::to_string(dropped) + " dropped");
}

nlohmann::ordered_json Ledger::to_json() const {
  nlohmann::ordered_json j;
  j["balanced"] = balanced();
  j["imbalances"] = nlohmann::ordered_json::array();
  for (const auto& line : imbalances_) j["imbalances"].push_back(line);
  j["imbalance_count"] = imbalance_count_;
  nlohmann::ordered_json states;
  states["samples"] = samples_;
  states["devices_made"] = devices_made_;
  j["states"] = states;
  j["transitions"] = {{"transitions", transitions_}, {"devices", final_checked_}, {"out_of_order", out_of_order_},
                      {"final_mismatch", final_mismatch_}};
  j["handshakes"] = {{"successful", handshakes_ok_}, {"registered_transitions", registered_transitions_}};
  nlohmann::ordered_json up;
  up["sent"] = sent_;
  up["delivered"] = delivered_;
  up["rejected"] = total(rejected_);
  up["rejected_by"] = by_cause(rejected_);
  up["dropped"] = total(dropped_);
  up["dropped_by"] = by_cause(dropped_);
  up["in_flight"] = open_uplinks_.size();
  up["unaccounted"] = unaccounted_;
  up["copies_rejected"] = copies_rejected_;
  up["duplicates"] = duplicates_;
  up["accepted_from_blocked"] = accepted_from_blocked_;
  j["uplinks"] = up;
  nlohmann::ordered_json adv;
  adv["injected"] = attacker_injected_;
  adv["rejected"] = total(attacker_rejected_);
  adv["rejected_by"] = by_cause(attacker_rejected_);
  adv["unheard"] = attacker_unheard_;
  adv["accepted"] = attacker_accepted_;
  const std::uint64_t attacker_ended = total(attacker_rejected_) + attacker_unheard_ + attacker_accepted_;
  adv["in_flight"] = attacker_injected_ - std::min(attacker_injected_, attacker_ended);
  j["attacker_frames"] = adv;
  nlohmann::ordered_json down;
  down["accepted"] = downlinks_accepted_;
  down["delivered"] = downlinks_delivered_;
  down["failed"] = total(downlinks_failed_);
  down["failed_by"] = by_cause(downlinks_failed_);
  down["queued"] = queued_downlinks_.size();
  down["unaccounted"] = downlink_unaccounted_;
  j["downlinks"] = down;
  return j;
}

}  // namespace st::output
