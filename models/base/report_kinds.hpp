// The kinds the twin's records name besides causes: who acted or refused (Actor), what was refused (Refused), the
// outcome of an uplink or downlink (TrafficOutcome), what a notice is about (NoticeKind), what a radio frame carried
// (MessageClass) and what became of it (FrameOutcome). Records carry them; the outputs name them.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace st::models {

enum class Actor : std::uint8_t {
  Device,
  NetworkServer,
  CloudPartner,
  ApplicationServer,
  Ingest,
  ContractManufacturer,
  Gateways,
  Timeline,
};

constexpr std::string_view to_string(Actor a) {
  switch (a) {
    case Actor::Device: return "device";
    case Actor::NetworkServer: return "network_server";
    case Actor::CloudPartner: return "cloud_partner";
    case Actor::ApplicationServer: return "application_server";
    case Actor::Ingest: return "ingest";
    case Actor::ContractManufacturer: return "contract_manufacturer";
    case Actor::Gateways: return "gateways";
    case Actor::Timeline: return "timeline";
  }
  return "?";
}

// What a refusal refused.
enum class Refused : std::uint8_t { Uplink, Downlink, Handshake, IngestRecord, Provisioning };

constexpr std::string_view to_string(Refused r) {
  switch (r) {
    case Refused::Uplink: return "uplink";
    case Refused::Downlink: return "downlink";
    case Refused::Handshake: return "handshake";
    case Refused::IngestRecord: return "ingest_record";
    case Refused::Provisioning: return "provisioning";
  }
  return "?";
}

// The way a frame or a message goes: device to cloud, or cloud to device.
enum class Direction : std::uint8_t { Uplink = 0, Downlink = 1 };
constexpr std::string_view to_string(Direction d) { return d == Direction::Uplink ? "uplink" : "downlink"; }

enum class TrafficOutcome : std::uint8_t { Sent, Delivered, Rejected, Dropped, Duplicate };
inline constexpr std::size_t kTrafficOutcomeCount = 5;

constexpr std::string_view to_string(TrafficOutcome o) {
  switch (o) {
    case TrafficOutcome::Sent: return "sent";
    case TrafficOutcome::Delivered: return "delivered";
    case TrafficOutcome::Rejected: return "rejected";
    case TrafficOutcome::Dropped: return "dropped";
    case TrafficOutcome::Duplicate: return "duplicate";
  }
  return "?";
}

// Why a device moved to another of its links: its registration attempts kept failing on one link, an uplink
// failed on one link, or its while on another link for uplinks is over (traffic.back_to_preferred_after).
enum class LinkSwitchCause : std::uint8_t { Registration, Uplink, BackToPreferred };

constexpr std::string_view to_string(LinkSwitchCause c) {
  switch (c) {
    case LinkSwitchCause::Registration: return "registration";
    case LinkSwitchCause::Uplink: return "uplink";
    case LinkSwitchCause::BackToPreferred: return "back_to_preferred";
  }
  return "?";
}

// What a notice reports; a timeline action's notice also names the action (ActionKind).
enum class NoticeKind : std::uint8_t {
  OutageStart,
  OutageEnd,
  FactoryNotified,
  BatteryDepleted,
  LinkSwitch,
  TimelineAction,
};

constexpr std::string_view to_string(NoticeKind k) {
  switch (k) {
    case NoticeKind::OutageStart: return "outage_start";
    case NoticeKind::OutageEnd: return "outage_end";
    case NoticeKind::FactoryNotified: return "factory_notified";
    case NoticeKind::BatteryDepleted: return "battery_depleted";
    case NoticeKind::LinkSwitch: return "link_switch";
    case NoticeKind::TimelineAction: return "timeline_action";
  }
  return "?";
}

// What a message is, for airtime accounting, energy attribution and the pcap file.
enum class MessageClass : std::uint8_t { Registration, Uplink, Ack, Downlink };
inline constexpr std::size_t kMessageClassCount = 4;

constexpr std::string_view to_string(MessageClass c) {
  switch (c) {
    case MessageClass::Registration: return "registration";
    case MessageClass::Uplink: return "uplink";
    case MessageClass::Ack: return "ack";
    case MessageClass::Downlink: return "downlink";
  }
  return "?";
}

// What became of a radio frame at its receiver.
enum class FrameOutcome : std::uint8_t {
  Received,
  BelowSensitivity,  // too weak (or too noisy) to decode
  Collision,         // an overlapping frame on its channel that it did not beat by the capture threshold
  HalfDuplex,        // its receiver was transmitting
  GatewayBusy,       // every demodulator of its gateway was locked on earlier frames
  GatewayDown,       // an outage of its gateway touched it
  BatteryDepleted,   // the device's battery ran out meanwhile
};

inline constexpr std::size_t kFrameOutcomeCount = static_cast<std::size_t>(FrameOutcome::BatteryDepleted) + 1;

constexpr std::string_view to_string(FrameOutcome o) {
  switch (o) {
    case FrameOutcome::Received: return "received";
    case FrameOutcome::BelowSensitivity: return "below_sensitivity";
    case FrameOutcome::Collision: return "collision";
    case FrameOutcome::HalfDuplex: return "half_duplex";
    case FrameOutcome::GatewayBusy: return "gateway_busy";
    case FrameOutcome::GatewayDown: return "gateway_down";
    case FrameOutcome::BatteryDepleted: return "battery_depleted";
  }
  return "?";
}

}  // namespace st::models
