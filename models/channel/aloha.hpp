// ALOHA reference formulas (Abramson 1970; Roberts 1975) for validating the collision model: success probability
// and throughput of pure and slotted ALOHA under Poisson offered load G (frames per frame time).
#pragma once
#include <cmath>

namespace st::models::channel {

// Offered load G: frame attempts per frame duration, over all transmitters sharing one channel.
constexpr double aloha_offered_load(double frames_per_second, double frame_duration_s) {
  return frames_per_second * frame_duration_s;
}
// Pure ALOHA: a frame succeeds if no other starts within one frame time before or after it: exp(-2G).
inline double pure_aloha_success(double offered_load) { return std::exp(-2.0 * offered_load); }
// Slotted ALOHA: only frames in the same slot collide: exp(-G).
inline double slotted_aloha_success(double offered_load) { return std::exp(-offered_load); }
// Throughput S (successful frames per frame time): G exp(-2G), peak 1/(2e) at G = 0.5; slotted G exp(-G), peak
// 1/e at G = 1.
inline double pure_aloha_throughput(double offered_load) {
  return offered_load * pure_aloha_success(offered_load);
}
inline double slotted_aloha_throughput(double offered_load) {
  return offered_load * slotted_aloha_success(offered_load);
}
// Pure ALOHA over `channels` channels picked uniformly at random: the load per channel is G / channels.
inline double pure_aloha_success(double offered_load, unsigned channels) {
  return pure_aloha_success(channels == 0 ? offered_load : offered_load / channels);
}

}  // namespace st::models::channel
