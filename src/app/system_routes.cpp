#include "app/system_routes.h"

#include <boost/json.hpp>

#include "app/version.h"
#include "http/openapi.h"
#include "http/static_files.h"

namespace kc::app {

using http::Method;
using http::Request;
using http::Response;

namespace {

Response Text(int status, std::string body, std::string type = "text/plain; charset=utf-8") {
  Response r;
  r.status = status;
  r.content_type = std::move(type);
  r.body = std::move(body);
  r.Header("Cache-Control", "no-store");
  return r;
}

// Ready when storage answers and the schema is current; ?deep=1 adds PRAGMA integrity_check.
Response Ready(AppContext& ctx, const Request& req) {
  boost::json::object checks;
  bool ok = true;
  auto current = ctx.db.SchemaCurrent();
  if (!current.ok()) {
    checks["storage"] = current.error().message.For(req.english);
    ok = false;
  } else {
    checks["storage"] = "ok";
    checks["migrations"] = *current ? "current" : "pending";
    ok = *current;
  }
  const auto deep = req.Query("deep");
  if (ok && deep && (*deep == "1" || *deep == "true")) {
    Status integrity = ctx.db.IntegrityCheck();
    checks["integrity"] = integrity.ok() ? "ok" : integrity.error().message.For(req.english);
    ok = integrity.ok();
  }
  Response r = http::JsonResponse(ok ? 200 : 503,
                                  boost::json::object{{"status", ok ? "ready" : "not_ready"},
                                                      {"checks", std::move(checks)}});
  r.Header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void RegisterSystemRoutes(http::Router& router, AppContext& ctx) {
  router.Add({.method = Method::kGet,
              .pattern = "/healthz",
              .permission = "public",
              .handler = http::Sync([](Request&) { return Text(200, "ok\n"); }),
              .doc = {.summary = "Liveness: the process answers", .tag = "system"}});
  router.Add({.method = Method::kGet,
              .pattern = "/readyz",
              .permission = "public",
              .handler = http::Sync([&ctx](Request& req) { return Ready(ctx, req); }),
              .doc = {.summary = "Readiness: storage reachable and migrations current",
                      .tag = "system",
                      .params = {{.name = "deep", .description = "1 runs PRAGMA integrity_check"}},
                      .responses = {200, 503}}});
  router.Add({.method = Method::kGet,
              .pattern = "/metrics",
              .permission = "public",
              .handler = http::Sync([&ctx](Request&) {
                return Text(200, ctx.metrics.Serialize(), "text/plain; version=0.0.4; charset=utf-8");
              }),
              .doc = {.summary = "Prometheus metrics", .tag = "system"}});
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/version",
              .permission = "public",
              .handler = http::Sync([](Request&) {
                return http::JsonResponse(200, {{"name", "kotacerdas"}, {"version", kVersion}});
              }),
              .doc = {.summary = "Server name and version", .tag = "system"}});
  // The document describes the router as it stands once every module has registered, so it is
  // built on first request rather than here.
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/openapi.json",
              .permission = "public",
              .handler = http::Sync([&router](Request&) {
                static const std::string doc = boost::json::serialize(http::BuildOpenApi(
                    router, {.title = "kotacerdas API",
                             .version = kVersion,
                             .description = "Platform kota cerdas untuk pemerintah daerah: "
                                            "masterplan, laporan warga (Open311 GeoReport v2), "
                                            "komunitas dan dasbor."}));
                Response r;
                r.body = doc;
                return r;
              }),
              .doc = {.summary = "This OpenAPI 3.1 document", .tag = "system"}});
  auto files = std::make_shared<http::StaticFiles>(ctx.config.web_dir);
  router.SetFallback({.method = Method::kGet,
                      .pattern = "/*",
                      .permission = "public",
                      .handler = http::Sync([files](Request& req) {
                        if (req.path.starts_with("/api/") || req.path.starts_with("/open311/")) {
                          return http::ErrorResponse(
                              Error(ErrorCode::kNotFound, {"Alamat tidak ditemukan.", "No such resource."}),
                              req.english);
                        }
                        return files->Serve(req);
                      })});
}

}  // namespace kc::app
