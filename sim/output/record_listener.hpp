// RecordListener: receives every record of a run as a JSON line while the run writes it: state samples,
// counter samples, handshakes and events (docs/telemetry.md). The live telemetry server is one.
#pragma once
#include <string_view>

namespace st::output {

class RecordListener {
 public:
  virtual ~RecordListener() = default;
  // One record: a JSON object on one line, without the newline; its "type" is "states", "counters",
  // "handshake" or "event".
  virtual void record(std::string_view json_line) = 0;
};

}  // namespace st::output
