// The embedded database: one SQLite file in WAL mode with a single writer thread that commits
// concurrent writes together (group commit) and a pool of read connections.
//
// Durability contract: a write's completion callback runs only after the WAL holding its COMMIT
// was fsynced. A write that fails rolls back to its own savepoint, so it never affects the other
// writes of its batch.
//
// Threads, a pipeline: the writer only runs transactions, committing with synchronous=NORMAL
// (the WAL is written, not fsynced). The sync thread fsyncs the WAL once for every commit made
// since its last fsync (WalSync), so the disk's flush overlaps the writer's next batch instead
// of stalling it; then the completion thread runs the callbacks, in commit order, while both
// go on. A committed write is visible to readers a few milliseconds before it is acknowledged;
// it is never acknowledged before it is durable. A failed fsync aborts the process: the data
// it was meant to flush may be lost, and only recovery from the log on disk is trustworthy.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/wal_sync.h"

namespace kc::store {

struct StoreConfig {
  std::string path;                  // the database file; its directory must exist
  int read_connections = 4;          // readers run concurrently beside the writer (WAL)
  int busy_timeout_ms = 5000;        // waits for another process (e.g. `kotacerdas backup`)
  size_t max_batch = 512;            // writes per group commit; bounds transaction size
  size_t max_queue = 65536;          // pending writes before Write answers kUnavailable
  // WAL pages after which a commit checkpoints them into the database file (on the writer).
  // SQLite's default of 1,000 checkpoints every few group commits; 8,000 (32 MB at 4 KiB
  // pages) writes each hot index page back once for many commits and halves the fsyncs: +50%
  // durable submissions per second in bench/reports. Bounds the WAL and crash recovery time.
  int wal_checkpoint_pages = 8000;
};

// Timing hooks for metrics; may be called from any thread. All are optional. on_sync runs on the
// sync thread after each WAL fsync, before the callbacks of the `commits` it made durable.
struct StoreObserver {
  std::function<void(std::chrono::nanoseconds, size_t batch)> on_commit;
  std::function<void(std::chrono::nanoseconds, size_t commits)> on_sync;
  std::function<void(std::chrono::nanoseconds)> on_read;
};

class Database {
 public:
  using WriteFn = std::function<Status(Connection&)>;
  using DoneFn = std::function<void(Status)>;

  // Opens the file, applies `migrations` when `migrate` is set, starts the writer thread.
  static Result<std::unique_ptr<Database>> Open(const StoreConfig& config,
                                                std::span<const Migration> migrations,
                                                bool migrate = true);
  ~Database();  // drains queued writes and their callbacks, then stops the threads
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs `fn` on a pooled read connection of this thread's choosing; blocks while all are busy.
  template <class F>
  auto Read(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
    Lease lease(*this);
    const auto start = std::chrono::steady_clock::now();
    auto result = fn(*lease.conn);
    if (observer_.on_read) observer_.on_read(std::chrono::steady_clock::now() - start);
    return result;
  }

  // Queues `fn` for the writer thread. `done` is called on the completion thread with fn's
  // status once it is durable (or failed); callbacks run one at a time, in commit order. `fn`
  // runs inside a transaction; it must not BEGIN/COMMIT. A full queue calls done(kUnavailable)
  // immediately, on the caller's thread.
  void Write(WriteFn fn, DoneFn done);
  // Write, then wait for the result. For the CLI, demo data and tests, not request handlers.
  Status WriteSync(WriteFn fn);

  // PRAGMA integrity_check on a read connection.
  Status IntegrityCheck();
  // True when the schema is at the latest version this binary knows.
  Result<bool> SchemaCurrent();
  // Copies the live database to `dest_path` with SQLite's online backup API.
  Status Backup(const std::string& dest_path);

  void set_observer(StoreObserver observer) { observer_ = std::move(observer); }
  const std::string& path() const { return config_.path; }

 private:
  struct Job {
    WriteFn fn;
    DoneFn done;
  };
  struct Lease {
    explicit Lease(Database& db);
    ~Lease();
    Database& db;
    Connection* conn;
  };

  Database(StoreConfig config, std::span<const Migration> migrations);
  struct Completion {
    DoneFn done;
    Status status;
  };
  // Callbacks of a batch waiting for the fsync; `committed` false for a rolled-back batch.
  struct Pending {
    std::vector<Completion> completions;
    bool committed = false;
  };
  void WriterLoop();
  void CommitBatch(std::vector<Job>& batch);
  void SyncLoop();
  void CompletionLoop();

  StoreConfig config_;
  std::span<const Migration> migrations_;
  StoreObserver observer_;
  std::unique_ptr<Connection> writer_;  // used only by writer_thread_

  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<Job> queue_;  // guarded by queue_mu_
  bool stopping_ = false;  // guarded by queue_mu_
  std::thread writer_thread_;

  WalSync wal_;  // used only by sync_thread_ (and Open, before the threads start)
  std::mutex sync_mu_;
  std::condition_variable sync_cv_;
  std::vector<Pending> sync_queue_;  // guarded by sync_mu_
  bool sync_stopping_ = false;       // guarded by sync_mu_
  std::thread sync_thread_;

  std::mutex done_mu_;
  std::condition_variable done_cv_;
  std::vector<Completion> done_queue_;  // guarded by done_mu_
  bool done_stopping_ = false;          // guarded by done_mu_
  std::thread completion_thread_;

  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;  // all read connections
  std::vector<Connection*> free_readers_;             // guarded by pool_mu_
};

}  // namespace kc::store
