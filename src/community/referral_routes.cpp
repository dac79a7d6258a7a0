// HTTP adapters for referral attribution and adoption analytics:
//   POST /api/v1/regions/{region}/referrals/claim   a signed-in citizen enters an agent's code
//   GET  /api/v1/regions/{region}/community/adoption  per agent, kecamatan and week
// Attribution is first touch (one agent per user and region), audited, and never public.
#include <boost/json.hpp>
#include <chrono>

#include "accounts/caller.h"
#include "community/community_json.h"
#include "community/community_store.h"
#include "community/route_util.h"
#include "http/json_body.h"
#include "regions/region.h"

namespace kc::community {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

constexpr int kDefaultPeriodDays = 28;
constexpr int kMaxPeriodDays = 366;

Error UnknownCode() {
  return Error(
      ErrorCode::kNotFound,
      {"Kode referal tidak dikenal atau sudah tidak berlaku.", "Unknown or expired referral code."},
      "referral_not_found");
}

struct Claimed {
  int64_t agent_id = 0;
  std::string at;
};

Result<Claimed> Claim(store::Connection& c, const std::string& region, const std::string& code,
                      int64_t user_id, const accounts::Actor& actor) {
  KC_ASSIGN_OR_RETURN(auto agent, db::FindAgentByCode(c, region, code));
  if (!agent || agent->status != AgentStatus::kActive) return UnknownCode();
  if (agent->user_id == user_id) {
    return Error(ErrorCode::kConflict,
                 {"Agen tidak dapat memakai kode referalnya sendiri.",
                  "An agent cannot use their own referral code."},
                 "own_referral_code");
  }
  Claimed out{agent->id, FormatUtc(NowUtc())};
  KC_RETURN_IF_ERROR(db::InsertReferral(c, region, user_id, agent->id, out.at));
  KC_RETURN_IF_ERROR(accounts::RecordAudit(c, {.actor = actor,
                                               .region_code = region,
                                               .action = "referral.claim",
                                               .target = "user:" + std::to_string(user_id),
                                               .after = json::object{{"agent_id", agent->id}}}));
  return out;
}

void ClaimRoute(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  http::JsonFields f(*body, v);
  auto text = f.String("code", true, 32);
  f.RejectUnknown();
  std::optional<std::string> code;
  if (text) {
    code = NormalizeReferralCode(*text);
    if (!code) {
      v.Add("code", {"harus 6 karakter dari huruf dan angka kode referal",
                     "must be 6 characters of the referral alphabet"});
    }
  }
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  const int64_t user = accounts::CallerOf(req).user_id;
  internal::WriteAndReply<Claimed>(
      m.db(), req, std::move(reply), 201,
      [region = region->code, code = *code, user, actor = accounts::AuditActor(req)](
          store::Connection& c) { return Claim(c, region, code, user, actor); },
      [](const Claimed& c) -> json::value {
        return json::object{{"attributed", true}, {"claimed_at", c.at}};
      });
}

// Local midnight of a YYYY-MM-DD date as a UTC instant.
TimePoint LocalMidnight(std::string_view date, int offset_minutes) {
  auto t = ParseTimestamp(std::string(date) + "T00:00:00Z").value_or(TimePoint{});
  return t - std::chrono::minutes(offset_minutes);
}

std::string LocalDate(TimePoint t, int offset_minutes) {
  return FormatUtc(t + std::chrono::minutes(offset_minutes)).substr(0, 10);
}

Response AdoptionRoute(CommunityModule& m, Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  const int offset = regions::UtcOffsetMinutes(region->timezone);
  // `to` is inclusive in the query (a date) and exclusive inside (the next local midnight).
  const std::string to_date = req.Query("to").value_or(LocalDate(NowUtc(), offset));
  Validation v;
  if (!IsValidDate(to_date)) v.Add("to", {"harus tanggal YYYY-MM-DD", "must be a YYYY-MM-DD date"});
  const TimePoint to = LocalMidnight(to_date, offset) + std::chrono::days(1);
  const std::string from_date =
      req.Query("from").value_or(LocalDate(to - std::chrono::days(kDefaultPeriodDays), offset));
  if (!IsValidDate(from_date))
    v.Add("from", {"harus tanggal YYYY-MM-DD", "must be a YYYY-MM-DD date"});
  const TimePoint from = LocalMidnight(from_date, offset);
  if (v.ok() && (from >= to || to - from > std::chrono::days(kMaxPeriodDays))) {
    v.Add("from",
          {"harus sebelum 'to' dan paling lama 366 hari", "must precede 'to' by at most 366 days"});
  }
  if (!v.ok()) return Fail(std::move(v).ToError(), req);
  struct Raw {
    std::vector<Agent> agents;
    std::vector<SignupEvent> signups;
    std::vector<ReportEvent> reports;
  };
  auto raw = m.db().Read([&](store::Connection& c) -> Result<Raw> {
    Raw r;
    KC_ASSIGN_OR_RETURN(r.agents, db::ListAgents(c, region->code));
    KC_ASSIGN_OR_RETURN(r.signups,
                        db::LoadSignups(c, region->code, FormatUtc(from), FormatUtc(to)));
    KC_ASSIGN_OR_RETURN(r.reports,
                        db::LoadReportEvents(c, region->code, FormatUtc(from), FormatUtc(to)));
    return r;
  });
  if (!raw.ok()) return Fail(raw.error(), req);
  const Adoption a = Aggregate(raw->agents, raw->signups, raw->reports, from, to, offset);
  return http::JsonResponse(200, AdoptionJson(a, from_date, to_date));
}

}  // namespace

void AddReferralRoutes(http::Router& router, std::shared_ptr<CommunityModule> module) {
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/regions/{region}/referrals/claim",
              .permission = "authenticated",
              .body_limit = 4096,
              .handler = [module](Request& req,
                                  Reply reply) { ClaimRoute(*module, req, std::move(reply)); },
              .doc = {.summary = "Attribute the signed-in user to an agent's referral code (first "
                                 "claim wins)",
                      .tag = "community",
                      .request_content_type = "application/json",
                      .responses = {201, 404, 409}}});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/regions/{region}/community/adoption",
              .permission = "region.read_private",
              .region_param = "region",
              .handler = http::Sync([module](Request& req) { return AdoptionRoute(*module, req); }),
              .doc = {.summary = "App adoption per agent, kecamatan and week (?from=&to= dates, "
                                 "inclusive, local time)",
                      .tag = "community",
                      .params = {{.name = "from",
                                  .description = "YYYY-MM-DD (default: 28 days before to)"},
                                 {.name = "to", .description = "YYYY-MM-DD (default: today)"}}}});
}

}  // namespace kc::community
