// HTTP adapters of a resident's notifications (notifications.h).
#include <boost/json.hpp>

#include "accounts/caller.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "reports/notifications.h"
#include "reports/route_util.h"

namespace kc::reports {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

json::value Opt(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}

json::object NotificationJson(const Notification& n) {
  return {{"id", n.id},
          {"region", n.region_code},  // as in /api/v1/me/reports
          {"region_slug", n.region_slug},
          {"tracking", n.tracking},
          {"kind", n.kind},
          {"from", Opt(n.from)},
          {"to", Opt(n.to)},
          {"text", Opt(n.text)},
          {"at", n.at},
          {"unread", n.unread}};
}

// Notifications belong to people; an API key has none.
std::optional<int64_t> UserOf(const Request& req) {
  const auto& caller = accounts::CallerOf(req);
  if (!caller.IsUser()) return std::nullopt;
  return caller.user_id;
}

Error NotAUser() {
  return {ErrorCode::kForbidden,
          {"Notifikasi hanya untuk pengguna yang masuk.",
           "Notifications are for signed-in users only."}};
}

Response List(NotificationStore& store, Request& req) {
  const auto user = UserOf(req);
  if (!user) return Fail(NotAUser(), req);
  auto page = http::ParsePage(req, kDefaultLimit, kMaxLimit);
  if (!page.ok()) return Fail(page.error(), req);
  auto before = internal::BeforeId(*page);
  if (!before.ok()) return Fail(before.error(), req);
  auto found = store.List(*user, *before, page->limit);
  if (!found.ok()) return Fail(found.error(), req);
  json::array items;
  for (const auto& n : found->items) items.push_back(NotificationJson(n));
  json::object body{{"notifications", std::move(items)}, {"unread", found->unread}};
  body["next_cursor"] =
      found->more ? json::value(http::EncodeCursor(std::to_string(found->items.back().id)))
                  : json::value(nullptr);
  return http::JsonResponse(200, body);
}

void MarkRead(NotificationStore& store, Request& req, Reply reply) {
  const auto user = UserOf(req);
  if (!user) return reply(Fail(NotAUser(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  http::JsonFields f(*body, v);
  auto up_to = f.Integer("up_to", true, 0, INT64_MAX);
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  store.MarkRead(*user, *up_to,
                 [reply = std::move(reply), english = req.english](Result<int64_t> n) {
                   if (!n.ok()) return reply(http::ErrorResponse(n.error(), english));
                   reply(http::JsonResponse(200, json::object{{"unread", *n}}));
                 });
}

}  // namespace

void AddNotificationRoutes(http::Router& router, std::shared_ptr<NotificationStore> store) {
  router.Add({.method = Method::kGet,
              .pattern = "/api/v1/me/notifications",
              .permission = "authenticated",
              .handler = http::Sync([store](Request& req) { return List(*store, req); }),
              .doc = {.summary = "News on the caller's reports and followed reports, newest first",
                      .tag = "reports",
                      .responses = {200, 400, 401, 403}}});
  router.Add(
      {.method = Method::kPost,
       .pattern = "/api/v1/me/notifications/read",
       .permission = "authenticated",
       .body_limit = internal::kSmallBodyLimit,
       .handler = [store](Request& req, Reply reply) { MarkRead(*store, req, std::move(reply)); },
       .doc = {.summary = "Mark notifications up to an id read",
               .tag = "reports",
               .request_content_type = "application/json",
               .responses = {200, 400, 401, 403}}});
}

}  // namespace kc::reports
