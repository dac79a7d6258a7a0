#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "store/database.h"

namespace kc::store {
namespace {

namespace fs = std::filesystem;

constexpr Migration kTestMigrations[] = {
    {1, "items", "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"},
    {2, "items_note", "ALTER TABLE items ADD COLUMN note TEXT"},
};

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kc-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Database> OpenDb(std::span<const Migration> m = kTestMigrations) {
    auto db = Database::Open({.path = (dir_ / "kc.db").string()}, m);
    EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().message.en);
    return db.ok() ? std::move(db).value() : nullptr;
  }

  static Status Insert(Connection& c, const std::string& name) {
    KC_ASSIGN_OR_RETURN(auto st, c.Prepare("INSERT INTO items(name) VALUES(?)"));
    st.Bind(1, name);
    return st.Run();
  }

  static int64_t Count(Database& db) {
    return db.Read([](Connection& c) -> int64_t {
      auto st = c.Prepare("SELECT COUNT(*) FROM items");
      EXPECT_TRUE(st.ok());
      EXPECT_TRUE(*st->Step());
      return st->Int(0);
    });
  }

  fs::path dir_;
};

TEST_F(StoreTest, MigrationsApplyOnceAndAreRecorded) {
  auto db = OpenDb();
  ASSERT_TRUE(db);
  EXPECT_TRUE(*db->SchemaCurrent());
  db.reset();
  // Reopening applies nothing new; the schema stays current.
  auto again = OpenDb();
  ASSERT_TRUE(again);
  auto version = again->Read([](Connection& c) { return CurrentSchemaVersion(c); });
  EXPECT_EQ(*version, 2);
}

TEST_F(StoreTest, RefusesDatabaseNewerThanBinary) {
  ASSERT_TRUE(OpenDb());
  auto older = Database::Open({.path = (dir_ / "kc.db").string()},
                              std::span<const Migration>(kTestMigrations, 1));
  ASSERT_FALSE(older.ok());
  EXPECT_EQ(older.error().Slug(), "schema_too_new");
}

TEST_F(StoreTest, FailedWriteRollsBackAloneInItsBatch) {
  auto db = OpenDb();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->WriteSync([](Connection& c) { return Insert(c, "a"); }).ok());
  // Many concurrent writes land in shared batches; the duplicates fail without taking the
  // others down, and a job that inserts then fails leaves nothing behind.
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const std::string name = (i % 10 == 0) ? "a" : "n" + std::to_string(t * 1000 + i);
        Status st = db->WriteSync([&](Connection& c) -> Status {
          KC_RETURN_IF_ERROR(Insert(c, "half-" + name));
          return Insert(c, name);
        });
        (st.ok() ? ok : failed)++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 8 * 5);
  EXPECT_EQ(ok.load(), 8 * 45);
  EXPECT_EQ(Count(*db), 1 + 2 * 8 * 45);
}

TEST_F(StoreTest, StatementCanBeReboundAfterRun) {
  auto db = OpenDb();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->WriteSync([](Connection& c) -> Status {
                  KC_ASSIGN_OR_RETURN(auto st, c.Prepare("INSERT INTO items(name) VALUES(?)"));
                  for (const char* name : {"satu", "dua", "tiga"}) {
                    st.Bind(1, name);
                    KC_RETURN_IF_ERROR(st.Run());
                  }
                  return Ok();
                }).ok());
  EXPECT_EQ(Count(*db), 3);
}

TEST_F(StoreTest, ExceptionInWriteBecomesInternalError) {
  auto db = OpenDb();
  ASSERT_TRUE(db);
  Status st = db->WriteSync([](Connection& c) -> Status {
    (void)Insert(c, "x");
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kInternal);
  EXPECT_EQ(Count(*db), 0);
}

TEST_F(StoreTest, WritesAreVisibleToReadersAfterCompletion) {
  auto db = OpenDb();
  ASSERT_TRUE(db);
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(db->WriteSync([&](Connection& c) { return Insert(c, std::to_string(i)); }).ok());
    EXPECT_EQ(Count(*db), i + 1);
  }
}

// The durability contract of the pipeline: the writer commits without fsync, so a write may
// be acknowledged only after a WAL fsync that started after its commit. One write at a time
// makes that exact: each write needs its own fsync, between its job and its callback.
TEST_F(StoreTest, EachAcknowledgedWriteWaitsForAWalSyncAfterItsCommit) {
  auto db = OpenDb();
  ASSERT_TRUE(db);
  std::atomic<int> syncs{0};
  db->set_observer({.on_sync = [&](auto, size_t commits) {
    EXPECT_EQ(commits, 1u);
    ++syncs;
  }});
  for (int i = 0; i < 10; ++i) {
    int at_job = -1;
    std::promise<int> at_done;
    db->Write(
        [&](Connection& c) {
          at_job = syncs.load();
          return Insert(c, "w" + std::to_string(i));
        },
        [&](Status st) {
          EXPECT_TRUE(st.ok());
          at_done.set_value(syncs.load());
        });
    const int synced_at_done = at_done.get_future().get();  // also orders the read of at_job
    EXPECT_EQ(synced_at_done, at_job + 1) << "write " << i;
  }
  EXPECT_EQ(syncs.load(), 10);
}

TEST_F(StoreTest, WalSyncFollowsARecreatedLogAndReportsAMissingOne) {
  const std::string db_path = (dir_ / "x.db").string();
  const std::string wal_path = db_path + "-wal";
  WalSync wal(db_path);
  auto missing = wal.Sync();
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().slug, "wal_sync_failed");
  std::ofstream(wal_path) << "first log";
  EXPECT_TRUE(wal.Sync().ok());
  fs::remove(wal_path);  // unlinked while held: the held file is still synced
  EXPECT_TRUE(wal.Sync().ok());
  std::ofstream(wal_path) << "second log";  // a new log at the path is opened and synced
  EXPECT_TRUE(wal.Sync().ok());
  WalSync fresh(db_path);
  fs::remove(wal_path);
  EXPECT_FALSE(fresh.Sync().ok());  // never held, and gone
}

// An in-memory database has no WAL, as a file system without shared memory would not: refused.
TEST_F(StoreTest, DatabaseWithoutWalIsRefused) {
  auto conn = Connection::Open(":memory:", Connection::Mode::kGroupWriter, 100);
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().slug, "wal_unavailable");
  EXPECT_TRUE(
      Connection::Open((dir_ / "ok.db").string(), Connection::Mode::kGroupWriter, 100).ok());
}

TEST_F(StoreTest, BackupCopiesLiveDatabaseAndPassesIntegrityCheck) {
  auto db = OpenDb();
  ASSERT_TRUE(db);
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(db->WriteSync([&](Connection& c) { return Insert(c, std::to_string(i)); }).ok());
  }
  EXPECT_TRUE(db->IntegrityCheck().ok());
  const auto copy = (dir_ / "copy.db").string();
  ASSERT_TRUE(db->Backup(copy).ok());
  auto restored = Database::Open({.path = copy}, kTestMigrations);
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(Count(**restored), 100);
}

TEST_F(StoreTest, ParametersAreNeverInterpretedAsSql) {
  auto db = OpenDb();
  ASSERT_TRUE(db);
  const std::string evil = "x'); DROP TABLE items; --";
  ASSERT_TRUE(db->WriteSync([&](Connection& c) { return Insert(c, evil); }).ok());
  auto name = db->Read([](Connection& c) -> std::string {
    auto st = c.Prepare("SELECT name FROM items");
    EXPECT_TRUE(*st->Step());
    return st->String(0);
  });
  EXPECT_EQ(name, evil);
}

TEST_F(StoreTest, EmbeddedMigrationsAreOrderedAndApply) {
  const auto all = EmbeddedMigrations();
  ASSERT_FALSE(all.empty());
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].version, all[i].version);
  auto db = Database::Open({.path = (dir_ / "real.db").string()}, all);
  ASSERT_TRUE(db.ok()) << db.error().message.en;
  EXPECT_TRUE(*(*db)->SchemaCurrent());
}

}  // namespace
}  // namespace kc::store
