#include "model/map_state.hpp"

#include <charconv>
#include <string_view>

namespace st::viz {

std::vector<State> device_states_at(const RunData& run, double t) {
  std::vector<State> states(run.map.device_count(), State::None);
  const auto& events = run.events.events;
  const std::size_t end = run.events.end_at(t);
  for (std::size_t i = 0; i < end; ++i) {
    const Event& e = events[i];
    if (e.kind == EventKind::Transition && e.device < states.size()) states[e.device] = e.to;
  }
  return states;
}

namespace {

// "N gateways[ of GROUP] for SECONDS s: G1 G2 ...": the seconds and the gateways; false if it does not say them.
bool parse_outage_detail(std::string_view detail, double& seconds, std::vector<std::uint32_t>& gateways) {
  const std::size_t f = detail.find(" for ");
  const std::size_t colon = detail.find(" s: ");
  if (f == std::string_view::npos || colon == std::string_view::npos || colon < f) return false;
  const std::string_view secs = detail.substr(f + 5, colon - f - 5);
  auto [p, ec] = std::from_chars(secs.data(), secs.data() + secs.size(), seconds);
  if (ec != std::errc() || p != secs.data() + secs.size()) return false;
  std::string_view rest = detail.substr(colon + 4);
  while (!rest.empty()) {
    const std::size_t sp = rest.find(' ');
    const std::string_view word = rest.substr(0, sp);
    std::uint32_t g = 0;
    auto [q, ec2] = std::from_chars(word.data(), word.data() + word.size(), g);
    if (ec2 != std::errc() || q != word.data() + word.size()) return false;
    gateways.push_back(g);
    if (sp == std::string_view::npos) break;
    rest = rest.substr(sp + 1);
  }
  return !gateways.empty();
}

}  // namespace

std::vector<GatewayOutage> gateway_outages(const RunData& run) {
  std::vector<GatewayOutage> out;
  const auto gateways_actor = run.events.actors.find("gateways");
  const auto start_kind = run.events.causes.find("outage_start");
  if (!gateways_actor || !start_kind) return out;
  for (const Event& e : run.events.events) {
    if (e.kind != EventKind::Notice || e.actor != *gateways_actor || e.cause != *start_kind) continue;
    GatewayOutage o;
    double seconds = 0;
    if (!parse_outage_detail(run.events.detail(e), seconds, o.gateways)) continue;
    o.start_s = e.t;
    o.end_s = e.t + seconds;
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<bool> gateways_down_at(const std::vector<GatewayOutage>& outages, std::size_t gateway_count, double t) {
  std::vector<bool> down(gateway_count, false);
  for (const GatewayOutage& o : outages) {
    if (t < o.start_s || t >= o.end_s) continue;
    for (const std::uint32_t g : o.gateways)
      if (g < gateway_count) down[g] = true;
  }
  return down;
}

}  // namespace st::viz
