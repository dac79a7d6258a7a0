// Thin RAII wrappers over the SQLite C API. All SQL is parameterised through Statement::Bind.
// A Connection is used by one thread at a time (opened with SQLITE_OPEN_NOMUTEX); the pools in
// database.h hand connections out.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

namespace kc::store {

// Maps a SQLite result code to a kc::Error. Busy/locked/full/IO errors are kUnavailable;
// constraint violations are kConflict; everything else is kInternal.
Error SqliteError(sqlite3* db, int rc, std::string_view context);

// A prepared statement borrowed from a Connection's cache. Resets and clears its bindings when
// destroyed, so the cached statement is ready for the next user.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(std::exchange(o.stmt_, nullptr)) {}
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite. Text and blobs are copied (SQLITE_TRANSIENT).
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, std::nullptr_t);
  Statement& BindBlob(int index, std::string_view bytes);
  template <class T>
  Statement& Bind(int index, const std::optional<T>& v) {
    return v ? Bind(index, *v) : Bind(index, nullptr);
  }

  // Advances one row. true: a row is available; false: done.
  Result<bool> Step();
  // Runs to completion, ignoring rows, then resets so the statement can be bound and run again
  // (bindings are kept until rebound).
  Status Run();

  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  // Valid until the next Step or the statement's destruction.
  std::string_view Text(int col) const;
  std::string String(int col) const { return std::string(Text(col)); }
  std::string_view Blob(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // kReadWrite commits durably by itself (synchronous=FULL). kGroupWriter commits with
  // synchronous=NORMAL: the COMMIT has written the WAL but not fsynced it, and its owner must
  // fsync the WAL file before telling anyone the write is stored (Database does, once per
  // group of commits). NORMAL still fsyncs around checkpoints, so the file stays consistent.
  enum class Mode { kReadWrite, kGroupWriter, kReadOnly };

  // Opens (creating if needed, unless kReadOnly) the database with WAL journaling, foreign keys
  // on and the given busy timeout; `mode` sets the synchronous level as above.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, Mode mode,
                                                  int busy_timeout_ms);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Executes one or more statements without parameters (schema, pragmas, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  // Returns a cached prepared statement for `sql` (compiled on first use).
  Result<Statement> Prepare(std::string_view sql);

  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace kc::store
