// MetricsSink: the one place models report to. Models never print or open files; the outputs layer
// implements this interface (run directory writer, live telemetry) above them.
#pragma once
#include "sim/metrics/records.hpp"

namespace st::metrics {

class MetricsSink {
 public:
  virtual ~MetricsSink() = default;
  virtual void transition(const TransitionRecord& r) = 0;
  virtual void refusal(const RefusalRecord& r) = 0;
  virtual void handshake(const HandshakeRecord& r) = 0;
  virtual void traffic(const TrafficRecord& r) = 0;
  virtual void notice(const NoticeRecord& r) = 0;
  virtual bool wants_keylog() const { return false; }
  virtual void keylog(const KeyLogRecord&) {}
  virtual void radio_frame(const RadioFrameRecord&) {}
  // Frame bytes cost a copy per frame in the radio layer: only sinks that write them (pcap) ask for them.
  virtual bool wants_frame_bytes() const { return false; }
};

// A sink that discards everything (for tests and micro-benchmarks).
class NullSink : public MetricsSink {
 public:
  void transition(const TransitionRecord&) override {}
  void refusal(const RefusalRecord&) override {}
  void handshake(const HandshakeRecord&) override {}
  void traffic(const TrafficRecord&) override {}
  void notice(const NoticeRecord&) override {}
};

}  // namespace st::metrics
