// FramePool: the radio frames and cloud messages in flight, in reusable slots; calendar entries carry a
// slot number instead of the bytes.
#pragma once
#include <cstdint>
#include <vector>

#include "models/channel/link_type.hpp"
#include "models/security/bytes.hpp"

namespace st::models {

enum class FrameOrigin : std::uint8_t { Device, Replayed, Forged };

struct FrameSlot {
  security::Bytes bytes;
  std::uint32_t device = 0;
  std::uint32_t tx_id = 0;         // the device's transmission this frame belongs to
  std::uint32_t message = 0;       // the uplink message it carries (UplinkMessages)
  bool to_application = false;     // passed the network server, on its way to the application server
  std::uint16_t generation = 0;    // the device generation it was sent in
  FrameOrigin origin = FrameOrigin::Device;
  LinkType link = LinkType::Ble;   // the link it crosses (a MAC acknowledgement answers on the uplink's link)
  bool in_use = false;
};

class FramePool {
 public:
  std::uint32_t acquire() {
    if (!free_.empty()) {
      const std::uint32_t s = free_.back();
      free_.pop_back();
      slots_[s].in_use = true;
      return s;
    }
    slots_.emplace_back();
    slots_.back().in_use = true;
    return static_cast<std::uint32_t>(slots_.size() - 1);
  }
  void release(std::uint32_t s) {
    slots_[s].in_use = false;
    slots_[s].to_application = false;
    slots_[s].bytes.clear();
    free_.push_back(s);
  }
  FrameSlot& operator[](std::uint32_t s) { return slots_[s]; }
  std::size_t capacity() const { return slots_.size(); }
  // Every slot in use, in slot order (the end-of-run accounting; not for hot paths).
  template <typename Fn>
  void for_each_in_use(Fn fn) const {
    for (const FrameSlot& s : slots_)
      if (s.in_use) fn(s);
  }

 private:
  std::vector<FrameSlot> slots_;
  std::vector<std::uint32_t> free_;
};

}  // namespace st::models
