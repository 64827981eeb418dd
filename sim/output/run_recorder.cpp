#include "sim/output/run_recorder.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "models/security/bytes.hpp"
#include "sim/output/number_format.hpp"

namespace st::output {

namespace {
std::unique_ptr<std::ofstream> open_file(const std::string& path) {
  if (path.empty()) return nullptr;
  auto f = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*f) throw std::runtime_error("cannot write " + path);
  return f;
}
std::string hex(metrics::Smsn s) { return security::to_hex(s); }
// Seconds as a JSON number written exactly (no binary rounding of the nanosecond count).
nlohmann::ordered_json seconds_json(SimTime t) {
  return nlohmann::ordered_json::parse(format_seconds(t));
}
}  // namespace

RunRecorder::RunRecorder(std::vector<std::string> device_type_names, const RecorderFiles& files)
    : type_names_(std::move(device_type_names)), by_type_(type_names_.size()) {
  events_ = open_file(files.events);
  handshakes_ = open_file(files.handshakes);
  states_ = open_file(files.states);
  keylog_ = open_file(files.keylog);
  if (handshakes_) *handshakes_ << "smsn,device_type,link,start_s,end_s,latency_ms,outcome,reason\n";
  if (states_) *states_ << "time_s,created,associated,registered,deregistered,blocked,rejected\n";
}

RunRecorder::~RunRecorder() = default;

std::uint64_t RunRecorder::counter(const std::string& name) const {
  auto it = counters_.find(name);
  return it == counters_.end() ? 0 : it->second;
}

void RunRecorder::transition(const metrics::TransitionRecord& r) {
  ++records_;
  --total_[static_cast<std::size_t>(r.from)];
  ++total_[static_cast<std::size_t>(r.to)];
  --by_type_[r.device_type][static_cast<std::size_t>(r.from)];
  ++by_type_[r.device_type][static_cast<std::size_t>(r.to)];
  if (r.to == metrics::FleetState::Deregistered) bump("deregistrations");
  if (r.to == metrics::FleetState::Rejected) bump("provisioning_rejected");
  if (r.to == metrics::FleetState::Blocked) bump("blocked." + std::string(r.cause));
  if (!events_) return;
  nlohmann::ordered_json j;
  j["t"] = seconds_json(r.time);
  j["event"] = "transition";
  j["device"] = r.device;
  j["smsn"] = hex(r.smsn);
  j["device_type"] = type_names_[r.device_type];
  j["from"] = metrics::to_string(r.from);
  j["to"] = metrics::to_string(r.to);
  j["cause"] = r.cause;
  *events_ << j.dump() << '\n';
}

void RunRecorder::refusal(const metrics::RefusalRecord& r) {
  ++records_;
  bump("refusals");
  bump("refusals." + std::string(r.cause));
  if (r.what == "ingest_record") bump("ingest_rejected");
  if (!events_) return;
  nlohmann::ordered_json j;
  j["t"] = seconds_json(r.time);
  j["event"] = "refusal";
  j["device"] = r.device;
  j["smsn"] = hex(r.smsn);
  j["device_type"] = type_names_[r.device_type];
  j["actor"] = r.actor;
  j["what"] = r.what;
  j["cause"] = r.cause;
  *events_ << j.dump() << '\n';
}

void RunRecorder::handshake(const metrics::HandshakeRecord& r) {
  ++records_;
  const double latency = static_cast<double>(r.end - r.start) / 1e6;
  if (r.success) {
    bump("handshakes_succeeded");
    bump("registrations");
    latencies_ms_.push_back(latency);
    latencies_by_link_[std::string(r.link)].push_back(latency);
  } else {
    bump("handshakes_failed");
    bump("handshakes_failed." + std::string(r.reason));
  }
  if (!handshakes_) return;
  *handshakes_ << hex(r.smsn) << ',' << type_names_[r.device_type] << ',' << r.link << ','
               << format_seconds(r.start) << ',' << format_seconds(r.end) << ',' << format_millis(latency) << ','
               << (r.success ? "success" : "failure") << ',' << r.reason << '\n';
}

void RunRecorder::traffic(const metrics::TrafficRecord& r) {
  ++records_;
  const std::string base = std::string(r.direction) + "s_";
  bump(base + std::string(r.outcome));
  if (!r.cause.empty()) bump(base + std::string(r.outcome) + "." + std::string(r.cause));
  if (r.direction == "uplink" && r.outcome == "delivered" && r.from_blocked_device) bump("uplinks_accepted_from_blocked");
  if (r.direction == "uplink" && (r.outcome == "sent" || r.outcome == "delivered"))
    bump(base + std::string(r.outcome) + "_by_type." + type_names_[r.device_type]);
}

void RunRecorder::radio_frame(const metrics::RadioFrameRecord& r) {
  ++records_;
  const std::string_view link = r.link == 1 ? "ble" : r.link == 2 ? "fsk" : "css";
  RadioTally& t = radio_[std::string(link)][r.uplink ? "uplink" : "downlink"];
  ++t.frames;
  t.airtime += r.end - r.start;
  bump("radio_frames");
  bump("radio_frames." + std::string(link));
  if (r.uplink && r.message == "uplink") {
    bump("radio_uplinks_by_type." + type_names_[r.device_type]);
    if (r.outcome == "received") bump("radio_uplinks_received_by_type." + type_names_[r.device_type]);
  }
  if (r.outcome == "received") {
    ++t.received;
    bump("radio_received");
    bump("radio_received." + std::string(link));
  } else {
    ++t.lost_by_cause[std::string(r.outcome)];
    bump("radio_lost");
    bump("radio_lost." + std::string(r.outcome));
  }
}

void RunRecorder::notice(const metrics::NoticeRecord& r) {
  ++records_;
  bump("notices." + std::string(r.kind));
  if (!events_) return;
  nlohmann::ordered_json j;
  j["t"] = seconds_json(r.time);
  j["event"] = "notice";
  j["actor"] = r.actor;
  j["kind"] = r.kind;
  j["detail"] = r.detail;
  *events_ << j.dump() << '\n';
}

void RunRecorder::keylog(const metrics::KeyLogRecord& r) {
  if (!keylog_) return;
  if (r.is_ecdh) {
    *keylog_ << "ECDH " << hex(r.smsn) << ' ' << r.layer << ' ' << r.curve << ' ' << r.party << ' '
             << security::to_hex(r.private_key) << ' ' << security::to_hex(r.peer_public) << ' '
             << security::to_hex(r.secret) << '\n';
  } else {
    *keylog_ << "SESSION_KEY " << hex(r.smsn) << ' ' << r.layer << ' ' << r.party << ' ' << security::to_hex(r.secret)
             << '\n';
  }
}

void RunRecorder::sample_states(SimTime now) {
  if (!states_) return;
  using metrics::FleetState;
  *states_ << format_seconds(now);
  for (FleetState s : {FleetState::Created, FleetState::Associated, FleetState::Registered, FleetState::Deregistered,
                       FleetState::Blocked, FleetState::Rejected})
    *states_ << ',' << total_[static_cast<std::size_t>(s)];
  *states_ << '\n';
}

void RunRecorder::finish() {
  for (auto* f : {events_.get(), handshakes_.get(), states_.get(), keylog_.get()}) {
    if (f == nullptr) continue;
    f->flush();
    if (!*f) throw std::runtime_error("writing a run file failed (disk full?)");
    f->close();
  }
}

}  // namespace st::output
