#include "model/event_filter.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace st::viz {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}
bool all_hex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

std::optional<DeviceQuery> parse_device_query(std::string_view text, std::string* error) {
  std::string_view s = trim(text);
  DeviceQuery q;
  if (s.empty()) return q;
  auto bad = [&](std::string why) -> std::optional<DeviceQuery> {
    if (error != nullptr) *error = std::move(why);
    return std::nullopt;
  };
  const bool hash = s.front() == '#';
  std::string_view digits = hash ? s.substr(1) : s;
  if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::uint32_t n = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || p != digits.data() + digits.size() || n == kNoIndex)
      return bad("device index '" + std::string(digits) + "' is too large");
    q.device = n;
    return q;
  }
  if (hash) return bad("'#' must be followed by a device index");
  std::string_view hex = s;
  if (s.size() >= 5 && lower(s.substr(0, 5)) == "smsn:") hex = trim(s.substr(5));
  if (!all_hex(hex)) return bad("'" + std::string(s) + "' is neither a device index nor an SMSN prefix (hex)");
  if (hex.size() > 64) return bad("an SMSN has at most 64 hex digits");
  q.smsn_prefix = lower(hex);
  return q;
}

FilterResult filter_events(const EventStore& store, const EventFilter& f, std::size_t max_rows) {
  FilterResult out;
  std::size_t end = store.end_at(f.until);

  std::optional<std::uint16_t> cause;
  if (!f.cause.empty()) {
    cause = store.causes.find(f.cause);
    if (!cause) return out;  // a cause never seen matches nothing
  }
  // SMSN prefix: decide once per SMSN, not once per event.
  std::vector<bool> smsn_ok;
  if (!f.device.smsn_prefix.empty()) {
    smsn_ok.resize(store.smsns.size());
    for (std::uint32_t i = 0; i < store.smsns.size(); ++i) smsn_ok[i] = store.smsns.has_prefix(i, f.device.smsn_prefix);
  }

  while (end > 0) {
    const std::size_t i = --end;
    ++out.scanned;
    const Event& e = store.events[i];
    if (f.kind && e.kind != *f.kind) continue;
    if (f.device.device && e.device != *f.device.device) continue;
    if (!f.device.smsn_prefix.empty() && (e.ref_is_detail || e.ref >= smsn_ok.size() || !smsn_ok[e.ref])) continue;
    if (f.state && (e.kind != EventKind::Transition || e.to != *f.state)) continue;
    if (cause && e.cause != *cause) continue;
    if (out.rows.size() == max_rows) {
      out.truncated = true;
      break;
    }
    out.rows.push_back(static_cast<std::uint32_t>(i));
  }
  return out;
}

}  // namespace st::viz
