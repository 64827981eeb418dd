// PcapTap: a sink on the way to the run recorder that also writes every radio frame to a PcapWriter; it asks the
// radio layer for the frame bytes.
#pragma once
#include "sim/metrics/metrics_sink.hpp"
#include "sim/output/pcap_writer.hpp"

namespace st::output {

class PcapTap : public metrics::ForwardingSink {
 public:
  // Both must outlive the tap.
  PcapTap(metrics::MetricsSink& inner, PcapWriter& writer) : ForwardingSink(inner), writer_(writer) {}

  void radio_frame(const metrics::RadioFrameRecord& r) override {
    ForwardingSink::radio_frame(r);
    writer_.write(r);
  }
  bool wants_frame_bytes() const override { return true; }

 private:
  PcapWriter& writer_;
};

}  // namespace st::output
