#include "masterplan/masterplan_module.h"

#include <charconv>

#include "accounts/caller.h"
#include "core/time.h"

namespace kc::masterplan {

Status RegisterRoutes(http::Router& router, store::Database& db) {
  KC_ASSIGN_OR_RETURN(auto regions, regions::GetModule(db));
  auto ctx = std::make_shared<RouteContext>(RouteContext{db, std::move(regions)});
  AddMasterplanRoutes(router, ctx);
  AddBimtekRoutes(router, ctx);
  AddReadinessRoutes(router, ctx);
  AddProgramRoutes(router, ctx);
  AddEvaluationRoutes(router, ctx);
  AddProgressRoutes(router, ctx);
  AddQuickWinProgressRoutes(router, ctx);
  AddNationalRoutes(router, ctx);
  AddProgramExportRoutes(router, ctx);
  AddCommentRoutes(router, ctx);
  return Ok();
}

namespace internal {

Result<std::string> RegionCode(RouteContext& ctx, const http::Request& req) {
  KC_ASSIGN_OR_RETURN(auto region, ctx.regions->service().FindRegion(req.Param("region")));
  return region.code;
}

Result<int64_t> IdParam(const http::Request& req, std::string_view name, Text what) {
  const std::string_view text = req.Param(name);
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Error(ErrorCode::kNotFound, std::move(what));
  }
  return id;
}

OpdCheck OpdCheckOf(const http::Request& req, std::string region_code, accounts::Permission whole,
                    accounts::Permission scoped) {
  const accounts::Principal& principal = accounts::PrincipalOf(req);
  if (accounts::Authorize(principal, whole, region_code).allowed) return {};
  return [principal, region = std::move(region_code), scoped](int64_t opd_id) {
    return accounts::Authorize(principal, scoped, region, {.opd_id = std::to_string(opd_id)}).allowed;
  };
}

WriteContext ContextOf(const http::Request& req, std::string region_code) {
  return {accounts::AuditActor(req), std::move(region_code), FormatUtc(NowUtc())};
}

}  // namespace internal
}  // namespace kc::masterplan
