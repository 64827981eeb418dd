#include "model/records.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <limits>

#include "model/json_fields.hpp"

namespace st::viz {

using nlohmann::json;
using namespace json_fields;  // NOLINT: this file reads records field by field

namespace {
constexpr std::string_view kStateNames[] = {"created", "associated", "registered", "deregistered",
                                            "blocked", "rejected",   "none"};
constexpr std::string_view kLinkNames[] = {"ble", "fsk", "css", "other"};

}  // namespace

std::string_view to_string(State s) { return kStateNames[static_cast<std::size_t>(s)]; }

std::optional<State> state_from_string(std::string_view s) {
  for (std::size_t i = 0; i < std::size(kStateNames); ++i)
    if (kStateNames[i] == s) return static_cast<State>(i);
  return std::nullopt;
}

std::string_view to_string(Link l) { return kLinkNames[static_cast<std::size_t>(l)]; }

Link link_from_string(std::string_view s) {
  for (std::size_t i = 0; i + 1 < std::size(kLinkNames); ++i)
    if (kLinkNames[i] == s) return static_cast<Link>(i);
  return Link::Other;
}

std::string_view to_string(EventKind k) {
  switch (k) {
    case EventKind::Transition: return "transition";
    case EventKind::Refusal: return "refusal";
    case EventKind::Notice: return "notice";
    case EventKind::Other: break;
  }
  return "other";
}

std::uint64_t StatesSample::total() const {
  std::uint64_t n = 0;
  for (auto c : count) n += c;
  return n;
}

HelloRecord parse_hello(const json& j) {
  require_object(j);
  HelloRecord h;
  if (j.contains("version")) h.version = static_cast<int>(count(j, "version"));
  h.scenario = text_or_empty(j, "scenario");
  h.seed = count_or_zero(j, "seed");
  h.duration_s = number(j, "duration_s");
  if (j.contains("sample_interval_s")) h.sample_interval_s = number(j, "sample_interval_s");
  h.devices = count_or_zero(j, "devices");
  if (auto it = j.find("device_types"); it != j.end() && it->is_array())
    for (const auto& n : *it) h.device_types.push_back(n.is_string() ? n.get<std::string>() : n.dump());
  if (auto it = j.find("timeline"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) throw InputError("field 'timeline' is not a list (" + shown(*it) + ")");
    for (const auto& a : *it) {
      require_object(a);
      TimelineAction ta;
      ta.t = number(a, "t");
      ta.action = text_or_empty(a, "action");
      ta.detail = text_or_empty(a, "detail");
      h.timeline.push_back(std::move(ta));
    }
  }
  return h;
}

StatesSample parse_states(const json& j) {
  require_object(j);
  StatesSample s;
  s.t = number(j, "t");
  for (std::size_t i = 0; i < kStateCount; ++i) {
    const std::string name(kStateNames[i]);
    s.count[i] = count(j, name.c_str());
  }
  return s;
}

CountersSample parse_counters(const json& j) {
  require_object(j);
  CountersSample c;
  c.t = number(j, "t");
  c.uplinks_sent = count_or_zero(j, "uplinks_sent");
  c.uplinks_delivered = count_or_zero(j, "uplinks_delivered");
  c.uplinks_duplicate = count_or_zero(j, "uplinks_duplicate");
  c.uplinks_rejected = count_or_zero(j, "uplinks_rejected");
  c.uplinks_dropped = count_or_zero(j, "uplinks_dropped");
  c.downlinks_sent = count_or_zero(j, "downlinks_sent");
  c.downlinks_delivered = count_or_zero(j, "downlinks_delivered");
  c.downlinks_rejected = count_or_zero(j, "downlinks_rejected");
  c.downlinks_dropped = count_or_zero(j, "downlinks_dropped");
  c.handshakes_succeeded = count_or_zero(j, "handshakes_succeeded");
  c.handshakes_failed = count_or_zero(j, "handshakes_failed");
  c.refusals = count_or_zero(j, "refusals");
  c.radio_frames = count_or_zero(j, "radio_frames");
  c.radio_received = count_or_zero(j, "radio_received");
  c.radio_lost = count_or_zero(j, "radio_lost");
  c.uplinks_rejected_by_cause = by_cause(j, "uplinks_rejected_by_cause");
  c.uplinks_dropped_by_cause = by_cause(j, "uplinks_dropped_by_cause");
  c.refusals_by_cause = by_cause(j, "refusals_by_cause");
  c.radio_lost_by_cause = by_cause(j, "radio_lost_by_cause");
  return c;
}

HandshakeRecord parse_handshake(const json& j) {
  require_object(j);
  HandshakeRecord h;
  h.smsn = text(j, "smsn");
  h.device_type = text_or_empty(j, "device_type");
  h.link = text(j, "link");
  h.start_s = number(j, "start_s");
  h.end_s = number(j, "end_s");
  h.latency_ms = number(j, "latency_ms");
  const std::string outcome = text(j, "outcome");
  if (outcome != "success" && outcome != "failure")
    throw InputError("field 'outcome' is neither success nor failure ('" + outcome + "')");
  h.success = outcome == "success";
  h.reason = text_or_empty(j, "reason");
  return h;
}

EventRecord parse_event(const json& j) {
  require_object(j);
  EventRecord e;
  e.t = number(j, "t");
  e.event = text(j, "event");
  auto device = [&] {
    const std::uint64_t d = count(j, "device");
    if (d >= std::numeric_limits<std::uint32_t>::max()) throw InputError("field 'device' is too large");
    e.device = static_cast<std::uint32_t>(d);
  };
  auto state = [&](const char* key) {
    std::string s = text(j, key);
    if (!state_from_string(s)) throw InputError(std::string("field '") + key + "': unknown state '" + s + "'");
    return s;
  };
  if (e.event == "transition") {
    e.kind = EventKind::Transition;
    device();
    e.smsn = text(j, "smsn");
    e.device_type = text_or_empty(j, "device_type");
    e.from = state("from");
    e.to = state("to");
    e.cause = text_or_empty(j, "cause");
  } else if (e.event == "refusal") {
    e.kind = EventKind::Refusal;
    device();
    e.smsn = text_or_empty(j, "smsn");
    e.device_type = text_or_empty(j, "device_type");
    e.actor = text_or_empty(j, "actor");
    e.what = text_or_empty(j, "what");
    e.cause = text(j, "cause");
  } else if (e.event == "notice") {
    e.kind = EventKind::Notice;
    e.actor = text_or_empty(j, "actor");
    e.cause = text(j, "kind");
    e.detail = text_or_empty(j, "detail");
    if (j.contains("device")) device();  // a notice about a device: a link switch, a flat battery
    e.device_type = text_or_empty(j, "device_type");
  } else {  // a newer kind of event: keep what can be shown
    e.kind = EventKind::Other;
    if (auto it = j.find("device"); it != j.end() && it->is_number_unsigned()) device();
    e.smsn = text_or_empty(j, "smsn");
    e.device_type = text_or_empty(j, "device_type");
    e.actor = text_or_empty(j, "actor");
    e.cause = j.contains("cause") ? text_or_empty(j, "cause") : text_or_empty(j, "kind");
    e.detail = text_or_empty(j, "detail");
  }
  return e;
}

EndRecord parse_end(const json& j) {
  require_object(j);
  EndRecord e;
  e.t = number(j, "t");
  if (auto it = j.find("summary"); it != j.end()) e.summary = *it;
  return e;
}

namespace {
// A scanner for flat objects: {"key":value,...} with string values without escapes, numbers, true, false, null.
struct Flat {
  std::string_view s;
  std::size_t i = 0;
  void ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
  }
  bool eat(char c) {
    ws();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  bool string(std::string_view& out) {
    if (!eat('"')) return false;
    const std::size_t start = i;
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\' || static_cast<unsigned char>(s[i]) < 0x20) return false;
      ++i;
    }
    if (i == s.size()) return false;
    out = s.substr(start, i - start);
    ++i;
    return true;
  }
};
}  // namespace

std::optional<EventRecord> parse_event_fast(std::string_view line) {
  Flat f{line};
  if (!f.eat('{')) return std::nullopt;
  EventRecord e;
  bool has_t = false, has_event = false, has_smsn = false, has_from = false, has_to = false, has_cause = false,
       has_kind = false;
  std::string_view event, kind;
  if (f.eat('}')) return std::nullopt;
  for (;;) {
    std::string_view key;
    if (!f.string(key) || !f.eat(':')) return std::nullopt;
    f.ws();
    if (f.i >= line.size()) return std::nullopt;
    const char c = line[f.i];
    if (c == '"') {
      std::string_view v;
      if (!f.string(v)) return std::nullopt;
      if (key == "type") {
        if (v != "event") return std::nullopt;
      } else if (key == "event") {
        event = v, has_event = true;
      } else if (key == "smsn") {
        e.smsn = v, has_smsn = true;
      } else if (key == "device_type") {
        e.device_type = v;
      } else if (key == "from") {
        e.from = v, has_from = true;
      } else if (key == "to") {
        e.to = v, has_to = true;
      } else if (key == "cause") {
        e.cause = v, has_cause = true;
      } else if (key == "kind") {
        kind = v, has_kind = true;  // a notice's kind: its cause below
      } else if (key == "actor") {
        e.actor = v;
      } else if (key == "what") {
        e.what = v;
      } else if (key == "detail") {
        e.detail = v;
      } else if (key == "t" || key == "device") {
        return std::nullopt;  // not a number
      }
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      const char* b = line.data() + f.i;
      const char* end = line.data() + line.size();
      const char* p = b;
      while (p < end && (std::isdigit(static_cast<unsigned char>(*p)) || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E')) ++p;
      if (key == "t") {
        auto [q, ec] = std::from_chars(b, p, e.t);
        if (ec != std::errc() || q != p) return std::nullopt;
        has_t = true;
      } else if (key == "device") {
        std::uint32_t d = 0;
        auto [q, ec] = std::from_chars(b, p, d);
        if (ec != std::errc() || q != p || d == std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
        e.device = d;
      }
      f.i = static_cast<std::size_t>(p - line.data());
    } else {
      return std::nullopt;  // objects, arrays, true/false/null: the full parser
    }
    if (f.eat(',')) continue;
    if (f.eat('}')) break;
    return std::nullopt;
  }
  f.ws();
  if (f.i != line.size() || !has_t || !has_event) return std::nullopt;
  if (event == "transition") {
    if (!e.device || !has_smsn || !has_from || !has_to || !state_from_string(e.from) || !state_from_string(e.to))
      return std::nullopt;
    e.kind = EventKind::Transition;
    if (!has_cause) e.cause.clear();
    e.what.clear();
    e.actor.clear();
    e.detail.clear();
  } else if (event == "refusal") {
    if (!e.device || !has_cause || has_kind) return std::nullopt;
    e.kind = EventKind::Refusal;
    e.from.clear();
    e.to.clear();
    e.detail.clear();
  } else if (event == "notice") {
    if (!has_kind || has_cause) return std::nullopt;
    e.kind = EventKind::Notice;
    e.cause.assign(kind);
    e.what.clear();
    e.smsn.clear();  // a notice about a device (a link switch, a flat battery) keeps its index and type
    e.from.clear();
    e.to.clear();
  } else {
    return std::nullopt;
  }
  e.event.assign(event);
  return e;
}

json parse_json(std::string_view line) {
  try {
    return json::parse(line.begin(), line.end());
  } catch (const json::parse_error& ex) {
    std::string what = ex.what();
    // nlohmann's message: "[json.exception.parse_error.101] parse error at line 1, column 5: ..."
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    throw InputError("not JSON: " + what);
  }
}

Record parse_record(std::string_view line) {
  if (line.find("\"event\"") != std::string_view::npos)
    if (auto e = parse_event_fast(line)) return std::move(*e);
  const json j = parse_json(line);
  require_object(j);
  const std::string type = text(j, "type");
  if (type == "hello") return parse_hello(j);
  if (type == "states") return parse_states(j);
  if (type == "counters") return parse_counters(j);
  if (type == "handshake") return parse_handshake(j);
  if (type == "event") return parse_event(j);
  if (type == "gap") return GapRecord{count(j, "events_skipped")};
  if (type == "control") {
    ControlRecord c;
    const json& p = field(j, "paused");
    if (!p.is_boolean()) throw InputError("field 'paused' is not true or false (" + shown(p) + ")");
    c.paused = p.get<bool>();
    if (j.contains("sim_seconds_per_second")) c.sim_seconds_per_second = number(j, "sim_seconds_per_second");
    if (j.contains("t")) c.t = number(j, "t");
    return c;
  }
  if (type == "end") return parse_end(j);
  if (type == "gateways") return parse_gateways(j);
  if (type == "devices") return parse_devices(j);
  if (type == "gateway_load") return parse_gateway_load(j);
  if (type == "reply") {
    ReplyRecord r;
    r.cmd = text_or_empty(j, "cmd");
    const json& ok = field(j, "ok");
    if (!ok.is_boolean()) throw InputError("field 'ok' is not true or false (" + shown(ok) + ")");
    r.ok = ok.get<bool>();
    if (j.contains("t")) r.t = number(j, "t");
    r.error = text_or_empty(j, "error");
    return r;
  }
  return UnknownRecord{type};
}

HelloRecord hello_from_summary(const json& s) {
  require_object(s);
  HelloRecord h;
  h.scenario = text_or_empty(s, "scenario");
  h.seed = count_or_zero(s, "seed");
  h.duration_s = number(s, "duration_s");
  h.devices = count_or_zero(s, "devices");
  for (auto& [name, v] : object_or_empty(s, "final_states_by_type").items()) {
    (void)v;
    h.device_types.push_back(name);
  }
  return h;
}

CountersSample counters_from_summary(const json& s) {
  require_object(s);
  CountersSample c;
  c.t = number(s, "duration_s");
  const json& up = object_or_empty(s, "uplinks");
  c.uplinks_sent = count_or_zero(up, "sent");
  c.uplinks_delivered = count_or_zero(up, "delivered");
  c.uplinks_duplicate = count_or_zero(up, "duplicates");
  c.uplinks_rejected = count_or_zero(up, "rejected");
  c.uplinks_dropped = count_or_zero(up, "dropped");
  c.uplinks_rejected_by_cause = by_cause(up, "rejected_by_cause");
  c.uplinks_dropped_by_cause = by_cause(up, "dropped_by_cause");
  const json& down = object_or_empty(s, "downlinks");
  c.downlinks_sent = count_or_zero(down, "sent");
  c.downlinks_delivered = count_or_zero(down, "delivered");
  c.downlinks_rejected = count_or_zero(down, "rejected");
  c.downlinks_dropped = count_or_zero(down, "dropped");
  const json& hs = object_or_empty(s, "handshakes");
  c.handshakes_succeeded = count_or_zero(hs, "succeeded");
  c.handshakes_failed = count_or_zero(hs, "failed");
  const json& ref = object_or_empty(s, "refusals");
  c.refusals = count_or_zero(ref, "total");
  c.refusals_by_cause = by_cause(ref, "by_cause");
  const json& radio = object_or_empty(s, "radio");
  c.radio_frames = count_or_zero(radio, "frames");
  c.radio_received = count_or_zero(radio, "received");
  c.radio_lost_by_cause = by_cause(radio, "lost_by_cause");
  for (const auto& [cause, n] : c.radio_lost_by_cause) c.radio_lost += n;
  return c;
}

namespace {
std::string command(const json& j) { return j.dump() + "\n"; }
}  // namespace

std::string pause_command() { return command({{"cmd", "pause"}}); }
std::string resume_command() { return command({{"cmd", "resume"}}); }
std::string pace_command(double x) { return command({{"cmd", "pace"}, {"sim_seconds_per_second", x}}); }

}  // namespace st::viz
