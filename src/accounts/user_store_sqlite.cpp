// Users, grants and settings on SQLite (account_store.h).
#include <string>

#include "accounts/account_store.h"

namespace kc::accounts::db {
namespace {

constexpr std::string_view kUserColumns =
    "id, name, COALESCE(email, ''), COALESCE(phone, ''), password_hash, status, language, "
    "verified_at IS NOT NULL, created_at";

User UserFromRow(const store::Statement& st) {
  User u;
  u.id = st.Int(0);
  u.name = st.String(1);
  u.email = st.String(2);
  u.phone = st.String(3);
  u.password_hash = st.String(4);
  u.status = st.Text(5) == "disabled" ? UserStatus::kDisabled : UserStatus::kActive;
  u.language = LanguageFromString(st.Text(6)).value_or(Language::kId);
  u.verified = st.Int(7) != 0;
  u.created_at = ParseTimestamp(st.Text(8)).value_or(TimePoint{});
  return u;
}

std::optional<std::string> NullIfEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

Status LoadGrants(Connection& conn, User& user) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT id, role, region_code, opd_id, kecamatan_code, kelurahan_code FROM grants "
      "WHERE user_id = ?1 ORDER BY id"));
  st.Bind(1, user.id);
  user.grants.clear();
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Ok();
    auto role = RoleFromString(st.Text(1));
    if (!role) continue;  // unknown role from a newer binary: grants nothing here
    user.grants.push_back({st.Int(0),
                           {*role, st.String(2), {st.String(3), st.String(4), st.String(5)}}});
  }
}

template <class T>
Result<std::optional<User>> FindOne(Connection& conn, const std::string& where, const T& key) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT " + std::string(kUserColumns) +
                                            " FROM users WHERE " + where));
  st.Bind(1, key);
  KC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<User>();
  User u = UserFromRow(st);
  KC_RETURN_IF_ERROR(LoadGrants(conn, u));
  return std::optional<User>(std::move(u));
}

Error AccountExists() {
  return Error(ErrorCode::kConflict,
               {"Akun dengan email atau nomor telepon ini sudah ada.",
                "An account with this email or phone number already exists."},
               "account_exists");
}

}  // namespace

Result<std::optional<User>> FindUser(Connection& conn, int64_t id) {
  return FindOne(conn, "id = ?1", id);
}

Result<std::optional<User>> FindUserByContact(Connection& conn, std::string_view email,
                                              std::string_view phone) {
  if (!email.empty()) return FindOne(conn, "email = ?1", email);
  if (!phone.empty()) return FindOne(conn, "phone = ?1", phone);
  return std::optional<User>();
}

Result<int64_t> InsertUser(Connection& conn, const User& u, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto dup, conn.Prepare(
      "SELECT 1 FROM users WHERE email = ?1 OR phone = ?2"));
  KC_ASSIGN_OR_RETURN(bool exists, dup.Bind(1, NullIfEmpty(u.email)).Bind(2, NullIfEmpty(u.phone)).Step());
  if (exists) return AccountExists();
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO users (name, email, phone, password_hash, status, language, verified_at, "
      "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)"));
  const std::string at = FormatUtc(now);
  st.Bind(1, u.name).Bind(2, NullIfEmpty(u.email)).Bind(3, NullIfEmpty(u.phone));
  st.Bind(4, u.password_hash).Bind(5, ToString(u.status)).Bind(6, ToString(u.language));
  st.Bind(7, u.verified ? std::optional<std::string>(at) : std::nullopt).Bind(8, at);
  KC_RETURN_IF_ERROR(st.Run());
  return conn.LastInsertId();
}

Status ResetUnverifiedUser(Connection& conn, int64_t id, const std::string& name,
                           const std::string& password_hash, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE users SET name = ?1, password_hash = ?2, updated_at = ?3 "
      "WHERE id = ?4 AND verified_at IS NULL"));
  KC_RETURN_IF_ERROR(st.Bind(1, name).Bind(2, password_hash).Bind(3, FormatUtc(now)).Bind(4, id).Run());
  if (conn.Changes() == 0) return AccountExists();
  return Ok();
}

Status SetPasswordHash(Connection& conn, int64_t id, const std::string& hash, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE users SET password_hash = ?1, updated_at = ?2 WHERE id = ?3"));
  return st.Bind(1, hash).Bind(2, FormatUtc(now)).Bind(3, id).Run();
}

Status SetStatus(Connection& conn, int64_t id, UserStatus status, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE users SET status = ?1, updated_at = ?2 WHERE id = ?3"));
  return st.Bind(1, ToString(status)).Bind(2, FormatUtc(now)).Bind(3, id).Run();
}

Status SetVerified(Connection& conn, int64_t id, TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "UPDATE users SET verified_at = COALESCE(verified_at, ?1), updated_at = ?1 WHERE id = ?2"));
  return st.Bind(1, FormatUtc(now)).Bind(2, id).Run();
}

Result<std::vector<User>> ListUsers(Connection& conn, std::string_view region_code,
                                    int64_t after_id, int limit) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT " + std::string(kUserColumns) + " FROM users WHERE id > ?1 AND (?2 = '' OR id IN "
      "(SELECT user_id FROM grants WHERE region_code = ?2)) ORDER BY id LIMIT ?3"));
  st.Bind(1, after_id).Bind(2, region_code).Bind(3, limit);
  std::vector<User> users;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    users.push_back(UserFromRow(st));
  }
  for (User& u : users) KC_RETURN_IF_ERROR(LoadGrants(conn, u));
  return users;
}

Result<int64_t> InsertGrant(Connection& conn, int64_t user_id, const Grant& g, int64_t created_by,
                            TimePoint now) {
  KC_ASSIGN_OR_RETURN(auto dup, conn.Prepare(
      "SELECT 1 FROM grants WHERE user_id = ?1 AND role = ?2 AND region_code = ?3 AND "
      "opd_id = ?4 AND kecamatan_code = ?5 AND kelurahan_code = ?6"));
  dup.Bind(1, user_id).Bind(2, ToString(g.role)).Bind(3, g.region_code);
  dup.Bind(4, g.scope.opd_id).Bind(5, g.scope.kecamatan_code).Bind(6, g.scope.kelurahan_code);
  KC_ASSIGN_OR_RETURN(bool exists, dup.Step());
  if (exists) {
    return Error(ErrorCode::kConflict,
                 {"Pengguna sudah memiliki peran ini.", "The user already holds this role."},
                 "grant_exists");
  }
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "INSERT INTO grants (user_id, role, region_code, opd_id, kecamatan_code, kelurahan_code, "
      "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  st.Bind(1, user_id).Bind(2, ToString(g.role)).Bind(3, g.region_code).Bind(4, g.scope.opd_id);
  st.Bind(5, g.scope.kecamatan_code).Bind(6, g.scope.kelurahan_code).Bind(7, FormatUtc(now));
  st.Bind(8, created_by > 0 ? std::optional<int64_t>(created_by) : std::nullopt);
  KC_RETURN_IF_ERROR(st.Run());
  return conn.LastInsertId();
}

Result<std::optional<StoredGrant>> FindGrant(Connection& conn, int64_t user_id, int64_t grant_id) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
      "SELECT id, role, region_code, opd_id, kecamatan_code, kelurahan_code FROM grants "
      "WHERE user_id = ?1 AND id = ?2"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, user_id).Bind(2, grant_id).Step());
  if (!row) return std::optional<StoredGrant>();
  auto role = RoleFromString(st.Text(1));
  if (!role) return std::optional<StoredGrant>();
  return std::optional<StoredGrant>(StoredGrant{
      st.Int(0), {*role, st.String(2), {st.String(3), st.String(4), st.String(5)}}});
}

Status DeleteGrant(Connection& conn, int64_t grant_id) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("DELETE FROM grants WHERE id = ?1"));
  return st.Bind(1, grant_id).Run();
}

Result<std::optional<std::string>> GetSetting(Connection& conn, std::string_view key) {
  KC_ASSIGN_OR_RETURN(auto st, conn.Prepare("SELECT value FROM settings WHERE key = ?1"));
  KC_ASSIGN_OR_RETURN(bool row, st.Bind(1, key).Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(st.String(0));
}

Result<std::string> PutSettingIfAbsent(Connection& conn, std::string_view key,
                                       const std::string& value, TimePoint now) {
  {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (key) DO NOTHING"));
    KC_RETURN_IF_ERROR(st.Bind(1, key).Bind(2, value).Bind(3, FormatUtc(now)).Run());
  }
  KC_ASSIGN_OR_RETURN(auto stored, GetSetting(conn, key));
  if (!stored) return Internal("setting vanished");
  return *stored;
}

}  // namespace kc::accounts::db
