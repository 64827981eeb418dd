#include "sim/scenario/scenario_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "sim/scenario/sections.hpp"
#include "sim/scenario/text_check.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace st::scenario {

namespace {

std::vector<YAML::Node> parse(std::string_view text, const std::string& file) {
  try {
    return YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    // e.msg is the bare message; what() would repeat the position in yaml-cpp's own words.
    throw ScenarioError(file, source_ref(e.mark), "YAML syntax error: " + e.msg);
  }
}

}  // namespace

Scenario load_scenario_text(std::string_view raw, const std::string& file_for_messages) {
  const std::string& file = file_for_messages;
  const std::string_view text = check_scenario_text(raw, file);
  const auto docs = parse(text, file);
  if (docs.empty() || docs.front().IsNull()) throw ScenarioError(file, 1, 1, "the scenario file is empty");
  if (docs.size() > 1) {
    throw ScenarioError(file, source_ref(docs[1].Mark()),
                        "a scenario file holds one YAML document, but a second one starts here");
  }
  const Field root(file, docs.front(), std::nullopt, "");
  if (!root.is_map()) {
    root.fail_raw("a scenario file is a map of sections (scenario, topology, fleet, cloud, timeline, expect), not " +
                  std::string(root.is_list() ? "a list" : "a single value"));
  }
  const MapReader top(root, {"scenario", "topology", "fleet", "cloud", "timeline", "expect"});

  Scenario s;
  s.file = file;
  read_run_section(top.require("scenario"), s);
  read_topology(top.get("topology"), s);
  read_fleet(top.require("fleet"), s);
  read_cloud(top.get("cloud"), s.world.cloud);
  read_timeline(top.get("timeline"), s);
  read_expectations(top.get("expect"), s);
  check_across_sections(s);
  return s;
}

Scenario load_scenario_file(const std::string& path) {
  errno = 0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw ScenarioError(path, 0, 0, std::string("cannot read: ") + std::strerror(errno));
  std::string text;
  char buf[1 << 16];
  while (true) {
    const std::size_t n = std::fread(buf, 1, sizeof buf, f.get());
    text.append(buf, n);
    if (text.size() > kMaxScenarioBytes) break;  // check_scenario_text refuses it
    if (n < sizeof buf) break;
  }
  if (std::ferror(f.get())) throw ScenarioError(path, 0, 0, std::string("cannot read: ") + std::strerror(errno));
  return load_scenario_text(text, path);
}

}  // namespace st::scenario
