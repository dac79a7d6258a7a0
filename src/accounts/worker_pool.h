// A small fixed pool of threads for the slow work of the accounts module: argon2id hashing
// (~100-200 ms and 64 MiB each, see password.h) must never run on an I/O thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kc::accounts {

class WorkerPool {
 public:
  // `threads` >= 1 workers; at most `max_queue` tasks wait (bounds memory and latency under a
  // flood of logins: beyond it Post refuses and the route answers 503).
  WorkerPool(int threads, std::size_t max_queue);
  // Runs the queued tasks, then joins the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false (task dropped) when the queue is full or the pool is stopping.
  // Thread-safe. Tasks must not throw (an exception is caught and logged).
  bool Post(std::function<void()> task);

 private:
  void Loop();

  const std::size_t max_queue_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace kc::accounts
