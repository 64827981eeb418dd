#include "sim/output/run_recorder.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "models/security/bytes.hpp"
#include "sim/output/number_format.hpp"
#include "sim/output/placement_records.hpp"
#include "sim/scenario/counter_names.hpp"

namespace st::output {

namespace {
std::unique_ptr<std::ofstream> open_file(const std::string& path) {
  if (path.empty()) return nullptr;
  auto f = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*f) throw std::runtime_error("cannot write " + path);
  return f;
}
std::string hex(metrics::Smsn s) { return security::to_hex(s); }
}  // namespace

RunRecorder::RunRecorder(std::vector<std::string> device_type_names, const RecorderFiles& files)
    : type_names_(std::move(device_type_names)), by_type_(type_names_.size()) {
  for (const auto& name : type_names_) {
    const auto key = [&name](std::string_view family) { return std::string(family) + "." + name; };
    type_keys_.push_back({key(scenario::kUplinksSentByType), key(scenario::kUplinksDeliveredByType),
                          key(scenario::kRadioUplinksByType), key(scenario::kRadioUplinksReceivedByType)});
  }
  events_ = open_file(files.events);
  handshakes_ = open_file(files.handshakes);
  states_ = open_file(files.states);
  keylog_ = open_file(files.keylog);
  counters_file_ = open_file(files.counters);
  if (handshakes_) *handshakes_ << "smsn,device_type,link,start_s,end_s,latency_ms,outcome,reason\n";
  if (states_) *states_ << "time_s,created,associated,registered,deregistered,blocked,rejected\n";
}

RunRecorder::~RunRecorder() = default;

std::uint64_t RunRecorder::counter(const std::string& name) const {
  auto it = counters_.find(name);
  return it == counters_.end() ? 0 : it->second;
}

nlohmann::ordered_json RunRecorder::device_event(SimTime t, const char* event, std::uint32_t device,
                                                metrics::Smsn smsn, std::uint16_t device_type) const {
  nlohmann::ordered_json j;
  j["t"] = seconds_json(t);
  j["event"] = event;
  j["device"] = device;
  j["smsn"] = hex(smsn);
  j["device_type"] = type_names_[device_type];
  return j;
}

void RunRecorder::transition(const metrics::TransitionRecord& r) {
  ++records_;
  --total_[static_cast<std::size_t>(r.from)];
  ++total_[static_cast<std::size_t>(r.to)];
  --by_type_[r.device_type][static_cast<std::size_t>(r.from)];
  ++by_type_[r.device_type][static_cast<std::size_t>(r.to)];
  if (r.to == metrics::FleetState::Deregistered) bump("deregistrations");
  if (r.to == metrics::FleetState::Rejected) bump("provisioning_rejected");
  if (r.to == metrics::FleetState::Blocked) bump({"blocked.", models::to_string(r.cause)});
  if (!events_ && listener_ == nullptr) return;
  nlohmann::ordered_json j = device_event(r.time, "transition", r.device, r.smsn, r.device_type);
  j["from"] = metrics::to_string(r.from);
  j["to"] = metrics::to_string(r.to);
  j["cause"] = models::to_string(r.cause);
  write_event(j);
}

void RunRecorder::refusal(const metrics::RefusalRecord& r) {
  ++records_;
  bump("refusals");
  bump({"refusals.", models::to_string(r.cause)});
  if (r.what == models::Refused::IngestRecord) bump("ingest_rejected");
  if (!events_ && listener_ == nullptr) return;
  nlohmann::ordered_json j = device_event(r.time, "refusal", r.device, r.smsn, r.device_type);
  j["actor"] = models::to_string(r.actor);
  j["what"] = models::to_string(r.what);
  j["cause"] = models::to_string(r.cause);
  write_event(j);
}

void RunRecorder::placement(const metrics::PlacementRecord& r) {
  if (listener_ == nullptr) return;  // the files have it at the end: gateways.csv, devices.csv
  for (const std::string& line : placement_lines(r)) listener_->record(line);
}

void RunRecorder::handshake(const metrics::HandshakeRecord& r) {
  ++records_;
  const double latency = static_cast<double>(r.end - r.start) / 1e6;
  if (r.success) {
    bump("handshakes_succeeded");
    bump("registrations");
    latencies_ms_.push_back(latency);
    latencies_by_link_[std::string(models::to_string(r.link))].push_back(latency);
  } else {
    bump("handshakes_failed");
    bump({"handshakes_failed.", models::to_string(r.reason)});
  }
  if (handshakes_) {
    *handshakes_ << hex(r.smsn) << ',' << type_names_[r.device_type] << ',' << models::to_string(r.link) << ','
                 << format_seconds(r.start) << ',' << format_seconds(r.end) << ',' << format_millis(latency) << ','
                 << (r.success ? "success" : "failure") << ',' << models::to_string(r.reason) << '\n';
  }
  if (listener_ != nullptr) {  // the same columns, as a record
    nlohmann::ordered_json j;
    j["type"] = "handshake";
    j["smsn"] = hex(r.smsn);
    j["device_type"] = type_names_[r.device_type];
    j["link"] = models::to_string(r.link);
    j["start_s"] = seconds_json(r.start);
    j["end_s"] = seconds_json(r.end);
    j["latency_ms"] = nlohmann::ordered_json::parse(format_millis(latency));
    j["outcome"] = r.success ? "success" : "failure";
    j["reason"] = models::to_string(r.reason);
    listener_->record(j.dump());
  }
}

std::uint64_t& RunRecorder::counter(std::initializer_list<std::string_view> parts) {
  name_buffer_.clear();
  for (std::string_view p : parts) name_buffer_ += p;
  if (auto it = counter_memo_.find(std::string_view(name_buffer_)); it != counter_memo_.end()) return *it->second;
  std::uint64_t& c = counters_[name_buffer_];
  counter_memo_.emplace(name_buffer_, &c);
  return c;
}

void RunRecorder::traffic(const metrics::TrafficRecord& r) {
  ++records_;
  // An adversary's frame: injected, or unheard (the network server was down), counted apart from the device's
  // uplinks; its refusal (replay, forged) counts among the rejected uplinks, as the network server sees it.
  if (r.attacker && r.outcome == models::TrafficOutcome::Sent) return bump("attacker_frames");
  if (r.attacker && r.outcome == models::TrafficOutcome::Dropped) return bump("attacker_frames_unheard");
  const std::string_view direction = models::to_string(r.direction);
  const std::string_view outcome = models::to_string(r.outcome);
  ++fixed(traffic_n_[static_cast<std::size_t>(r.direction)][static_cast<std::size_t>(r.outcome)],
          {direction, "s_", outcome});
  if (r.cause != models::Cause::None) {
    ++fixed(traffic_cause_n_[static_cast<std::size_t>(r.direction)][static_cast<std::size_t>(r.outcome)]
                            [static_cast<std::size_t>(r.cause)],
            {direction, "s_", outcome, ".", models::to_string(r.cause)});
  }
  if (r.direction != models::Direction::Uplink) return;
  TypeKeys& keys = type_keys_[r.device_type];
  if (r.outcome == models::TrafficOutcome::Delivered && r.from_blocked_device) bump("uplinks_accepted_from_blocked");
  if (r.outcome == models::TrafficOutcome::Sent) ++fixed(keys.uplinks_sent_n, {keys.uplinks_sent});
  if (r.outcome == models::TrafficOutcome::Delivered) ++fixed(keys.uplinks_delivered_n, {keys.uplinks_delivered});
}

void RunRecorder::radio_frame(const metrics::RadioFrameRecord& r) {
  ++records_;
  radio_report_.frame(r);
  // Counter slots are looked up once (per link, per device type, per loss): this runs for every radio frame.
  const std::size_t li = models::link_index(r.link);
  const std::string_view link = models::to_string(r.link);
  ++fixed(radio_frames_n_, {"radio_frames"});
  ++fixed(frames_by_link_n_[li], {"radio_frames.", link});
  const bool received = r.outcome == models::FrameOutcome::Received;
  if (r.uplink && r.message == models::MessageClass::Uplink) {
    TypeKeys& keys = type_keys_[r.device_type];
    ++fixed(keys.radio_uplinks_n, {keys.radio_uplinks});
    if (received) ++fixed(keys.radio_uplinks_received_n, {keys.radio_uplinks_received});
  }
  if (received) {
    ++fixed(radio_received_n_, {"radio_received"});
    ++fixed(received_by_link_n_[li], {"radio_received.", link});
  } else {
    ++fixed(radio_lost_n_, {"radio_lost"});
    ++fixed(radio_lost_by_outcome_n_[static_cast<std::size_t>(r.outcome)], {"radio_lost.", models::to_string(r.outcome)});
  }
}

void RunRecorder::gateway(const metrics::GatewayRecord& r) {
  radio_report_.gateway(r);
  if (listener_ != nullptr) listener_->record(gateway_load_line(r));  // the map's load colours, live
}

void RunRecorder::tally(const metrics::TallyRecord& r) {
  tallies_.push_back({r.section, std::string(r.name), r.value});
}

void RunRecorder::notice(const metrics::NoticeRecord& r) {
  ++records_;
  bump({"notices.", metrics::notice_name(r)});
  if (!events_ && listener_ == nullptr) return;
  nlohmann::ordered_json j;
  j["t"] = seconds_json(r.time);
  j["event"] = "notice";
  j["actor"] = models::to_string(r.actor);
  j["kind"] = metrics::notice_name(r);
  j["detail"] = r.detail;
  write_event(j);
}

void RunRecorder::downlink_status(const metrics::DownlinkStatusRecord& r) {
  ++records_;
  bump({"developer_downlinks.", r.success ? "success" : "error"});
  if (!events_ && listener_ == nullptr) return;
  nlohmann::ordered_json j = device_event(r.time, "downlink_status", r.device, r.smsn, r.device_type);
  j["message"] = r.message;
  j["status"] = r.success ? "success" : "error";
  j["cause"] = models::to_string(r.cause);
  write_event(j);
}

void RunRecorder::link_switch(const metrics::LinkSwitchRecord& r) {
  ++records_;
  bump("link_switches");
  bump({"link_switches.", models::to_string(r.cause)});
  bump({scenario::kLinkSwitchesByType, ".", type_names_[r.device_type]});
  bump({"notices.", models::to_string(models::NoticeKind::LinkSwitch)});
  if (!events_ && listener_ == nullptr) return;
  nlohmann::ordered_json j;
  j["t"] = seconds_json(r.time);
  j["event"] = "notice";
  j["actor"] = models::to_string(models::Actor::Device);
  j["kind"] = models::to_string(models::NoticeKind::LinkSwitch);
  j["device"] = r.device;
  j["smsn"] = hex(r.smsn);
  j["device_type"] = type_names_[r.device_type];
  j["detail"] = "device " + std::to_string(r.device) + ": " + std::string(models::to_string(r.from)) + " -> " +
                std::string(models::to_string(r.to)) + " (" + std::string(models::to_string(r.cause)) + ")";
  write_event(j);
}

void RunRecorder::keylog(const metrics::KeyLogRecord& r) {
  if (!keylog_) return;
  if (r.is_ecdh) {
    *keylog_ << "ECDH " << hex(r.smsn) << ' ' << metrics::to_string(r.layer) << ' ' << security::to_string(r.curve)
             << ' ' << metrics::to_string(r.party) << ' '
             << security::to_hex(r.private_key) << ' ' << security::to_hex(r.peer_public) << ' '
             << security::to_hex(r.secret) << '\n';
  } else {
    *keylog_ << "SESSION_KEY " << hex(r.smsn) << ' ' << metrics::to_string(r.layer) << ' '
             << metrics::to_string(r.party) << ' ' << security::to_hex(r.secret) << '\n';
  }
}

void RunRecorder::write_event(nlohmann::ordered_json& j) {
  if (events_) *events_ << j.dump() << '\n';
  if (listener_ != nullptr) {
    nlohmann::ordered_json r;
    r["type"] = "event";
    for (auto& [k, v] : j.items()) r[k] = std::move(v);
    listener_->record(r.dump());
  }
}

void RunRecorder::sample_states(SimTime now) {
  using metrics::FleetState;
  constexpr FleetState kColumns[] = {FleetState::Created, FleetState::Associated, FleetState::Registered,
                                     FleetState::Deregistered, FleetState::Blocked, FleetState::Rejected};
  if (states_) {
    *states_ << format_seconds(now);
    for (FleetState s : kColumns) *states_ << ',' << total_[static_cast<std::size_t>(s)];
    *states_ << '\n';
  }
  if (!counters_file_ && listener_ == nullptr) return;
  nlohmann::ordered_json c;  // counters.jsonl: the traffic counters so far, by cause
  c["t"] = seconds_json(now);
  for (std::string_view name : scenario::kSampledCounters) c[std::string(name)] = counter(std::string(name));
  for (std::string_view prefix : scenario::kSampledPerCause) {
    nlohmann::ordered_json by = nlohmann::ordered_json::object();
    const std::string p = std::string(prefix) + ".";
    for (auto it = counters_.lower_bound(p); it != counters_.end() && it->first.rfind(p, 0) == 0; ++it)
      by[it->first.substr(p.size())] = it->second;
    c[std::string(prefix) + "_by_cause"] = by;
  }
  if (counters_file_) *counters_file_ << c.dump() << '\n';
  if (listener_ != nullptr) {
    nlohmann::ordered_json s;
    s["type"] = "states";
    s["t"] = seconds_json(now);
    for (FleetState st : kColumns) s[std::string(metrics::to_string(st))] = total_[static_cast<std::size_t>(st)];
    listener_->record(s.dump());
    nlohmann::ordered_json r;
    r["type"] = "counters";
    for (auto& [k, v] : c.items()) r[k] = std::move(v);
    listener_->record(r.dump());
  }
}

void RunRecorder::finish() {
  for (auto* f : {events_.get(), handshakes_.get(), states_.get(), keylog_.get(), counters_file_.get()}) {
    if (f == nullptr) continue;
    f->flush();
    if (!*f) throw std::runtime_error("writing a run file failed (disk full?)");
    f->close();
  }
}

}  // namespace st::output
