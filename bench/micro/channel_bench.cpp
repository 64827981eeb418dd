// The channel's neighbour lookups (models/channel/): the cost of finding the receivers near a transmitter, which
// must not grow with the fleet. Nodes are placed uniformly at a fixed density (one per 400 m x 400 m, the
// default gateway grid), in a square that grows with N.
//   BM_GridWithin/N: SpatialGrid::for_each_within of a random point, radius 2.4 km (the FSK interference range
//     of the default radio world: ~110 nodes per query); per query.
//   BM_GridNearest/N: SpatialGrid::nearest, the 7 nearest nodes of a random point; per query.
//   BM_MediumUplink/N: a steady-state uplink through RadioMedium: a device at a random point sends a 20 ms frame
//     heard by the 7 nearest receivers (one decodable, six interference) and half-duplex deaf meanwhile; frames
//     are resolved once their end has passed (~50 frames on the air); per frame.
//   BM_MediumFleet/N: the same with N gateways and frames booked up to 0.8 s ahead, so that the medium holds
//     what it holds in a run of 33 x N devices (it grows with the fleet); per frame.
#include <benchmark/benchmark.h>

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

// The twin's pattern at its fleet sizes: N gateways (300, 3,000, 30,000 for 10k, 100k, 1M devices) and frames
// booked up to 0.8 s ahead of their start (FSK slots, receive windows), so what the medium holds grows with the
// fleet as in a run (~1.5 frames and ~0.5 transmissions per gateway, scattered over all of them) instead of
// staying at the ~50 frames of BM_MediumUplink. Each frame: 7 nearest gateways (one decodable), the device
// deaf while it sends, and the gateway's 3 ms acknowledgement after it. Per frame.
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
    std::uint32_t first;  // its 7 handles: handles[first .. first + 6]
    std::uint32_t gateway;
    bool operator>(const Pending& o) const { return end > o.end; }
  };
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending;
  std::vector<std::uint32_t> handles;    // 7 per frame in flight (kAbsent where a place has fewer receivers)
  std::vector<std::uint32_t> free_runs;  // starts of runs of 7 that are free again
  st::SimTime now = 0;
  std::uint64_t lost = 0;
  auto resolve_due = [&](st::SimTime until) {
    while (!pending.empty() && pending.top().end <= until) {
      const Pending p = pending.top();
      pending.pop();
      for (std::uint32_t i = 0; i < 7; ++i) {
        const std::uint32_t h = handles[p.first + i];
        if (h == ch::NodeIndex::kAbsent) continue;
        const bool ok = medium.resolve(h) == ch::LossCause::None;
        if (i == 0 && ok) medium.add_transmission(p.gateway, p.end + 1'000'000, p.end + 1'000'000 + kAck, 0);
        lost += !ok;
      }
      free_runs.push_back(p.first);
    }
  };
  for (auto _ : state) {
    now += gap;
    resolve_due(now);
    const std::vector<std::uint32_t>& near = places[rng() % places.size()];
    const std::uint32_t tx = gateways + device(rng);
    ch::Reception r;
    r.transmitter = tx;
    r.start = now + ahead(rng);
    r.end = r.start + kAir;
    r.channel = static_cast<std::uint16_t>(rng() % 69);
    std::uint32_t first;
    if (free_runs.empty()) {
      first = static_cast<std::uint32_t>(handles.size());
      handles.resize(handles.size() + 7);
    } else {
      first = free_runs.back();
      free_runs.pop_back();
    }
    for (std::uint32_t i = 0; i < 7; ++i) {
      if (i >= near.size()) {
        handles[first + i] = ch::NodeIndex::kAbsent;
        continue;
      }
      r.receiver = near[i];
      r.rssi_dbm = -100.0 - 3.0 * static_cast<double>(i);
      r.decodable = i == 0;
      handles[first + i] = medium.add(r);
    }
    medium.add_transmission(tx, r.start, r.end, 0);
    pending.push({r.end, first, near.empty() ? 0 : near[0]});
  }
  state.counters["frames_held"] = static_cast<double>(medium.frames_held());
  resolve_due(~st::SimTime{0});
  benchmark::DoNotOptimize(lost);
  state.SetItemsProcessed(state.iterations());
  state.counters["lost_ratio"] = static_cast<double>(lost) / static_cast<double>(7 * state.iterations());
}
BENCHMARK(BM_MediumFleet)->Arg(300)->Arg(3'000)->Arg(30'000);

}  // namespace
