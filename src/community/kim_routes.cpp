// HTTP adapters for KIM (Kelompok Informasi Masyarakat, Permenkominfo 08/2010) groups:
// registration and members by the region (community.manage); activities and published local
// information by the group's own KIM members (kim.publish, only in their kelurahan) or the
// region; a public directory per region.
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

const Text kNoGroup{"Kelompok KIM tidak ditemukan di wilayah ini.",
                    "No such KIM group in this region."};

bool CanManage(const Request& req, std::string_view region) {
  return accounts::Authorize(accounts::PrincipalOf(req), accounts::Permission::kCommunityManage,
                             region)
      .allowed;
}

std::optional<std::string> Date(http::JsonFields& f, Validation& v, std::string_view field,
                                bool required) {
  auto d = f.String(field, required, 10);
  if (d && !IsValidDate(*d)) {
    v.Add(std::string(field), {"harus tanggal YYYY-MM-DD", "must be a YYYY-MM-DD date"});
    return std::nullopt;
  }
  return d;
}

void CreateGroup(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  http::JsonFields f(*body, v);
  const std::string now = FormatUtc(NowUtc());
  KimGroup g{.region_code = region->code, .created_at = now, .updated_at = now};
  g.name = f.String("name", true, kNameMaxChars, 3).value_or("");
  g.kelurahan_code = f.String("kelurahan_code", true, 20).value_or("");
  g.sk_number = f.String("sk_number", false, 100).value_or("");
  g.sk_date = Date(f, v, "sk_date", false);
  g.chair = f.String("chair", false, kNameMaxChars).value_or("");
  g.contact = f.String("contact", false, 200).value_or("");
  f.RejectUnknown();
  if (!g.kelurahan_code.empty()) {
    if (Status st = m.CheckArea(region->code, g.kelurahan_code, regions::AreaLevel::kKelurahan,
                                "kelurahan_code", v);
        !st.ok()) {
      return reply(Fail(st.error(), req));
    }
  }
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  internal::WriteAndReply<KimGroup>(
      m.db(), req, std::move(reply), 201,
      [g, actor = accounts::AuditActor(req)](store::Connection& c) mutable -> Result<KimGroup> {
        KC_ASSIGN_OR_RETURN(g.id, db::InsertKimGroup(c, g));
        KC_RETURN_IF_ERROR(accounts::RecordAudit(c, {.actor = actor,
                                                     .region_code = g.region_code,
                                                     .action = "kim.create",
                                                     .target = "kim:" + std::to_string(g.id),
                                                     .after = KimGroupJson(g, false)}));
        return g;
      },
      [](const KimGroup& x) -> json::value { return KimGroupJson(x, true); });
}

// The group of the path, read before a write (its kelurahan decides who may publish).
Result<KimGroup> GroupOf(CommunityModule& m, const Request& req, const std::string& region) {
  KC_ASSIGN_OR_RETURN(int64_t id, internal::IdParam(req, "id", kNoGroup));
  KC_ASSIGN_OR_RETURN(
      auto g, m.db().Read([&](store::Connection& c) { return db::FindKimGroup(c, region, id); }));
  if (!g) return Error(ErrorCode::kNotFound, kNoGroup);
  return std::move(*g);
}

// Adds a member (community.manage), an activity or an information item (kim.publish in the
// group's kelurahan). `kind` is "member", "activity" or "info".
void AddToGroup(CommunityModule& m, Request& req, Reply reply, std::string_view kind) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto group = GroupOf(m, req, region->code);
  if (!group.ok()) return reply(Fail(group.error(), req));
  if (kind != "member") {
    Status allowed =
        accounts::Require(accounts::PrincipalOf(req), accounts::Permission::kKimPublish,
                          region->code, {.kelurahan_code = group->kelurahan_code});
    if (!allowed.ok()) return reply(Fail(allowed.error(), req));
  }
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  http::JsonFields f(*body, v);
  const std::string now = FormatUtc(NowUtc());
  const int64_t gid = group->id;
  const auto& caller = accounts::CallerOf(req);
  const std::optional<int64_t> by =
      caller.IsUser() ? std::optional<int64_t>(caller.user_id) : std::nullopt;
  std::function<Result<json::value>(store::Connection&)> write;
  if (kind == "member") {
    KimMember mem{.group_id = gid, .created_at = now};
    mem.name = f.String("name", true, kNameMaxChars, 2).value_or("");
    mem.role = f.String("role", false, 20).value_or("anggota");
    mem.phone = f.String("phone", false, 40).value_or("");
    mem.user_id = f.Integer("user_id", false, 1, INT64_MAX);
    if (!IsKimRole(mem.role)) {
      v.Add("role", {"harus ketua, sekretaris, bendahara atau anggota",
                     "must be ketua, sekretaris, bendahara or anggota"});
    }
    write = [mem](store::Connection& c) mutable -> Result<json::value> {
      KC_ASSIGN_OR_RETURN(mem.id, db::InsertKimMember(c, mem));
      return json::value(KimMemberJson(mem, true));
    };
  } else if (kind == "activity") {
    KimActivity a{.group_id = gid, .created_at = now};
    a.held_on = Date(f, v, "held_on", true).value_or("");
    a.title = f.String("title", true, kTitleMaxChars, 3).value_or("");
    a.kind = f.String("kind", false, 20).value_or("lainnya");
    a.attendees = f.Integer("attendees", false, 0, 1000000).value_or(0);
    a.notes = f.String("notes", false, kBodyMaxChars).value_or("");
    if (!IsKimActivityKind(a.kind)) {
      v.Add("kind", {"harus sosialisasi, pelatihan, diskusi, liputan atau lainnya",
                     "must be sosialisasi, pelatihan, diskusi, liputan or lainnya"});
    }
    write = [a, by](store::Connection& c) mutable -> Result<json::value> {
      KC_ASSIGN_OR_RETURN(a.id, db::InsertKimActivity(c, a, by));
      return json::value(KimActivityJson(a));
    };
  } else {
    KimInfo i{.group_id = gid, .published_at = now};
    i.title = f.String("title", true, kTitleMaxChars, 3).value_or("");
    i.body = f.String("body", true, kBodyMaxChars, 1).value_or("");
    write = [i, by](store::Connection& c) mutable -> Result<json::value> {
      KC_ASSIGN_OR_RETURN(i.id, db::InsertKimInfo(c, i, by));
      return json::value(KimInfoJson(i));
    };
  }
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  internal::WriteAndReply<json::value>(
      m.db(), req, std::move(reply), 201,
      [write, region = region->code, gid, kind = std::string(kind),
       actor = accounts::AuditActor(req)](store::Connection& c) -> Result<json::value> {
        KC_ASSIGN_OR_RETURN(json::value out, write(c));
        KC_RETURN_IF_ERROR(accounts::RecordAudit(c, {.actor = actor,
                                                     .region_code = region,
                                                     .action = "kim." + kind + ".add",
                                                     .target = "kim:" + std::to_string(gid),
                                                     .after = out}));
        return out;
      },
      [](const json::value& out) { return out; });
}

Response ListGroups(CommunityModule& m, Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto groups =
      m.db().Read([&](store::Connection& c) { return db::ListKimGroups(c, region->code); });
  if (!groups.ok()) return Fail(groups.error(), req);
  const bool manage = CanManage(req, region->code);
  json::array items;
  for (const auto& g : *groups) items.push_back(KimGroupJson(g, manage));
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

Response GetGroup(CommunityModule& m, Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto group = GroupOf(m, req, region->code);
  if (!group.ok()) return Fail(group.error(), req);
  const bool manage = CanManage(req, region->code);
  auto detail = m.db().Read([&](store::Connection& c) -> Result<json::object> {
    json::object o = KimGroupJson(*group, manage);
    KC_ASSIGN_OR_RETURN(auto members, db::ListKimMembers(c, group->id));
    KC_ASSIGN_OR_RETURN(auto activities, db::ListKimActivities(c, group->id));
    KC_ASSIGN_OR_RETURN(auto info, db::ListKimInfo(c, group->id));
    json::array ms, as, is;
    for (const auto& x : members) ms.push_back(KimMemberJson(x, manage));
    for (const auto& x : activities) as.push_back(KimActivityJson(x));
    for (const auto& x : info) is.push_back(KimInfoJson(x));
    o["members"] = std::move(ms);
    o["activities"] = std::move(as);
    o["info"] = std::move(is);
    return o;
  });
  if (!detail.ok()) return Fail(detail.error(), req);
  return http::JsonResponse(200, *detail);
}

}  // namespace

void AddKimRoutes(http::Router& router, std::shared_ptr<CommunityModule> module) {
  const std::string base = "/api/v1/regions/{region}/kim";
  router.Add({.method = Method::kGet,
              .pattern = base,
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return ListGroups(*module, req); }),
              .doc = {.summary = "KIM directory of a region", .tag = "community"}});
  router.Add({.method = Method::kPost,
              .pattern = base,
              .permission = "community.manage",
              .region_param = "region",
              .body_limit = internal::kBodyLimit,
              .handler = [module](Request& req,
                                  Reply reply) { CreateGroup(*module, req, std::move(reply)); },
              .doc = {.summary = "Register a KIM group (name, kelurahan, SK)",
                      .tag = "community",
                      .request_content_type = "application/json",
                      .responses = {201}}});
  router.Add({.method = Method::kGet,
              .pattern = base + "/{id}",
              .permission = "public",
              .handler = http::Sync([module](Request& req) { return GetGroup(*module, req); }),
              .doc = {.summary = "A KIM group with members, activities and information",
                      .tag = "community"}});
  const std::pair<const char*, const char*> adds[] = {
      {"members", "member"}, {"activities", "activity"}, {"info", "info"}};
  for (const auto& [path, kind] : adds) {
    const std::string k = kind;
    router.Add(
        {.method = Method::kPost,
         .pattern = base + "/{id}/" + path,
         .permission = k == "member" ? "community.manage" : "kim.publish",
         .region_param = "region",
         .body_limit = internal::kBodyLimit,
         .handler = [module, k](Request& req,
                                Reply reply) { AddToGroup(*module, req, std::move(reply), k); },
         .doc = {.summary = "Add a KIM " + k,
                 .tag = "community",
                 .request_content_type = "application/json",
                 .responses = {201}}});
  }
}

}  // namespace kc::community
