// HTTP adapters for programs and quick wins of a masterplan.
#include <boost/json.hpp>
#include <vector>

#include "http/json_body.h"
#include "http/response.h"
#include "masterplan/masterplan_module.h"
#include "masterplan/program_json.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;

constexpr size_t kBodyLimit = 128 * 1024;  // a program with ten years of budget lines and KPIs
const Text kNoPlan{"Masterplan tidak ditemukan di region ini.", "No such masterplan in this region."};

Response Fail(const Error& e, const Request& req) { return http::ErrorResponse(e, req.english); }

// The latest version's list (program.edit: masterplan.read holders see everything, OPD officers
// their own OPD's programs and the quick wins it owns) or the published one (public, whole).
Response ListRoute(RouteContext& ctx, const Request& req, bool published) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return Fail(id.error(), req);
  const OpdCheck may_read =
      published ? OpdCheck{}
                : internal::OpdCheckOf(req, *region, accounts::Permission::kMasterplanRead,
                                       accounts::Permission::kProgramEdit);
  auto l = ctx.db.Read([&](store::Connection& c) { return GetPrograms(c, *region, *id, published); });
  if (!l.ok()) return Fail(l.error(), req);
  if (may_read) {
    std::erase_if(l->programs, [&](const Program& p) { return !may_read(p.owner_opd_id); });
    std::erase_if(l->quick_wins,
                  [&](const QuickWin& q) { return !q.owner_opd_id || !may_read(*q.owner_opd_id); });
  }
  return http::JsonResponse(200, ProgramListJson(*l));
}

// The item number of the path ({no}), 0 when the route has none (create).
Result<int> ItemNo(const Request& req, bool has_no) {
  if (!has_no) return 0;
  KC_ASSIGN_OR_RETURN(int64_t no, internal::IdParam(req, "no", {"Butir tidak ditemukan.", "No such item."}));
  if (no > INT32_MAX) return Error(ErrorCode::kNotFound, {"Butir tidak ditemukan.", "No such item."});
  return static_cast<int>(no);
}

// Creates ({no} absent) or replaces one numbered item of a plan: a program or a quick win.
// `read` parses and validates the body, `save` stores the item in one write, `render` answers.
template <class Item>
void SaveItemRoute(RouteContext& ctx, Request& req, Reply reply, bool has_no, auto read, auto save,
                   auto render) {
  auto id = internal::IdParam(req, "id", kNoPlan);
  auto no = ItemNo(req, has_no);
  if (!id.ok() || !no.ok()) return reply(Fail(id.ok() ? no.error() : id.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  std::optional<Item> item = read(*body, v);
  if (!item) return reply(Fail(std::move(v).ToError(), req));
  item->no = *no;
  internal::Write<Item>(
      ctx, req, std::move(reply), has_no ? 200 : 201,
      [plan = *id, it = *item, save](store::Connection& c, const WriteContext& wc) {
        return save(c, wc, plan, it);
      },
      [render](const Item& it, bool) -> json::value { return render(it); });
}

// Replacing a program needs program.edit: whoever holds masterplan.edit edits any program, an
// OPD officer only its own OPD's (the service checks the stored owner inside the write).
void SaveProgramRoute(RouteContext& ctx, Request& req, Reply reply, bool has_no) {
  OpdCheck may_edit;
  if (has_no) {
    auto region = internal::RegionCode(ctx, req);
    if (!region.ok()) return reply(Fail(region.error(), req));
    may_edit = internal::OpdCheckOf(req, *region, accounts::Permission::kMasterplanEdit,
                                    accounts::Permission::kProgramEdit);
  }
  SaveItemRoute<Program>(
      ctx, req, std::move(reply), has_no,
      [](const json::object& b, Validation& v) { return ReadProgram(b, v); },
      [may_edit](store::Connection& c, const WriteContext& wc, auto plan, const Program& p) {
        return SaveProgram(c, wc, plan, p, may_edit);
      },
      [](const Program& p) { return ProgramJson(p); });
}

// One program; officers (program.edit) see only their own OPD's programs.
Response GetProgramRoute(RouteContext& ctx, const Request& req) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto id = internal::IdParam(req, "id", kNoPlan);
  auto no = ItemNo(req, true);
  if (!id.ok() || !no.ok()) return Fail(id.ok() ? no.error() : id.error(), req);
  const OpdCheck may_read = internal::OpdCheckOf(req, *region, accounts::Permission::kMasterplanRead,
                                                 accounts::Permission::kProgramEdit);
  auto p = ctx.db.Read([&](store::Connection& c) -> Result<Program> {
    KC_ASSIGN_OR_RETURN(ProgramList l, GetPrograms(c, *region, *id));
    for (const Program& x : l.programs) {
      if (x.no != *no) continue;
      if (may_read && !may_read(x.owner_opd_id)) {
        return Error(ErrorCode::kForbidden, {"Program ini milik OPD lain.", "This program belongs to another OPD."});
      }
      return x;
    }
    return Error(ErrorCode::kNotFound, {"Program tidak ditemukan.", "No such program."}, "program_not_found");
  });
  return p.ok() ? http::JsonResponse(200, ProgramJson(*p)) : Fail(p.error(), req);
}

void SaveQuickWinRoute(RouteContext& ctx, Request& req, Reply reply, bool has_no) {
  SaveItemRoute<QuickWin>(
      ctx, req, std::move(reply), has_no,
      [](const json::object& b, Validation& v) { return ReadQuickWin(b, v); },
      [](store::Connection& c, const WriteContext& wc, auto plan, const QuickWin& q) { return SaveQuickWin(c, wc, plan, q); },
      [](const QuickWin& q) { return QuickWinJson(q); });
}

void RemoveRoute(RouteContext& ctx, Request& req, Reply reply, bool program) {
  auto id = internal::IdParam(req, "id", kNoPlan);
  auto no = ItemNo(req, true);
  if (!id.ok() || !no.ok()) return reply(Fail(id.ok() ? no.error() : id.error(), req));
  internal::Write<ProgramList>(
      ctx, req, std::move(reply), 200,
      [plan = *id, n = *no, program](store::Connection& c, const WriteContext& wc) {
        return program ? RemoveProgram(c, wc, plan, n) : RemoveQuickWin(c, wc, plan, n);
      },
      [](const ProgramList& l, bool) -> json::value { return ProgramListJson(l); });
}

}  // namespace

void AddProgramRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  const std::string plan = "/api/v1/regions/{region}/masterplans/{id}";
  const std::string tag = "masterplan";
  router.Add({.method = Method::kGet, .pattern = plan + "/programs", .permission = "program.edit",
              .region_param = "region",
              .handler = http::Sync([ctx](Request& req) { return ListRoute(*ctx, req, false); }),
              .doc = {.summary = "Programs and quick wins of the latest version (OPD officers: "
                                 "their own OPD's)",
                      .tag = tag,
                      .responses = {200, 404}}});
  router.Add({.method = Method::kGet, .pattern = plan + "/published/programs", .permission = "public",
              .handler = http::Sync([ctx](Request& req) { return ListRoute(*ctx, req, true); }),
              .doc = {.summary = "Programs and quick wins of the published version (public)", .tag = tag,
                      .responses = {200, 404}}});
  router.Add({.method = Method::kGet, .pattern = plan + "/programs/{no}", .permission = "program.edit",
              .region_param = "region",
              .handler = http::Sync([ctx](Request& req) { return GetProgramRoute(*ctx, req); }),
              .doc = {.summary = "One program (OPD officers: their own OPD's)", .tag = tag,
                      .responses = {200, 403, 404}}});
  struct Write {
    Method method;
    std::string pattern;
    bool has_no, program;
    const char* summary;
  };
  for (const Write& w : {Write{Method::kPost, plan + "/programs", false, true, "Add a program (rencana aksi)"},
                         Write{Method::kPut, plan + "/programs/{no}", true, true, "Replace a program"},
                         Write{Method::kPost, plan + "/quick-wins", false, false, "Add a quick win candidate"},
                         Write{Method::kPut, plan + "/quick-wins/{no}", true, false,
                               "Replace a quick win (select, finalise, progress)"}}) {
    const bool has_no = w.has_no, program = w.program;
    // Replacing a program is program.edit (officers: own OPD); everything else masterplan.edit.
    const char* permission = w.has_no && w.program ? "program.edit" : "masterplan.edit";
    router.Add({.method = w.method, .pattern = w.pattern, .permission = permission,
                .region_param = "region", .body_limit = kBodyLimit,
                .handler = [ctx, has_no, program](Request& req, Reply reply) {
                  if (program) SaveProgramRoute(*ctx, req, std::move(reply), has_no);
                  else SaveQuickWinRoute(*ctx, req, std::move(reply), has_no);
                },
                .doc = {.summary = w.summary, .tag = tag, .request_content_type = "application/json",
                        .responses = {has_no ? 200 : 201, 400, 404, 409}}});
  }
  for (bool program : {true, false}) {
    router.Add({.method = Method::kDelete, .pattern = plan + (program ? "/programs/{no}" : "/quick-wins/{no}"),
                .permission = "masterplan.edit", .region_param = "region",
                .handler = [ctx, program](Request& req, Reply reply) { RemoveRoute(*ctx, req, std::move(reply), program); },
                .doc = {.summary = program ? "Remove a program" : "Remove a quick win", .tag = tag,
                        .responses = {200, 404, 409}}});
  }
}

}  // namespace kc::masterplan
