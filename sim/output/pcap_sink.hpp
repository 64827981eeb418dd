// PcapTap: a MetricsSink decorator that forwards every record to an inner sink (the run recorder) and also writes
// every radio frame to a PcapWriter; it asks the radio layer for the frame bytes.
#pragma once
#include "sim/metrics/metrics_sink.hpp"
#include "sim/output/pcap_writer.hpp"

namespace st::output {

class PcapTap : public metrics::MetricsSink {
 public:
  // Both must outlive the tap.
  PcapTap(metrics::MetricsSink& inner, PcapWriter& writer) : inner_(inner), writer_(writer) {}

  void transition(const metrics::TransitionRecord& r) override { inner_.transition(r); }
  void refusal(const metrics::RefusalRecord& r) override { inner_.refusal(r); }
  void handshake(const metrics::HandshakeRecord& r) override { inner_.handshake(r); }
  void traffic(const metrics::TrafficRecord& r) override { inner_.traffic(r); }
  void notice(const metrics::NoticeRecord& r) override { inner_.notice(r); }
  bool wants_keylog() const override { return inner_.wants_keylog(); }
  void keylog(const metrics::KeyLogRecord& r) override { inner_.keylog(r); }
  void radio_frame(const metrics::RadioFrameRecord& r) override {
    inner_.radio_frame(r);
    writer_.write(r);
  }
  bool wants_frame_bytes() const override { return true; }

 private:
  metrics::MetricsSink& inner_;
  PcapWriter& writer_;
};

}  // namespace st::output
