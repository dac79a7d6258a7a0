// Staff accounts and grants (user_admin.h). API keys and password setting: user_admin_keys.cpp.
#include "accounts/user_admin.h"

#include <spdlog/spdlog.h>

#include <charconv>

#include "accounts/account_store.h"
#include "accounts/audit.h"
#include "accounts/contact.h"
#include "accounts/password.h"
#include "http/json_body.h"
#include "regions/area.h"

namespace kc::accounts {
namespace {

Error UserNotFound() {
  return Error(ErrorCode::kNotFound, {"Pengguna tidak ditemukan.", "No such user."}, "user_not_found");
}

Error Refused(const Decision& d) {
  spdlog::warn("user admin: refused: {}", d.reason);
  return Error(ErrorCode::kForbidden, {"Anda tidak boleh memberikan atau mencabut peran ini.",
                                       "You may not give or take this role."},
               "grant_forbidden");
}

Status ValidateNewUser(NewUserInput& in) {
  return ValidateNewAccount(in.name, in.email, in.phone, in.password);
}

}  // namespace

AdminActor AdminActor::Cli() { return {{"cli", {{Role::kNationalAdmin, "", {}}}}, Actor::Cli()}; }

Status UserAdmin::CheckGrantData(const Grant& g) {
  KC_RETURN_IF_ERROR(ValidateGrant(g));
  Validation v;
  if (!g.region_code.empty()) {
    KC_ASSIGN_OR_RETURN(auto region, regions_.FindRegion(g.region_code));
    if (!region || region->code != g.region_code) {
      v.Add("region_code", {"Region tidak terdaftar.", "No such region."});
      return std::move(v).ToError();
    }
  }
  if (!g.scope.opd_id.empty()) {
    KC_ASSIGN_OR_RETURN(auto opds, regions_.ListOpds(g.region_code));
    int64_t id = 0;
    const auto& s = g.scope.opd_id;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    const bool found = ec == std::errc() && end == s.data() + s.size() &&
                       std::any_of(opds.begin(), opds.end(), [&](const auto& o) { return o.id == id; });
    if (!found) v.Add("opd_id", {"OPD tidak ada di region ini.", "No such OPD in this region."});
  }
  for (const auto& [code, level, field] :
       {std::tuple{g.scope.kecamatan_code, regions::AreaLevel::kKecamatan, "kecamatan_code"},
        std::tuple{g.scope.kelurahan_code, regions::AreaLevel::kKelurahan, "kelurahan_code"}}) {
    if (code.empty()) continue;
    KC_ASSIGN_OR_RETURN(auto area, regions_.FindArea(code));
    if (!area || area->level != level ||
        regions::AncestorCode(code, regions::AreaLevel::kKabKota) != g.region_code) {
      v.Add(field, {"Wilayah tidak ada di region ini.", "No such area in this region."});
    }
  }
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

Status UserAdmin::CheckVisible(const User& user, std::string_view scope_region) {
  if (scope_region.empty()) return Ok();
  for (const StoredGrant& g : user.grants) {
    if (g.grant.region_code == scope_region) return Ok();
  }
  return UserNotFound();
}

Result<User> UserAdmin::Get(int64_t user_id, std::string_view scope_region) {
  KC_ASSIGN_OR_RETURN(auto user, db_.Read([&](store::Connection& c) { return db::FindUser(c, user_id); }));
  if (!user) return UserNotFound();
  KC_RETURN_IF_ERROR(CheckVisible(*user, scope_region));
  return std::move(*user);
}

Result<std::vector<User>> UserAdmin::List(std::string_view scope_region, int64_t after_id, int limit) {
  return db_.Read([&](store::Connection& c) { return db::ListUsers(c, scope_region, after_id, limit); });
}

void UserAdmin::CreateUser(AdminActor by, NewUserInput in, std::string scope_region, Done<User> done) {
  if (auto st = ValidateNewUser(in); !st.ok()) return done(std::move(st).error());
  if (!scope_region.empty() && (!in.grant || in.grant->region_code != scope_region)) {
    return done(InvalidArgument({"Peran di region ini wajib diisi.", "A role in this region is required."})
                    .With("role", {"wajib diisi", "required"}));
  }
  if (in.grant) {
    if (auto st = CheckGrantData(*in.grant); !st.ok()) return done(std::move(st).error());
    if (auto d = CanGrant(by.principal, *in.grant, "new-user"); !d) return done(Refused(d));
  }
  auto task = [this, by, in = std::move(in), scope_region, done]() {
    auto hash = HashPassword(in.password);
    if (!hash.ok()) return done(std::move(hash).error());
    auto user = std::make_shared<User>(User{.name = in.name, .email = in.email, .phone = in.phone,
                                            .password_hash = *hash, .language = in.language,
                                            .verified = true});
    const TimePoint now = sessions_.Now();
    user->created_at = now;
    db_.Write(
        [user, in, by, now](store::Connection& conn) -> Status {
          KC_ASSIGN_OR_RETURN(user->id, db::InsertUser(conn, *user, now));
          if (in.grant) {
            KC_ASSIGN_OR_RETURN(int64_t gid, db::InsertGrant(conn, user->id, *in.grant, by.actor.user_id, now));
            user->grants.push_back({gid, *in.grant});
          }
          return RecordAudit(conn, {.actor = by.actor,
                                    .region_code = in.grant ? in.grant->region_code : "",
                                    .action = "user.create",
                                    .target = "user:" + user->IdString(),
                                    .after = UserJson(*user),
                                    .at = now});
        },
        [user, done](Status st) {
          if (!st.ok()) return done(std::move(st).error());
          done(*user);
        });
  };
  if (!pool_.Post(std::move(task))) done(Unavailable({"Server sibuk.", "Server busy."}));
}

void UserAdmin::AddGrant(AdminActor by, int64_t user_id, Grant grant, std::string scope_region,
                         Done<StoredGrant> done) {
  auto user = Get(user_id, scope_region);
  if (!user.ok()) return done(std::move(user).error());
  if (!scope_region.empty() && grant.region_code != scope_region) return done(UserNotFound());
  if (auto st = CheckGrantData(grant); !st.ok()) return done(std::move(st).error());
  if (auto d = CanGrant(by.principal, grant, user->IdString()); !d) return done(Refused(d));
  auto out = std::make_shared<StoredGrant>(StoredGrant{0, grant});
  const TimePoint now = sessions_.Now();
  db_.Write(
      [out, by, user_id, now](store::Connection& conn) -> Status {
        KC_ASSIGN_OR_RETURN(out->id, db::InsertGrant(conn, user_id, out->grant, by.actor.user_id, now));
        return RecordAudit(conn, {.actor = by.actor, .region_code = out->grant.region_code,
                                  .action = "grant.add", .target = "user:" + std::to_string(user_id),
                                  .after = GrantJson(*out), .at = now});
      },
      [this, out, user_id, done](Status st) {
        if (!st.ok()) return done(std::move(st).error());
        sessions_.cache().EraseUser(user_id);
        done(*out);
      });
}

void UserAdmin::RemoveGrant(AdminActor by, int64_t user_id, int64_t grant_id,
                            std::string scope_region, StatusDone done) {
  auto user = Get(user_id, scope_region);
  if (!user.ok()) return done(std::move(user).error());
  auto it = std::find_if(user->grants.begin(), user->grants.end(),
                         [&](const StoredGrant& g) { return g.id == grant_id; });
  if (it == user->grants.end() || (!scope_region.empty() && it->grant.region_code != scope_region)) {
    return done(NotFound({"Peran tidak ditemukan.", "No such grant."}));
  }
  if (auto d = CanGrant(by.principal, it->grant, user->IdString()); !d) return done(Refused(d));
  const StoredGrant removed = *it;
  const TimePoint now = sessions_.Now();
  db_.Write(
      [removed, by, user_id, now](store::Connection& conn) -> Status {
        KC_RETURN_IF_ERROR(db::DeleteGrant(conn, removed.id));
        return RecordAudit(conn, {.actor = by.actor, .region_code = removed.grant.region_code,
                                  .action = "grant.remove", .target = "user:" + std::to_string(user_id),
                                  .before = GrantJson(removed), .at = now});
      },
      [this, user_id, done](Status st) {
        if (st.ok()) sessions_.cache().EraseUser(user_id);
        done(std::move(st));
      });
}

void UserAdmin::Disable(AdminActor by, int64_t user_id, std::string scope_region, StatusDone done) {
  auto user = Get(user_id, scope_region);
  if (!user.ok()) return done(std::move(user).error());
  if (user->IdString() == by.principal.user_id) {
    return done(Error(ErrorCode::kForbidden, {"Anda tidak dapat menonaktifkan akun sendiri.",
                                              "You cannot disable your own account."}));
  }
  const bool national = by.principal.Has(Role::kNationalAdmin);
  const bool outside = std::any_of(user->grants.begin(), user->grants.end(), [&](const StoredGrant& g) {
    return g.grant.role == Role::kNationalAdmin || g.grant.role == Role::kConsultant ||
           (!g.grant.region_code.empty() && g.grant.region_code != scope_region);
  });
  if (!national && (scope_region.empty() || outside)) {
    spdlog::warn("user admin: {} may not disable user {} (roles outside region {})",
                 by.actor.label, user_id, scope_region);
    return done(Error(ErrorCode::kForbidden,
                      {"Pengguna ini memiliki peran di luar region Anda; hubungi admin nasional.",
                       "This user has roles outside your region; ask a national admin."},
                      "grant_forbidden"));
  }
  User before = *user;
  const TimePoint now = sessions_.Now();
  db_.Write(
      [before, by, scope_region, now](store::Connection& conn) -> Status {
        KC_RETURN_IF_ERROR(db::SetStatus(conn, before.id, UserStatus::kDisabled, now));
        auto revoked = db::RevokeUserSessions(conn, before.id, 0, now);
        if (!revoked.ok()) return std::move(revoked).error();
        User after = before;
        after.status = UserStatus::kDisabled;
        return RecordAudit(conn, {.actor = by.actor, .region_code = scope_region,
                                  .action = "user.disable", .target = "user:" + before.IdString(),
                                  .before = UserJson(before), .after = UserJson(after), .at = now});
      },
      [this, user_id, done](Status st) {
        if (st.ok()) sessions_.cache().EraseUser(user_id);
        done(std::move(st));
      });
}

}  // namespace kc::accounts
