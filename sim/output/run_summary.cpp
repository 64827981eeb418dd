#include "sim/output/run_summary.hpp"

#include <string>

#include "sim/output/number_format.hpp"
#include "sim/scenario/counter_names.hpp"
#include "sim/output/radio_report.hpp"

namespace st::output {

namespace {
using Json = nlohmann::ordered_json;

Json state_counts(const StateCounts& c, std::int64_t population) {
  Json j;
  std::int64_t seen = 0;
  for (std::size_t i = 1; i < metrics::kFleetStateCount; ++i) {
    j[std::string(metrics::to_string(static_cast<metrics::FleetState>(i)))] = c[i];
    seen += c[i];
  }
  j["not_yet_made"] = population - seen;
  return j;
}

Json latency(const std::vector<double>& v) {
  Json j;
  j["count"] = v.size();
  for (int p : {50, 95, 99}) j["p" + std::to_string(p)] = Json::parse(format_millis(percentile(v, p)));
  double sum = 0;
  double mx = 0;
  for (double x : v) {
    sum += x;
    mx = std::max(mx, x);
  }
  j["mean"] = Json::parse(format_millis(v.empty() ? 0.0 : sum / static_cast<double>(v.size())));
  j["max"] = Json::parse(format_millis(mx));
  return j;
}

// Counters under `prefix.` as {cause: n}.
Json by_cause(const RunRecorder& r, const std::string& prefix) {
  Json j = Json::object();
  const std::string p = prefix + ".";
  for (auto it = r.counters().lower_bound(p); it != r.counters().end() && it->first.rfind(p, 0) == 0; ++it)
    j[it->first.substr(p.size())] = it->second;
  return j;
}
}  // namespace

Json build_summary(const scenario::Scenario& s, const RunRecorder& r, const std::vector<ExpectationResult>& expectations,
                   double wall_s) {
  Json j;
  j["scenario"] = s.name;
  j["file"] = s.file;
  j["seed"] = s.world.seed;
  j["duration_s"] = seconds_json(s.duration);
  j["devices"] = s.device_count();
  j["final_states"] = state_counts(r.counts(), static_cast<std::int64_t>(s.device_capacity()));
  Json types = Json::object();
  for (std::uint16_t t = 0; t < s.world.device_types.size(); ++t)
    types[s.world.device_types[t].name] =
        state_counts(r.counts(t), s.world.device_types[t].count + s.world.device_types[t].reserve);
  j["final_states_by_type"] = types;

  Json hs;
  hs["attempts"] = r.counter("handshakes_succeeded") + r.counter("handshakes_failed");
  hs["succeeded"] = r.counter("handshakes_succeeded");
  hs["failed"] = r.counter("handshakes_failed");
  hs["failed_by_reason"] = by_cause(r, "handshakes_failed");
  hs["latency_ms"] = latency(r.latencies_ms());
  Json links = Json::object();
  for (const auto& [link, v] : r.latencies_by_link()) links[link] = latency(v);
  hs["latency_ms_by_link"] = links;
  j["handshakes"] = hs;

  Json up;
  up["sent"] = r.counter("uplinks_sent");
  up["delivered"] = r.counter("uplinks_delivered");
  up["duplicates"] = r.counter("uplinks_duplicate");
  up["rejected"] = r.counter("uplinks_rejected");
  up["rejected_by_cause"] = by_cause(r, "uplinks_rejected");
  up["dropped"] = r.counter("uplinks_dropped");
  up["dropped_by_cause"] = by_cause(r, "uplinks_dropped");
  up["accepted_from_blocked"] = r.counter("uplinks_accepted_from_blocked");
  up["sent_by_type"] = by_cause(r, "uplinks_sent_by_type");
  up["delivered_by_type"] = by_cause(r, "uplinks_delivered_by_type");
  j["uplinks"] = up;
  Json down;
  down["sent"] = r.counter("downlinks_sent");
  down["delivered"] = r.counter("downlinks_delivered");
  down["rejected"] = r.counter("downlinks_rejected");
  down["rejected_by_cause"] = by_cause(r, "downlinks_rejected");
  down["dropped"] = r.counter("downlinks_dropped");
  down["dropped_by_cause"] = by_cause(r, "downlinks_dropped");
  j["downlinks"] = down;
  Json switches;
  switches["total"] = r.counter("link_switches");
  switches["registration"] = r.counter("link_switches.registration");
  switches["uplink"] = r.counter("link_switches.uplink");
  switches["back_to_preferred"] = r.counter("link_switches.back_to_preferred");
  switches["by_type"] = by_cause(r, std::string(scenario::kLinkSwitchesByType));
  j["link_switches"] = switches;

  Json ref;
  ref["total"] = r.counter("refusals");
  ref["by_cause"] = by_cause(r, "refusals");
  ref["ingest_rejected"] = r.counter("ingest_rejected");
  j["refusals"] = ref;
  j["blocked_by_cause"] = by_cause(r, "blocked");
  for (const metrics::TallySection section : {metrics::TallySection::CloudPartner, metrics::TallySection::Actors}) {
    Json t = Json::object();
    for (const auto& tally : r.tallies())
      if (tally.section == section) t[tally.name] = tally.value;
    j[std::string(metrics::to_string(section))] = t;
  }
  if (s.world.radio.physical) {
    j["radio"] = r.radio_report().radio_section(r.counters());
    j["gateways"] = r.radio_report().gateways_section();
    j["energy"] = r.radio_report().energy_section(r.type_names(), r.counter("handshakes_succeeded"));
  }
  j["notices"] = by_cause(r, "notices");

  Json ex = Json::array();
  std::size_t failed = 0;
  for (const auto& e : expectations) {
    Json x;
    x["expectation"] = e.expectation->text;
    x["where"] = e.where;
    x["observed"] = e.observed;
    x["passed"] = e.passed;
    if (!e.passed) ++failed;
    ex.push_back(x);
  }
  j["expectations"] = {{"total", expectations.size()}, {"failed", failed}, {"results", ex}};
  j["kernel_events"] = r.kernel_events();
  j["wall_s"] = wall_s;
  return j;
}

}  // namespace st::output
