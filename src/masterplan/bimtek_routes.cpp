// HTTP adapters for the Bimtek stages of a masterplan: schedule, participants and attendance,
// recorded outputs, and completing a stage through its gate.
#include <boost/json.hpp>

#include "http/json_body.h"
#include "http/response.h"
#include "masterplan/masterplan_json.h"
#include "masterplan/masterplan_module.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;

constexpr size_t kBodyLimit = 16 * 1024;
const Text kNoPlan{"Masterplan tidak ditemukan di region ini.", "No such masterplan in this region."};

// The plan id and stage number of the path; kNotFound for malformed ones.
struct Target {
  int64_t plan = 0;
  int stage = 0;
};
Result<Target> TargetOf(const Request& req) {
  KC_ASSIGN_OR_RETURN(int64_t plan, internal::IdParam(req, "id", kNoPlan));
  auto stage = ParseStage(req.Param("stage"));
  if (!stage) {
    return Error(ErrorCode::kNotFound, {"Tahap Bimtek harus I, II, III atau IV.",
                                        "The Bimtek stage must be I, II, III or IV."}, "stage_not_found");
  }
  return Target{plan, *stage};
}

json::value RenderStage(const Stage& s, bool english) { return StageJson(s, english); }

using StageOp = std::function<Result<Stage>(store::Connection&, const WriteContext&)>;

// Parses the body with `parse` (may be null: no body), then runs the op built from it.
void Run(RouteContext& ctx, Request& req, Reply reply, int status,
         const std::function<std::optional<StageOp>(const Target&, http::JsonFields&, Validation&)>& build,
         bool has_body) {
  auto target = TargetOf(req);
  if (!target.ok()) return reply(http::ErrorResponse(target.error(), req.english));
  json::object empty;
  Validation v;
  std::optional<StageOp> op;
  if (has_body) {
    auto object = http::ParseJsonObject(req);
    if (!object.ok()) return reply(http::ErrorResponse(object.error(), req.english));
    http::JsonFields f(*object, v);
    op = build(*target, f, v);
    f.RejectUnknown();
  } else {
    http::JsonFields f(empty, v);
    op = build(*target, f, v);
  }
  if (!v.ok() || !op) return reply(http::ErrorResponse(std::move(v).ToError(), req.english));
  internal::Write<Stage>(ctx, req, std::move(reply), status, std::move(*op), RenderStage);
}

void UpdateStageRoute(RouteContext& ctx, Request& req, Reply reply) {
  Run(ctx, req, std::move(reply), 200, [](const Target& t, http::JsonFields& f, Validation&) {
    StagePatch p{f.String("start_date", false, 10), f.String("end_date", false, 10),
                 f.String("place", false, 200), f.String("facilitator", false, 200)};
    return std::optional<StageOp>([t, p](store::Connection& c, const WriteContext& wc) {
      return UpdateStage(c, wc, t.plan, t.stage, p);
    });
  }, true);
}

void AddParticipantRoute(RouteContext& ctx, Request& req, Reply reply) {
  Run(ctx, req, std::move(reply), 201, [](const Target& t, http::JsonFields& f, Validation&) {
    Participant p;
    p.name = f.String("name", true, kNameMaxChars, 2).value_or("");
    p.role = f.String("role", false, kNameMaxChars).value_or("");
    p.user_id = f.Integer("user_id", false, 1, INT64_MAX);
    p.opd_id = f.Integer("opd_id", false, 1, INT64_MAX);
    p.area_code = f.String("area_code", false, 20);
    p.attended = f.Bool("attended", false).value_or(false);
    return std::optional<StageOp>([t, p](store::Connection& c, const WriteContext& wc) {
      return AddParticipant(c, wc, t.plan, t.stage, p);
    });
  }, true);
}

void AttendanceRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto pid = internal::IdParam(req, "pid", {"Peserta tidak ditemukan.", "No such participant."});
  if (!pid.ok()) return reply(http::ErrorResponse(pid.error(), req.english));
  Run(ctx, req, std::move(reply), 200, [pid = *pid](const Target& t, http::JsonFields& f, Validation&) {
    auto attended = f.Bool("attended", true);
    if (!attended) return std::optional<StageOp>();
    return std::optional<StageOp>([t, pid, a = *attended](store::Connection& c, const WriteContext& wc) {
      return SetAttendance(c, wc, t.plan, t.stage, pid, a);
    });
  }, true);
}

void RecordOutputRoute(RouteContext& ctx, Request& req, Reply reply) {
  const std::string output(req.Param("output"));
  Run(ctx, req, std::move(reply), 200, [output](const Target& t, http::JsonFields& f, Validation&) {
    RecordedOutput o{.output = output};
    o.title = f.String("title", true, kTitleMaxChars, 2).value_or("");
    o.reference = f.String("reference", true, 500, 1).value_or("");
    return std::optional<StageOp>([t, o](store::Connection& c, const WriteContext& wc) {
      return RecordOutput(c, wc, t.plan, t.stage, o);
    });
  }, true);
}

void RemoveOutputRoute(RouteContext& ctx, Request& req, Reply reply) {
  const std::string output(req.Param("output"));
  Run(ctx, req, std::move(reply), 200, [output](const Target& t, http::JsonFields&, Validation&) {
    return std::optional<StageOp>([t, output](store::Connection& c, const WriteContext& wc) {
      return RemoveOutput(c, wc, t.plan, t.stage, output);
    });
  }, false);
}

void CompleteRoute(RouteContext& ctx, Request& req, Reply reply) {
  Run(ctx, req, std::move(reply), 200, [](const Target& t, http::JsonFields&, Validation&) {
    return std::optional<StageOp>([t](store::Connection& c, const WriteContext& wc) {
      return CompleteStage(c, wc, t.plan, t.stage);
    });
  }, false);
}

http::Handler Async(std::shared_ptr<RouteContext> ctx, void (*fn)(RouteContext&, Request&, Reply)) {
  return [ctx, fn](Request& req, Reply reply) { fn(*ctx, req, std::move(reply)); };
}

}  // namespace

void AddBimtekRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  const std::string stage = "/api/v1/regions/{region}/masterplans/{id}/bimtek/{stage}";
  const std::string tag = "masterplan";
  auto add = [&](Method m, std::string pattern, const char* permission,
                 void (*fn)(RouteContext&, Request&, Reply), std::string summary, bool body,
                 std::vector<int> responses) {
    router.Add({.method = m, .pattern = std::move(pattern), .permission = permission,
                .region_param = "region", .body_limit = kBodyLimit, .handler = Async(ctx, fn),
                .doc = {.summary = std::move(summary), .tag = tag,
                        .request_content_type = body ? "application/json" : "",
                        .responses = std::move(responses)}});
  };
  add(Method::kPatch, stage, "masterplan.edit", UpdateStageRoute,
      "Set a Bimtek stage's dates, place and facilitator", true, {200, 400, 404, 409});
  add(Method::kPost, stage + "/participants", "masterplan.edit", AddParticipantRoute,
      "Add a participant (user or named person with OPD/kecamatan/kelurahan)", true, {201, 400, 404, 409});
  add(Method::kPatch, stage + "/participants/{pid}", "masterplan.edit", AttendanceRoute,
      "Record a participant's attendance", true, {200, 400, 404, 409});
  add(Method::kPut, stage + "/outputs/{output}", "masterplan.edit", RecordOutputRoute,
      "Record a required output of the stage (document or link)", true, {200, 400, 404, 409});
  add(Method::kDelete, stage + "/outputs/{output}", "masterplan.edit", RemoveOutputRoute,
      "Remove a recorded output", false, {200, 404, 409});
  add(Method::kPost, stage + "/complete", "masterplan.review", CompleteRoute,
      "Complete the stage (the consultant; refused with the missing outputs)", false, {200, 404, 409});
}

}  // namespace kc::masterplan
