// AirInterface: the one seam between the device lifecycle and whatever carries a device's messages to the
// network server and back: the explicit link model (ExplicitAir) or the radio access network (RadioAccessNetwork).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "models/channel/link_type.hpp"
#include "models/base/lifecycle_enums.hpp"
#include "models/base/report_kinds.hpp"
#include "sim/kernel/random_stream.hpp"
#include "sim/kernel/sim_time.hpp"

namespace st::models {

// A calendar entry to schedule when a message arrives (or is known lost): the receiving model's event.
struct Continuation {
  std::uint8_t target = 0;
  std::uint16_t kind = 0;
  std::uint32_t device = 0;
  std::uint32_t arg = 0;
};

struct AirMessage {
  std::uint32_t device = 0;
  LinkType link = LinkType::Ble;
  RegistrationPath via = RegistrationPath::Gateway;   // through a gateway, or the developer's phone (BLE)
  MessageClass cls = MessageClass::Uplink;
  std::span<const std::uint8_t> bytes;                // the message as sent (its size sets the airtime)
  SimTime depart = 0;                                 // when the sender is ready (>= now)
  SimTime relay = 0;                                  // phone <-> cloud leg (mobile app path), added after the air
  Continuation arrived;                               // scheduled when the message reaches the far end
  std::optional<Continuation> lost;                   // scheduled when it is known lost (else nothing happens)
  // Scheduled instead of `lost` when an uplink on a link that acknowledges frames (acknowledges_uplinks) was lost
  // on the air, its retries spent: the device knows its link failed. (Lost beyond the gateway: `lost`.)
  std::optional<Continuation> link_failed;
};

class AirInterface {
 public:
  virtual ~AirInterface() = default;
  // The first link of `links`, from index `from` on and then from the start, that the device can use now
  // (registration: BLE or FSK only): its index in `links`, or nullopt (none, or the device's battery is empty).
  std::optional<std::size_t> pick_link(std::uint32_t device, const std::vector<LinkType>& links, bool for_registration,
                                       std::size_t from = 0) const {
    if (!powered(device) || links.empty()) return std::nullopt;
    for (std::size_t i = 0; i < links.size(); ++i) {
      const std::size_t k = (from + i) % links.size();
      if (for_registration && !can_register_over(links[k])) continue;
      if (reachable(device, links[k])) return k;
    }
    return std::nullopt;
  }
  // Whether some gateway can carry the device's messages on `link` now.
  virtual bool reachable(std::uint32_t device, LinkType link) const = 0;
  // Device -> network server (or phone -> cloud). Draws from the device's random stream `rng`.
  virtual void to_cloud(const AirMessage& m, RandomStream& rng) = 0;
  // Network server -> device, on m.link (downlinks leave on the link of the last uplink).
  virtual void to_device(const AirMessage& m, RandomStream& rng) = 0;
  // False once the device's battery is empty: it sends and hears nothing more.
  virtual bool powered(std::uint32_t /*device*/) const { return true; }
  // How much longer than the cloud's own answer time a response to the device takes on `link` (waiting
  // for its receive windows, connection events): the device's acknowledgement timeout adds it.
  virtual SimTime response_allowance(std::uint32_t /*device*/, LinkType /*link*/) const { return 0; }
  // The device's MCU computes for `busy` (crypto, firmware): charged to its battery under `cls`.
  virtual void device_compute(std::uint32_t /*device*/, SimTime /*busy*/, MessageClass /*cls*/) {}
};

}  // namespace st::models
