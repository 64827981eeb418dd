// PcapWriter: the --pcap file. Every radio frame of a run as one record of a classic libpcap file (nanosecond
// timestamps, LINKTYPE_USER0) carrying a fixed little-endian pseudo-header and the frame bytes (docs/pcap.md).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <utility>

#include "sim/metrics/records.hpp"

namespace st::output {

namespace pcap {

// ---- the classic pcap global header ---------------------------------------------------------------------------
inline constexpr std::uint32_t kMagicNanosecond = 0xa1b2'3c4du;  // timestamps are seconds + nanoseconds
inline constexpr std::uint16_t kVersionMajor = 2;
inline constexpr std::uint16_t kVersionMinor = 4;
inline constexpr std::uint32_t kSnapLen = 65535;
inline constexpr std::uint32_t kLinkTypeUser0 = 147;  // LINKTYPE_USER0 (DLT_USER0); Wireshark wtap encap 45
inline constexpr std::size_t kGlobalHeaderSize = 24;
inline constexpr std::size_t kRecordHeaderSize = 16;  // ts_sec, ts_nsec, incl_len, orig_len

// ---- the pseudo-header in front of every frame (all multi-byte fields little-endian) ---------------------------
inline constexpr std::uint8_t kPseudoMagic0 = 0x53;  // 'S'
inline constexpr std::uint8_t kPseudoMagic1 = 0x57;  // 'W'
inline constexpr std::uint8_t kPseudoVersion = 1;
inline constexpr std::size_t kPseudoHeaderSize = 44;

// Field offsets within the pseudo-header (sizes in the comments; docs/pcap.md has the table).
inline constexpr std::size_t kOffMagic = 0;         // 2  'S' 'W'
inline constexpr std::size_t kOffVersion = 2;       // 1  kPseudoVersion
inline constexpr std::size_t kOffHeaderLength = 3;  // 1  kPseudoHeaderSize
inline constexpr std::size_t kOffFlags = 4;         // 1  kFlag*
inline constexpr std::size_t kOffLink = 5;          // 1  1 BLE, 2 FSK, 4 CSS
inline constexpr std::size_t kOffDirection = 6;     // 1  0 uplink (device -> gateway), 1 downlink
inline constexpr std::size_t kOffMessage = 7;       // 1  MessageKind
inline constexpr std::size_t kOffOutcome = 8;       // 1  FrameOutcome
inline constexpr std::size_t kOffReserved1 = 9;     // 1  0
inline constexpr std::size_t kOffChannel = 10;      // 2  uint16
inline constexpr std::size_t kOffDeviceType = 12;   // 2  uint16
inline constexpr std::size_t kOffRssi = 14;         // 2  int16, 0.01 dBm (kUnknownCenti: not a number)
inline constexpr std::size_t kOffSnr = 16;          // 2  int16, 0.01 dB (kUnknownCenti: not a number)
inline constexpr std::size_t kOffReserved2 = 18;    // 2  0
inline constexpr std::size_t kOffFrequency = 20;    // 4  uint32, Hz
inline constexpr std::size_t kOffDevice = 24;       // 4  uint32 (0xFFFFFFFF: none, e.g. a gateway beacon)
inline constexpr std::size_t kOffGateway = 28;      // 4  uint32 (0xFFFFFFFF: none, e.g. the mobile app)
inline constexpr std::size_t kOffPhyLength = 32;    // 4  uint32, PHY payload bytes on the air
inline constexpr std::size_t kOffAirtime = 36;      // 8  uint64, ns on the air (end - start)

inline constexpr std::uint8_t kFlagNoBytes = 0x01;       // the frame bytes were not captured: header only
inline constexpr std::uint8_t kFlagPartialBytes = 0x02;  // fewer bytes captured than the PHY length
inline constexpr std::int16_t kUnknownCenti = -32768;    // RSSI/SNR that is not a number
inline constexpr std::uint32_t kNone = 0xFFFF'FFFFu;     // device or gateway: none

// ---- code tables: the record's message class and frame outcome as the one-byte codes of the format -------------
enum class MessageKind : std::uint8_t { Registration = 1, Uplink = 2, Ack = 3, Downlink = 4, Beacon = 5, Other = 0xFF };
enum class FrameOutcome : std::uint8_t {
  Received = 0,
  BelowSensitivity = 1,
  Collision = 2,
  HalfDuplex = 3,
  GatewayBusy = 4,
  GatewayDown = 5,
  Backhaul = 6,         // reserved: backhaul losses are not radio frames (gateways.csv counts them)
  BatteryDepleted = 7,  // the frame's own charge emptied the device's battery
  Other = 0xFF
};

constexpr MessageKind code_of(models::MessageClass c) {
  switch (c) {
    case models::MessageClass::Registration: return MessageKind::Registration;
    case models::MessageClass::Uplink: return MessageKind::Uplink;
    case models::MessageClass::Ack: return MessageKind::Ack;
    case models::MessageClass::Downlink: return MessageKind::Downlink;
  }
  return MessageKind::Other;
}
constexpr FrameOutcome code_of(models::FrameOutcome o) {
  switch (o) {
    case models::FrameOutcome::Received: return FrameOutcome::Received;
    case models::FrameOutcome::BelowSensitivity: return FrameOutcome::BelowSensitivity;
    case models::FrameOutcome::Collision: return FrameOutcome::Collision;
    case models::FrameOutcome::HalfDuplex: return FrameOutcome::HalfDuplex;
    case models::FrameOutcome::GatewayBusy: return FrameOutcome::GatewayBusy;
    case models::FrameOutcome::GatewayDown: return FrameOutcome::GatewayDown;
    case models::FrameOutcome::BatteryDepleted: return FrameOutcome::BatteryDepleted;
  }
  return FrameOutcome::Other;
}

using PseudoHeader = std::array<std::uint8_t, kPseudoHeaderSize>;

// The pseudo-header of one frame, exactly as written to the file (flags from the record's bytes and length).
PseudoHeader pseudo_header(const metrics::RadioFrameRecord& r);

}  // namespace pcap

class PcapWriter {
 public:
  // Opens (truncates) `path` and writes the global header; std::runtime_error naming the path and the cause if
  // it cannot.
  explicit PcapWriter(const std::filesystem::path& path);
  ~PcapWriter();  // closes; never throws (call close() to see write errors)
  PcapWriter(const PcapWriter&) = delete;
  PcapWriter& operator=(const PcapWriter&) = delete;

  // One pcap record: timestamp = r.start, data = pseudo-header + r.bytes (at most the snap length),
  // orig_len = pseudo-header + max(r.length, r.bytes.size()). std::runtime_error on a write error, on a start
  // time past 2^32 s, or after close().
  void write(const metrics::RadioFrameRecord& r);
  void flush();  // std::runtime_error on a write error
  void close();  // flushes and closes; idempotent; std::runtime_error on a write error

  bool is_open() const { return out_.is_open(); }
  std::uint64_t frames() const { return frames_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  void check(const char* what);

  std::filesystem::path path_;
  std::ofstream out_;
  std::uint64_t frames_ = 0;
};

}  // namespace st::output
