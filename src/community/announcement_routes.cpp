// HTTP adapters for announcements (pengumuman): the region (community.manage) publishes to
// everyone, one kecamatan, the agents or the KIM; anyone lists what is addressed to them
// (anonymous callers: the public ones). Pinned first; hidden before publish_at and from
// expires_at on.
#include <boost/json.hpp>

#include "accounts/caller.h"
#include "community/community_json.h"
#include "community/community_store.h"
#include "community/route_util.h"
#include "http/json_body.h"
#include "regions/area.h"

namespace kc::community {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

const Text kNoAnnouncement{"Pengumuman tidak ditemukan di wilayah ini.",
                           "No such announcement in this region."};

// An optional timestamp field, normalised to UTC; adds a field error when malformed.
std::optional<std::string> Timestamp(http::JsonFields& f, Validation& v, std::string_view field) {
  auto text = f.String(field, false, 40);
  if (!text) return std::nullopt;
  auto t = ParseTimestamp(*text);
  if (!t) {
    v.Add(std::string(field), {"harus waktu ISO-8601, mis. 2026-12-01T08:00:00+08:00",
                               "must be an ISO-8601 time, e.g. 2026-12-01T08:00:00+08:00"});
    return std::nullopt;
  }
  return FormatUtc(*t);
}

void CreateRoute(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  http::JsonFields f(*body, v);
  const std::string now = FormatUtc(NowUtc());
  Announcement a{.region_code = region->code, .created_at = now, .updated_at = now};
  a.title = f.String("title", true, kTitleMaxChars, 3).value_or("");
  a.body = f.String("body", true, kBodyMaxChars, 1).value_or("");
  const auto audience = f.String("audience", false, 20).value_or("all");
  a.kecamatan_code = f.String("kecamatan_code", false, 20);
  a.pinned = f.Bool("pinned", false).value_or(false);
  a.publish_at = Timestamp(f, v, "publish_at").value_or(now);
  a.expires_at = Timestamp(f, v, "expires_at");
  f.RejectUnknown();
  if (auto parsed = ParseAudience(audience)) {
    a.audience = *parsed;
  } else {
    v.Add("audience",
          {"harus all, kecamatan, agents atau kim", "must be all, kecamatan, agents or kim"});
  }
  if (a.audience == Audience::kKecamatan && !a.kecamatan_code) {
    v.Add("kecamatan_code",
          {"wajib untuk audiens kecamatan", "required for the kecamatan audience"});
  } else if (a.audience != Audience::kKecamatan && a.kecamatan_code) {
    v.Add("kecamatan_code", {"hanya untuk audiens kecamatan", "only for the kecamatan audience"});
  } else if (a.kecamatan_code) {
    if (Status st = m.CheckArea(region->code, *a.kecamatan_code, regions::AreaLevel::kKecamatan,
                                "kecamatan_code", v);
        !st.ok()) {
      return reply(Fail(st.error(), req));
    }
  }
  if (a.expires_at && *a.expires_at <= a.publish_at) {
    v.Add("expires_at", {"harus setelah publish_at", "must be after publish_at"});
  }
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  const auto& caller = accounts::CallerOf(req);
  internal::WriteAndReply<Announcement>(
      m.db(), req, std::move(reply), 201,
      [a, by = caller.user_id,
       actor = accounts::AuditActor(req)](store::Connection& c) mutable -> Result<Announcement> {
        KC_ASSIGN_OR_RETURN(a.id, db::InsertAnnouncement(c, a, by));
        KC_RETURN_IF_ERROR(
            accounts::RecordAudit(c, {.actor = actor,
                                      .region_code = a.region_code,
                                      .action = "announcement.create",
                                      .target = "announcement:" + std::to_string(a.id),
                                      .after = AnnouncementJson(a)}));
        return a;
      },
      [](const Announcement& x) -> json::value { return AnnouncementJson(x); });
}

// PATCH {pinned, expires_at}: expires_at null clears the expiry; "now" ends it at once.
void UpdateRoute(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto id = internal::IdParam(req, "id", kNoAnnouncement);
  if (!id.ok()) return reply(Fail(id.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  const std::string now = FormatUtc(NowUtc());
  const bool has_expiry = body->contains("expires_at");
  const bool clear_expiry = has_expiry && body->at("expires_at").is_null();
  const bool expire_now = has_expiry && body->at("expires_at").is_string() &&
                          body->at("expires_at").as_string() == "now";
  json::object rest = *body;
  if (clear_expiry || expire_now) rest.erase("expires_at");
  http::JsonFields f(rest, v);
  const auto pinned = f.Bool("pinned", false);
  auto expires = Timestamp(f, v, "expires_at");
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  if (expire_now) expires = now;
  internal::WriteAndReply<Announcement>(
      m.db(), req, std::move(reply), 200,
      [region = region->code, id = *id, pinned, expires, clear_expiry, now,
       actor = accounts::AuditActor(req)](store::Connection& c) -> Result<Announcement> {
        KC_ASSIGN_OR_RETURN(auto found, db::FindAnnouncement(c, region, id));
        if (!found) return Error(ErrorCode::kNotFound, kNoAnnouncement);
        Announcement a = *found;
        if (pinned) a.pinned = *pinned;
        if (expires) a.expires_at = expires;
        if (clear_expiry) a.expires_at.reset();
        a.updated_at = now;
        KC_RETURN_IF_ERROR(db::UpdateAnnouncement(c, a));
        KC_RETURN_IF_ERROR(accounts::RecordAudit(c, {.actor = actor,
                                                     .region_code = region,
                                                     .action = "announcement.update",
                                                     .target = "announcement:" + std::to_string(id),
                                                     .before = AnnouncementJson(*found),
                                                     .after = AnnouncementJson(a)}));
        return a;
      },
      [](const Announcement& x) -> json::value { return AnnouncementJson(x); });
}

Response ListRoute(CommunityModule& m, Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  const auto& principal = accounts::PrincipalOf(req);
  const bool manage =
      accounts::Authorize(principal, accounts::Permission::kCommunityManage, region->code).allowed;
  const bool all = manage && req.Query("all") == "true";
  auto list = m.db().Read([&](store::Connection& c) {
    return db::ListAnnouncements(c, region->code, FormatUtc(NowUtc()), all);
  });
  if (!list.ok()) return Fail(list.error(), req);
  json::array items;
  for (const auto& a : *list) {
    if (InAudience(principal, a)) items.push_back(AnnouncementJson(a));
  }
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

}  // namespace

void AddAnnouncementRoutes(http::Router& router, std::shared_ptr<CommunityModule> module) {
  const std::string base = "/api/v1/regions/{region}/announcements";
  router.Add({.method = Method::kGet,
              .pattern = base,
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return ListRoute(*module, req); }),
              .doc = {.summary = "Announcements addressed to the caller (?all=true: every one, for "
                                 "the region admin)",
                      .tag = "community"}});
  router.Add({.method = Method::kPost,
              .pattern = base,
              .permission = "community.manage",
              .region_param = "region",
              .body_limit = internal::kBodyLimit,
              .handler = [module](Request& req,
                                  Reply reply) { CreateRoute(*module, req, std::move(reply)); },
              .doc = {.summary = "Publish an announcement to everyone, a kecamatan, agents or KIM",
                      .tag = "community",
                      .request_content_type = "application/json",
                      .responses = {201}}});
  router.Add({.method = Method::kPatch,
              .pattern = base + "/{id}",
              .permission = "community.manage",
              .region_param = "region",
              .body_limit = internal::kBodyLimit,
              .handler = [module](Request& req,
                                  Reply reply) { UpdateRoute(*module, req, std::move(reply)); },
              .doc = {.summary = "Pin, unpin or expire an announcement",
                      .tag = "community",
                      .request_content_type = "application/json"}});
}

}  // namespace kc::community
