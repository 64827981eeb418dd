// Wire helpers for the security message encodings: a byte writer and a bounds-checked reader (a short or
// over-long input makes the reader fail; it never reads out of range).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "models/security/bytes.hpp"

namespace st::security::wire {

inline void put_u8(Bytes& out, std::uint8_t v) { out.push_back(v); }
inline void put_u16(Bytes& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v >> 8));
  out.push_back(static_cast<std::uint8_t>(v));
}
inline void put_u32(Bytes& out, std::uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> data) : data_(data) {}

  bool u8(std::uint8_t& v) {
    if (!need(1)) return false;
    v = data_[pos_++];
    return true;
  }
  bool u16(std::uint16_t& v) {
    if (!need(2)) return false;
    v = static_cast<std::uint16_t>((data_[pos_] << 8) | data_[pos_ + 1]);
    pos_ += 2;
    return true;
  }
  bool u32(std::uint32_t& v) {
    if (!need(4)) return false;
    v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | data_[pos_++];
    return true;
  }
  template <std::size_t N>
  bool array(std::array<std::uint8_t, N>& out) {
    if (!need(N)) return false;
    std::copy(data_.begin() + static_cast<std::ptrdiff_t>(pos_), data_.begin() + static_cast<std::ptrdiff_t>(pos_ + N),
              out.begin());
    pos_ += N;
    return true;
  }
  bool bytes(std::size_t n, Bytes& out) {
    if (!need(n)) return false;
    out.assign(data_.begin() + static_cast<std::ptrdiff_t>(pos_), data_.begin() + static_cast<std::ptrdiff_t>(pos_ + n));
    pos_ += n;
    return true;
  }
  // Skips n bytes (fails when fewer are left).
  bool skip(std::size_t n) {
    if (!need(n)) return false;
    pos_ += n;
    return true;
  }
  // The rest of the input.
  std::span<const std::uint8_t> rest() const { return data_.subspan(pos_); }
  std::size_t position() const { return pos_; }
  // True when everything was read without running short.
  bool finished() const { return ok_ && pos_ == data_.size(); }

 private:
  bool need(std::size_t n) {
    if (!ok_ || data_.size() - pos_ < n) ok_ = false;
    return ok_;
  }
  std::span<const std::uint8_t> data_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace st::security::wire
