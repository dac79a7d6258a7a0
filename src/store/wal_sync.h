// Makes a database's write-ahead log durable from outside SQLite: fdatasync of "<db>-wal".
//
// Why this is enough: a COMMIT with synchronous=NORMAL has write()n its WAL frames before it
// returns, and fdatasync flushes every dirty page of the file (the inode), whichever
// descriptor wrote it. So once Sync() returns after a commit returned, that commit is durable.
// NORMAL already syncs the WAL before each checkpoint and when the WAL restarts, so recovery
// after a crash finds a consistent log; Sync() only adds the fsync that FULL would do per commit.
#pragma once

#include <string>

#include "core/result.h"

namespace kc::store {

class WalSync {
 public:
  explicit WalSync(std::string db_path) : wal_path_(std::move(db_path) + "-wal") {}
  ~WalSync();
  WalSync(const WalSync&) = delete;
  WalSync& operator=(const WalSync&) = delete;

  // fdatasync of the WAL file. Opens it on first use and again when the file at the path is
  // not the one held open (SQLite deletes the WAL when the last connection closes and makes a
  // new one on the next open); keeps syncing the held file when the path is gone.
  Status Sync();

 private:
  Status Reopen();

  std::string wal_path_;
  int fd_ = -1;
};

}  // namespace kc::store
