// The `expect:` section: assertions checked at the end of a run (--check) on device-state counts or fractions,
// handshake latency percentiles and summary counters, each rendered as a short text for reports.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/scenario/counter_names.hpp"
#include "sim/scenario/enum_tables.hpp"
#include "sim/scenario/sections.hpp"
#include "sim/scenario/units.hpp"

namespace st::scenario {

namespace {

std::string number(double v) {
  char buf[48];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

std::string bounds_text(const Expectation& e, double scale, const std::string& suffix) {
  const bool has_min = std::isfinite(e.min);
  const bool has_max = std::isfinite(e.max);
  if (has_min && has_max && e.min == e.max) return "== " + number(e.min * scale) + suffix;
  std::string out;
  if (has_min) out = ">= " + number(e.min * scale) + suffix;
  if (has_max) out += (out.empty() ? "" : " and ") + std::string("<= ") + number(e.max * scale) + suffix;
  return out;
}

std::string render(const Expectation& e) {
  switch (e.kind) {
    case ExpectKind::StateCount:
    case ExpectKind::StateFraction: {
      std::string t = "state " + e.state;
      if (e.device_type) t += " (" + *e.device_type + ")";
      t += " at " + (e.at == kNever ? std::string("end") : format_duration(e.at)) + " ";
      return t + (e.kind == ExpectKind::StateCount ? bounds_text(e, 1, "") : bounds_text(e, 100, "%"));
    }
    case ExpectKind::HandshakeLatency:
      return "handshake_latency p" + std::to_string(e.percentile) + " " + bounds_text(e, 1, " ms");
    case ExpectKind::Counter: return "counter " + e.counter + " " + bounds_text(e, 1, "");
    case ExpectKind::Ratio: return "ratio " + e.counter + " / " + e.denominator + " " + bounds_text(e, 100, "%");
  }
  return {};
}

// Reads min/max/equals (or, with fractions, min_fraction/max_fraction) with read_value into e.min/e.max.
template <typename ReadValue>
void read_bounds(const MapReader& m, const char* min_key, const char* max_key, const char* equals_key,
                 Expectation& e, ReadValue read_value) {
  const auto mn = min_key ? m.get(min_key) : std::nullopt;
  const auto mx = max_key ? m.get(max_key) : std::nullopt;
  const auto eq = equals_key ? m.get(equals_key) : std::nullopt;
  if (eq && (mn || mx)) eq->fail_key("'equals' cannot be combined with 'min' or 'max'");
  if (eq) e.min = e.max = read_value(*eq);
  if (mn) e.min = read_value(*mn);
  if (mx) e.max = read_value(*mx);
  if (mn && mx && e.max < e.min) mx->fail("the maximum must not be less than the minimum");
}

Expectation read_expectation(const Field& item, const Scenario& s) {
  const MapReader m(item, {"state", "handshake_latency", "counter", "ratio", "at", "device_type", "min", "max",
                           "min_fraction", "max_fraction", "equals"});
  Expectation e;
  e.where = item.where();

  std::optional<std::string> kind_key;
  for (const auto& key : m.keys()) {
    if (key != "state" && key != "handshake_latency" && key != "counter" && key != "ratio") continue;
    if (kind_key) m.get(key)->fail_key("an expectation checks one thing: it has both '" + *kind_key + "' and '" + key + "'");
    kind_key = key;
  }
  if (!kind_key) item.fail("an expectation needs one of 'state', 'handshake_latency', 'counter' or 'ratio'");

  const bool is_state = *kind_key == "state";
  if (!is_state) {
    for (const char* key : {"at", "device_type", "min_fraction", "max_fraction"}) {
      if (auto f = m.get(key)) {
        f->fail_key("'" + std::string(key) + "' does not apply to a " + *kind_key + " expectation (only to state)");
      }
    }
  }
  const bool any_count = m.has("min") || m.has("max") || m.has("equals");
  const bool any_fraction = m.has("min_fraction") || m.has("max_fraction");
  if (!any_count && !any_fraction) {
    item.fail("an expectation needs a bound: min, max or equals" +
              std::string(is_state ? " (or min_fraction, max_fraction)" : ""));
  }

  if (is_state) {
    const Field state = *m.get("state");
    e.state = state.scalar("a device state");
    const auto& states = device_state_names();
    if (std::find(states.begin(), states.end(), e.state) == states.end()) {
      state.fail("unknown device state '" + e.state + "'" + suggestion(e.state, states));
    }
    if (auto at = m.get("at")) {
      if (!(at->is_scalar() && at->node().Scalar() == "end")) e.at = read_time_in_run(*at, s);
    }
    std::uint64_t population = s.device_count();
    std::string who = "the fleet has " + std::to_string(population) + " devices";
    if (auto f = m.get("device_type")) {
      const models::DeviceTypeConfig& t = referenced_device_type(*f, s);
      e.device_type = t.name;
      population = t.count;
      who = "device type '" + t.name + "' has " + std::to_string(population) + " devices";
    }
    if (any_count && any_fraction) {
      const std::string key = m.has("min_fraction") ? "min_fraction" : "max_fraction";
      m.get(key)->fail_key("an expectation uses count bounds (min, max, equals) or fraction bounds (min_fraction, "
                           "max_fraction), not both");
    }
    if (any_count) {
      e.kind = ExpectKind::StateCount;
      read_bounds(m, "min", "max", "equals", e, [](const Field& f) {
        return static_cast<double>(f.as_uint(0, kMaxDevices));
      });
      if (std::isfinite(e.min) && e.min > static_cast<double>(population)) {
        (m.has("min") ? *m.get("min") : *m.get("equals"))
            .fail(number(e.min) + " devices can never be reached: " + who);
      }
    } else {
      e.kind = ExpectKind::StateFraction;
      read_bounds(m, "min_fraction", "max_fraction", nullptr, e, [](const Field& f) {
        const double v = f.as_probability();
        if (v < 0 || v > 1) f.fail("must be in [0, 1] (e.g. 0.1 or 10%)");
        return v;
      });
    }
  } else if (*kind_key == "handshake_latency") {
    e.kind = ExpectKind::HandshakeLatency;
    e.percentile = m.get("handshake_latency")->as_enum("percentile", percentile_names());
    read_bounds(m, "min", "max", "equals", e, [](const Field& f) { return to_millis(f.as_duration()); });
  } else if (*kind_key == "ratio") {
    e.kind = ExpectKind::Ratio;
    const Field ratio = *m.get("ratio");
    const auto parts = ratio.as_list();
    if (parts.size() != 2) ratio.fail("a ratio is a list of two counters [numerator, denominator]");
    e.counter = parts[0].scalar("a counter name");
    if (auto problem = counter_name_problem(e.counter)) parts[0].fail(*problem);
    e.denominator = parts[1].scalar("a counter name");
    if (auto problem = counter_name_problem(e.denominator)) parts[1].fail(*problem);
    read_bounds(m, "min", "max", "equals", e, [](const Field& f) {
      const double v = f.as_probability();
      if (v < 0 || v > 1) f.fail("must be in [0, 1] (e.g. 0.9 or 90%)");
      return v;
    });
  } else {
    e.kind = ExpectKind::Counter;
    const Field counter = *m.get("counter");
    e.counter = counter.scalar("a counter name");
    if (auto problem = counter_name_problem(e.counter)) counter.fail(*problem);
    read_bounds(m, "min", "max", "equals", e, [](const Field& f) {
      return static_cast<double>(f.as_uint(0, 1'000'000'000'000'000ULL));
    });
  }
  e.text = render(e);
  return e;
}

}  // namespace

void read_expectations(const std::optional<Field>& section, Scenario& s) {
  if (!section) return;
  for (const auto& item : section->as_list()) s.expectations.push_back(read_expectation(item, s));
}

}  // namespace st::scenario
