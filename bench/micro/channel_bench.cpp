// The channel's neighbour lookups (models/channel/): the cost of finding the receivers near a transmitter, which
// must not grow with the fleet. Nodes are placed uniformly at a fixed density (one per 400 m x 400 m, the
// default gateway grid), in a square that grows with N.
//   BM_GridWithin/N: SpatialGrid::for_each_within of a random point, radius 2.4 km (the FSK interference range
//     of the default radio world: ~110 nodes per query); per query.
//   BM_GridNearest/N: SpatialGrid::nearest, the 7 nearest nodes of a random point; per query.
//   BM_MediumUplink/N: a steady-state uplink through RadioMedium: a device at a random point sends a 20 ms frame
//     heard by the 7 nearest receivers (one frame, six interference-only receptions, as the radio access network
//     registers them) and half-duplex deaf meanwhile; frames are resolved once their end has passed (~50 frames
//     on the air); per frame.
//   BM_MediumFleet/N: the same with N gateways and frames booked up to 0.8 s ahead, so that the medium holds
//     what it holds in a run of 33 x N devices (it grows with the fleet); per frame.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <functional>
#include <queue>
#include <random>
#include <vector>

#include "models/channel/position.hpp"
#include "models/channel/radio_medium.hpp"
#include "models/channel/spatial_grid.hpp"

namespace {

namespace ch = st::models::channel;

constexpr double kSpacing_m = 400.0;
constexpr double kRadius_m = 2400.0;

double side_m(std::size_t n) { return std::sqrt(static_cast<double>(n)) * kSpacing_m; }

std::vector<ch::Position> uniform_square(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, side_m(n));
  std::vector<ch::Position> out(n);
  for (auto& p : out) p = {u(rng), u(rng)};
  return out;
}

void BM_GridWithin(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const ch::SpatialGrid grid(uniform_square(n, 1), kRadius_m / 2.0);
  std::mt19937_64 rng(2);
  std::uniform_real_distribution<double> u(0.0, side_m(n));
  std::uint64_t found = 0;
  for (auto _ : state) {
    const ch::Position p{u(rng), u(rng)};
    grid.for_each_within(p, kRadius_m, [&found](std::uint32_t, double) { ++found; });
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations());
  state.counters["found_per_query"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_GridWithin)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);

void BM_GridNearest(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const ch::SpatialGrid grid(uniform_square(n, 1), kRadius_m / 2.0);
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(0.0, side_m(n));
  std::vector<std::uint32_t> out;
  for (auto _ : state) {
    grid.nearest({u(rng), u(rng)}, 7, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GridNearest)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);

// The radio access network's sweep of the medium (radio_access_network.cpp): once per as many frames as the
// medium has receiver slots, at least 4,096. It forgets the interferers of receivers no frame has looked at since.
void prune_like_the_twin(ch::RadioMedium& medium, std::size_t& since, st::SimTime now) {
  if (++since >= std::max<std::size_t>(4096, medium.receiver_slots())) {
    since = 0;
    medium.prune(now);
  }
}

// Registers an uplink heard by `near` (nearest first) as the radio access network does: a frame at the nearest
// receiver, interference only at the others, 3 dB weaker each. Returns the frame's handle.
std::uint32_t register_uplink(ch::RadioMedium& medium, const std::vector<std::uint32_t>& near, ch::Reception r) {
  for (std::size_t i = 1; i < near.size(); ++i) {
    r.receiver = near[i];
    r.rssi_dbm = -100.0 - 3.0 * static_cast<double>(i);
    medium.add_interference(r);
  }
  r.receiver = near[0];
  r.rssi_dbm = -100.0;
  return medium.add(r);
}

void BM_MediumUplink(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto receivers = static_cast<std::uint32_t>(n);
  const ch::SpatialGrid grid(uniform_square(n, 1), kRadius_m / 2.0);
  ch::RadioMedium medium;
  std::mt19937_64 rng(4);
  std::uniform_real_distribution<double> u(0.0, side_m(n));
  std::uniform_int_distribution<std::uint32_t> device(0, 10 * receivers - 1);
  constexpr st::SimTime kAir = 20'000'000;  // 20 ms
  constexpr st::SimTime kGap = 400'000;     // a frame every 0.4 ms: ~50 on the air
  struct Pending {
    st::SimTime end;
    std::uint32_t handle;  // the frame at the nearest receiver
  };
  std::deque<Pending> pending;
  std::vector<std::uint32_t> near;
  st::SimTime now = 0;
  std::uint64_t lost = 0;
  std::size_t since_prune = 0;
  for (auto _ : state) {
    now += kGap;
    while (!pending.empty() && pending.front().end <= now) {
      lost += medium.resolve(pending.front().handle) != ch::LossCause::None;
      pending.pop_front();
    }
    prune_like_the_twin(medium, since_prune, now);
    const ch::Position p{u(rng), u(rng)};
    grid.nearest(p, 7, near);
    const std::uint32_t tx = receivers + device(rng);
    ch::Reception r;
    r.transmitter = tx;
    r.start = now;
    r.end = now + kAir;
    r.channel = static_cast<std::uint16_t>(rng() % 69);
    if (!near.empty()) pending.push_back({r.end, register_uplink(medium, near, r)});
    medium.add_transmission(tx, r.start, r.end, 0);
  }
  while (!pending.empty()) {
    medium.resolve(pending.front().handle);
    pending.pop_front();
  }
  benchmark::DoNotOptimize(lost);
  state.SetItemsProcessed(state.iterations());
  state.counters["lost_ratio"] = static_cast<double>(lost) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_MediumUplink)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);

// The twin's pattern at its fleet sizes: N gateways (300, 3,000, 30,000 for 10k, 100k, 1M devices) and frames
// booked up to 0.8 s ahead of their start (FSK slots, receive windows), so what the medium holds grows with the
// fleet as in a run (~1.5 frames and ~0.5 transmissions per gateway, scattered over all of them) instead of
// staying at the ~50 frames of BM_MediumUplink. Each frame: 7 nearest gateways (a frame at the nearest, an
// interference-only reception at the six others), the device deaf while it sends, and the gateway's 3 ms
// acknowledgement after it. Per frame.
void BM_MediumFleet(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto gateways = static_cast<std::uint32_t>(n);
  const ch::SpatialGrid grid(uniform_square(n, 1), kRadius_m / 2.0);
  ch::RadioMedium medium;
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> u(0.0, side_m(n));
  std::uniform_int_distribution<std::uint32_t> device(0, 30 * gateways - 1);
  std::uniform_int_distribution<st::SimTime> ahead(0, 800'000'000);
  // Receivers of 4,096 places, looked up once: the benchmark measures the medium, not the grid.
  std::vector<std::vector<std::uint32_t>> places(4096);
  for (auto& near : places) grid.nearest({u(rng), u(rng)}, 7, near);
  constexpr st::SimTime kAir = 20'000'000;  // 20 ms
  constexpr st::SimTime kAck = 3'000'000;   // the gateway's acknowledgement
  const st::SimTime gap = 2'000'000'000ULL / gateways;  // N/2 frames per second
  struct Pending {
    st::SimTime end;
    std::uint32_t handle;   // the frame at the nearest gateway
    std::uint32_t gateway;
    bool operator>(const Pending& o) const { return end > o.end; }
  };
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending;
  st::SimTime now = 0;
  std::uint64_t lost = 0;
  std::size_t since_prune = 0;
  auto resolve_due = [&](st::SimTime until) {
    while (!pending.empty() && pending.top().end <= until) {
      const Pending p = pending.top();
      pending.pop();
      const bool ok = medium.resolve(p.handle) == ch::LossCause::None;
      if (ok) medium.add_transmission(p.gateway, p.end + 1'000'000, p.end + 1'000'000 + kAck, 0);
      lost += !ok;
    }
  };
  for (auto _ : state) {
    now += gap;
    resolve_due(now);
    prune_like_the_twin(medium, since_prune, now);
    const std::vector<std::uint32_t>& near = places[rng() % places.size()];
    const std::uint32_t tx = gateways + device(rng);
    ch::Reception r;
    r.transmitter = tx;
    r.start = now + ahead(rng);
    r.end = r.start + kAir;
    r.channel = static_cast<std::uint16_t>(rng() % 69);
    if (!near.empty()) pending.push({r.end, register_uplink(medium, near, r), near[0]});
    medium.add_transmission(tx, r.start, r.end, 0);
  }
  state.counters["frames_held"] = static_cast<double>(medium.frames_held());
  state.counters["interferers_held"] = static_cast<double>(medium.interferers_held());
  resolve_due(~st::SimTime{0});
  benchmark::DoNotOptimize(lost);
  state.SetItemsProcessed(state.iterations());
  state.counters["lost_ratio"] = static_cast<double>(lost) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_MediumFleet)->Arg(300)->Arg(3'000)->Arg(30'000);

}  // namespace
