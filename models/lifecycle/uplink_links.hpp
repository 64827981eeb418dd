// UplinkLinks: which of its links a registered device sends its uplinks on. It starts on the first link of its type's
// list that has a gateway in reach; an uplink that fails on a link moves it to the next one (CSS included), and
// after traffic.back_to_preferred_after it tries its first link again. Each move is reported (a link_switch notice).
#pragma once
#include <cstdint>
#include <optional>

#include "models/lifecycle/slot_map.hpp"
#include "models/lifecycle/twin_context.hpp"

namespace st::models {

class UplinkLinks {
 public:
  explicit UplinkLinks(TwinContext& ctx) : ctx_(ctx) {}

  // The index (in the device type's list) of the link the device's next uplink goes on now, or nullopt when no
  // gateway is in reach on any of them. Moves the device back to its first link once its while away is over.
  std::optional<std::size_t> choose(std::uint32_t device);
  // An uplink failed on the link at `index`: the device moves to the next link of its list it can reach. False
  // when there is none other (it stays where it is).
  bool fall_back(std::uint32_t device, std::size_t index);
  // The device starts over on its first link (de-registered, or reset).
  void forget(std::uint32_t device) { away_.erase(device); }

 private:
  // A device away from its first link: where it is, and when it tries its first link again.
  struct Away {
    SimTime until = 0;
    std::uint8_t index = 0;
  };
  void report(std::uint32_t device, std::size_t from, std::size_t to, LinkSwitchCause cause) const;

  TwinContext& ctx_;
  SlotMap<Away> away_;  // only devices away from their first link
};

}  // namespace st::models
