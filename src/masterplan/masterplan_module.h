// The masterplan module's HTTP wiring: RegisterRoutes adds every route (masterplan_routes.cpp,
// bimtek_routes.cpp, readiness_routes.cpp, program_routes.cpp, evaluation_routes.cpp,
// progress_routes.cpp, quick_win_progress_routes.cpp, national_routes.cpp,
// program_export_routes.cpp, comment_routes.cpp); routes are thin adapters over the services.
// Writes reply from the store's completion, i.e. after the commit is durable.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "http/router.h"
#include "accounts/roles.h"
#include "masterplan/masterplan_service.h"
#include "masterplan/program_service.h"
#include "regions/regions_module.h"
#include "store/database.h"

namespace kc::masterplan {

// Shared by the route groups; lives as long as the routes.
struct RouteContext {
  store::Database& db;
  std::shared_ptr<regions::RegionsModule> regions;
};

// Registers the module's routes. Errors: the regions module cannot be created.
Status RegisterRoutes(http::Router& router, store::Database& db);

void AddMasterplanRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);
void AddBimtekRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);
void AddReadinessRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);
void AddProgramRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);
void AddEvaluationRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);
void AddProgressRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);
void AddQuickWinProgressRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);
void AddNationalRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);
void AddProgramExportRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);
void AddCommentRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx);

// The Manado demo masterplan (masterplan_demo.cpp): creates "Masterplan Smart City Kota Manado
// 2025-2034" in Bimtek stage III when region 71.71 and its demo OPDs exist and it does not
// exist yet (idempotent); one line on `out` says what happened. Errors: storage errors.
Status RunDemo(store::Database& db, std::ostream& out);

namespace internal {

// The region code of the {region} path parameter (code or slug). Errors: kNotFound.
Result<std::string> RegionCode(RouteContext& ctx, const http::Request& req);
// The positive integer path parameter `name`; kNotFound "<what>_not_found" otherwise.
Result<int64_t> IdParam(const http::Request& req, std::string_view name, Text what);
// Who the caller may act for in `region_code`: every OPD (an empty check) when it holds `whole`
// there, otherwise the OPDs for which it holds `scoped` with the OPD as target (an officer's
// own OPD). Copies the principal: the check may run later on the writer thread.
OpdCheck OpdCheckOf(const http::Request& req, std::string region_code, accounts::Permission whole,
                    accounts::Permission scoped);
// The write context of a request: the caller as actor, the region, now.
WriteContext ContextOf(const http::Request& req, std::string region_code);
// Runs `op` as one durable write and replies `status` with render(value), or the error.
template <class T>
void Write(RouteContext& ctx, const http::Request& req, http::Reply reply, int status,
           std::function<Result<T>(store::Connection&, const WriteContext&)> op,
           std::function<boost::json::value(const T&, bool english)> render) {
  auto region = RegionCode(ctx, req);
  if (!region.ok()) return reply(http::ErrorResponse(region.error(), req.english));
  WriteContext wc = ContextOf(req, std::move(region).value());
  const bool english = req.english;
  RunWrite<T>(ctx.db, [op = std::move(op), wc](store::Connection& conn) { return op(conn, wc); },
              [reply = std::move(reply), render = std::move(render), english, status](Result<T> r) {
                reply(r.ok() ? http::JsonResponse(status, render(*r, english))
                             : http::ErrorResponse(r.error(), english));
              });
}

}  // namespace internal
}  // namespace kc::masterplan
