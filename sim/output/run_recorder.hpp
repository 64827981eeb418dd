// RunRecorder: the metrics sink of a run. It keeps the aggregates (state counts, counters, handshake
// latencies) and streams the per-record files: events.jsonl, handshakes.csv, states.csv and the key log.
#pragma once
#include <array>
#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/metrics/metrics_sink.hpp"
#include "sim/output/radio_report.hpp"
#include "sim/output/record_listener.hpp"

namespace st::output {

using StateCounts = std::array<std::int64_t, metrics::kFleetStateCount>;

struct RecorderFiles {
  std::string events;      // events.jsonl
  std::string handshakes;  // handshakes.csv
  std::string states;      // states.csv
  std::string keylog;      // empty: no key log
  std::string counters;    // counters.jsonl: the traffic counters at each sample (empty: none)
};

class RunRecorder : public metrics::MetricsSink {
 public:
  RunRecorder(std::vector<std::string> device_type_names, const RecorderFiles& files);
  ~RunRecorder() override;

  void transition(const metrics::TransitionRecord& r) override;
  void refusal(const metrics::RefusalRecord& r) override;
  void handshake(const metrics::HandshakeRecord& r) override;
  void traffic(const metrics::TrafficRecord& r) override;
  void notice(const metrics::NoticeRecord& r) override;
  void link_switch(const metrics::LinkSwitchRecord& r) override;
  void downlink_status(const metrics::DownlinkStatusRecord& r) override;
  bool wants_keylog() const override { return keylog_ != nullptr; }
  void keylog(const metrics::KeyLogRecord& r) override;
  void radio_frame(const metrics::RadioFrameRecord& r) override;
  void placement(const metrics::PlacementRecord& r) override;
  void run_end(const metrics::RunEndRecord& r) override { kernel_events_ = r.kernel_events; }
  void tally(const metrics::TallyRecord& r) override;
  void gateway(const metrics::GatewayRecord& r) override;
  void battery(const metrics::BatteryRecord& r) override { radio_report_.battery(r); }
  void device_energy(const metrics::DeviceEnergyRecord& r) override { radio_report_.device_energy(r); }
  void energy_totals(const metrics::EnergyTotalsRecord& r) override { radio_report_.energy_totals(r); }

  void sample_states(SimTime now);  // one row of states.csv and one line of counters.jsonl
  // Every record also goes to `listener` as a JSON line (live telemetry); nullptr: none.
  void set_listener(RecordListener* listener) { listener_ = listener; }
  void finish();                    // flush and close every file

  const StateCounts& counts() const { return total_; }
  const StateCounts& counts(std::uint16_t type) const { return by_type_[type]; }
  const std::map<std::string, std::uint64_t>& counters() const { return counters_; }
  std::uint64_t counter(const std::string& name) const;
  const std::vector<double>& latencies_ms() const { return latencies_ms_; }
  const std::map<std::string, std::vector<double>>& latencies_by_link() const { return latencies_by_link_; }
  std::uint64_t records() const { return records_; }
  const std::vector<std::string>& type_names() const { return type_names_; }
  // The end-of-run tallies of the cloud actors and the cloud partner, in the order they came.
  struct Tally {
    metrics::TallySection section;
    std::string name;
    std::uint64_t value;
  };
  const std::vector<Tally>& tallies() const { return tallies_; }
  // The calendar entries the kernel dispatched (the run's end record).
  std::uint64_t kernel_events() const { return kernel_events_; }
  // The physical layer's end-of-run records (gateway loads, energy).
  const RadioReport& radio_report() const { return radio_report_; }


 private:
  // The counter named by `parts` joined, created at 0 on first use. Counters are bumped for every radio frame and
  // uplink, so names are joined in a reused buffer and looked up in a hash memo in front of the ordered map.
  std::uint64_t& counter(std::initializer_list<std::string_view> parts);
  void bump(std::initializer_list<std::string_view> parts, std::uint64_t n = 1) { counter(parts) += n; }
  void bump(std::string_view name, std::uint64_t n = 1) { counter({name}) += n; }
  // The counter named by `parts` through `slot`, which remembers it after the first call (the counter is still
  // created only when first bumped): for the counters bumped on every radio frame and uplink.
  std::uint64_t& fixed(std::uint64_t*& slot, std::initializer_list<std::string_view> parts) {
    if (slot == nullptr) slot = &counter(parts);
    return *slot;
  }
  void write_event(nlohmann::ordered_json& j);  // to events.jsonl and the listener
  // The head every event about one device starts with: t, event, device, smsn, device_type.
  nlohmann::ordered_json device_event(SimTime t, const char* event, std::uint32_t device, metrics::Smsn smsn,
                                      std::uint16_t device_type) const;

  std::vector<std::string> type_names_;
  struct TypeKeys {  // the per-device-type counter names, built once, and their counters once used
    std::string uplinks_sent, uplinks_delivered, radio_uplinks, radio_uplinks_received;
    std::uint64_t* uplinks_sent_n = nullptr;
    std::uint64_t* uplinks_delivered_n = nullptr;
    std::uint64_t* radio_uplinks_n = nullptr;
    std::uint64_t* radio_uplinks_received_n = nullptr;
  };
  std::vector<TypeKeys> type_keys_;
  StateCounts total_{};
  std::vector<StateCounts> by_type_;
  std::map<std::string, std::uint64_t> counters_;
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>{}(v); }
  };
  std::unordered_map<std::string, std::uint64_t*, NameHash, std::equal_to<>> counter_memo_;  // into counters_
  std::string name_buffer_;                                                                // counter()'s scratch
  // fixed() slots: radio_frames, radio_received, radio_lost; the same by link and by loss; "<direction>s_<outcome>"
  // of traffic records by direction and outcome, and the same by cause.
  std::uint64_t* radio_frames_n_ = nullptr;
  std::uint64_t* radio_received_n_ = nullptr;
  std::uint64_t* radio_lost_n_ = nullptr;
  models::PerLink<std::uint64_t*> frames_by_link_n_{};
  models::PerLink<std::uint64_t*> received_by_link_n_{};
  std::array<std::uint64_t*, models::kFrameOutcomeCount> radio_lost_by_outcome_n_{};
  std::array<std::array<std::uint64_t*, models::kTrafficOutcomeCount>, 2> traffic_n_{};
  std::array<std::array<std::array<std::uint64_t*, models::kCauseCount>, models::kTrafficOutcomeCount>, 2>
      traffic_cause_n_{};
  std::vector<double> latencies_ms_;
  std::map<std::string, std::vector<double>> latencies_by_link_;
  std::unique_ptr<std::ofstream> events_;
  std::unique_ptr<std::ofstream> handshakes_;
  std::unique_ptr<std::ofstream> states_;
  std::unique_ptr<std::ofstream> keylog_;
  std::unique_ptr<std::ofstream> counters_file_;
  RecordListener* listener_ = nullptr;
  std::uint64_t records_ = 0;
  std::vector<Tally> tallies_;
  std::uint64_t kernel_events_ = 0;
  RadioReport radio_report_;
};

}  // namespace st::output
