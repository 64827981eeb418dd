#include "sim/api/stimulus_log.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "models/security/base64.hpp"
#include "sim/aws/json_fields.hpp"
#include "sim/scenario/live_action.hpp"

namespace st::api {

namespace {
const char* operation_of(world::StimulusKind k) {
  switch (k) {
    case world::StimulusKind::SendData: return "SendDataToWirelessDevice";
    case world::StimulusKind::Deregister: return "DeregisterWirelessDevice";
    case world::StimulusKind::Create: return "CreateWirelessDevice";
    case world::StimulusKind::Timeline: return "TimelineAction";
  }
  return "?";
}
}  // namespace

StimulusLogWriter::StimulusLogWriter(const std::filesystem::path& file) : file_(file), out_(file, std::ios::binary) {
  if (!out_) throw std::runtime_error(file.string() + ": cannot be written");
}

void StimulusLogWriter::write(const world::TimedStimulus& t) {
  const world::Stimulus& s = t.stimulus;
  nlohmann::ordered_json j;
  j["activation"] = t.activation;
  j["t_ns"] = t.at;
  j["operation"] = operation_of(s.kind);
  if (s.kind == world::StimulusKind::Timeline) {
    j["action"] = nlohmann::ordered_json::parse(scenario::live_action_json(s.action));
  } else {
    j["device"] = s.device;
  }
  if (s.kind == world::StimulusKind::SendData) {
    j["message"] = s.message;
    j["payload"] = security::to_base64(s.payload);
    j["acknowledged"] = s.acknowledged;
    j["keep_for_ns"] = s.keep_for;
  }
  j["request"] = s.request.empty() ? nlohmann::ordered_json::object() : nlohmann::ordered_json::parse(s.request);
  out_ << j.dump() << '\n';
  out_.flush();
}

void StimulusLogWriter::close() {
  out_.close();
  if (!out_) throw std::runtime_error(file_.string() + ": write failed");
}

std::vector<world::TimedStimulus> read_stimulus_log(const std::filesystem::path& file, std::uint32_t devices,
                                                    const scenario::Scenario* scenario) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw aws::FileError(file.string() + ": cannot be read");
  std::vector<world::TimedStimulus> out;
  std::vector<scenario::Action> actions;  // the timeline actions read so far
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    const std::string where = file.string() + ":" + std::to_string(n);
    world::TimedStimulus t = parse_stimulus_line(line, where, devices, scenario, actions);
    if (t.stimulus.kind == world::StimulusKind::Timeline) actions.push_back(t.stimulus.action);
    if (!out.empty() && t.activation < out.back().activation)
      throw aws::FileError(file.string() + ":" + std::to_string(n) +
                           ": activation: earlier than the line before: lines are in the order the run took them in");
    out.push_back(std::move(t));
  }
  return out;
}

world::TimedStimulus parse_stimulus_line(std::string_view line, const std::string& where, std::uint32_t devices,
                                         const scenario::Scenario* scenario,
                                         const std::vector<scenario::Action>& earlier) {
  const nlohmann::json j = aws::parse_json_text(line, where);
  const aws::JsonField f(j, where);
  world::TimedStimulus t;
  const long long activation = f.at("activation").integer();
  const long long at = f.at("t_ns").integer();
  if (activation < 0) f.at("activation").fail("negative");
  if (at < 0) f.at("t_ns").fail("negative");
  t.activation = static_cast<std::uint64_t>(activation);
  t.at = static_cast<SimTime>(at);
  world::Stimulus& s = t.stimulus;
  const std::string op = f.at("operation").string();
  if (op != "TimelineAction") {  // the API's operations act on one device
    const long long device = f.at("device").integer();
    if (device < 0 || device >= static_cast<long long>(devices))
      f.at("device").fail("no device " + std::to_string(device) + " in this run (it has " + std::to_string(devices) + ")");
    s.device = static_cast<std::uint32_t>(device);
  }
  if (op == "TimelineAction") {
    // Read again against the scenario, as when it was taken in: the same action at the same instant.
    s.kind = world::StimulusKind::Timeline;
    if (scenario == nullptr) f.at("operation").fail("a timeline action needs the run's scenario to be read");
    (void)f.at("action");  // present
    try {
      s.action = scenario::read_live_action(nlohmann::ordered_json::parse(line)["action"].dump(), *scenario, t.at,
                                            earlier);
    } catch (const scenario::LiveActionError& e) {
      throw aws::FileError(where + ": " + e.what());
    }
  } else if (op == "SendDataToWirelessDevice") {
    s.kind = world::StimulusKind::SendData;
    const long long message = f.at("message").integer();
    const long long keep = f.at("keep_for_ns").integer();
    if (message < 0 || message > 0xFFFFFFFFll) f.at("message").fail("not a message serial");
    if (keep < 0) f.at("keep_for_ns").fail("negative");
    s.message = static_cast<std::uint32_t>(message);
    s.payload = f.at("payload").base64();
    s.acknowledged = f.at("acknowledged").boolean();
    s.keep_for = static_cast<SimTime>(keep);
  } else if (op == "DeregisterWirelessDevice") {
    s.kind = world::StimulusKind::Deregister;
  } else if (op == "CreateWirelessDevice") {
    s.kind = world::StimulusKind::Create;
  } else {
    f.at("operation").fail("'" + op + "' is not an operation that changes the world");
  }
  const aws::JsonField request = f.at("request");
  if (!request.value().is_object()) request.fail("not an object");
  s.request = nlohmann::ordered_json::parse(line)["request"].dump();  // its members in their order
  return t;
}

std::optional<DownlinkMeta> downlink_meta(const world::Stimulus& s) {
  if (s.kind != world::StimulusKind::SendData || s.request.empty()) return std::nullopt;
  const nlohmann::json r = nlohmann::json::parse(s.request, nullptr, false);
  if (r.is_discarded() || !r.is_object()) return std::nullopt;
  DownlinkMeta m;
  m.message = s.message;
  m.message_id = r.value("MessageId", "");
  const nlohmann::json sw = r.value("WirelessMetadata", nlohmann::json::object()).value("Sidewalk", nlohmann::json::object());
  m.seq = sw.value("Seq", 0u);
  m.message_type = sw.value("MessageType", "CUSTOM_COMMAND_ID_NOTIFY");
  return m;
}

}  // namespace st::api
