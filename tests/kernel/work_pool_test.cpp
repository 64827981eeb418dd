// WorkPool: every job runs exactly once whatever the number of workers; join returns the job's result (run by
// the kernel's thread when no worker took it); cancel keeps a queued job from running; drain waits for all;
// an exception thrown by a job reaches the joiner.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

#include "sim/kernel/work_pool.hpp"

namespace st {
namespace {

std::uint64_t busy_hash(std::uint64_t x, int rounds) {
  for (int i = 0; i < rounds; ++i) x = x * 6364136223846793005ull + 1442695040888963407ull;
  return x;
}

class kernelWorkPool : public ::testing::TestWithParam<unsigned> {};

TEST_P(kernelWorkPool, EveryJobRunsOnceAndJoinSeesItsResult) {
  WorkPool pool(GetParam());
  constexpr int kJobs = 2000;
  std::vector<std::uint64_t> out(kJobs, 0);
  std::vector<std::atomic<int>> runs(kJobs);
  std::vector<PendingWork> pending;
  pending.reserve(kJobs);
  for (int i = 0; i < kJobs; ++i) {
    pending.emplace_back(pool, [&, i] {
      runs[i].fetch_add(1);
      out[i] = busy_hash(static_cast<std::uint64_t>(i), 2000);
    });
  }
  for (int i = kJobs; i-- > 0;) pending[i].join();  // in reverse: the kernel runs queued ones itself
  for (int i = 0; i < kJobs; ++i) {
    EXPECT_EQ(runs[i].load(), 1) << i;
    EXPECT_EQ(out[i], busy_hash(static_cast<std::uint64_t>(i), 2000)) << i;
  }
  EXPECT_EQ(pool.submitted(), static_cast<std::uint64_t>(kJobs));
  EXPECT_EQ(pool.workers(), GetParam());
  if (GetParam() == 0) {
    EXPECT_EQ(pool.run_by_kernel(), static_cast<std::uint64_t>(kJobs));
  }
}

TEST_P(kernelWorkPool, CancelledJobNeverRunsAndDrainWaitsForTheRest) {
  WorkPool pool(GetParam());
  std::atomic<int> ran{0};
  std::vector<PendingWork> pending;
  for (int i = 0; i < 500; ++i) pending.emplace_back(pool, [&] {
    busy_hash(1, 500);
    ran.fetch_add(1);
  });
  // Cancel every other one: each either never runs or has finished when cancel() returns.
  for (int i = 0; i < 500; i += 2) {
    pending[i].cancel();
    EXPECT_FALSE(pending[i].pending());
  }
  pool.drain();
  const int after_drain = ran.load();
  EXPECT_GE(after_drain, 250);  // every job that was not cancelled has run
  EXPECT_LE(after_drain, 500);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(ran.load(), after_drain);  // nothing runs after drain
  for (auto& p : pending) p.join();  // joining a drained job returns at once
  if (GetParam() == 0) {
    EXPECT_EQ(after_drain, 500);  // no workers: jobs ran inside submit
  }
}

TEST_P(kernelWorkPool, ExceptionReachesTheJoiner) {
  WorkPool pool(GetParam());
  PendingWork w(pool, [] { throw std::runtime_error("bad input"); });
  EXPECT_THROW(w.join(), std::runtime_error);
}

TEST_P(kernelWorkPool, DestroyingTheHandleCancelsOrWaits) {
  WorkPool pool(GetParam());
  for (int round = 0; round < 50; ++round) {
    auto data = std::make_unique<std::uint64_t>(0);
    {
      PendingWork w(pool, [p = data.get()] { *p = busy_hash(3, 20000); });
    }  // the handle goes away: the job either never ran or has finished writing
    const std::uint64_t v = *data;
    data.reset();  // freeing now must be safe: no job writes after the handle is gone
    EXPECT_TRUE(v == 0 || v == busy_hash(3, 20000));
  }
}

INSTANTIATE_TEST_SUITE_P(Workers, kernelWorkPool, ::testing::Values(0u, 1u, 2u));

}  // namespace
}  // namespace st
