// RandomStream: a small counter-based random stream derived from (run seed, stream id), so every device
// and actor draws from its own reproducible sequence whatever the order the kernel visits them in.
#pragma once
#include <cmath>
#include <cstdint>

namespace st {

// SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mixer.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Stream ids: device streams use the device index; actor streams use kActorStreamBase + actor number.
inline constexpr std::uint64_t kActorStreamBase = 0xA000'0000'0000'0000ULL;

class RandomStream {
 public:
  RandomStream() = default;
  RandomStream(std::uint64_t seed, std::uint64_t stream, std::uint64_t position = 0)
      : key_(mix64(seed ^ mix64(stream + 0x632be59bd9b4e019ULL))), position_(position) {}

  std::uint64_t next_u64() { return mix64(key_ + mix64(position_++)); }
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  // Uniform in (0, 1]: safe for log().
  double uniform_open0() { return 1.0 - uniform(); }
  std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next_u64() % n; }
  bool bernoulli(double p) { return p > 0 && uniform() < p; }
  double exponential(double mean) { return -mean * std::log(uniform_open0()); }
  double standard_normal() {  // Box-Muller, one value per call
    const double u1 = uniform_open0();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  std::uint64_t position() const { return position_; }

 private:
  std::uint64_t key_ = 0;
  std::uint64_t position_ = 0;
};

}  // namespace st
