// Registration, verification, sign-in and sign-out (auth_service.h). Password change, reset and
// sessions are in auth_password.cpp.
#include "accounts/auth_service.h"

#include <spdlog/spdlog.h>

#include "accounts/account_store.h"
#include "accounts/contact.h"
#include "accounts/password.h"
#include "http/json_body.h"

namespace kc::accounts {
namespace {

using namespace std::chrono_literals;

RateLimiter::Options Limit(int burst, std::chrono::milliseconds interval, int scale) {
  return {.burst = burst * scale, .interval = interval};
}

Error InvalidCredentials() {
  return Error(ErrorCode::kUnauthenticated,
               {"Email/nomor telepon atau kata sandi salah.", "Wrong email/phone or password."},
               "invalid_credentials");
}

Error Busy() {
  return Unavailable({"Server sedang sibuk, coba lagi sebentar.", "The server is busy, try again shortly."});
}

std::string Contact(const User& u) { return u.email.empty() ? u.phone : u.email; }

}  // namespace

AuthLimits::AuthLimits(int scale)
    : login_ip(Limit(30, 2s, scale)),
      login_account(Limit(20, 30s, scale)),
      login_lockout({}),
      register_ip(Limit(10, 60s, scale)),
      register_account(Limit(3, 300s, scale)),
      code_ip(Limit(20, 10s, scale)),
      reset_ip(Limit(5, 60s, scale)),
      reset_account(Limit(3, 300s, scale)),
      password_lockout({}) {}

Error RateLimited(const RateDecision& d) {
  Error e(ErrorCode::kRateLimited,
          {"Terlalu banyak percobaan. Coba lagi dalam " + std::to_string(d.retry_after.count()) + " detik.",
           "Too many attempts. Try again in " + std::to_string(d.retry_after.count()) + " seconds."},
          "rate_limited");
  const std::string secs = std::to_string(d.retry_after.count());
  e.With("retry_after", {secs, secs});
  return e;
}

long RetryAfterSeconds(const Error& e) {
  for (const auto& d : e.details) {
    if (d.field == "retry_after") return std::strtol(d.message.en.c_str(), nullptr, 10);
  }
  return 0;
}

Result<LoginName> ParseLogin(std::string_view login) {
  LoginName n;
  if (login.find('@') != std::string_view::npos) {
    auto email = NormalizeEmail(login);
    if (!email.ok()) return Error(email.error()).With("login", email.error().message);
    n.email = std::move(email).value();
  } else {
    auto phone = NormalizePhone(login);
    if (!phone.ok()) return Error(phone.error()).With("login", phone.error().message);
    n.phone = std::move(phone).value();
  }
  return n;
}

AuthService::AuthService(store::Database& db, Sessions& sessions, WorkerPool& pool,
                         Notifier& notifier, int limit_scale)
    : db_(db), sessions_(sessions), pool_(pool), notifier_(notifier), limits_(limit_scale) {
  auto h = HashPassword("kotacerdas-timing-equaliser");
  dummy_hash_ = h.ok() ? *h : std::string();
}

namespace {

// Validates registration fields; fills normalised contacts into `in`.
Status ValidateRegistration(RegisterInput& in) {
  return ValidateNewAccount(in.name, in.email, in.phone, in.password);
}

}  // namespace

void AuthService::Register(RegisterInput in, Done<int64_t> done) {
  const TimePoint now = sessions_.Now();
  if (auto d = limits_.register_ip.Check(in.ip, now); !d) {
    spdlog::warn("register: rate limited ip {}", in.ip);
    return done(RateLimited(d));
  }
  if (auto st = ValidateRegistration(in); !st.ok()) return done(std::move(st).error());
  if (auto d = limits_.register_account.Check(in.email.empty() ? in.phone : in.email, now); !d) {
    spdlog::warn("register: rate limited account {}", in.email.empty() ? in.phone : in.email);
    return done(RateLimited(d));
  }
  auto task = [this, in = std::move(in), done]() mutable {
    auto hash = HashPassword(in.password);
    if (!hash.ok()) return done(std::move(hash).error());
    const std::string code = NewNumericCode(6);
    auto user_id = std::make_shared<int64_t>(0);
    const TimePoint at = sessions_.Now();
    User u{.name = in.name, .email = in.email, .phone = in.phone, .password_hash = *hash,
           .language = in.language};
    db_.Write(
        [u, code, at, user_id](store::Connection& conn) -> Status {
          KC_ASSIGN_OR_RETURN(auto existing, db::FindUserByContact(conn, u.email, u.phone));
          if (existing && !existing->verified) {
            KC_RETURN_IF_ERROR(db::ResetUnverifiedUser(conn, existing->id, u.name, u.password_hash, at));
            *user_id = existing->id;
          } else {
            KC_ASSIGN_OR_RETURN(*user_id, db::InsertUser(conn, u, at));
            auto grant = db::InsertGrant(conn, *user_id, {Role::kCitizen, "", {}}, 0, at);
            if (!grant.ok()) return std::move(grant).error();
          }
          return db::InsertCode(conn, *user_id, "verify", HashToken(code), at + kCodeTtl, at);
        },
        [this, u, code, user_id, done](Status st) {
          if (!st.ok()) {
            spdlog::warn("register: refused {}: {}", Contact(u), st.error().Slug());
            return done(std::move(st).error());
          }
          notifier_.SendCode(Contact(u), CodePurpose::kVerify, code, u.language);
          done(*user_id);
        });
  };
  if (!pool_.Post(std::move(task))) done(Busy());
}

void AuthService::Verify(std::string login, std::string code, std::string ip, StatusDone done) {
  if (auto d = limits_.code_ip.Check(ip, sessions_.Now()); !d) {
    spdlog::warn("verify: rate limited ip {}", ip);
    return done(RateLimited(d));
  }
  CheckCodeWrite(std::move(login), std::move(code), CodePurpose::kVerify, {}, std::move(done));
}

// Checks a one-time code inside one write. A wrong code counts an attempt and commits that
// (so the write itself succeeds) but reports invalid_code; the last allowed attempt retires the
// code. For kReset with `new_hash`, a right code sets the password and revokes all sessions.
void AuthService::CheckCodeWrite(std::string login, std::string code, CodePurpose purpose,
                                 std::string new_hash, StatusDone done) {
  auto name = ParseLogin(login);
  auto invalid = [] {
    return Error(ErrorCode::kInvalidArgument,
                 {"Kode salah, kedaluwarsa, atau sudah dipakai.", "The code is wrong, expired or already used."},
                 "invalid_code");
  };
  if (!name.ok()) return done(std::move(name).error());
  struct Out {
    bool wrong = false;
    int64_t user_id = 0;
    std::vector<std::string> revoked;
  };
  auto out = std::make_shared<Out>();
  const TimePoint now = sessions_.Now();
  const std::string purpose_name(ToString(purpose));
  db_.Write(
      [=, n = *name](store::Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(auto user, db::FindUserByContact(conn, n.email, n.phone));
        if (!user || user->status != UserStatus::kActive) return invalid();
        KC_ASSIGN_OR_RETURN(auto stored, db::FindActiveCode(conn, user->id, purpose_name, now));
        if (!stored) return invalid();
        out->user_id = user->id;
        if (!ConstantTimeEquals(stored->code_hash, HashToken(code))) {
          out->wrong = true;
          KC_RETURN_IF_ERROR(db::CountCodeAttempt(conn, stored->id));
          if (stored->attempts + 1 >= kMaxCodeAttempts) return db::MarkCodeUsed(conn, stored->id, now);
          return Ok();
        }
        KC_RETURN_IF_ERROR(db::MarkCodeUsed(conn, stored->id, now));
        KC_RETURN_IF_ERROR(db::SetVerified(conn, user->id, now));
        if (new_hash.empty()) return Ok();
        KC_RETURN_IF_ERROR(db::SetPasswordHash(conn, user->id, new_hash, now));
        KC_ASSIGN_OR_RETURN(out->revoked, db::RevokeUserSessions(conn, user->id, 0, now));
        return Ok();
      },
      [this, out, done, purpose_name, invalid](Status st) {
        if (st.ok() && out->wrong) st = invalid();
        if (!st.ok()) {
          spdlog::warn("{} code: refused for user {}: {}", purpose_name, out->user_id, st.error().Slug());
          return done(std::move(st));
        }
        if (!out->revoked.empty() || purpose_name == "reset") sessions_.cache().EraseUser(out->user_id);
        done(Ok());
      });
}

void AuthService::Login(LoginInput in, Done<LoginOutput> done) {
  const TimePoint now = sessions_.Now();
  auto name = ParseLogin(in.login);
  if (!name.ok()) return done(std::move(name).error());
  const std::string key = name->key();
  const std::string lock_key = key + "|" + in.ip;
  for (auto* d : {&limits_.login_ip, &limits_.login_account}) {
    if (auto r = d->Check(d == &limits_.login_ip ? in.ip : key, now); !r) {
      spdlog::warn("login: rate limited {} from {}", key, in.ip);
      return done(RateLimited(r));
    }
  }
  if (auto r = limits_.login_lockout.Check(lock_key, now); !r) {
    spdlog::warn("login: locked out {} from {}", key, in.ip);
    return done(RateLimited(r));
  }
  if (in.password.size() > kMaxPasswordBytes) return done(InvalidCredentials());
  auto task = [this, in = std::move(in), n = *name, lock_key, done]() mutable {
    auto user = db_.Read([&](store::Connection& conn) { return db::FindUserByContact(conn, n.email, n.phone); });
    if (!user.ok()) return done(std::move(user).error());
    const bool ok = *user ? VerifyPassword(in.password, (*user)->password_hash)
                          : (VerifyPassword(in.password, dummy_hash_), false);
    if (!ok) {
      auto locked = limits_.login_lockout.RecordFailure(lock_key, sessions_.Now());
      spdlog::warn("login: wrong credentials for {} from {}{}", n.key(), in.ip, locked ? "" : " (now locked)");
      return done(InvalidCredentials());
    }
    const User& u = **user;
    if (u.status != UserStatus::kActive || !u.verified) {
      spdlog::warn("login: refused {} ({})", n.key(), u.verified ? "disabled" : "not verified");
      return done(u.verified ? Error(ErrorCode::kForbidden, {"Akun dinonaktifkan.", "The account is disabled."},
                                     "account_disabled")
                             : Error(ErrorCode::kForbidden,
                                     {"Akun belum diverifikasi. Masukkan kode yang dikirim.",
                                      "The account is not verified yet. Enter the code we sent."},
                                     "account_not_verified"));
    }
    limits_.login_lockout.RecordSuccess(lock_key);
    std::string new_hash;
    if (PasswordNeedsRehash(u.password_hash)) {
      if (auto h = HashPassword(in.password); h.ok()) new_hash = *h;
    }
    FinishLogin(u, in, std::move(new_hash), std::move(done));
  };
  if (!pool_.Post(std::move(task))) done(Busy());
}

void AuthService::FinishLogin(const User& user, const LoginInput& in, std::string new_hash,
                              Done<LoginOutput> done) {
  auto ns = std::make_shared<NewSession>(sessions_.Prepare(user.id, in.user_agent, in.ip));
  const uint64_t epoch = sessions_.cache().epoch();
  db_.Write(
      [ns, new_hash, id = user.id](store::Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(ns->row.id, db::InsertSession(conn, ns->row));
        if (!new_hash.empty()) KC_RETURN_IF_ERROR(db::SetPasswordHash(conn, id, new_hash, ns->row.created_at));
        return Ok();
      },
      [this, ns, user, epoch, done](Status st) {
        if (!st.ok()) return done(std::move(st).error());
        CallerPtr caller = sessions_.MakeCaller(user, ns->row);
        sessions_.cache().Put(ns->row.token_hash,
                              {caller, ns->row.expires_at, ns->row.created_at, ns->row.created_at,
                               sessions_.Now()},
                              epoch);
        spdlog::info("login: user {} session {}", user.id, ns->row.id);
        done(LoginOutput{*ns, caller});
      });
}

void AuthService::Logout(const Caller& caller, StatusDone done) {
  const int64_t user_id = caller.user_id, session_id = caller.session_id;
  const std::string hash = caller.session_hash;
  const TimePoint now = sessions_.Now();
  db_.Write([=](store::Connection& conn) { return db::RevokeSession(conn, user_id, session_id, now); },
            [this, hash, done](Status st) {
              sessions_.cache().Erase(hash);
              done(std::move(st));
            });
}

}  // namespace kc::accounts
