// StimulusLog: stimuli.jsonl, the run's record of every outside call that changed the world (the API's, a telemetry
// client's timeline actions), one JSON object per line: the activation after which it was taken in, the simulated
// time it took effect, the operation, the device or the action, what the world needs to apply it again, and the
// request as it was taken. --replay-stimuli reads it back.
#pragma once
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"
#include "sim/world/stimulus.hpp"

namespace st::api {

class StimulusLogWriter {
 public:
  explicit StimulusLogWriter(const std::filesystem::path& file);  // throws std::runtime_error when it cannot
  void write(const world::TimedStimulus& s);                     // one line, flushed (the record survives a crash)
  void close();                                                   // throws when a write failed

 private:
  std::filesystem::path file_;
  std::ofstream out_;
};

// Reads a stimulus log; throws aws::FileError ("FILE:LINE: cause") for a line that is not one this twin wrote, a
// device index not below `devices`, a timeline action the scenario refuses, or activations out of order.
// `scenario`: the run's, against which timeline actions are read again (without it, a timeline action is an error).
std::vector<world::TimedStimulus> read_stimulus_log(const std::filesystem::path& file, std::uint32_t devices,
                                                    const scenario::Scenario* scenario = nullptr);
// One line of it; `where` ("FILE:LINE") starts the error; `earlier`: the timeline actions of the lines before it.
world::TimedStimulus parse_stimulus_line(std::string_view line, const std::string& where, std::uint32_t devices,
                                         const scenario::Scenario* scenario = nullptr,
                                         const std::vector<scenario::Action>& earlier = {});

// What the AWS-shaped records say of a downlink (its MessageId, Seq and MessageType), from its stimulus's request.
struct DownlinkMeta {
  std::uint32_t message = 0;
  std::string message_id;
  std::uint32_t seq = 0;
  std::string message_type;
};
std::optional<DownlinkMeta> downlink_meta(const world::Stimulus& s);

}  // namespace st::api
