// HTTP adapters for the agent roster (community.manage): recruit, edit, (de)activate agents;
// Bimtek sessions with attendance; an agent's own profile; referral QR codes as SVG.
#include <boost/json.hpp>

#include "accounts/caller.h"
#include "community/community_json.h"
#include "community/community_store.h"
#include "community/qr_svg.h"
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

const Text kNoAgent{"Agen tidak ditemukan di wilayah ini.", "No such agent in this region."};
// Random codes collide rarely (31^6 per region); a few retries make a failure practically
// impossible.
constexpr int kCodeAttempts = 8;

// Reads the agent fields present in the body into `a`; `create` makes name and kecamatan required.
Status ParseAgent(CommunityModule& m, const Request& req, bool create, Agent& a) {
  KC_ASSIGN_OR_RETURN(auto body, http::ParseJsonObject(req));
  Validation v;
  http::JsonFields f(body, v);
  if (auto name = f.String("name", create, kNameMaxChars, 2)) a.name = *name;
  auto kecamatan = f.String("kecamatan_code", create, 20);
  auto kelurahan = f.String("kelurahan_code", false, 20);
  if (auto phone = f.String("phone", false, 40)) a.phone = *phone;
  if (auto email = f.String("email", false, 200)) a.email = *email;
  if (auto user = f.Integer("user_id", false, 1, INT64_MAX)) a.user_id = *user;
  if (auto joined = f.String("joined_on", false, 10)) {
    if (IsValidDate(*joined)) {
      a.joined_on = *joined;
    } else {
      v.Add("joined_on", {"harus tanggal YYYY-MM-DD", "must be a YYYY-MM-DD date"});
    }
  }
  if (auto target = f.Integer("target_signups", false, 0, 100000)) a.target_signups = *target;
  if (auto status = f.String("status", false, 10)) {
    if (auto s = ParseAgentStatus(*status)) {
      a.status = *s;
    } else {
      v.Add("status", {"harus active atau inactive", "must be active or inactive"});
    }
  }
  f.RejectUnknown();
  if (kecamatan) a.kecamatan_code = *kecamatan;
  if (kelurahan) a.kelurahan_code = kelurahan->empty() ? std::nullopt : kelurahan;
  if (kecamatan || create) {
    KC_RETURN_IF_ERROR(m.CheckArea(a.region_code, a.kecamatan_code, regions::AreaLevel::kKecamatan,
                                   "kecamatan_code", v));
  }
  if (a.kelurahan_code) {
    KC_RETURN_IF_ERROR(m.CheckArea(a.region_code, *a.kelurahan_code, regions::AreaLevel::kKelurahan,
                                   "kelurahan_code", v));
    if (!a.kelurahan_code->starts_with(a.kecamatan_code + ".")) {
      v.Add("kelurahan_code",
            {"harus di dalam kecamatan agen", "must lie inside the agent's kecamatan"});
    }
  }
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

// The agent channels every agent belongs to: the region's and the kecamatan's.
Status EnsureAgentChannels(store::Connection& c, const Agent& a) {
  const std::string now = FormatUtc(NowUtc());
  KC_RETURN_IF_ERROR(db::EnsureChannel(c, {.region_code = a.region_code,
                                           .slug = "agen",
                                           .kind = ChannelKind::kAgents,
                                           .name = "Semua Agen Smart City",
                                           .created_at = now}));
  Channel k{.region_code = a.region_code,
            .slug = ChannelSlug(ChannelKind::kKecamatanAgents, a.kecamatan_code),
            .kind = ChannelKind::kKecamatanAgents,
            .kecamatan_code = a.kecamatan_code,
            .name = "Agen kecamatan " + a.kecamatan_code,
            .created_at = now};
  KC_RETURN_IF_ERROR(db::EnsureChannel(c, k));
  return Ok();
}

Result<Agent> InsertWithCode(store::Connection& c, Agent a, const accounts::Actor& actor) {
  for (int i = 0; i < kCodeAttempts; ++i) {
    a.referral_code = NewReferralCode();
    KC_ASSIGN_OR_RETURN(auto taken, db::FindAgentByCode(c, a.region_code, a.referral_code));
    if (!taken) break;
  }
  KC_ASSIGN_OR_RETURN(a.id, db::InsertAgent(c, a));
  KC_RETURN_IF_ERROR(EnsureAgentChannels(c, a));
  KC_RETURN_IF_ERROR(accounts::RecordAudit(
      c, {.actor = actor,
          .region_code = a.region_code,
          .action = "agent.create",
          .target = "agent:" + std::to_string(a.id),
          .after = json::object{{"name", a.name}, {"kecamatan_code", a.kecamatan_code}}}));
  return a;
}

std::function<json::value(const Agent&)> Render(CommunityModule& m, const Request& req,
                                                const regions::Region& region) {
  return [base = m.PublicBaseUrl(req.Header("host")), slug = region.slug, name = region.name](
             const Agent& a) -> json::value { return AgentJson(a, base, slug, name); };
}

void CreateAgent(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  const std::string now = FormatUtc(NowUtc());
  Agent a{.region_code = region->code,
          .joined_on = now.substr(0, 10),
          .created_at = now,
          .updated_at = now};
  if (Status st = ParseAgent(m, req, true, a); !st.ok()) return reply(Fail(st.error(), req));
  internal::WriteAndReply<Agent>(
      m.db(), req, std::move(reply), 201,
      [a, actor = accounts::AuditActor(req)](store::Connection& c) {
        return InsertWithCode(c, a, actor);
      },
      Render(m, req, *region));
}

void UpdateAgentRoute(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto id = internal::IdParam(req, "id", kNoAgent);
  if (!id.ok()) return reply(Fail(id.error(), req));
  auto found =
      m.db().Read([&](store::Connection& c) { return db::FindAgent(c, region->code, *id); });
  if (!found.ok()) return reply(Fail(found.error(), req));
  if (!*found) return reply(Fail(Error(ErrorCode::kNotFound, kNoAgent), req));
  Agent a = **found;
  if (Status st = ParseAgent(m, req, false, a); !st.ok()) return reply(Fail(st.error(), req));
  a.updated_at = FormatUtc(NowUtc());
  internal::WriteAndReply<Agent>(
      m.db(), req, std::move(reply), 200,
      [a, before = **found,
       actor = accounts::AuditActor(req)](store::Connection& c) -> Result<Agent> {
        KC_ASSIGN_OR_RETURN(bool updated, db::UpdateAgent(c, a));
        if (!updated) return Error(ErrorCode::kNotFound, kNoAgent);
        KC_RETURN_IF_ERROR(EnsureAgentChannels(c, a));
        KC_RETURN_IF_ERROR(accounts::RecordAudit(
            c, {.actor = actor,
                .region_code = a.region_code,
                .action = "agent.update",
                .target = "agent:" + std::to_string(a.id),
                .before = json::object{{"status", ToString(before.status)},
                                       {"kecamatan_code", before.kecamatan_code}},
                .after = json::object{{"status", ToString(a.status)},
                                      {"kecamatan_code", a.kecamatan_code}}}));
        return a;
      },
      Render(m, req, *region));
}

// The agent of the path: a numeric id, or "me" for the caller's own agent record.
Result<Agent> TargetAgent(CommunityModule& m, const Request& req, const regions::Region& region,
                          bool me) {
  const auto& caller = accounts::CallerOf(req);
  auto found = m.db().Read([&](store::Connection& c) -> Result<std::optional<Agent>> {
    if (me) return db::FindAgentByUser(c, region.code, caller.user_id);
    KC_ASSIGN_OR_RETURN(int64_t id, internal::IdParam(req, "id", kNoAgent));
    return db::FindAgent(c, region.code, id);
  });
  if (!found.ok()) return found.error();
  if (!*found) return Error(ErrorCode::kNotFound, kNoAgent);
  return **found;
}

Response AgentProfile(CommunityModule& m, Request& req, bool me) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto agent = TargetAgent(m, req, *region, me);
  if (!agent.ok()) return Fail(agent.error(), req);
  auto trainings =
      m.db().Read([&](store::Connection& c) { return db::AgentTrainings(c, agent->id); });
  if (!trainings.ok()) return Fail(trainings.error(), req);
  json::object o =
      AgentJson(*agent, m.PublicBaseUrl(req.Header("host")), region->slug, region->name);
  if (me) o["qr_svg"] = "/api/v1/regions/" + region->slug + "/agents/me/qr.svg";
  json::array list;
  for (const auto& [t, attended] : *trainings) {
    list.push_back(
        {{"id", t.id}, {"held_on", t.held_on}, {"topic", t.topic}, {"attended", attended}});
  }
  o["trainings"] = std::move(list);
  return http::JsonResponse(200, o);
}

Response AgentQr(CommunityModule& m, Request& req, bool me) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto agent = TargetAgent(m, req, *region, me);
  if (!agent.ok()) return Fail(agent.error(), req);
  auto svg =
      QrSvg(ShareLink(m.PublicBaseUrl(req.Header("host")), region->slug, agent->referral_code));
  if (!svg.ok()) return Fail(svg.error(), req);
  Response r{.status = 200, .content_type = "image/svg+xml", .body = std::move(*svg)};
  r.Header("Cache-Control", "private, max-age=300");
  return r;
}

Response ListAgentsRoute(CommunityModule& m, Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  const auto kecamatan = req.Query("kecamatan");
  auto agents = m.db().Read([&](store::Connection& c) {
    return db::ListAgents(c, region->code,
                          kecamatan ? std::optional<std::string_view>(*kecamatan) : std::nullopt);
  });
  if (!agents.ok()) return Fail(agents.error(), req);
  json::array items;
  const std::string base = m.PublicBaseUrl(req.Header("host"));
  for (const auto& a : *agents) items.push_back(AgentJson(a, base, region->slug, region->name));
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

}  // namespace

void AddTrainingRoutes(http::Router& router, std::shared_ptr<CommunityModule> module);

void AddAgentRoutes(http::Router& router, std::shared_ptr<CommunityModule> module) {
  const std::string base = "/api/v1/regions/{region}/agents";
  const std::string manage = "community.manage";
  router.Add(
      {.method = Method::kGet,
       .pattern = base,
       .permission = manage,
       .region_param = "region",
       .handler = http::Sync([module](Request& req) { return ListAgentsRoute(*module, req); }),
       .doc = {.summary = "Agent roster (?kecamatan=)", .tag = "community"}});
  router.Add({.method = Method::kPost,
              .pattern = base,
              .permission = manage,
              .region_param = "region",
              .body_limit = internal::kBodyLimit,
              .handler = [module](Request& req,
                                  Reply reply) { CreateAgent(*module, req, std::move(reply)); },
              .doc = {.summary = "Recruit an agent (referral code generated)",
                      .tag = "community",
                      .request_content_type = "application/json",
                      .responses = {201}}});
  router.Add(
      {.method = Method::kGet,
       .pattern = base + "/me",
       .permission = "channel.read",
       .region_param = "region",
       .handler = http::Sync([module](Request& req) { return AgentProfile(*module, req, true); }),
       .doc = {.summary = "The caller's own agent profile and referral links",
               .tag = "community"}});
  router.Add({.method = Method::kGet,
              .pattern = base + "/me/qr.svg",
              .permission = "channel.read",
              .region_param = "region",
              .handler = http::Sync([module](Request& req) { return AgentQr(*module, req, true); }),
              .doc = {.summary = "QR code (SVG) of the caller's share link", .tag = "community"}});
  router.Add(
      {.method = Method::kGet,
       .pattern = base + "/{id}",
       .permission = manage,
       .region_param = "region",
       .handler = http::Sync([module](Request& req) { return AgentProfile(*module, req, false); }),
       .doc = {.summary = "An agent with trainings attended", .tag = "community"}});
  router.Add(
      {.method = Method::kPatch,
       .pattern = base + "/{id}",
       .permission = manage,
       .region_param = "region",
       .body_limit = internal::kBodyLimit,
       .handler = [module](Request& req,
                           Reply reply) { UpdateAgentRoute(*module, req, std::move(reply)); },
       .doc = {.summary = "Edit, move or (de)activate an agent",
               .tag = "community",
               .request_content_type = "application/json"}});
  router.Add(
      {.method = Method::kGet,
       .pattern = base + "/{id}/qr.svg",
       .permission = manage,
       .region_param = "region",
       .handler = http::Sync([module](Request& req) { return AgentQr(*module, req, false); }),
       .doc = {.summary = "QR code (SVG) of an agent's share link", .tag = "community"}});
  AddTrainingRoutes(router, module);
}

}  // namespace kc::community
