// Sealing and opening the two protection layers.
#include "models/security/secure_frame.hpp"

#include <array>
#include <stdexcept>

#include "models/security/primitives.hpp"
#include "models/security/wire.hpp"

namespace st::security {

models::Cause cause_of(FrameError e) {
  using models::Cause;
  switch (e) {
    case FrameError::None: return Cause::None;
    case FrameError::Malformed: return Cause::Malformed;
    case FrameError::Replay: return Cause::Replay;
    case FrameError::Forged: return Cause::Forged;
    case FrameError::StaleKey: return Cause::StaleKey;
    case FrameError::NoSession: return Cause::NoSession;
  }
  return Cause::Malformed;
}

std::string_view to_string(FrameError e) { return e == FrameError::None ? "none" : models::to_string(cause_of(e)); }

namespace {
constexpr std::uint8_t kLayerNetwork = 0x4e;  // 'N'
constexpr std::uint8_t kLayerApp = 0x41;      // 'A'

// IV = layer (1) || direction (1) || epoch (1) || 0x00 x 5 || counter (4, BE).
std::array<std::uint8_t, kGcmIvSize> make_iv(std::uint8_t layer, Direction dir, std::uint8_t epoch,
                                             std::uint32_t counter) {
  std::array<std::uint8_t, kGcmIvSize> iv{};
  iv[0] = layer;
  iv[1] = static_cast<std::uint8_t>(dir);
  iv[2] = epoch;
  iv[8] = static_cast<std::uint8_t>(counter >> 24);
  iv[9] = static_cast<std::uint8_t>(counter >> 16);
  iv[10] = static_cast<std::uint8_t>(counter >> 8);
  iv[11] = static_cast<std::uint8_t>(counter);
  return iv;
}

void require_session(const SessionKey& k) {
  if (!k.valid) throw std::logic_error("sealing without a session key");
}

Bytes seal_with_header(const SessionKey& key, std::uint8_t layer, Direction dir, std::uint32_t counter, Bytes header,
                       std::span<const std::uint8_t> plaintext) {
  const auto iv = make_iv(layer, dir, key.epoch, counter);
  const Bytes sealed = aes128_gcm_seal(key.key, iv, header, plaintext);
  header.insert(header.end(), sealed.begin(), sealed.end());
  return header;
}
}  // namespace

std::optional<FrameHeader> parse_frame_header(std::span<const std::uint8_t> frame) {
  if (frame.size() < kNetworkHeaderSize) return std::nullopt;
  wire::Reader r(frame.first(kNetworkHeaderSize));
  FrameHeader h;
  std::uint8_t dir = 0;
  r.u8(h.version);
  r.u8(dir);
  r.u8(h.epoch);
  r.u32(h.sender_id);
  r.u32(h.counter);
  if (h.version != kFrameVersion || dir > 1) return std::nullopt;
  h.direction = static_cast<Direction>(dir);
  return h;
}

Bytes seal_frame(const SessionKey& key, Direction dir, std::uint32_t sender_id, std::uint32_t counter,
                 std::span<const std::uint8_t> plaintext) {
  require_session(key);
  Bytes header;
  header.reserve(kNetworkOverhead + plaintext.size());
  wire::put_u8(header, kFrameVersion);
  wire::put_u8(header, static_cast<std::uint8_t>(dir));
  wire::put_u8(header, key.epoch);
  wire::put_u32(header, sender_id);
  wire::put_u32(header, counter);
  return seal_with_header(key, kLayerNetwork, dir, counter, std::move(header), plaintext);
}

FrameError open_frame(const SessionKey& key, Direction dir, std::span<const std::uint8_t> frame, ReplayWindow& window,
                      Bytes& plaintext_out, std::uint32_t* counter_out) {
  if (!key.valid) return FrameError::NoSession;
  const auto h = parse_frame_header(frame);
  if (!h || h->direction != dir || frame.size() < kNetworkOverhead) return FrameError::Malformed;
  if (h->epoch != key.epoch) return FrameError::StaleKey;
  if (!window.check(h->counter)) return FrameError::Replay;
  const auto iv = make_iv(kLayerNetwork, dir, h->epoch, h->counter);
  if (!aes128_gcm_open_into(key.key, iv, frame.first(kNetworkHeaderSize), frame.subspan(kNetworkHeaderSize),
                            plaintext_out))
    return FrameError::Forged;
  window.update(h->counter);
  if (counter_out != nullptr) *counter_out = h->counter;
  return FrameError::None;
}

Bytes seal_app_payload(const SessionKey& app, Direction dir, std::uint32_t counter,
                       std::span<const std::uint8_t> payload) {
  require_session(app);
  Bytes header;
  header.reserve(kAppOverhead + payload.size());
  wire::put_u8(header, kAppTypeData);
  wire::put_u8(header, app.epoch);
  wire::put_u32(header, counter);
  return seal_with_header(app, kLayerApp, dir, counter, std::move(header), payload);
}

FrameError open_app_payload(const SessionKey& app, Direction dir, std::span<const std::uint8_t> sealed,
                            ReplayWindow& window, Bytes& payload_out, std::uint32_t* counter_out) {
  if (!app.valid) return FrameError::NoSession;
  if (sealed.size() < kAppOverhead) return FrameError::Malformed;
  wire::Reader r(sealed.first(kAppHeaderSize));
  std::uint8_t type = 0;
  std::uint8_t epoch = 0;
  std::uint32_t counter = 0;
  r.u8(type);
  r.u8(epoch);
  r.u32(counter);
  if (type != kAppTypeData) return FrameError::Malformed;
  if (epoch != app.epoch) return FrameError::StaleKey;
  if (!window.check(counter)) return FrameError::Replay;
  const auto iv = make_iv(kLayerApp, dir, epoch, counter);
  if (!aes128_gcm_open_into(app.key, iv, sealed.first(kAppHeaderSize), sealed.subspan(kAppHeaderSize), payload_out))
    return FrameError::Forged;
  window.update(counter);
  if (counter_out != nullptr) *counter_out = counter;
  return FrameError::None;
}

Bytes seal_uplink_application(const SessionKey& app, std::uint32_t app_counter, std::span<const std::uint8_t> payload) {
  return seal_app_payload(app, Direction::Uplink, app_counter, payload);
}

Bytes seal_uplink_network(const SessionKey& net, std::uint32_t sender_id, std::uint32_t net_counter,
                          std::span<const std::uint8_t> app_part) {
  return seal_frame(net, Direction::Uplink, sender_id, net_counter, app_part);
}

Bytes seal_uplink(const SessionKey& app, const SessionKey& net, std::uint32_t sender_id, std::uint32_t app_counter,
                  std::uint32_t net_counter, std::span<const std::uint8_t> payload) {
  return seal_uplink_network(net, sender_id, net_counter, seal_uplink_application(app, app_counter, payload));
}

FrameError open_uplink_network(const SessionKey& net, std::span<const std::uint8_t> frame, ReplayWindow& net_window,
                               Bytes& app_part_out, std::uint32_t* counter_out) {
  return open_frame(net, Direction::Uplink, frame, net_window, app_part_out, counter_out);
}

FrameError open_uplink_application(const SessionKey& app, std::span<const std::uint8_t> app_part,
                                   ReplayWindow& app_window, Bytes& payload_out, std::uint32_t* counter_out) {
  return open_app_payload(app, Direction::Uplink, app_part, app_window, payload_out, counter_out);
}

Bytes seal_downlink_application(const SessionKey& app, std::uint32_t app_counter, std::span<const std::uint8_t> payload) {
  return seal_app_payload(app, Direction::Downlink, app_counter, payload);
}

Bytes seal_downlink_network(const SessionKey& net, std::uint32_t sender_id, std::uint32_t net_counter,
                            std::span<const std::uint8_t> app_part) {
  return seal_frame(net, Direction::Downlink, sender_id, net_counter, app_part);
}

Bytes seal_downlink(const SessionKey& app, const SessionKey& net, std::uint32_t sender_id, std::uint32_t app_counter,
                    std::uint32_t net_counter, std::span<const std::uint8_t> payload) {
  return seal_downlink_network(net, sender_id, net_counter, seal_downlink_application(app, app_counter, payload));
}

FrameError open_downlink(const SessionKey& app, const SessionKey& net, std::span<const std::uint8_t> frame,
                         ReplayWindow& net_window, ReplayWindow& app_window, Bytes& payload_out) {
  if (!app.valid || !net.valid) return FrameError::NoSession;
  Bytes app_part;
  if (const FrameError e = open_frame(net, Direction::Downlink, frame, net_window, app_part); e != FrameError::None)
    return e;
  return open_app_payload(app, Direction::Downlink, app_part, app_window, payload_out);
}

}  // namespace st::security
