// The dashboard's map at scale (docs/performance.md, "Dashboard map"): what one redraw costs with 10,000 to
// 1,000,000 devices and 3,000 gateways, offscreen: each device's state at a new cursor (replaying every transition
// up to it) and the map painted into a 1600x1000 image (BM_MapRedraw: the cursor moved; BM_MapZoom: the view
// moved, so the reach circles of every gateway are drawn again too), picking the device under a click, and a
// device's story. A redraw within 100 ms keeps the map fluid (the window redraws at most ten
// times a second).
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <cstdlib>
#include <random>

#include "app/map_view.hpp"
#include "model/device_story.hpp"
#include "model/map_state.hpp"

namespace {

using st::viz::RunData;

QApplication& app() {
  static int argc = 1;
  static char name[] = "map_bench";
  static char* argv[] = {name, nullptr};
  if (std::getenv("QT_QPA_PLATFORM") == nullptr) ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
  static QApplication* a = new QApplication(argc, argv);
  return *a;
}

// A fleet like bench/scale-100k.yaml's: devices on a square of sqrt(n) x 20 m, 3,000 gateways, each device made,
// associated and registered (three transitions), a tenth of them de-registered and registered again.
const RunData& fleet(std::size_t n) {
  static std::size_t made_for = 0;
  static RunData run;
  if (made_for == n) return run;
  made_for = n;
  run = RunData();
  run.has_hello = true;
  run.hello.duration_s = 1500;
  run.hello.devices = n;
  run.hello.device_types = {"tracker", "tag"};
  std::mt19937_64 rng(7);
  const double side = std::sqrt(static_cast<double>(n)) * 20;
  std::uniform_real_distribution<double> pos(-side / 2, side / 2);
  st::viz::GatewaysRecord g;
  for (int i = 0; i < 3000; ++i) {
    st::viz::GatewayInfo info;
    info.group = "bridges";
    info.links = "ble+fsk";
    info.x_m = pos(rng);
    info.y_m = pos(rng);
    info.reach_m[0] = 105;
    info.reach_m[1] = 4000;
    info.has_load = true;
    info.frames_received = static_cast<std::uint64_t>(i % 97);
    g.gateways.push_back(info);
  }
  run.apply(std::move(g));
  st::viz::DevicesRecord d;
  for (std::size_t i = 0; i < n; ++i) {
    d.device_type.push_back(static_cast<std::uint16_t>(i % 10 == 0));
    d.x_m.push_back(static_cast<float>(pos(rng)));
    d.y_m.push_back(static_cast<float>(pos(rng)));
  }
  run.apply(std::move(d));
  auto transition = [&](double t, std::size_t device, const char* from, const char* to) {
    st::viz::EventRecord e;
    e.t = t;
    e.kind = st::viz::EventKind::Transition;
    e.event = "transition";
    e.device = static_cast<std::uint32_t>(device);
    e.smsn = "0a" + std::to_string(device);
    e.device_type = device % 10 == 0 ? "tag" : "tracker";
    e.from = from;
    e.to = to;
    e.cause = "registered";
    run.apply(std::move(e));
  };
  for (std::size_t i = 0; i < n; ++i) {  // in time order: the store appends (a live stream arrives so)
    const double t = static_cast<double>(i) * 600.0 / static_cast<double>(n);
    transition(t, i, "none", "created");
  }
  for (std::size_t i = 0; i < n; ++i) transition(600 + static_cast<double>(i) * 300.0 / static_cast<double>(n), i, "created", "associated");
  for (std::size_t i = 0; i < n; ++i) transition(900 + static_cast<double>(i) * 300.0 / static_cast<double>(n), i, "associated", "registered");
  for (std::size_t i = 0; i < n; i += 10) transition(1200 + static_cast<double>(i) * 300.0 / static_cast<double>(n), i, "registered", "deregistered");
  return run;
}

void BM_StatesAtCursor(benchmark::State& state) {
  const RunData& run = fleet(static_cast<std::size_t>(state.range(0)));
  double t = 1000;
  for (auto _ : state) {
    benchmark::DoNotOptimize(st::viz::device_states_at(run, t));
    t = t == 1000 ? 1400 : 1000;
  }
  state.counters["events"] = static_cast<double>(run.events.events.size());
}

void BM_MapRedraw(benchmark::State& state) {
  app();
  const RunData& run = fleet(static_cast<std::size_t>(state.range(0)));
  st::dash::MapView view;
  view.resize(1600, 1000);
  view.show_run(&run, 1400, true);
  view.fit();
  QImage target(1600, 1000, QImage::Format_ARGB32_Premultiplied);
  double t = 1000;
  for (auto _ : state) {
    view.show_run(&run, t, false);  // a new cursor: every device's state again, every pixel again
    QPainter p(&target);
    view.render(&p);
    p.end();
    t = t == 1000 ? 1400 : 1000;
  }
  state.counters["devices_drawn"] = static_cast<double>(view.devices_drawn());
}

void BM_MapZoom(benchmark::State& state) {
  app();
  const RunData& run = fleet(static_cast<std::size_t>(state.range(0)));
  st::dash::MapView view;
  view.resize(1600, 1000);
  view.show_run(&run, 1400, true);
  view.set_reach_links(static_cast<unsigned>(state.range(1)));
  QImage target(1600, 1000, QImage::Format_ARGB32_Premultiplied);
  for (auto _ : state) {
    view.fit();  // a new view: the reach circles again, the devices again
    QPainter p(&target);
    view.render(&p);
    p.end();
  }
}

void BM_PickDevice(benchmark::State& state) {
  app();
  const RunData& run = fleet(static_cast<std::size_t>(state.range(0)));
  st::dash::MapView view;
  view.resize(1600, 1000);
  view.show_run(&run, 1400, true);
  view.fit();
  const QPointF p = view.screen_point_of(static_cast<std::uint32_t>(state.range(0) / 2));
  for (auto _ : state) benchmark::DoNotOptimize(view.device_at(p));
}

void BM_DeviceStory(benchmark::State& state) {
  const RunData& run = fleet(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(st::viz::story_of(run, static_cast<std::uint32_t>(state.range(0) / 2), 1500));
}

BENCHMARK(BM_StatesAtCursor)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MapRedraw)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
// Second argument: the reach circles drawn (0: none, the default beyond 300 gateways; 3: BLE and FSK).
BENCHMARK(BM_MapZoom)->ArgsProduct({{10'000, 100'000, 1'000'000}, {0, 3}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PickDevice)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DeviceStory)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
