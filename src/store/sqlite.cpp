#include "store/sqlite.h"

#include <mutex>
#include <string>

namespace kc::store {
namespace {

// Process-wide settings, before SQLite initialises. Memory statistics take a global mutex on
// every allocation, which all connections (the writer above all) would contend on; nothing
// here reads them.
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Error SqliteError(sqlite3* db, int rc, std::string_view context) {
  const int primary = rc & 0xFF;
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
      return Error(ErrorCode::kUnavailable,
                   {"Penyimpanan data sedang tidak tersedia, silakan coba lagi.",
                    "Storage is temporarily unavailable, please retry."},
                   "storage_unavailable");
    case SQLITE_CONSTRAINT:
      return Error(ErrorCode::kConflict,
                   {"Data bertentangan dengan data yang sudah ada.",
                    "The data conflicts with existing data."});
    default:
      return Error(ErrorCode::kInternal,
                   {"Kesalahan penyimpanan data: " + std::string(context) + ": " + detail,
                    "Storage error: " + std::string(context) + ": " + detail});
  }
}

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Statement& Statement::Bind(int index, std::nullptr_t) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}
Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, sqlite3_sql(stmt_));
}

Status Statement::Run() {
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) break;
  }
  // Ready for the next Bind/Run on the same borrowed statement (binding a statement that was
  // stepped to completion without a reset is refused by SQLite).
  sqlite3_reset(stmt_);
  return Ok();
}

std::string_view Statement::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (p == nullptr) return {};
  return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

std::string_view Statement::Blob(int col) const {
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
  if (p == nullptr) return {};
  return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

namespace {

// Durability (and a group writer's WAL fsync above all) relies on the WAL: a file system where
// SQLite cannot keep one (no shared memory for its index) is refused, not silently run without.
Status UseWal(Connection& conn, const std::string& path) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("PRAGMA journal_mode=WAL"));
  KC_ASSIGN_OR_RETURN(bool row, st.Step());
  const std::string mode = row ? st.String(0) : "";
  if (mode == "wal") return Ok();
  return Error(ErrorCode::kUnavailable,
               {"Basis data " + path + " tidak dapat memakai mode WAL (mode: " + mode +
                    "); letakkan di sistem berkas lokal.",
                "The database " + path + " cannot use WAL mode (mode: " + mode +
                    "); put it on a local file system."},
               "wal_unavailable");
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, Mode mode,
                                                     int busy_timeout_ms) {
  ConfigureSqliteOnce();
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                    (mode != Mode::kReadOnly ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(db, rc, "open " + path);
    sqlite3_close_v2(db);
    return e;
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  // WAL lets readers run beside the single writer. synchronous=FULL makes every commit durable
  // (the WAL is fsynced before COMMIT returns); a group writer's owner fsyncs the WAL instead.
  std::string pragmas =
      "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384;";
  pragmas += mode == Mode::kGroupWriter ? "PRAGMA synchronous=NORMAL;" : "PRAGMA synchronous=FULL;";
  if (mode == Mode::kReadOnly) pragmas += "PRAGMA query_only=ON;";
  KC_RETURN_IF_ERROR(conn->Exec(pragmas));
  if (mode != Mode::kReadOnly) KC_RETURN_IF_ERROR(UseWal(*conn, path));
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Status Connection::Exec(std::string_view sql) {
  std::string owned(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, owned.substr(0, 80));
  return Ok();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, sql.substr(0, 80));
    it = cache_.emplace(std::string(sql), stmt).first;
  }
  return Statement(db_, it->second);
}

}  // namespace kc::store
