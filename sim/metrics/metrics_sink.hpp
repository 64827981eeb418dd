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
  virtual void link_switch(const LinkSwitchRecord&) {}
  virtual bool wants_keylog() const { return false; }
  virtual void keylog(const KeyLogRecord&) {}
  virtual void radio_frame(const RadioFrameRecord&) {}
  // Frame bytes cost a copy per frame in the radio layer: only sinks that write them (pcap) ask for them.
  virtual bool wants_frame_bytes() const { return false; }
  virtual bool wants_payloads() const { return false; }
  virtual void application_uplink(const ApplicationUplinkRecord&) {}
  virtual void downlink_status(const DownlinkStatusRecord&) {}
  virtual void downlink_queued(const DownlinkQueuedRecord&) {}
  virtual void uplink_fate(const UplinkFateRecord&) {}
  // Once, before the first event (physical layer only).
  virtual void placement(const PlacementRecord&) {}
  // At the end of the run.
  virtual void run_end(const RunEndRecord&) {}
  virtual void device_final(const DeviceFinalRecord&) {}
  virtual void tally(const TallyRecord&) {}
  virtual void gateway(const GatewayRecord&) {}
  virtual void battery(const BatteryRecord&) {}
  virtual void device_energy(const DeviceEnergyRecord&) {}
  virtual void energy_totals(const EnergyTotalsRecord&) {}
};

// A sink that passes every record on to another one: the base of sinks that look at some records on the way
// (the pcap tap) without repeating the whole interface.
class ForwardingSink : public MetricsSink {
 public:
  explicit ForwardingSink(MetricsSink& inner) : inner_(inner) {}

  void transition(const TransitionRecord& r) override { inner_.transition(r); }
  void refusal(const RefusalRecord& r) override { inner_.refusal(r); }
  void handshake(const HandshakeRecord& r) override { inner_.handshake(r); }
  void traffic(const TrafficRecord& r) override { inner_.traffic(r); }
  void notice(const NoticeRecord& r) override { inner_.notice(r); }
  void link_switch(const LinkSwitchRecord& r) override { inner_.link_switch(r); }
  bool wants_keylog() const override { return inner_.wants_keylog(); }
  void keylog(const KeyLogRecord& r) override { inner_.keylog(r); }
  void radio_frame(const RadioFrameRecord& r) override { inner_.radio_frame(r); }
  bool wants_frame_bytes() const override { return inner_.wants_frame_bytes(); }
  bool wants_payloads() const override { return inner_.wants_payloads(); }
  void application_uplink(const ApplicationUplinkRecord& r) override { inner_.application_uplink(r); }
  void downlink_status(const DownlinkStatusRecord& r) override { inner_.downlink_status(r); }
  void downlink_queued(const DownlinkQueuedRecord& r) override { inner_.downlink_queued(r); }
  void uplink_fate(const UplinkFateRecord& r) override { inner_.uplink_fate(r); }
  void placement(const PlacementRecord& r) override { inner_.placement(r); }
  void run_end(const RunEndRecord& r) override { inner_.run_end(r); }
  void device_final(const DeviceFinalRecord& r) override { inner_.device_final(r); }
  void tally(const TallyRecord& r) override { inner_.tally(r); }
  void gateway(const GatewayRecord& r) override { inner_.gateway(r); }
  void battery(const BatteryRecord& r) override { inner_.battery(r); }
  void device_energy(const DeviceEnergyRecord& r) override { inner_.device_energy(r); }
  void energy_totals(const EnergyTotalsRecord& r) override { inner_.energy_totals(r); }

 private:
  MetricsSink& inner_;
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
