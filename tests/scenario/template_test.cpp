// The template loads cleanly and shows every section, action kind and expectation kind; every shipped scenario
// (scenarios/*.yaml, found at run time) loads cleanly.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "sim/scenario/counter_names.hpp"
#include "sim/scenario/enum_tables.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/scenario_template.hpp"
#include "sim/scenario/settings_reader.hpp"

namespace st::scenario {
namespace {

bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

TEST(Template, LoadsCleanly) {
  Scenario s;
  try {
    s = load_scenario_text(scenario_template(), "template.yaml");
  } catch (const ScenarioError& e) {
    FAIL() << e.what();
  }
  EXPECT_EQ(s.duration, kHour);
  EXPECT_GE(s.device_count(), 150u);
  EXPECT_LE(s.device_count(), 250u);
  EXPECT_FALSE(s.world.gateways.empty());
  EXPECT_FALSE(s.timeline.empty());
  EXPECT_FALSE(s.expectations.empty());
  // It reaches registered, deregistered and blocked: it de-registers and revokes devices, and expects all three.
  auto has_action = [&](ActionKind k) {
    return std::any_of(s.timeline.begin(), s.timeline.end(), [&](const Action& a) { return a.kind == k; });
  };
  EXPECT_TRUE(has_action(ActionKind::Deregister));
  EXPECT_TRUE(has_action(ActionKind::RevokeDevice));
  for (const char* state : {"registered", "deregistered", "blocked"}) {
    EXPECT_TRUE(std::any_of(s.expectations.begin(), s.expectations.end(),
                            [&](const Expectation& e) { return e.state == state; }))
        << state;
  }
}

TEST(Template, MentionsEverySectionKeyAndKind) {
  const std::string_view t = scenario_template();
  for (const char* key :
       {"scenario:", "name:", "description:", "seed:", "duration:", "sample_interval:", "topology:", "gateways:",
        "count:", "links:", "backhaul_latency:", "link_model:", "latency:", "loss:", "fleet:", "device_types:",
        "stage:", "flow:", "developer:", "device_type_id:", "apid:", "dsn_prefix:", "register_via:", "curve:", "mcu:", "core:", "clock:", "manufacture:",
        "over:", "register:", "auto:", "delay:", "traffic:", "uplink_period:", "payload:", "report:", "start:", "import:", "devices:", "profile:", "app_server_key:",
        "trusted_roots:", "downlink_every:",
        "queue_limit:", "ttl:", "dak_signature_limit:", "qualified:", "cloud:", "ingest_latency:",
        "association_latency:", "network_server_latency:", "cloud_partner_latency:", "application_server_latency:",
        "mobile_app_latency:", "ingest_fault_rate:", "prototype_limit:", "handshake_timeout:", "backoff:",
        "initial:", "ack_timeout:", "destination_buffer:", "timeline:", "at:", "action:", "device_type:",
        "fraction:", "target:", "for:", "repeat:", "every:", "expect:", "state:", "min:", "max:", "min_fraction:",
        "equals:", "handshake_latency:", "counter:"}) {
    EXPECT_TRUE(contains(t, key)) << key;
  }
  for (const auto& [name, kind] : action_names()) EXPECT_TRUE(contains(t, "action: " + name)) << name;
  for (const auto& [name, target] : outage_target_names()) EXPECT_TRUE(contains(t, name)) << name;
  for (const auto& state : device_state_names()) EXPECT_TRUE(contains(t, state)) << state;
  for (const auto& [name, p] : percentile_names()) EXPECT_TRUE(contains(t, name)) << name;
  for (const char* dist : {"constant", "uniform", "exponential", "lognormal", "normal"}) {
    EXPECT_TRUE(contains(t, dist)) << dist;
  }
  EXPECT_TRUE(contains(t, "\n# - at:") || contains(t, "  # - at:"));  // actions that should not run: commented out
}

TEST(Template, EveryKeyIsCommentedWhereItFirstAppears) {
  // The first line that sets each key says what it is (its unit and default) in a comment.
  std::set<std::string> seen;
  std::size_t keys = 0;
  std::string_view t = scenario_template();
  while (!t.empty()) {
    const auto nl = t.find('\n');
    const std::string_view line = t.substr(0, nl);
    t = nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
    auto first = line.find_first_not_of(' ');
    if (first == std::string_view::npos || line[first] == '#') continue;
    if (line.substr(first, 2) == "- ") first += 2;
    const auto colon = line.find(':', first);
    if (colon == std::string_view::npos) continue;
    const std::string key(line.substr(first, colon - first));
    if (!seen.insert(key).second) continue;
    ++keys;
    EXPECT_TRUE(contains(line, " # ")) << "no comment where '" << key << "' first appears: " << line;
  }
  EXPECT_GT(keys, 50u);
}

// Every setting declared with a model's configuration (models/base) is shown in the template and documented in
// docs/scenario-format.md, and its default lies in its declared range.
template <typename Config>
void check_declared_settings(std::string_view doc, const char* config) {
  const std::string_view t = scenario_template();
  const Config defaults{};
  std::apply(
      [&](const auto&... setting) {
        const auto check = [&](const auto& x) {
          const std::string key(x.key);
          EXPECT_TRUE(contains(t, key + ":")) << config << ": '" << key << "' is not in the template";
          EXPECT_TRUE(contains(doc, "`" + key + "`") || contains(doc, key + ":"))
              << config << ": '" << key << "' is not in docs/scenario-format.md";
          if constexpr (requires { x.min; }) {
            const auto& v = defaults.*x.member;
            using T = std::remove_cvref_t<decltype(v)>;
            if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
              EXPECT_GE(v, x.min) << config << "." << key;
              EXPECT_LE(v, x.max) << config << "." << key;
            } else if constexpr (std::is_floating_point_v<T>) {
              EXPECT_GE(v, x.min * x.scale) << config << "." << key;
              EXPECT_LE(v, x.max * x.scale) << config << "." << key;
            }
          }
        };
        (check(setting), ...);
      },
      models::Settings<Config>::list);
}

TEST(Settings, EveryDeclaredSettingIsInTheTemplateAndTheDocsWithADefaultInRange) {
  const std::filesystem::path path = std::filesystem::path(ST_SOURCE_DIR) / "docs" / "scenario-format.md";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  check_declared_settings<models::CloudConfig>(doc, "CloudConfig");
  check_declared_settings<models::BackoffConfig>(doc, "BackoffConfig");
  check_declared_settings<models::TrafficConfig>(doc, "TrafficConfig");
  check_declared_settings<models::McuConfig>(doc, "McuConfig");
  check_declared_settings<models::RegistrationConfig>(doc, "RegistrationConfig");
  check_declared_settings<models::DeviceTypeConfig>(doc, "DeviceTypeConfig");
  check_declared_settings<models::DeviceRadioConfig>(doc, "DeviceRadioConfig");
  check_declared_settings<hw::Sx1262Profile>(doc, "Sx1262Profile");
  check_declared_settings<hw::Nrf52840BleProfile>(doc, "Nrf52840BleProfile");
  check_declared_settings<models::GatewayGroupConfig>(doc, "GatewayGroupConfig");
  check_declared_settings<models::GatewayRadioConfig>(doc, "GatewayRadioConfig");
  check_declared_settings<models::RadioWorldConfig>(doc, "RadioWorldConfig");
  check_declared_settings<models::LinkHopConfig>(doc, "LinkHopConfig");
}

TEST(ShippedScenarios, AllLoadCleanly) {
  const std::filesystem::path dir = std::filesystem::path(ST_SOURCE_DIR) / "scenarios";
  std::size_t n = 0;
  if (std::filesystem::is_directory(dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".yaml") continue;
      ++n;
      try {
        load_scenario_file(entry.path().string());
      } catch (const ScenarioError& e) {
        ADD_FAILURE() << e.what();
      }
    }
  }
  RecordProperty("scenarios", static_cast<int>(n));
}

TEST(Docs, TheFormatExampleLoads) {
  const std::filesystem::path doc = std::filesystem::path(ST_SOURCE_DIR) / "docs" / "scenario-format.md";
  std::ifstream in(doc);
  ASSERT_TRUE(in) << doc;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto begin = text.rfind("```yaml\n");
  ASSERT_NE(begin, std::string::npos);
  const auto end = text.find("```", begin + 8);
  ASSERT_NE(end, std::string::npos);
  try {
    const Scenario s = load_scenario_text(std::string_view(text).substr(begin + 8, end - begin - 8), "example.yaml");
    EXPECT_EQ(s.name, "quickstart");
  } catch (const ScenarioError& e) {
    FAIL() << e.what();
  }
}

TEST(CounterNames, AcceptsTheListAndPerCauseForms) {
  for (auto name : kCounterNames) EXPECT_TRUE(is_counter_name(name)) << name;
  for (auto base : kPerCauseCounters) {
    EXPECT_TRUE(is_counter_name(std::string(base) + ".replay_window"));
    EXPECT_FALSE(is_counter_name(std::string(base) + ".Replay"));
  }
  EXPECT_FALSE(is_counter_name("registrations.x"));
  EXPECT_FALSE(is_counter_name("uplinks"));
  EXPECT_FALSE(is_counter_name(""));
}

}  // namespace
}  // namespace st::scenario
