// ReplayWindow: RFC 4303-style anti-replay over 32-bit frame counters, a 64-wide sliding bitmap (16 bytes).
#pragma once
#include <cstdint>

namespace st::security {

class ReplayWindow {
 public:
  static constexpr std::uint32_t kWidth = 64;

  // True when `counter` has not been seen and is not older than the window (highest - 63 .. anything above).
  bool check(std::uint32_t counter) const {
    if (bitmap_ == 0 || counter > highest_) return true;
    const std::uint32_t age = highest_ - counter;
    return age < kWidth && (bitmap_ & (std::uint64_t{1} << age)) == 0;
  }
  // Marks `counter` as seen (call only after the frame authenticated).
  void update(std::uint32_t counter) {
    if (bitmap_ == 0) {
      highest_ = counter;
      bitmap_ = 1;
    } else if (counter > highest_) {
      const std::uint32_t shift = counter - highest_;
      bitmap_ = shift >= kWidth ? 1 : ((bitmap_ << shift) | 1);
      highest_ = counter;
    } else if (const std::uint32_t age = highest_ - counter; age < kWidth) {
      bitmap_ |= std::uint64_t{1} << age;
    }
  }
  // check() then update(); false for a replay.
  bool accept(std::uint32_t counter) {
    if (!check(counter)) return false;
    update(counter);
    return true;
  }
  void reset() {
    bitmap_ = 0;
    highest_ = 0;
  }
  bool empty() const { return bitmap_ == 0; }
  std::uint32_t highest() const { return highest_; }

 private:
  std::uint64_t bitmap_ = 0;  // bit i = highest_ - i seen; 0 = nothing seen yet
  std::uint32_t highest_ = 0;
};

static_assert(sizeof(ReplayWindow) <= 16);

}  // namespace st::security
