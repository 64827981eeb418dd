// The channel's neighbour lookups (models/channel/): the cost of finding the receivers near a transmitter, which
// must not grow with the fleet. Nodes are placed uniformly at a fixed density (one per 400 m x 400 m, the
// default gateway grid), in a square that grows with N.
//   BM_GridWithin/N: SpatialGrid::for_each_within of a random point, radius 2.4 km (the FSK interference range
//     of the default radio world: ~110 nodes per query); per query.
//   BM_GridNearest/N: SpatialGrid::nearest, the 7 nearest nodes of a random point; per query.
//   BM_MediumUplink/N: a steady-state uplink through RadioMedium: a device at a random point sends a 20 ms frame
//     heard by the 7 nearest receivers (one decodable, six interference) and half-duplex deaf meanwhile; frames
//     are resolved once their end has passed (~50 frames on the air); per frame.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <deque>
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
    std::uint32_t handle;
  };
  std::deque<Pending> pending;
  std::vector<std::uint32_t> near;
  st::SimTime now = 0;
  std::uint64_t lost = 0;
  for (auto _ : state) {
    now += kGap;
    while (!pending.empty() && pending.front().end <= now) {
      lost += medium.resolve(pending.front().handle) != ch::LossCause::None;
      pending.pop_front();
    }
    const ch::Position p{u(rng), u(rng)};
    grid.nearest(p, 7, near);
    const std::uint32_t tx = receivers + device(rng);
    ch::Reception r;
    r.transmitter = tx;
    r.start = now;
    r.end = now + kAir;
    r.channel = static_cast<std::uint16_t>(rng() % 69);
    for (std::size_t i = 0; i < near.size(); ++i) {
      r.receiver = near[i];
      r.rssi_dbm = -100.0 - 3.0 * static_cast<double>(i);
      r.decodable = i == 0;
      pending.push_back({r.end, medium.add(r)});
    }
    medium.add_transmission(tx, r.start, r.end, 0);
  }
  while (!pending.empty()) {
    medium.resolve(pending.front().handle);
    pending.pop_front();
  }
  benchmark::DoNotOptimize(lost);
  state.SetItemsProcessed(state.iterations());
  state.counters["lost_ratio"] = static_cast<double>(lost) / static_cast<double>(7 * state.iterations());
}
BENCHMARK(BM_MediumUplink)->Arg(10'000)->Arg(100'000)->Arg(1'000'000);

}  // namespace
