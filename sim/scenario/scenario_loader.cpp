#include "sim/scenario/scenario_loader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "sim/scenario/sections.hpp"
#include "sim/scenario/text_check.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace st::scenario {

namespace {

// Where a document's first node is (the parser's events, ignored but for that).
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark, seen = false; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { node(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { node(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { node(m); }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    node(m);
  }
  void OnMapEnd() override {}
  YAML::Mark start;

 private:
  void node(const YAML::Mark& m) {
    if (!seen) start = m;
    seen = true;
  }
  bool seen = false;
};

// The file's one document. yaml-cpp 0.7's LoadAll never ends on some malformed text (a stray ',' at the top level
// makes empty documents forever, allocating as it goes: found by fuzz/scenario_fuzz): read the first document, then
// look for a second one, never further.
YAML::Node parse(std::string_view text, const std::string& file) {
  try {
    const std::string whole(text);
    YAML::Node first = YAML::Load(whole);
    std::istringstream in(whole);
    YAML::Parser parser(in);
    DocumentStarts starts;
    if (parser.HandleNextDocument(starts) && parser.HandleNextDocument(starts))
      throw ScenarioError(file, source_ref(starts.start),
                          "a scenario file holds one YAML document, but a second one starts here");
    return first;
  } catch (const YAML::Exception& e) {
    // e.msg is the bare message; what() would repeat the position in yaml-cpp's own words.
    throw ScenarioError(file, source_ref(e.mark), "YAML syntax error: " + e.msg);
  }
}

}  // namespace

Scenario load_scenario_text(std::string_view raw, const std::string& file_for_messages,
                            const std::vector<Override>& overrides) {
  const std::string& file = file_for_messages;
  const std::string_view text = check_scenario_text(raw, file);
  YAML::Node doc = parse(text, file);
  if (!doc || doc.IsNull()) throw ScenarioError(file, 1, 1, "the scenario file is empty");
  try {
    apply_overrides(doc, overrides);
  } catch (const std::invalid_argument& e) {
    throw ScenarioError(file, 0, 0, std::string("--set ") + e.what());
  }
  const Field root(file, doc, std::nullopt, "");
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

std::string read_scenario_text(const std::string& path) {
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
  return text;
}

Scenario load_scenario_file(const std::string& path, const std::vector<Override>& overrides) {
  return load_scenario_text(read_scenario_text(path), path, overrides);
}

}  // namespace st::scenario
