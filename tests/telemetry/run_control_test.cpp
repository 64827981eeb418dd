// RunControl's service of outside calls: a poke wakes a paced gate at once, the service runs on the gating thread
// with the live simulated instant (between now and the next entry), and what it schedules ends the wait early.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "sim/telemetry/run_control.hpp"

namespace st::telemetry {
namespace {

using Clock = std::chrono::steady_clock;

TEST(runControlService, APokeWakesAPacedGateAndItsScheduleEndsTheWait) {
  RunControl control;
  control.gate(0);
  control.set_pace(1.0);  // real time, anchored at simulated 0
  std::atomic<int> served{0};
  SimTime live_seen = 0;
  std::thread::id service_thread;
  control.set_service([&](SimTime live) {
    ++served;
    live_seen = live;
    service_thread = std::this_thread::get_id();
    return live;  // it scheduled a stimulus at the live instant
  });
  std::thread caller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    control.poke();
  });
  const auto start = Clock::now();
  control.gate(0, 30 * kSecond);  // would wait 30 s for the next entry
  const double waited = std::chrono::duration<double>(Clock::now() - start).count();
  caller.join();
  EXPECT_EQ(served.load(), 1);
  EXPECT_EQ(service_thread, std::this_thread::get_id());
  EXPECT_LT(waited, 5.0);  // returned for the stimulus, not after 30 s
  EXPECT_GE(live_seen, 100 * kMillisecond);  // about 0.2 s of simulated time had passed at pace 1
  EXPECT_LT(live_seen, 30 * kSecond);
}

TEST(runControlService, WhilePausedCallsAreServedAtTheFrozenInstant) {
  RunControl control;
  control.pause();
  SimTime live_seen = kNever;
  std::atomic<bool> done{false};
  control.set_service([&](SimTime live) {
    live_seen = live;
    done = true;
    return kNever;
  });
  std::thread gate([&] { control.gate(7 * kSecond, 9 * kSecond); });
  control.poke();
  for (int i = 0; i < 500 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(done.load());
  EXPECT_EQ(live_seen, 7 * kSecond);
  control.resume();
  gate.join();
}

}  // namespace
}  // namespace st::telemetry
