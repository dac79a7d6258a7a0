// Password change and reset, and the caller's sessions (auth_service.h).
#include <spdlog/spdlog.h>

#include "accounts/account_store.h"
#include "accounts/auth_service.h"
#include "accounts/password.h"

namespace kc::accounts {
namespace {

Error Busy() {
  return Unavailable({"Server sedang sibuk, coba lagi sebentar.", "The server is busy, try again shortly."});
}

}  // namespace

void AuthService::ChangePassword(const Caller& caller, std::string current, std::string next,
                                 StatusDone done) {
  const std::string key = "user:" + std::to_string(caller.user_id);
  if (auto d = limits_.password_lockout.Check(key, sessions_.Now()); !d) return done(RateLimited(d));
  const std::string identifier = caller.email.empty() ? caller.phone : caller.email;
  if (auto st = ValidatePassword(next, identifier); !st.ok()) return done(std::move(st));
  auto task = [this, key, user_id = caller.user_id, session_id = caller.session_id,
               current = std::move(current), next = std::move(next), done]() {
    auto user = db_.Read([&](store::Connection& conn) { return db::FindUser(conn, user_id); });
    if (!user.ok()) return done(std::move(user).error());
    if (!*user || !VerifyPassword(current, (*user)->password_hash)) {
      limits_.password_lockout.RecordFailure(key, sessions_.Now());
      spdlog::warn("password change: wrong current password for user {}", user_id);
      return done(Error(ErrorCode::kUnauthenticated,
                        {"Kata sandi saat ini salah.", "The current password is wrong."},
                        "invalid_credentials"));
    }
    limits_.password_lockout.RecordSuccess(key);
    auto hash = HashPassword(next);
    if (!hash.ok()) return done(std::move(hash).error());
    const TimePoint now = sessions_.Now();
    db_.Write(
        [=, h = *hash](store::Connection& conn) -> Status {
          KC_RETURN_IF_ERROR(db::SetPasswordHash(conn, user_id, h, now));
          return db::RevokeUserSessions(conn, user_id, session_id, now).ok() ? Ok() : Status(Internal("revoke"));
        },
        [this, user_id, done](Status st) {
          if (st.ok()) sessions_.cache().EraseUser(user_id);
          done(std::move(st));
        });
  };
  if (!pool_.Post(std::move(task))) done(Busy());
}

void AuthService::SendCodeWrite(int64_t user_id, const std::string& contact, CodePurpose purpose,
                                Language language, StatusDone done) {
  const std::string code = NewNumericCode(6);
  const TimePoint now = sessions_.Now();
  const std::string purpose_name(ToString(purpose));
  db_.Write(
      [=](store::Connection& conn) {
        return db::InsertCode(conn, user_id, purpose_name, HashToken(code), now + kCodeTtl, now);
      },
      [this, contact, purpose, code, language, done](Status st) {
        if (st.ok()) notifier_.SendCode(contact, purpose, code, language);
        done(std::move(st));
      });
}

void AuthService::RequestReset(std::string login, std::string ip, StatusDone done) {
  auto name = ParseLogin(login);
  if (!name.ok()) return done(std::move(name).error());
  const TimePoint now = sessions_.Now();
  if (auto d = limits_.reset_ip.Check(ip, now); !d) return done(RateLimited(d));
  if (auto d = limits_.reset_account.Check(name->key(), now); !d) return done(RateLimited(d));
  auto user = db_.Read([&](store::Connection& conn) { return db::FindUserByContact(conn, name->email, name->phone); });
  if (!user.ok()) return done(std::move(user).error());
  if (!*user || (*user)->status != UserStatus::kActive) {
    spdlog::info("reset: no active account for {} (answered as if sent)", name->key());
    return done(Ok());
  }
  SendCodeWrite((*user)->id, name->key(), CodePurpose::kReset, (*user)->language, std::move(done));
}

void AuthService::ConfirmReset(std::string login, std::string code, std::string password,
                               std::string ip, StatusDone done) {
  if (auto d = limits_.code_ip.Check(ip, sessions_.Now()); !d) return done(RateLimited(d));
  auto name = ParseLogin(login);
  if (!name.ok()) return done(std::move(name).error());
  if (auto st = ValidatePassword(password, name->key()); !st.ok()) return done(std::move(st));
  auto task = [this, login = std::move(login), code = std::move(code), password = std::move(password),
               done]() mutable {
    auto hash = HashPassword(password);
    if (!hash.ok()) return done(std::move(hash).error());
    CheckCodeWrite(std::move(login), std::move(code), CodePurpose::kReset, std::move(hash).value(),
                   std::move(done));
  };
  if (!pool_.Post(std::move(task))) done(Busy());
}

Result<std::vector<Session>> AuthService::ListSessions(const Caller& caller) {
  const TimePoint now = sessions_.Now();
  KC_ASSIGN_OR_RETURN(auto all, db_.Read([&](store::Connection& conn) {
                        return db::ListSessions(conn, caller.user_id, now);
                      }));
  std::erase_if(all, [&](const Session& s) { return now - s.last_seen_at >= sessions_.policy().idle; });
  return all;
}

void AuthService::RevokeSession(const Caller& caller, int64_t session_id, StatusDone done) {
  const int64_t user_id = caller.user_id;
  const TimePoint now = sessions_.Now();
  db_.Write([=](store::Connection& conn) { return db::RevokeSession(conn, user_id, session_id, now); },
            [this, user_id, done](Status st) {
              if (st.ok()) sessions_.cache().EraseUser(user_id);
              done(std::move(st));
            });
}

}  // namespace kc::accounts
