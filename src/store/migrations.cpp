#include "store/migrations.h"

#include <string>

#include "core/time.h"

namespace kc::store {

namespace {
constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}  // namespace

Result<int> CurrentSchemaVersion(Connection& conn) {
  KC_RETURN_IF_ERROR(conn.Exec(kCreateTable));
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  KC_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? static_cast<int>(st.Int(0)) : 0;
}

Result<int> ApplyMigrations(Connection& conn, std::span<const Migration> migrations) {
  KC_ASSIGN_OR_RETURN(int current, CurrentSchemaVersion(conn));
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current > latest) {
    return Error(ErrorCode::kUnavailable,
                 {"Skema basis data (versi " + std::to_string(current) +
                      ") lebih baru dari program ini (versi " + std::to_string(latest) + ").",
                  "The database schema (version " + std::to_string(current) +
                      ") is newer than this program (version " + std::to_string(latest) + ")."},
                 "schema_too_new");
  }
  int applied = 0;
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    KC_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
    Status st = conn.Exec(m.sql);
    if (st.ok()) {
      auto ins = conn.Prepare("INSERT INTO schema_migrations(version, name, applied_at) VALUES(?,?,?)");
      if (!ins.ok()) {
        st = std::move(ins).error();
      } else {
        ins->Bind(1, m.version).Bind(2, m.name).Bind(3, FormatUtc(NowUtc()));
        st = ins->Run();
      }
    }
    if (!st.ok()) {
      (void)conn.Exec("ROLLBACK");
      Error e = std::move(st).error();
      e.message.id = "Migrasi " + std::to_string(m.version) + " gagal: " + e.message.id;
      e.message.en = "Migration " + std::to_string(m.version) + " failed: " + e.message.en;
      return e;
    }
    KC_RETURN_IF_ERROR(conn.Exec("COMMIT"));
    ++applied;
  }
  return applied;
}

}  // namespace kc::store
