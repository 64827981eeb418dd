#include "model/run_data.hpp"

#include <algorithm>

namespace st::viz {

namespace {
int nibble(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
constexpr char kHex[] = "0123456789abcdef";

// Inserts v keeping the vector sorted by key(v), appending in the common in-order case.
template <class T, class Key>
void insert_ordered(std::vector<T>& v, T&& x, Key key) {
  if (v.empty() || key(v.back()) <= key(x)) {
    v.push_back(std::move(x));
    return;
  }
  auto it = std::upper_bound(v.begin(), v.end(), key(x), [&](double k, const T& e) { return k < key(e); });
  v.insert(it, std::move(x));
}
}  // namespace

std::uint16_t StringPool::intern(std::string_view s) {
  if (s.empty()) return kNoName;
  auto it = ids_.find(std::string(s));
  if (it != ids_.end()) return it->second;
  if (names_.size() >= kNoName) throw InputError("more than 65,534 distinct names");
  const auto id = static_cast<std::uint16_t>(names_.size());
  names_.emplace_back(s);
  ids_.emplace(std::string(s), id);
  return id;
}

std::optional<std::uint16_t> StringPool::find(std::string_view s) const {
  auto it = ids_.find(std::string(s));
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

std::size_t SmsnTable::KeyHash::operator()(const Key& k) const {
  std::uint64_t h = 1469598103934665603ull ^ k.digits;  // FNV-1a over the used bytes
  const std::size_t n = (k.digits + 1u) / 2u;
  for (std::size_t i = 0; i < n; ++i) h = (h ^ k.bytes[i]) * 1099511628211ull;
  return static_cast<std::size_t>(h);
}

std::uint32_t SmsnTable::intern(std::string_view hex) {
  if (hex.empty()) return kNoIndex;
  if (hex.size() > 64) throw InputError("smsn '" + std::string(hex.substr(0, 16)) + "...' has more than 64 hex digits");
  Key k;
  k.digits = static_cast<std::uint8_t>(hex.size());
  for (std::size_t i = 0; i < hex.size(); ++i) {
    const int v = nibble(hex[i]);
    if (v < 0) throw InputError("smsn '" + std::string(hex) + "' is not hexadecimal");
    auto& b = k.bytes[i / 2];
    b = static_cast<std::uint8_t>(i % 2 == 0 ? v << 4 : b | v);
  }
  auto it = ids_.find(k);
  if (it != ids_.end()) return it->second;
  if (keys_.size() >= kNoIndex - 1) throw InputError("too many SMSNs");
  const auto id = static_cast<std::uint32_t>(keys_.size());
  keys_.push_back(k);
  ids_.emplace(k, id);
  return id;
}

std::string SmsnTable::hex(std::uint32_t id) const {
  if (id >= keys_.size()) return {};
  const Key& k = keys_[id];
  std::string s(k.digits, '0');
  for (std::size_t i = 0; i < k.digits; ++i) {
    const std::uint8_t b = k.bytes[i / 2];
    s[i] = kHex[i % 2 == 0 ? b >> 4 : b & 0xf];
  }
  return s;
}

bool SmsnTable::has_prefix(std::uint32_t id, std::string_view prefix) const {
  if (id >= keys_.size()) return false;
  const Key& k = keys_[id];
  if (prefix.size() > k.digits) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const std::uint8_t b = k.bytes[i / 2];
    if (kHex[i % 2 == 0 ? b >> 4 : b & 0xf] != prefix[i]) return false;
  }
  return true;
}

void EventStore::add(const EventRecord& r) {
  Event e;
  e.t = r.t;
  e.kind = r.kind;
  e.device = r.device.value_or(kNoIndex);
  e.device_type = device_types.intern(r.device_type);
  e.cause = causes.intern(r.cause);
  e.actor = actors.intern(r.actor);
  e.what = whats.intern(r.what);
  if (r.kind == EventKind::Transition) {
    e.from = state_from_string(r.from).value_or(State::None);
    e.to = state_from_string(r.to).value_or(State::None);
  }
  if (r.kind == EventKind::Notice || (r.kind == EventKind::Other && !r.detail.empty())) {
    e.ref = static_cast<std::uint32_t>(details.size());
    e.ref_is_detail = true;
    details.push_back(r.detail);
  } else {
    e.ref = smsns.intern(r.smsn);
  }
  insert_ordered(events, std::move(e), [](const Event& x) { return x.t; });
}

std::string EventStore::smsn(const Event& e) const {
  return e.ref_is_detail ? std::string() : smsns.hex(e.ref);
}

std::string_view EventStore::detail(const Event& e) const {
  return e.ref_is_detail && e.ref < details.size() ? std::string_view(details[e.ref]) : std::string_view();
}

std::size_t EventStore::end_at(double time) const {
  auto it = std::upper_bound(events.begin(), events.end(), time, [](double t, const Event& e) { return t < e.t; });
  return static_cast<std::size_t>(it - events.begin());
}

void MapData::add(DevicesRecord&& r) {
  const std::size_t end = static_cast<std::size_t>(r.first) + r.x_m.size();
  if (end > x_m.size()) {
    x_m.resize(end, 0.0f);
    y_m.resize(end, 0.0f);
    device_type.resize(end, 0);
  }
  std::copy(r.x_m.begin(), r.x_m.end(), x_m.begin() + r.first);
  std::copy(r.y_m.begin(), r.y_m.end(), y_m.begin() + r.first);
  std::copy(r.device_type.begin(), r.device_type.end(), device_type.begin() + r.first);
  if (!r.home.empty()) {
    home.resize(std::max(home.size(), end), {DevicesRecord::kNoGateway, DevicesRecord::kNoGateway, DevicesRecord::kNoGateway});
    std::copy(r.home.begin(), r.home.end(), home.begin() + r.first);
  }
  if (!r.tally.empty()) {
    tally.resize(std::max(tally.size(), end));
    std::move(r.tally.begin(), r.tally.end(), tally.begin() + r.first);
    frame_outcomes = std::move(r.frame_outcomes);
  }
}

void RunData::clear() { *this = RunData(); }

bool RunData::empty() const {
  return !has_hello && states.empty() && counters.empty() && handshakes.empty() && events.events.empty() && !ended;
}

void RunData::apply(Record&& rec) {
  std::visit(
      [this](auto&& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, HelloRecord>) {
          if (!empty()) clear();
          hello = std::move(r);
          has_hello = true;
        } else if constexpr (std::is_same_v<T, StatesSample>) {
          insert_ordered(states, std::move(r), [](const StatesSample& s) { return s.t; });
        } else if constexpr (std::is_same_v<T, CountersSample>) {
          insert_ordered(counters, std::move(r), [](const CountersSample& s) { return s.t; });
        } else if constexpr (std::is_same_v<T, HandshakeRecord>) {
          Handshake h;
          h.start_s = r.start_s;
          h.end_s = r.end_s;
          h.latency_ms = r.latency_ms;
          h.smsn = events.smsns.intern(r.smsn);
          h.device_type = events.device_types.intern(r.device_type);
          h.reason = handshake_reasons.intern(r.reason);
          h.link = link_from_string(r.link);
          h.success = r.success;
          insert_ordered(handshakes, std::move(h), [](const Handshake& x) { return x.end_s; });
        } else if constexpr (std::is_same_v<T, EventRecord>) {
          if (r.kind == EventKind::Notice) {
            if (r.actor == "timeline") notice_marks.push_back({r.t, r.cause, r.detail});
            else if (r.cause == "outage_start") notice_marks.push_back({r.t, "outage: " + r.actor, r.detail});
          }
          events.add(r);
        } else if constexpr (std::is_same_v<T, GapRecord>) {
          events_skipped += r.events_skipped;
        } else if constexpr (std::is_same_v<T, ControlRecord>) {
          control = {true, r.paused, r.sim_seconds_per_second, r.t};
        } else if constexpr (std::is_same_v<T, GatewaysRecord>) {
          map.gateways = std::move(r.gateways);
        } else if constexpr (std::is_same_v<T, DevicesRecord>) {
          map.add(std::move(r));
        } else if constexpr (std::is_same_v<T, GatewayLoadRecord>) {
          if (r.gateway < map.gateways.size()) {
            GatewayInfo& g = map.gateways[r.gateway];
            g.has_load = true;
            g.devices_served = r.devices_served;
            g.frames_received = r.frames_received;
            g.frames_lost = r.frames_lost;
          }
        } else if constexpr (std::is_same_v<T, ReplyRecord>) {
          replies.push_back(std::move(r));
        } else if constexpr (std::is_same_v<T, EndRecord>) {
          ended = true;
          end = std::move(r);
        } else {
          ++unknown_records;
        }
      },
      std::move(rec));
}

double RunData::latest_time() const {
  double t = 0;
  if (!states.empty()) t = std::max(t, states.back().t);
  if (!counters.empty()) t = std::max(t, counters.back().t);
  if (!handshakes.empty()) t = std::max(t, handshakes.back().end_s);
  if (!events.events.empty()) t = std::max(t, events.events.back().t);
  if (control.known) t = std::max(t, control.t);
  if (end) t = std::max(t, end->t);
  return t;
}

double RunData::duration() const {
  if (has_hello && hello.duration_s > 0) return hello.duration_s;
  return latest_time();
}

}  // namespace st::viz
