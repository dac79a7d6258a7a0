#include "store/database.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <future>

namespace kc::store {

Database::Database(StoreConfig config, std::span<const Migration> migrations)
    : config_(std::move(config)), migrations_(migrations), wal_(config_.path) {}

Result<std::unique_ptr<Database>> Database::Open(const StoreConfig& config,
                                                 std::span<const Migration> migrations,
                                                 bool migrate) {
  std::unique_ptr<Database> db(new Database(config, migrations));
  KC_ASSIGN_OR_RETURN(db->writer_, Connection::Open(config.path, Connection::Mode::kGroupWriter,
                                                    config.busy_timeout_ms));
  KC_RETURN_IF_ERROR(db->writer_->Exec("PRAGMA wal_autocheckpoint=" +
                                       std::to_string(config.wal_checkpoint_pages)));
  if (migrate) {
    KC_ASSIGN_OR_RETURN(int applied, ApplyMigrations(*db->writer_, migrations));
    if (applied > 0) KC_RETURN_IF_ERROR(db->wal_.Sync());
  }
  for (int i = 0; i < std::max(1, config.read_connections); ++i) {
    KC_ASSIGN_OR_RETURN(auto conn, Connection::Open(config.path, Connection::Mode::kReadOnly,
                                                    config.busy_timeout_ms));
    db->free_readers_.push_back(conn.get());
    db->readers_.push_back(std::move(conn));
  }
  db->completion_thread_ = std::thread([raw = db.get()] { raw->CompletionLoop(); });
  db->sync_thread_ = std::thread([raw = db.get()] { raw->SyncLoop(); });
  db->writer_thread_ = std::thread([raw = db.get()] { raw->WriterLoop(); });
  return db;
}

Database::~Database() {
  {
    std::lock_guard lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  if (writer_thread_.joinable()) writer_thread_.join();
  {
    std::lock_guard lock(sync_mu_);
    sync_stopping_ = true;
  }
  sync_cv_.notify_all();
  if (sync_thread_.joinable()) sync_thread_.join();
  {
    std::lock_guard lock(done_mu_);
    done_stopping_ = true;
  }
  done_cv_.notify_all();
  if (completion_thread_.joinable()) completion_thread_.join();
}

Database::Lease::Lease(Database& d) : db(d) {
  std::unique_lock lock(db.pool_mu_);
  db.pool_cv_.wait(lock, [&] { return !db.free_readers_.empty(); });
  conn = db.free_readers_.back();
  db.free_readers_.pop_back();
}

Database::Lease::~Lease() {
  {
    std::lock_guard lock(db.pool_mu_);
    db.free_readers_.push_back(conn);
  }
  db.pool_cv_.notify_one();
}

void Database::Write(WriteFn fn, DoneFn done) {
  {
    std::lock_guard lock(queue_mu_);
    if (!stopping_ && queue_.size() < config_.max_queue) {
      queue_.push_back({std::move(fn), std::move(done)});
      queue_cv_.notify_one();
      return;
    }
  }
  done(Error(ErrorCode::kUnavailable,
             {"Server sedang sibuk menyimpan data, silakan coba lagi.",
              "The server is busy storing data, please retry."},
             "storage_busy"));
}

Status Database::WriteSync(WriteFn fn) {
  std::promise<Status> promise;
  auto future = promise.get_future();
  Write(std::move(fn), [&promise](Status st) { promise.set_value(std::move(st)); });
  return future.get();
}

void Database::WriterLoop() {
  std::vector<Job> batch;
  while (true) {
    {
      std::unique_lock lock(queue_mu_);
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued write is done
      while (!queue_.empty() && batch.size() < config_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    CommitBatch(batch);
    batch.clear();
  }
}

namespace {

Status RunJob(Connection& conn, const Database::WriteFn& fn) {
  try {
    return fn(conn);
  } catch (const std::exception& e) {
    return Internal(e.what());
  }
}

}  // namespace

// One transaction per batch; each job inside its own savepoint so a failing job is undone
// alone. The callbacks go to the sync thread, so no caller is told "stored" before the fsync.
void Database::CommitBatch(std::vector<Job>& batch) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<Status> results(batch.size());
  Status txn = writer_->Exec("BEGIN IMMEDIATE");
  if (txn.ok()) {
    for (size_t i = 0; i < batch.size(); ++i) {
      txn = writer_->Exec("SAVEPOINT job");
      if (!txn.ok()) break;
      results[i] = RunJob(*writer_, batch[i].fn);
      if (!results[i].ok()) txn = writer_->Exec("ROLLBACK TO job");
      if (txn.ok()) txn = writer_->Exec("RELEASE job");
      if (!txn.ok()) break;
    }
    if (txn.ok()) txn = writer_->Exec("COMMIT");
    if (!txn.ok()) (void)writer_->Exec("ROLLBACK");
  }
  if (observer_.on_commit) {
    observer_.on_commit(std::chrono::steady_clock::now() - start, batch.size());
  }
  Pending pending{.committed = txn.ok()};
  pending.completions.reserve(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!batch[i].done) continue;
    pending.completions.push_back(
        {std::move(batch[i].done), txn.ok() ? std::move(results[i]) : Status(txn.error())});
  }
  {
    std::lock_guard lock(sync_mu_);
    sync_queue_.push_back(std::move(pending));
  }
  sync_cv_.notify_one();
}

// One fsync covers every commit queued before it started: the commits returned, so their WAL
// frames were written, and fdatasync flushes the whole file.
void Database::SyncLoop() {
  std::vector<Pending> ready;
  while (true) {
    {
      std::unique_lock lock(sync_mu_);
      sync_cv_.wait(lock, [&] { return sync_stopping_ || !sync_queue_.empty(); });
      if (sync_queue_.empty()) return;  // stopping, and every commit was synced
      ready.swap(sync_queue_);
    }
    const auto commits = static_cast<size_t>(
        std::count_if(ready.begin(), ready.end(), [](const Pending& p) { return p.committed; }));
    if (commits > 0) {
      const auto start = std::chrono::steady_clock::now();
      if (Status st = wal_.Sync(); !st.ok()) {
        std::fprintf(stderr, "kotacerdas: %s; stopping so recovery can run from the log\n",
                     st.error().message.en.c_str());
        std::abort();
      }
      if (observer_.on_sync) observer_.on_sync(std::chrono::steady_clock::now() - start, commits);
    }
    {
      std::lock_guard lock(done_mu_);
      for (Pending& p : ready) {
        for (Completion& c : p.completions) done_queue_.push_back(std::move(c));
      }
    }
    done_cv_.notify_one();
    ready.clear();
  }
}

void Database::CompletionLoop() {
  std::vector<Completion> ready;
  while (true) {
    {
      std::unique_lock lock(done_mu_);
      done_cv_.wait(lock, [&] { return done_stopping_ || !done_queue_.empty(); });
      if (done_queue_.empty()) return;  // stopping, and every callback has run
      ready.swap(done_queue_);
    }
    for (auto& c : ready) c.done(std::move(c.status));
    ready.clear();
  }
}

Status Database::IntegrityCheck() {
  return Read([](Connection& conn) -> Status {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("PRAGMA integrity_check"));
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (row && st.Text(0) == "ok") return Ok();
    return Error(ErrorCode::kUnavailable,
                 {"Pemeriksaan integritas basis data gagal: " + st.String(0),
                  "Database integrity check failed: " + st.String(0)},
                 "integrity_check_failed");
  });
}

Result<bool> Database::SchemaCurrent() {
  return Read([&](Connection& conn) -> Result<bool> {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT COALESCE(MAX(version),0) FROM schema_migrations"));
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    const int latest = migrations_.empty() ? 0 : migrations_.back().version;
    return row && st.Int(0) == latest;
  });
}

Status Database::Backup(const std::string& dest_path) {
  KC_ASSIGN_OR_RETURN(auto dest, Connection::Open(dest_path, Connection::Mode::kReadWrite,
                                                  config_.busy_timeout_ms));
  return Read([&](Connection& src) -> Status {
    sqlite3_backup* b = sqlite3_backup_init(dest->raw(), "main", src.raw(), "main");
    if (b == nullptr) return SqliteError(dest->raw(), sqlite3_errcode(dest->raw()), "backup");
    int rc = SQLITE_OK;
    // Small steps let the writer continue between them; a changed source restarts the copy.
    do {
      rc = sqlite3_backup_step(b, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(10);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) return SqliteError(dest->raw(), rc, "backup");
    return Ok();
  });
}

}  // namespace kc::store
