// HTTP adapters for progress reports of masterplan programs (progress_service.h).
#include <algorithm>
#include <boost/json.hpp>

#include "http/json_body.h"
#include "http/response.h"
#include "masterplan/masterplan_module.h"
#include "masterplan/progress_json.h"
#include "masterplan/progress_service.h"
#include "masterplan/quick_win_progress_service.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;
using accounts::Permission;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;

constexpr size_t kBodyLimit = 32 * 1024;  // a narrative of 4000 characters and the KPI actuals
const Text kNoPlan{"Masterplan tidak ditemukan di region ini.",
                   "No such masterplan in this region."};
const Text kNoProgram{"Program tidak ditemukan.", "No such program."};
const Text kNoQuickWin{"Quick win tidak ditemukan.", "No such quick win."};

Response Fail(const Error& e, const Request& req) { return http::ErrorResponse(e, req.english); }

// The report fields of a request body; the period and program come from the path.
std::optional<ProgressReport> ReadReport(const json::object& body, Validation& v) {
  http::JsonFields f(body, v);
  ProgressReport r;
  r.realisation = static_cast<int>(f.Integer("realisation", true, 0, 100).value_or(0));
  r.budget_realised = f.Integer("budget_realised", true, 0, kMaxBudgetRupiah).value_or(0);
  r.narrative = f.String("narrative", true, kNarrativeMaxChars, kNarrativeMinChars).value_or("");
  r.evidence_url = f.String("evidence_url", false, kEvidenceUrlMaxChars).value_or("");
  if (const json::value* list = body.if_contains("kpi_actuals")) {
    if (!list->is_array()) {
      v.Add("kpi_actuals", {"harus daftar {name, value}", "must be a list of {name, value}"});
    } else {
      for (size_t i = 0; i < list->as_array().size(); ++i) {
        const json::value& k = list->as_array()[i];
        const std::string field = "kpi_actuals[" + std::to_string(i) + "]";
        const json::value* name = k.is_object() ? k.as_object().if_contains("name") : nullptr;
        const json::value* value = k.is_object() ? k.as_object().if_contains("value") : nullptr;
        if (name == nullptr || !name->is_string() || value == nullptr || !value->is_number()) {
          v.Add(field, {"harus {name: teks, value: angka}", "must be {name: text, value: number}"});
          continue;
        }
        r.kpi_actuals.push_back({std::string(name->as_string()), value->to_number<double>()});
      }
    }
  }
  for (const auto& kv : body) {
    static constexpr std::string_view kKnown[] = {"realisation", "budget_realised", "narrative",
                                                  "evidence_url", "kpi_actuals"};
    if (std::find(std::begin(kKnown), std::end(kKnown), kv.key()) == std::end(kKnown)) {
      v.Add(std::string(kv.key()), {"kolom tidak dikenal", "unknown field"});
    }
  }
  if (!v.ok()) return std::nullopt;
  return r;
}

// The plan id and the program's (or quick win's: `what`) number of the path.
Result<std::pair<int64_t, int>> PlanAndNo(const Request& req, const Text& what = kNoProgram) {
  KC_ASSIGN_OR_RETURN(int64_t id, internal::IdParam(req, "id", kNoPlan));
  KC_ASSIGN_OR_RETURN(int64_t no, internal::IdParam(req, "no", what));
  if (no > INT32_MAX) return Error(ErrorCode::kNotFound, what);
  return std::pair{id, static_cast<int>(no)};
}

void SubmitRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto ids = PlanAndNo(req);
  if (!ids.ok()) return reply(Fail(ids.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  std::optional<ProgressReport> r = ReadReport(*body, v);
  if (!r) return reply(Fail(std::move(v).ToError(), req));
  r->program_no = ids->second;
  r->period = std::string(req.Param("period"));
  OpdCheck may_act = internal::OpdCheckOf(req, *region, Permission::kMasterplanEdit,
                                          Permission::kProgramReportProgress);
  internal::Write<ProgressReport>(
      ctx, req, std::move(reply), 200,
      [plan = ids->first, report = *r, may_act](store::Connection& c, const WriteContext& wc) {
        return SubmitProgress(c, wc, plan, report, may_act);
      },
      [](const ProgressReport& x, bool) -> json::value { return ReportJson(x); });
}

// Checks or returns the current report of a program (program) or quick win for a period.
void CheckRoute(RouteContext& ctx, Request& req, Reply reply, bool program) {
  auto ids = PlanAndNo(req, program ? kNoProgram : kNoQuickWin);
  if (!ids.ok()) return reply(Fail(ids.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  std::optional<CheckRequest> c = ReadCheckRequest(*body, v);
  if (!c) return reply(Fail(std::move(v).ToError(), req));
  const auto [plan, no] = *ids;
  std::string period(req.Param("period"));
  if (program) {
    internal::Write<ProgressReport>(
        ctx, req, std::move(reply), 200,
        [plan, no, period, c = *c](store::Connection& conn, const WriteContext& wc) {
          return CheckProgress(conn, wc, plan, no, period, c);
        },
        [](const ProgressReport& x, bool) -> json::value { return ReportJson(x); });
  } else {
    internal::Write<QuickWinReport>(
        ctx, req, std::move(reply), 200,
        [plan, no, period, c = *c](store::Connection& conn, const WriteContext& wc) {
          return CheckQuickWinProgress(conn, wc, plan, no, period, c);
        },
        [](const QuickWinReport& x, bool) -> json::value { return QuickWinReportJson(x); });
  }
}

Response ProgramProgressRoute(RouteContext& ctx, const Request& req) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto ids = PlanAndNo(req);
  if (!ids.ok()) return Fail(ids.error(), req);
  const OpdCheck may_read = internal::OpdCheckOf(req, *region, Permission::kMasterplanRead,
                                                 Permission::kProgramReportProgress);
  auto p = ctx.db.Read([&](store::Connection& c) {
    return GetProgramProgress(c, *region, ids->first, ids->second, may_read);
  });
  if (!p.ok()) return Fail(p.error(), req);
  return http::JsonResponse(200, {{"program_no", p->program_no},
                                  {"program_name", p->program_name},
                                  {"owner_opd_id", p->owner_opd_id},
                                  {"periods", ReportsJson(p->periods, &ReportJson)},
                                  {"history", ReportsJson(p->history, &ReportJson)}});
}

// Counts of what a period view shows: missing reports and reports per check state.
struct PeriodCounts {
  int missing = 0, submitted = 0, checked = 0, returned = 0;
  void Add(const ReportCheck* check) {
    if (check == nullptr) {
      ++missing;
      return;
    }
    switch (check->state) {
      case CheckState::kSubmitted:
        ++submitted;
        break;
      case CheckState::kChecked:
        ++checked;
        break;
      case CheckState::kReturned:
        ++returned;
        break;
    }
  }
};

// Every program and reporting quick win of the plan for one period: reported (with the check
// state) or missing. OPD officers (no masterplan.read) see only the items they report for; the
// counts count what they see: `missing` and `unchecked` (diajukan), `returned` (dikembalikan)
// for programs, the same under "quick_win_counts" for quick wins.
Response PeriodRoute(RouteContext& ctx, const Request& req) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return Fail(id.error(), req);
  const OpdCheck may_read = internal::OpdCheckOf(req, *region, Permission::kMasterplanRead,
                                                 Permission::kProgramReportProgress);
  using Lines = std::pair<std::vector<PeriodLine>, std::vector<QuickWinPeriodLine>>;
  auto lines = ctx.db.Read([&](store::Connection& c) -> Result<Lines> {
    KC_ASSIGN_OR_RETURN(auto programs, GetPeriod(c, *region, *id, req.Param("period")));
    KC_ASSIGN_OR_RETURN(auto quick_wins, GetQuickWinPeriod(c, *region, *id, req.Param("period")));
    return Lines{std::move(programs), std::move(quick_wins)};
  });
  if (!lines.ok()) return Fail(lines.error(), req);
  json::array items, quick_wins;
  PeriodCounts counts, qw_counts;
  for (const PeriodLine& l : lines->first) {
    if (may_read && !may_read(l.owner_opd_id)) continue;
    counts.Add(l.report ? &l.report->check : nullptr);
    items.push_back(
        {{"program_no", l.program_no},
         {"program_name", l.program_name},
         {"owner_opd_id", l.owner_opd_id},
         {"report", l.report ? json::value(ReportJson(*l.report)) : json::value(nullptr)}});
  }
  for (const QuickWinPeriodLine& l : lines->second) {
    if (may_read && !may_read(l.owner_opd_id)) continue;
    qw_counts.Add(l.report ? &l.report->check : nullptr);
    quick_wins.push_back(
        {{"quick_win_no", l.quick_win_no},
         {"quick_win_name", l.quick_win_name},
         {"state", ToString(l.state)},
         {"owner_opd_id", l.owner_opd_id},
         {"report", l.report ? json::value(QuickWinReportJson(*l.report)) : json::value(nullptr)}});
  }
  return http::JsonResponse(200, {{"period", req.Param("period")},
                                  {"missing", counts.missing},
                                  {"unchecked", counts.submitted},
                                  {"returned", counts.returned},
                                  {"items", std::move(items)},
                                  {"quick_win_counts",
                                   {{"missing", qw_counts.missing},
                                    {"unchecked", qw_counts.submitted},
                                    {"returned", qw_counts.returned}}},
                                  {"quick_wins", std::move(quick_wins)}});
}

}  // namespace

void AddProgressRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  const std::string plan = "/api/v1/regions/{region}/masterplans/{id}";
  const std::string tag = "masterplan";
  router.Add(
      {.method = Method::kPut,
       .pattern = plan + "/programs/{no}/progress/{period}",
       .permission = "program.report_progress",
       .region_param = "region",
       .body_limit = kBodyLimit,
       .handler = [ctx](Request& req, Reply reply) { SubmitRoute(*ctx, req, std::move(reply)); },
       .doc = {.summary = "Report a program's progress for a quarter (2026-Q1), semester "
                          "(2026-S1), year (2026) or month (2026-03)",
               .tag = tag,
               .request_content_type = "application/json",
               .responses = {200, 400, 403, 404}}});
  router.Add(
      {.method = Method::kGet,
       .pattern = plan + "/programs/{no}/progress",
       .permission = "program.report_progress",
       .region_param = "region",
       .handler = http::Sync([ctx](Request& req) { return ProgramProgressRoute(*ctx, req); }),
       .doc = {.summary = "A program's progress per period and the history of submissions",
               .tag = tag,
               .responses = {200, 403, 404}}});
  router.Add(
      {.method = Method::kPost,
       .pattern = plan + "/programs/{no}/progress/{period}/check",
       .permission = "masterplan.review",
       .region_param = "region",
       .body_limit = 8 * 1024,
       .handler = [ctx](Request& req,
                        Reply reply) { CheckRoute(*ctx, req, std::move(reply), true); },
       .doc = {.summary = "Check (diperiksa) or return (dikembalikan, with a note) the current "
                          "revision of a program's report for a period",
               .tag = tag,
               .request_content_type = "application/json",
               .responses = {200, 400, 403, 404, 409}}});
  router.Add(
      {.method = Method::kPost,
       .pattern = plan + "/quick-wins/{no}/progress/{period}/check",
       .permission = "masterplan.review",
       .region_param = "region",
       .body_limit = 8 * 1024,
       .handler = [ctx](Request& req,
                        Reply reply) { CheckRoute(*ctx, req, std::move(reply), false); },
       .doc = {.summary = "Check (diperiksa) or return (dikembalikan, with a note) the current "
                          "revision of a quick win's report for a period",
               .tag = tag,
               .request_content_type = "application/json",
               .responses = {200, 400, 403, 404, 409}}});
  router.Add({.method = Method::kGet,
              .pattern = plan + "/progress/{period}",
              .permission = "program.edit",
              .region_param = "region",
              .handler = http::Sync([ctx](Request& req) { return PeriodRoute(*ctx, req); }),
              .doc = {.summary = "Every program's and quick win's report for a period with its "
                                 "check state, missing ones included (OPD officers: their own "
                                 "OPD's)",
                      .tag = tag,
                      .responses = {200, 400, 404}}});
}

}  // namespace kc::masterplan
