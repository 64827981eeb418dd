// Traffic protection: a network frame (AES-128-GCM, network key, endpoint <-> SNS) carrying the application
// payload (AES-128-GCM, application key, endpoint <-> application server); counter nonces, replay windows.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "models/base/cause.hpp"
#include "models/base/report_kinds.hpp"
#include "models/security/bytes.hpp"
#include "models/security/replay_window.hpp"
#include "models/security/session_key.hpp"

namespace st::security {

using models::Direction;
enum class FrameError { None, Malformed, Replay, Forged, StaleKey, NoSession };
// The cause a refusal for `e` reports (Cause::None for None), and its name ("none" for None).
models::Cause cause_of(FrameError e);
std::string_view to_string(FrameError e);

inline constexpr std::uint8_t kFrameVersion = 1;
inline constexpr std::uint8_t kAppTypeData = 0x01;
inline constexpr std::size_t kNetworkHeaderSize = 11;  // version, direction, epoch, sender id (4), counter (4)
inline constexpr std::size_t kAppHeaderSize = 6;       // type, epoch, counter (4)
inline constexpr std::size_t kFrameTagSize = 16;
inline constexpr std::size_t kNetworkOverhead = kNetworkHeaderSize + kFrameTagSize;  // 27
inline constexpr std::size_t kAppOverhead = kAppHeaderSize + kFrameTagSize;          // 22
inline constexpr std::size_t kFrameOverhead = kNetworkOverhead + kAppOverhead;      // 49 per payload

struct FrameHeader {
  std::uint8_t version = kFrameVersion;
  Direction direction = Direction::Uplink;
  std::uint8_t epoch = 0;
  std::uint32_t sender_id = 0;
  std::uint32_t counter = 0;
};

// The clear network header (e.g. to look up the sender's session by sender id); nullopt if too short, of an
// unknown version or direction.
std::optional<FrameHeader> parse_frame_header(std::span<const std::uint8_t> frame);

// ---- one layer -------------------------------------------------------------------------------------------------
// Network layer. seal_* throw std::logic_error on a key that is not valid (no session: nothing to send with).
Bytes seal_frame(const SessionKey& key, Direction dir, std::uint32_t sender_id, std::uint32_t counter,
                 std::span<const std::uint8_t> plaintext);
// Order: no valid key -> NoSession; parse (or direction mismatch) -> Malformed; epoch != key epoch -> StaleKey;
// window check -> Replay; AEAD open -> Forged; then (only then) the window is updated.
FrameError open_frame(const SessionKey& key, Direction dir, std::span<const std::uint8_t> frame, ReplayWindow& window,
                      Bytes& plaintext_out, std::uint32_t* counter_out = nullptr);

// Application layer: the same order of checks.
Bytes seal_app_payload(const SessionKey& app, Direction dir, std::uint32_t counter, std::span<const std::uint8_t> payload);
FrameError open_app_payload(const SessionKey& app, Direction dir, std::span<const std::uint8_t> sealed,
                            ReplayWindow& window, Bytes& payload_out, std::uint32_t* counter_out = nullptr);

// ---- both layers: what the traffic path runs (docs/security.md, "Traffic protection") ---------------------------
// Every uplink and downlink is an application part (application layer, application key, 6-byte header, IV 'A')
// inside a network frame (network layer, network key, 11-byte header, IV 'N'): 49 bytes over the payload.
// Device: seal the application part once, wrap it in a new network frame per transmission. Network server: open
// the outer layer (yields the application part for the AS). Application server: open the inner layer.
Bytes seal_uplink_application(const SessionKey& app, std::uint32_t app_counter, std::span<const std::uint8_t> payload);
Bytes seal_uplink_network(const SessionKey& net, std::uint32_t sender_id, std::uint32_t net_counter,
                          std::span<const std::uint8_t> app_part);
Bytes seal_uplink(const SessionKey& app, const SessionKey& net, std::uint32_t sender_id, std::uint32_t app_counter,
                  std::uint32_t net_counter, std::span<const std::uint8_t> payload);
FrameError open_uplink_network(const SessionKey& net, std::span<const std::uint8_t> frame, ReplayWindow& net_window,
                               Bytes& app_part_out, std::uint32_t* counter_out = nullptr);
FrameError open_uplink_application(const SessionKey& app, std::span<const std::uint8_t> app_part,
                                   ReplayWindow& app_window, Bytes& payload_out, std::uint32_t* counter_out = nullptr);

// Application server: seal the inner layer of a downlink; network server: wrap it; or both at once. Device: open
// both layers (outer first; the outer window is updated once the outer layer authenticates).
Bytes seal_downlink_application(const SessionKey& app, std::uint32_t app_counter, std::span<const std::uint8_t> payload);
Bytes seal_downlink_network(const SessionKey& net, std::uint32_t sender_id, std::uint32_t net_counter,
                            std::span<const std::uint8_t> app_part);
Bytes seal_downlink(const SessionKey& app, const SessionKey& net, std::uint32_t sender_id, std::uint32_t app_counter,
                    std::uint32_t net_counter, std::span<const std::uint8_t> payload);
FrameError open_downlink(const SessionKey& app, const SessionKey& net, std::span<const std::uint8_t> frame,
                         ReplayWindow& net_window, ReplayWindow& app_window, Bytes& payload_out);

}  // namespace st::security
