// Sessions, API keys and one-time codes on SQLite (account_store.h).
#include <string>

#include "accounts/account_store.h"

namespace kc::accounts::db {
namespace {

constexpr std::string_view kSessionColumns =
    "id, user_id, token_hash, created_at, last_seen_at, expires_at, user_agent, ip, "
    "revoked_at IS NOT NULL";
constexpr std::string_view kKeyColumns =
    "id, region_code, name, key_hash, COALESCE(created_by, 0), created_at, last_used_at, "
    "revoked_at IS NOT NULL";

TimePoint Ts(const store::Statement& st, int col) {
  return ParseTimestamp(st.Text(col)).value_or(TimePoint{});
}

Session SessionFromRow(const store::Statement& st) {
  return {.id = st.Int(0),
          .user_id = st.Int(1),
          .token_hash = st.String(2),
          .created_at = Ts(st, 3),
          .last_seen_at = Ts(st, 4),
          .expires_at = Ts(st, 5),
          .user_agent = st.String(6),
          .ip = st.String(7),
          .revoked = st.Int(8) != 0};
}

ApiKey KeyFromRow(const store::Statement& st) {
  ApiKey k{.id = st.Int(0),
           .region_code = st.String(1),
           .name = st.String(2),
           .key_hash = st.String(3),
           .created_by = st.Int(4),
           .created_at = Ts(st, 5)};
  if (!st.IsNull(6)) k.last_used_at = Ts(st, 6);
  k.revoked = st.Int(7) != 0;
  return k;
}

}  // namespace

Result<int64_t> InsertSession(Connection& conn, const Session& s) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, "
      "user_agent, ip) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  st.Bind(1, s.token_hash).Bind(2, s.user_id).Bind(3, FormatUtc(s.created_at));
  st.Bind(4, FormatUtc(s.last_seen_at)).Bind(5, FormatUtc(s.expires_at));
  st.Bind(6, s.user_agent).Bind(7, s.ip);
  KC_RETURN_IF_ERROR(st.Run());
  return conn.LastInsertId();
}

Result<std::optional<Session>> FindSessionByHash(Connection& conn, std::string_view token_hash) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kSessionColumns) +
                                            " FROM sessions WHERE token_hash = ?1"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, token_hash).Step());
  if (!row) return std::optional<Session>();
  return std::optional<Session>(SessionFromRow(st));
}

Result<std::vector<Session>> ListSessions(Connection& conn, int64_t user_id, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT " + std::string(kSessionColumns) + " FROM sessions WHERE user_id = ?1 AND "
      "revoked_at IS NULL AND expires_at > ?2 ORDER BY id DESC LIMIT 200"));
  st.Bind(1, user_id).Bind(2, FormatUtc(now));
  std::vector<Session> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(SessionFromRow(st));
  }
}

Status TouchSession(Connection& conn, int64_t id, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE sessions SET last_seen_at = ?1 WHERE id = ?2 AND last_seen_at < ?1"));
  return st.Bind(1, FormatUtc(now)).Bind(2, id).Run();
}

Status RevokeSession(Connection& conn, int64_t user_id, int64_t id, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE sessions SET revoked_at = ?1 WHERE id = ?2 AND user_id = ?3 AND revoked_at IS NULL"));
  KC_RETURN_IF_ERROR(st.Bind(1, FormatUtc(now)).Bind(2, id).Bind(3, user_id).Run());
  if (conn.Changes() == 0) {
    return NotFound({"Sesi tidak ditemukan.", "No such session."});
  }
  return Ok();
}

Result<std::vector<std::string>> RevokeUserSessions(Connection& conn, int64_t user_id,
                                                    int64_t except_id, TimePoint now) {
  std::vector<std::string> hashes;
  {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT token_hash FROM sessions WHERE user_id = ?1 AND id != ?2 AND revoked_at IS NULL"));
    st.Bind(1, user_id).Bind(2, except_id);
    while (true) {
      KC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      hashes.push_back(st.String(0));
    }
  }
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE sessions SET revoked_at = ?1 WHERE user_id = ?2 AND id != ?3 AND revoked_at IS NULL"));
  KC_RETURN_IF_ERROR(st.Bind(1, FormatUtc(now)).Bind(2, user_id).Bind(3, except_id).Run());
  return hashes;
}

Result<int64_t> InsertApiKey(Connection& conn, const ApiKey& k) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO api_keys (region_code, name, key_hash, created_by, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.Bind(1, k.region_code).Bind(2, k.name).Bind(3, k.key_hash);
  st.Bind(4, k.created_by > 0 ? std::optional<int64_t>(k.created_by) : std::nullopt);
  st.Bind(5, FormatUtc(k.created_at));
  KC_RETURN_IF_ERROR(st.Run());
  return conn.LastInsertId();
}

Result<std::optional<ApiKey>> FindApiKeyByHash(Connection& conn, std::string_view key_hash) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kKeyColumns) +
                                            " FROM api_keys WHERE key_hash = ?1"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, key_hash).Step());
  if (!row) return std::optional<ApiKey>();
  return std::optional<ApiKey>(KeyFromRow(st));
}

Result<std::vector<ApiKey>> ListApiKeys(Connection& conn, std::string_view region_code) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kKeyColumns) +
                                            " FROM api_keys WHERE region_code = ?1 ORDER BY id"));
  st.Bind(1, region_code);
  std::vector<ApiKey> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(KeyFromRow(st));
  }
}

Result<ApiKey> RevokeApiKey(Connection& conn, std::string_view region_code, int64_t id,
                            TimePoint now) {
  ApiKey key;
  {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "SELECT " + std::string(kKeyColumns) +
        " FROM api_keys WHERE id = ?1 AND region_code = ?2 AND revoked_at IS NULL"));
    KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, id).Bind(2, region_code).Step());
    if (!row) return NotFound({"Kunci API tidak ditemukan.", "No such API key."});
    key = KeyFromRow(st);
  }
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("UPDATE api_keys SET revoked_at = ?1 WHERE id = ?2"));
  KC_RETURN_IF_ERROR(st.Bind(1, FormatUtc(now)).Bind(2, id).Run());
  return key;
}

Status TouchApiKey(Connection& conn, int64_t id, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("UPDATE api_keys SET last_used_at = ?1 WHERE id = ?2"));
  return st.Bind(1, FormatUtc(now)).Bind(2, id).Run();
}

Status InsertCode(Connection& conn, int64_t user_id, std::string_view purpose,
                  const std::string& code_hash, TimePoint expires_at, TimePoint now) {
  {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "UPDATE account_codes SET used_at = ?1 WHERE user_id = ?2 AND purpose = ?3 AND "
        "used_at IS NULL"));
    KC_RETURN_IF_ERROR(st.Bind(1, FormatUtc(now)).Bind(2, user_id).Bind(3, purpose).Run());
  }
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO account_codes (user_id, purpose, code_hash, expires_at, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)"));
  st.Bind(1, user_id).Bind(2, purpose).Bind(3, code_hash).Bind(4, FormatUtc(expires_at));
  return st.Bind(5, FormatUtc(now)).Run();
}

Result<std::optional<StoredCode>> FindActiveCode(Connection& conn, int64_t user_id,
                                                 std::string_view purpose, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT id, code_hash, expires_at, attempts FROM account_codes WHERE user_id = ?1 AND "
      "purpose = ?2 AND used_at IS NULL AND expires_at > ?3 ORDER BY id DESC LIMIT 1"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, user_id).Bind(2, purpose).Bind(3, FormatUtc(now)).Step());
  if (!row) return std::optional<StoredCode>();
  return std::optional<StoredCode>(
      StoredCode{st.Int(0), st.String(1), Ts(st, 2), static_cast<int>(st.Int(3))});
}

Status CountCodeAttempt(Connection& conn, int64_t code_id) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE account_codes SET attempts = attempts + 1 WHERE id = ?1"));
  return st.Bind(1, code_id).Run();
}

Status MarkCodeUsed(Connection& conn, int64_t code_id, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE account_codes SET used_at = ?1 WHERE id = ?2 AND used_at IS NULL"));
  KC_RETURN_IF_ERROR(st.Bind(1, FormatUtc(now)).Bind(2, code_id).Run());
  if (conn.Changes() == 0) {
    return Error(ErrorCode::kInvalidArgument,
                 {"Kode sudah dipakai.", "The code was already used."}, "invalid_code");
  }
  return Ok();
}

}  // namespace kc::accounts::db
