// HTTP adapters for Bimtek sessions of agents (community.manage): record a session with its
// attendance, correct attendance, list sessions.
#include <boost/json.hpp>

#include "accounts/caller.h"
#include "community/community_json.h"
#include "community/community_store.h"
#include "community/route_util.h"
#include "http/json_body.h"

namespace kc::community {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

const Text kNoTraining{"Bimtek tidak ditemukan di wilayah ini.",
                       "No such training in this region."};

// The "attendance" array: [{"agent_id": 1, "attended": true}, ...].
std::vector<Attendance> ParseAttendance(const json::object& body, Validation& v) {
  std::vector<Attendance> rows;
  const auto* list = body.if_contains("attendance");
  if (list == nullptr || list->is_null()) return rows;
  if (!list->is_array() || list->as_array().size() > 500) {
    v.Add("attendance", {"harus daftar (paling banyak 500)", "must be an array (at most 500)"});
    return rows;
  }
  for (size_t i = 0; i < list->as_array().size(); ++i) {
    const auto& item = list->as_array()[i];
    const std::string field = "attendance[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      v.Add(field, {"harus objek", "must be an object"});
      continue;
    }
    Validation inner;
    http::JsonFields f(item.as_object(), inner);
    auto agent = f.Integer("agent_id", true, 1, INT64_MAX);
    auto attended = f.Bool("attended", true);
    f.RejectUnknown();
    if (!inner.ok()) {
      for (auto& d : std::move(inner).ToError().details)
        v.Add(field + "." + d.field, std::move(d.message));
      continue;
    }
    rows.push_back({*agent, *attended});
  }
  return rows;
}

// Every agent id must be an agent of the region (checked inside the write).
Status CheckAgents(store::Connection& c, std::string_view region,
                   const std::vector<Attendance>& rows) {
  for (const auto& r : rows) {
    KC_ASSIGN_OR_RETURN(auto agent, db::FindAgent(c, region, r.agent_id));
    if (!agent) {
      return InvalidArgument({"Daftar hadir memuat agen yang tidak ada di wilayah ini.",
                              "The attendance lists an agent not in this region."})
          .With("attendance", {"agen " + std::to_string(r.agent_id) + " tidak dikenal",
                               "unknown agent " + std::to_string(r.agent_id)});
    }
  }
  return Ok();
}

void CreateTraining(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  Training t{.region_code = region->code};
  json::object scalars = *body;  // attendance is an array read below
  scalars.erase("attendance");
  http::JsonFields f(scalars, v);
  t.held_on = f.String("held_on", true, 10).value_or("");
  t.topic = f.String("topic", true, kTitleMaxChars, 3).value_or("");
  t.place = f.String("place", false, kTitleMaxChars).value_or("");
  f.RejectUnknown();
  t.attendance = ParseAttendance(*body, v);
  if (!t.held_on.empty() && !IsValidDate(t.held_on)) {
    v.Add("held_on", {"harus tanggal YYYY-MM-DD", "must be a YYYY-MM-DD date"});
  }
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  internal::WriteAndReply<Training>(
      m.db(), req, std::move(reply), 201,
      [t, actor = accounts::AuditActor(req)](store::Connection& c) mutable -> Result<Training> {
        KC_RETURN_IF_ERROR(CheckAgents(c, t.region_code, t.attendance));
        KC_ASSIGN_OR_RETURN(t.id, db::InsertTraining(c, t, FormatUtc(NowUtc())));
        KC_RETURN_IF_ERROR(db::SetAttendance(c, t.id, t.attendance));
        KC_RETURN_IF_ERROR(accounts::RecordAudit(c, {.actor = actor,
                                                     .region_code = t.region_code,
                                                     .action = "training.create",
                                                     .target = "training:" + std::to_string(t.id),
                                                     .after = TrainingJson(t)}));
        return t;
      },
      [](const Training& x) -> json::value { return TrainingJson(x); });
}

void SetAttendanceRoute(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto id = internal::IdParam(req, "id", kNoTraining);
  if (!id.ok()) return reply(Fail(id.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  json::object rest = *body;
  rest.erase("attendance");
  http::JsonFields f(rest, v);
  f.RejectUnknown();
  auto rows = ParseAttendance(*body, v);
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  internal::WriteAndReply<Training>(
      m.db(), req, std::move(reply), 200,
      [region = region->code, id = *id, rows,
       actor = accounts::AuditActor(req)](store::Connection& c) -> Result<Training> {
        KC_ASSIGN_OR_RETURN(auto t, db::FindTraining(c, region, id));
        if (!t) return Error(ErrorCode::kNotFound, kNoTraining);
        KC_RETURN_IF_ERROR(CheckAgents(c, region, rows));
        KC_RETURN_IF_ERROR(db::SetAttendance(c, id, rows));
        KC_ASSIGN_OR_RETURN(auto after, db::FindTraining(c, region, id));
        KC_RETURN_IF_ERROR(accounts::RecordAudit(c, {.actor = actor,
                                                     .region_code = region,
                                                     .action = "training.attendance",
                                                     .target = "training:" + std::to_string(id),
                                                     .before = TrainingJson(*t),
                                                     .after = TrainingJson(*after)}));
        return std::move(*after);
      },
      [](const Training& x) -> json::value { return TrainingJson(x); });
}

Response ListTrainingsRoute(CommunityModule& m, Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto list = m.db().Read([&](store::Connection& c) { return db::ListTrainings(c, region->code); });
  if (!list.ok()) return Fail(list.error(), req);
  json::array items;
  for (const auto& t : *list) items.push_back(TrainingJson(t));
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

}  // namespace

void AddTrainingRoutes(http::Router& router, std::shared_ptr<CommunityModule> module) {
  const std::string base = "/api/v1/regions/{region}/trainings";
  router.Add(
      {.method = Method::kGet,
       .pattern = base,
       .permission = "community.manage",
       .region_param = "region",
       .handler = http::Sync([module](Request& req) { return ListTrainingsRoute(*module, req); }),
       .doc = {.summary = "Bimtek sessions for agents with attendance", .tag = "community"}});
  router.Add({.method = Method::kPost,
              .pattern = base,
              .permission = "community.manage",
              .region_param = "region",
              .body_limit = internal::kBodyLimit,
              .handler = [module](Request& req,
                                  Reply reply) { CreateTraining(*module, req, std::move(reply)); },
              .doc = {.summary = "Record a Bimtek session and who attended",
                      .tag = "community",
                      .request_content_type = "application/json",
                      .responses = {201}}});
  router.Add(
      {.method = Method::kPut,
       .pattern = base + "/{id}/attendance",
       .permission = "community.manage",
       .region_param = "region",
       .body_limit = internal::kBodyLimit,
       .handler = [module](Request& req,
                           Reply reply) { SetAttendanceRoute(*module, req, std::move(reply)); },
       .doc = {.summary = "Correct the attendance of a Bimtek session",
               .tag = "community",
               .request_content_type = "application/json"}});
}

}  // namespace kc::community
