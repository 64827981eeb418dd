// WorkPool: threads beside the single-threaded kernel for pure work (cryptography). The kernel submits a job at
// one simulated time and joins it at a later one; nothing the job computes depends on when or where it ran, so a
// run's outputs are the same with any number of workers (0 runs every job at once on the kernel's thread).
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace st {

// One submitted job. Its owner keeps the handle and must join() or cancel() it before the data the job
// writes goes away (PendingWork does that on destruction).
class WorkItem {
 public:
  explicit WorkItem(std::function<void()> fn) : fn_(std::move(fn)) {}

 private:
  friend class WorkPool;
  enum State : std::uint8_t { kQueued, kRunning, kDone, kCancelled };
  std::function<void()> fn_;
  std::exception_ptr error_;
  std::atomic<std::uint8_t> state_{kQueued};
};

class WorkPool {
 public:
  // `workers` threads (0: every job runs inside submit()).
  explicit WorkPool(unsigned workers);
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  unsigned workers() const { return static_cast<unsigned>(threads_.size()); }
  std::shared_ptr<WorkItem> submit(std::function<void()> fn);
  // Waits for the job (running it here if no worker has started it, and helping with others while a worker
  // runs it); rethrows what the job threw.
  void join(WorkItem& item);
  // The job will not run, or has finished: after this, it touches nothing of its owner.
  void cancel(WorkItem& item);
  // Every submitted job has finished (the kernel helps): call before changing state that jobs read.
  void drain();
  std::uint64_t submitted() const { return submitted_; }
  std::uint64_t run_by_kernel() const { return run_by_kernel_; }

 private:
  void worker_loop();
  std::shared_ptr<WorkItem> pop();  // next queued job, or null when the queue is empty (never blocks)
  static bool claim(WorkItem& item);
  static void run(WorkItem& item);

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<WorkItem>> queue_;
  bool stopping_ = false;
  std::atomic<unsigned> running_{0};
  std::vector<std::thread> threads_;
  std::uint64_t submitted_ = 0;
  std::uint64_t run_by_kernel_ = 0;
};

// The owner's handle: joins or cancels its job exactly once; cancels on destruction.
class PendingWork {
 public:
  PendingWork() = default;
  PendingWork(WorkPool& pool, std::function<void()> fn) : pool_(&pool), item_(pool.submit(std::move(fn))) {}
  PendingWork(PendingWork&&) = default;
  PendingWork& operator=(PendingWork&& other) noexcept;
  ~PendingWork() { cancel(); }

  bool pending() const { return item_ != nullptr; }
  void join();
  void cancel();

 private:
  WorkPool* pool_ = nullptr;
  std::shared_ptr<WorkItem> item_;
};

}  // namespace st
