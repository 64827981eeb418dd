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
    slots_[s].bytes.clear();
    free_.push_back(s);
  }
  FrameSlot& operator[](std::uint32_t s) { return slots_[s]; }
  std::size_t capacity() const { return slots_.size(); }

 private:
  std::vector<FrameSlot> slots_;
  std::vector<std::uint32_t> free_;
};

}  // namespace st::models
