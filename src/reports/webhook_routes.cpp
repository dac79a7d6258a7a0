// HTTP adapters for a region's webhooks (region admins, region.manage): create (the secret is
// shown once, in the answer), list, delete, and each hook's delivery log. Writes reply after the
// commit and leave an audit entry in the same savepoint.
#include <algorithm>
#include <boost/json.hpp>

#include "accounts/caller.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "reports/reports_module.h"
#include "reports/route_util.h"
#include "reports/webhook.h"

namespace kc::reports {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

json::array EventsJson(const std::vector<std::string>& types) {
  json::array out;
  if (types.empty()) out.emplace_back("*");
  for (const auto& t : types) out.emplace_back(t);
  return out;
}

json::object HookJson(const Webhook& h) {
  return {{"id", h.id},
          {"url", h.url},
          {"events", EventsJson(h.event_types)},
          {"created_at", h.created_at}};
}

template <class T>
json::value Opt(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object DeliveryJson(const WebhookDelivery& d) {
  return {{"id", d.delivery_id},
          {"event_id", d.event_id},
          {"type", d.event_type},
          {"tracking", d.tracking},
          {"status", DeliveryStatusName(d.status)},
          {"attempts", d.attempts},
          {"last_status_code", Opt(d.last_status_code)},
          {"last_error", d.last_error},
          {"last_attempt_at", Opt(d.last_attempt_at)},
          {"next_attempt_at", Opt(d.next_attempt_at)},
          {"created_at", d.created_at}};
}

// "events": an array of kEvent* names, or ["*"] / absent for every type.
std::vector<std::string> ParseEvents(const json::object& body, Validation& v) {
  const auto* events = body.if_contains("events");
  if (events == nullptr || events->is_null()) return {};
  const Text bad{"harus berupa daftar jenis peristiwa (mis. report.created) atau [\"*\"]",
                 "must be a list of event types (e.g. report.created) or [\"*\"]"};
  auto fail = [&]() -> std::vector<std::string> {
    v.Add("events", bad);
    return {};
  };
  if (!events->is_array() || events->as_array().empty()) return fail();
  std::vector<std::string> out;
  for (const auto& e : events->as_array()) {
    if (!e.is_string()) return fail();
    const std::string name(e.as_string());
    if (name == "*") return {};
    if (!IsEventType(name)) return fail();
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

Result<Webhook> ParseHook(const Request& req, const regions::Region& region) {
  KC_ASSIGN_OR_RETURN(auto body, http::ParseJsonObject(req));
  Validation v;
  json::object scalars = body;
  scalars.erase("events");
  http::JsonFields f(scalars, v);
  auto url = f.String("url", true, kWebhookUrlMaxBytes);
  f.RejectUnknown();
  Webhook hook{.region_code = region.code, .event_types = ParseEvents(body, v)};
  if (url) {
    auto parsed = ParseWebhookUrl(*url);
    if (!parsed.ok()) {
      for (const auto& d : parsed.error().details) v.Add(d.field, d.message);
    }
    hook.url = *url;
  }
  if (!v.ok()) return std::move(v).ToError();
  return hook;
}

void CreateHook(ReportsModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto hook = ParseHook(req, *region);
  if (!hook.ok()) return reply(Fail(hook.error(), req));
  hook->secret = NewWebhookSecret();
  const auto& caller = accounts::CallerOf(req);
  if (caller.IsUser()) hook->created_by = caller.user_id;
  m.webhooks().Create(std::move(*hook), accounts::AuditActor(req),
                      [reply, english = req.english](Result<Webhook> stored) {
                        if (!stored.ok())
                          return reply(http::ErrorResponse(stored.error(), english));
                        json::object body = HookJson(*stored);
                        body["secret"] = stored->secret;  // the only time it is shown
                        reply(http::JsonResponse(201, body));
                      });
}

Response ListHooks(ReportsModule& m, const Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto hooks = m.webhooks().List(region->code);
  if (!hooks.ok()) return Fail(hooks.error(), req);
  json::array items;
  for (const auto& h : *hooks) items.push_back(HookJson(h));
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

Error HookNotFound() {
  return Error(ErrorCode::kNotFound, {"Webhook tidak ditemukan.", "No such webhook."},
               "webhook_not_found");
}

void DeleteHook(ReportsModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto id = internal::ParseId(req.Param("id"));
  if (!id) return reply(Fail(HookNotFound(), req));
  m.webhooks().Delete(region->code, *id, accounts::AuditActor(req),
                      [reply, english = req.english](Status st) {
                        if (!st.ok()) return reply(http::ErrorResponse(st.error(), english));
                        reply(Response{.status = 204, .content_type = ""});
                      });
}

Response ListDeliveries(ReportsModule& m, const Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto id = internal::ParseId(req.Param("id"));
  if (!id) return Fail(HookNotFound(), req);
  auto hook = m.webhooks().Find(region->code, *id);
  if (!hook.ok()) return Fail(hook.error(), req);
  if (!*hook) return Fail(HookNotFound(), req);
  auto page = http::ParsePage(req, 50, 200);
  if (!page.ok()) return Fail(page.error(), req);
  std::optional<int64_t> before;
  if (page->after) {
    before = internal::ParseId(*page->after);
    if (!before) {
      return Fail(InvalidArgument({"Parameter tidak sah.", "Invalid parameter."})
                      .With("cursor", {"tidak sah", "invalid"}),
                  req);
    }
  }
  auto deliveries = m.webhooks().Deliveries(*id, before, page->limit);
  if (!deliveries.ok()) return Fail(deliveries.error(), req);
  const bool more = deliveries->size() > static_cast<size_t>(page->limit);
  if (more) deliveries->pop_back();
  json::array items;
  for (const auto& d : *deliveries) items.push_back(DeliveryJson(d));
  json::object body{{"items", std::move(items)}};
  body["next_cursor"] = more
                            ? json::value(http::EncodeCursor(std::to_string(deliveries->back().id)))
                            : json::value(nullptr);
  return http::JsonResponse(200, body);
}

}  // namespace

void AddWebhookRoutes(http::Router& router, std::shared_ptr<ReportsModule> module) {
  const std::string base = "/api/v1/regions/{region}/webhooks";
  router.Add({.method = Method::kPost,
              .pattern = base,
              .permission = "region.manage",
              .region_param = "region",
              .body_limit = internal::kSmallBodyLimit,
              .handler = [module](Request& req, Reply reply) { CreateHook(*module, req, reply); },
              .doc = {.summary = "Subscribe a URL to report events (signed; secret shown once)",
                      .tag = "reports",
                      .request_content_type = "application/json",
                      .responses = {201, 400, 401, 403, 404, 409}}});
  router.Add({.method = Method::kGet,
              .pattern = base,
              .permission = "region.manage",
              .region_param = "region",
              .handler = http::Sync([module](Request& req) { return ListHooks(*module, req); }),
              .doc = {.summary = "The region's webhooks",
                      .tag = "reports",
                      .responses = {200, 401, 403, 404}}});
  router.Add({.method = Method::kDelete,
              .pattern = base + "/{id}",
              .permission = "region.manage",
              .region_param = "region",
              .handler = [module](Request& req, Reply reply) { DeleteHook(*module, req, reply); },
              .doc = {.summary = "Remove a webhook and its delivery log",
                      .tag = "reports",
                      .responses = {204, 401, 403, 404}}});
  router.Add(
      {.method = Method::kGet,
       .pattern = base + "/{id}/deliveries",
       .permission = "region.manage",
       .region_param = "region",
       .handler = http::Sync([module](Request& req) { return ListDeliveries(*module, req); }),
       .doc = {.summary = "A webhook's deliveries, newest first: status, attempts, last "
                          "answer, next attempt",
               .tag = "reports",
               .params = {{.name = "limit", .type = "integer"}, {.name = "cursor"}},
               .responses = {200, 400, 401, 403, 404}}});
}

}  // namespace kc::reports
