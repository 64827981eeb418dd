// Ledger: the run's own books (summary.json `ledger`, docs/outputs.md). It sits in front of the run's recorder and
// follows every record on its way there: each device's transitions replayed from the state it was in, the state
// counts at every sample, each uplink message from the device's queue to its one fate (the adversary's frames
// apart), the developer's downlinks from the API to their status. At the end it compares what it followed with
// what the models hold; any difference is an imbalance.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/metrics/metrics_sink.hpp"
#include "sim/output/run_recorder.hpp"

namespace st::output {

class Ledger : public metrics::ForwardingSink {
 public:
  explicit Ledger(metrics::MetricsSink& inner) : ForwardingSink(inner) {}

  void transition(const metrics::TransitionRecord& r) override;
  void handshake(const metrics::HandshakeRecord& r) override;
  void traffic(const metrics::TrafficRecord& r) override;
  void uplink_fate(const metrics::UplinkFateRecord& r) override;
  void downlink_queued(const metrics::DownlinkQueuedRecord& r) override;
  void downlink_status(const metrics::DownlinkStatusRecord& r) override;
  void run_end(const metrics::RunEndRecord& r) override;
  void device_final(const metrics::DeviceFinalRecord& r) override;

  // A sample of the run: the devices the model has made so far, and the counts written to states.csv.
  void sample(SimTime now, std::uint64_t devices_made, const StateCounts& written);

  // With --mqtt, after the broker closed: the lines the AWS-shaped outputs wrote (each one must have been handed
  // to the publisher), the publications and what became of them. Host-side figures (summary.json `mqtt`): only an
  // imbalance enters the ledger, so that a replay without --mqtt writes the same ledger.
  void publications(std::uint64_t lines_written, std::uint64_t published, std::uint64_t delivered,
                    std::uint64_t dropped);

  // After the run: whether every check balanced, the first one that did not (one line, empty when balanced), and
  // the section of summary.json.
  bool balanced() const { return imbalance_count_ == 0; }
  const std::string& first_imbalance() const;
  nlohmann::ordered_json to_json() const;

 private:
  void imbalance(std::string what);  // counted; the first few kept in order (the first is the line on stderr)
  using ByCause = std::array<std::uint64_t, models::kCauseCount>;  // named at the output edge (to_json)

  // States and transitions.
  std::vector<metrics::FleetState> state_;  // by device: where its transitions so far have taken it
  StateCounts counts_{};
  std::uint64_t samples_ = 0;
  std::uint64_t devices_made_ = 0;
  std::uint64_t transitions_ = 0;
  std::uint64_t out_of_order_ = 0;   // a transition from a state the device was not in
  std::uint64_t final_checked_ = 0;
  std::uint64_t final_mismatch_ = 0;
  std::uint64_t registered_transitions_ = 0;
  std::uint64_t handshakes_ok_ = 0;
  // Uplink messages.
  std::unordered_set<std::uint32_t> open_uplinks_;
  std::uint64_t sent_ = 0;
  std::uint64_t delivered_ = 0;
  ByCause rejected_{}, dropped_{};
  std::uint64_t unaccounted_ = 0;    // a fate of no open message, or a fate that is none
  std::uint64_t copies_rejected_ = 0, duplicates_ = 0;
  std::uint64_t accepted_from_blocked_ = 0;
  // The adversary's frames.
  std::uint64_t attacker_injected_ = 0, attacker_accepted_ = 0, attacker_unheard_ = 0;
  ByCause attacker_rejected_{};
  // The developer's downlinks.
  std::unordered_set<std::uint32_t> queued_downlinks_;
  std::uint64_t downlinks_accepted_ = 0, downlinks_delivered_ = 0,
                downlink_unaccounted_ = 0;
  ByCause downlinks_failed_{};
  // The models' own figures at the end.
  bool ended_ = false;
  std::uint64_t model_in_flight_ = 0, model_queued_ = 0;

  std::vector<std::string> imbalances_;  // the first few, in order
  std::uint64_t imbalance_count_ = 0;
};

}  // namespace st::output
