// WorkPool: a FIFO of jobs, worker threads that take them in order, and a kernel thread that runs the job it
// waits for itself when no worker has started it yet, and helps with the queue while a worker finishes it.
#include "sim/kernel/work_pool.hpp"

namespace st {

WorkPool::WorkPool(unsigned workers) {
  threads_.reserve(workers);
  for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { worker_loop(); });
}

WorkPool::~WorkPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto& item : queue_) {
      std::uint8_t expected = WorkItem::kQueued;
      item->state_.compare_exchange_strong(expected, WorkItem::kCancelled);
    }
    queue_.clear();
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

bool WorkPool::claim(WorkItem& item) {
  std::uint8_t expected = WorkItem::kQueued;
  return item.state_.compare_exchange_strong(expected, WorkItem::kRunning, std::memory_order_acq_rel);
}

void WorkPool::run(WorkItem& item) {
  try {
    item.fn_();
  } catch (...) {
    item.error_ = std::current_exception();
  }
  item.fn_ = nullptr;  // release what the job captured
  item.state_.store(WorkItem::kDone, std::memory_order_release);
  item.state_.notify_all();
}

std::shared_ptr<WorkItem> WorkPool::submit(std::function<void()> fn) {
  auto item = std::make_shared<WorkItem>(std::move(fn));
  ++submitted_;
  if (threads_.empty()) {
    item->state_.store(WorkItem::kRunning, std::memory_order_relaxed);
    run(*item);
    ++run_by_kernel_;
    return item;
  }
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(item);
  }
  wake_.notify_one();
  return item;
}

std::shared_ptr<WorkItem> WorkPool::pop() {
  std::lock_guard lock(mutex_);
  if (queue_.empty()) return nullptr;
  auto item = std::move(queue_.front());
  queue_.pop_front();
  return item;
}

void WorkPool::worker_loop() {
  for (;;) {
    std::shared_ptr<WorkItem> item;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      item = std::move(queue_.front());
      queue_.pop_front();
      running_.fetch_add(1, std::memory_order_relaxed);  // under the lock: drain() sees it or the queued job
    }
    if (claim(*item)) run(*item);
    running_.fetch_sub(1, std::memory_order_release);
  }
}

void WorkPool::join(WorkItem& item) {
  if (claim(item)) {
    run(item);
    ++run_by_kernel_;
  }
  while (item.state_.load(std::memory_order_acquire) != WorkItem::kDone) {
    // A worker runs it: help with the queue meanwhile (those jobs are needed later anyway), else sleep on it.
    if (auto other = pop()) {
      if (claim(*other)) {
        run(*other);
        ++run_by_kernel_;
      }
      continue;
    }
    item.state_.wait(WorkItem::kRunning, std::memory_order_acquire);
  }
  if (item.error_) std::rethrow_exception(item.error_);
}

void WorkPool::cancel(WorkItem& item) {
  std::uint8_t expected = WorkItem::kQueued;
  if (item.state_.compare_exchange_strong(expected, WorkItem::kCancelled, std::memory_order_acq_rel)) return;
  while (item.state_.load(std::memory_order_acquire) == WorkItem::kRunning)
    item.state_.wait(WorkItem::kRunning, std::memory_order_acquire);
}

void WorkPool::drain() {
  if (threads_.empty()) return;
  while (auto item = pop()) {
    if (claim(*item)) {
      run(*item);
      ++run_by_kernel_;
    }
  }
  while (running_.load(std::memory_order_acquire) != 0) std::this_thread::yield();
}

PendingWork& PendingWork::operator=(PendingWork&& other) noexcept {
  if (this != &other) {
    cancel();
    pool_ = other.pool_;
    item_ = std::move(other.item_);
    other.pool_ = nullptr;
  }
  return *this;
}

void PendingWork::join() {
  if (!item_) return;
  const std::shared_ptr<WorkItem> item = std::move(item_);
  pool_->join(*item);
}

void PendingWork::cancel() {
  if (!item_) return;
  pool_->cancel(*item_);
  item_.reset();
}

}  // namespace st
