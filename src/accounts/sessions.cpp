#include "accounts/sessions.h"

#include <spdlog/spdlog.h>

#include "accounts/account_store.h"

namespace kc::accounts {

Error SessionInvalid() {
  return Error(ErrorCode::kUnauthenticated,
               {"Sesi tidak valid. Silakan masuk kembali.", "Invalid session. Please sign in again."},
               "session_invalid");
}

Error SessionExpired() {
  return Error(ErrorCode::kUnauthenticated,
               {"Sesi telah berakhir. Silakan masuk kembali.", "Session expired. Please sign in again."},
               "session_expired");
}

namespace {

Error InvalidApiKey() {
  return Error(ErrorCode::kUnauthenticated,
               {"Kunci API tidak valid.", "Invalid API key."}, "invalid_api_key");
}

}  // namespace

Sessions::Sessions(store::Database& db, SecretKey csrf_key, SessionPolicy policy, ClockFn clock)
    : db_(db),
      csrf_key_(std::move(csrf_key)),
      policy_(policy),
      clock_(clock ? std::move(clock) : ClockFn(NowUtc)),
      cache_(policy.cache_ttl, policy.max_cached) {}

NewSession Sessions::Prepare(int64_t user_id, std::string_view user_agent, std::string_view ip) const {
  NewSession s;
  s.token = NewToken(kSessionTokenPrefix);
  const TimePoint now = Now();
  s.row.user_id = user_id;
  s.row.token_hash = HashToken(s.token);
  s.row.created_at = now;
  s.row.last_seen_at = now;
  s.row.expires_at = now + policy_.absolute;
  s.row.user_agent = std::string(user_agent.substr(0, kMaxUserAgentBytes));
  s.row.ip = std::string(ip.substr(0, 64));
  s.csrf_token = Csrf(s.row.token_hash);
  return s;
}

CallerPtr Sessions::MakeCaller(const User& user, const Session& session) const {
  auto c = std::make_shared<Caller>();
  c->kind = CallerKind::kSession;
  c->principal = user.ToPrincipal();
  c->user_id = user.id;
  c->session_id = session.id;
  c->session_hash = session.token_hash;
  c->csrf_token = Csrf(session.token_hash);
  c->name = user.name;
  c->email = user.email;
  c->phone = user.phone;
  c->language = user.language;
  return c;
}

Result<CallerPtr> Sessions::AuthenticateSession(std::string_view token) {
  if (!HasTokenShape(token, kSessionTokenPrefix)) return SessionInvalid();
  const std::string hash = HashToken(token);
  const TimePoint now = Now();
  bool write_due = false;
  if (auto hit = cache_.Get(hash, now, policy_.touch_interval, write_due)) {
    if (now >= hit->expires_at || now - hit->last_seen >= policy_.idle) {
      cache_.Erase(hash);
      return SessionExpired();
    }
    if (write_due) TouchLater(hit->caller->session_id, now);
    return hit->caller;
  }
  return LoadSession(hash, now);
}

Result<CallerPtr> Sessions::LoadSession(const std::string& hash, TimePoint now) {
  const uint64_t epoch = cache_.epoch();
  struct Loaded {
    Session session;
    User user;
  };
  auto loaded = db_.Read([&](store::Connection& conn) -> Result<std::optional<Loaded>> {
    KC_ASSIGN_OR_RETURN(auto session, db::FindSessionByHash(conn, hash));
    if (!session) return std::optional<Loaded>();
    KC_ASSIGN_OR_RETURN(auto user, db::FindUser(conn, session->user_id));
    if (!user) return std::optional<Loaded>();
    return std::optional<Loaded>(Loaded{std::move(*session), std::move(*user)});
  });
  if (!loaded.ok()) return std::move(loaded).error();
  if (!*loaded || (*loaded)->session.revoked || (*loaded)->user.status != UserStatus::kActive) {
    return SessionInvalid();
  }
  const Session& s = (*loaded)->session;
  if (now >= s.expires_at || now - s.last_seen_at >= policy_.idle) return SessionExpired();
  CallerPtr caller = MakeCaller((*loaded)->user, s);
  CachedCredential entry{caller, s.expires_at, now, s.last_seen_at, now};
  if (now - s.last_seen_at >= policy_.touch_interval) {
    TouchLater(s.id, now);
    entry.last_written = now;
  }
  cache_.Put(hash, std::move(entry), epoch);
  return caller;
}

void Sessions::TouchLater(int64_t session_id, TimePoint now) {
  db_.Write([session_id, now](store::Connection& conn) { return db::TouchSession(conn, session_id, now); },
            [session_id](Status st) {
              if (!st.ok()) spdlog::warn("session {} last_seen not saved: {}", session_id, st.error().message.en);
            });
}

Result<CallerPtr> Sessions::AuthenticateApiKey(std::string_view key) {
  if (!HasTokenShape(key, kApiKeyPrefix)) return InvalidApiKey();
  const std::string hash = HashToken(key);
  const TimePoint now = Now();
  bool write_due = false;
  if (auto hit = cache_.Get(hash, now, policy_.touch_interval, write_due)) {
    if (write_due) {
      const int64_t id = hit->caller->api_key_id;
      db_.Write([id, now](store::Connection& conn) { return db::TouchApiKey(conn, id, now); },
                [](Status) {});
    }
    return hit->caller;
  }
  return LoadApiKey(hash, now);
}

Result<CallerPtr> Sessions::LoadApiKey(const std::string& hash, TimePoint now) {
  const uint64_t epoch = cache_.epoch();
  auto key = db_.Read([&](store::Connection& conn) { return db::FindApiKeyByHash(conn, hash); });
  if (!key.ok()) return std::move(key).error();
  if (!*key || (*key)->revoked) return InvalidApiKey();
  auto c = std::make_shared<Caller>();
  c->kind = CallerKind::kApiKey;
  c->principal.user_id = "apikey:" + std::to_string((*key)->id);
  c->api_key_id = (*key)->id;
  c->api_key_region = (*key)->region_code;
  const int64_t id = (*key)->id;
  db_.Write([id, now](store::Connection& conn) { return db::TouchApiKey(conn, id, now); },
            [](Status) {});
  cache_.Put(hash, {c, TimePoint::max(), now, now, now}, epoch);
  return CallerPtr(c);
}

}  // namespace kc::accounts
