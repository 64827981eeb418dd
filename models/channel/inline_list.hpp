// InlineList: a vector of trivially copyable elements that keeps its first N inline and has a two-byte size and
// capacity, so that the radio medium's per-receiver state fits one cache line (boost's small_vector spends 24
// bytes of header on each list). Holds at most 65,535 elements; a push past that throws std::length_error.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace st::models::channel {

template <class T, std::uint16_t N>
class InlineList {
  static_assert(std::is_trivially_copyable_v<T> && N > 0);

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;
  static constexpr std::size_t kMaxSize = 0xFFFF;

  InlineList() noexcept {}
  InlineList(const InlineList&) = delete;
  InlineList& operator=(const InlineList&) = delete;
  InlineList(InlineList&& o) noexcept { take(o); }
  InlineList& operator=(InlineList&& o) noexcept {
    if (this != &o) {
      release();
      take(o);
    }
    return *this;
  }
  ~InlineList() { release(); }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::size_t capacity() const { return cap_; }
  bool spilled() const { return cap_ > N; }

  T* begin() { return data(); }
  T* end() { return data() + size_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  T& operator[](std::size_t i) { return data()[i]; }
  const T& operator[](std::size_t i) const { return data()[i]; }

  void push_back(const T& v) { insert(end(), v); }

  // Inserts v before pos; returns where it went.
  T* insert(T* pos, const T& v) {
    const std::size_t at = static_cast<std::size_t>(pos - data());
    if (size_ == cap_) grow();
    T* d = data();
    std::memmove(d + at + 1, d + at, (size_ - at) * sizeof(T));
    d[at] = v;
    ++size_;
    return d + at;
  }

  // Removes [first, last) (the erase-remove idiom's second half).
  T* erase(T* first, T* last) {
    T* e = end();
    std::memmove(first, last, static_cast<std::size_t>(e - last) * sizeof(T));
    size_ = static_cast<std::uint16_t>(size_ - (last - first));
    return first;
  }

  void clear() { size_ = 0; }
  // Empty, and back to the inline storage (gives a spilled list's memory back).
  void reset() {
    release();
    size_ = 0;
    cap_ = N;
  }

 private:
  T* data() { return cap_ > N ? heap_ : inline_; }
  const T* data() const { return cap_ > N ? heap_ : inline_; }

  void grow() {
    if (cap_ == kMaxSize) throw std::length_error("inline list: more than 65,535 elements");
    const std::size_t cap = std::min<std::size_t>(kMaxSize, 2 * static_cast<std::size_t>(cap_));
    T* fresh = new T[cap];
    std::memcpy(fresh, data(), size_ * sizeof(T));
    release();
    heap_ = fresh;
    cap_ = static_cast<std::uint16_t>(cap);
  }
  void release() {
    if (cap_ > N) delete[] heap_;
  }
  void take(InlineList& o) {
    size_ = o.size_;
    cap_ = o.cap_;
    if (o.cap_ > N) {
      heap_ = o.heap_;
    } else {
      std::memcpy(inline_, o.inline_, o.size_ * sizeof(T));
    }
    o.size_ = 0;
    o.cap_ = N;
  }

  union {
    T inline_[N];
    T* heap_;
  };
  std::uint16_t size_ = 0;
  std::uint16_t cap_ = N;
};

}  // namespace st::models::channel
