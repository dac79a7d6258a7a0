// HTTP adapters for channels: the caller's channels, message history (cursor by id), posting,
// and the WebSocket stream that pushes new messages to connected members.
//
//   GET  /api/v1/regions/{region}/channels                      channel.read, members only
//   POST /api/v1/regions/{region}/channels                      community.manage
//   GET  /api/v1/regions/{region}/channels/{id}/messages        ?after=ID (catch-up, ascending)
//                                                               or ?before=ID (paging, newest
//                                                               first)
//   POST /api/v1/regions/{region}/channels/{id}/messages        channel.post, rate-limited
//   GET  /api/v1/regions/{region}/channels/{id}/ws?after=ID     WebSocket upgrade
//
// A message is published to connected clients from its write's completion, i.e. only once it
// is durable; a client that reconnects with ?after= the last id it saw misses nothing.
#include <boost/json.hpp>

#include "accounts/caller.h"
#include "community/community_json.h"
#include "community/community_store.h"
#include "community/route_util.h"
#include "http/json_body.h"
#include "http/websocket.h"
#include "regions/area.h"

namespace kc::community {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

const Text kNoChannel{"Kanal tidak ditemukan di wilayah ini.", "No such channel in this region."};
constexpr int kCatchUpLimit = 500;  // more missed messages than this: page the REST history

// The channel of the path if the caller is a member. Errors: 404 unknown, 403 not a member.
Result<Channel> MemberChannel(CommunityModule& m, const Request& req, std::string_view region) {
  KC_ASSIGN_OR_RETURN(int64_t id, internal::IdParam(req, "id", kNoChannel));
  KC_ASSIGN_OR_RETURN(
      auto ch, m.db().Read([&](store::Connection& c) { return db::FindChannel(c, region, id); }));
  if (!ch) return Error(ErrorCode::kNotFound, kNoChannel);
  if (!IsChannelMember(accounts::PrincipalOf(req), *ch)) {
    return Error(ErrorCode::kForbidden,
                 {"Anda bukan anggota kanal ini.", "You are not a member of this channel."},
                 "not_a_member");
  }
  return std::move(*ch);
}

std::optional<int64_t> CursorParam(const Request& req, std::string_view name, Validation& v) {
  auto text = req.Query(name);
  if (!text) return std::nullopt;
  if (*text == "0") return int64_t{0};  // before the first message: everything
  auto id = internal::ParseId(*text);
  if (!id)
    v.Add(std::string(name), {"harus id pesan (bilangan bulat positif)", "must be a message id"});
  return id;
}

Response ListChannelsRoute(CommunityModule& m, Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto list = m.db().Read([&](store::Connection& c) { return db::ListChannels(c, region->code); });
  if (!list.ok()) return Fail(list.error(), req);
  json::array items;
  for (const auto& ch : *list) {
    if (IsChannelMember(accounts::PrincipalOf(req), ch)) items.push_back(ChannelJson(ch));
  }
  return http::JsonResponse(200, json::object{{"items", std::move(items)}});
}

void CreateChannelRoute(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  http::JsonFields f(*body, v);
  auto kind = ParseChannelKind(f.String("kind", true, 30).value_or(""));
  auto kecamatan = f.String("kecamatan_code", false, 20);
  auto name = f.String("name", false, kNameMaxChars);
  f.RejectUnknown();
  if (!kind) {
    v.Add("kind", {"harus kecamatan_agents, agents, kim atau diskominfo",
                   "must be kecamatan_agents, agents, kim or diskominfo"});
  } else if ((*kind == ChannelKind::kKecamatanAgents) != kecamatan.has_value()) {
    v.Add("kecamatan_code", {"wajib tepat untuk kanal kecamatan_agents",
                             "required exactly for kecamatan_agents channels"});
  } else if (kecamatan) {
    if (Status st = m.CheckArea(region->code, *kecamatan, regions::AreaLevel::kKecamatan,
                                "kecamatan_code", v);
        !st.ok()) {
      return reply(Fail(st.error(), req));
    }
  }
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  Channel ch{.region_code = region->code,
             .slug = ChannelSlug(*kind, kecamatan.value_or("")),
             .kind = *kind,
             .kecamatan_code = kecamatan,
             .name = name.value_or(ChannelSlug(*kind, kecamatan.value_or(""))),
             .created_at = FormatUtc(NowUtc())};
  internal::WriteAndReply<Channel>(
      m.db(), req, std::move(reply), 201,
      [ch](store::Connection& c) { return db::EnsureChannel(c, ch); },
      [](const Channel& c) -> json::value { return ChannelJson(c); });
}

Response HistoryRoute(CommunityModule& m, Request& req) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return Fail(region.error(), req);
  auto ch = MemberChannel(m, req, region->code);
  if (!ch.ok()) return Fail(ch.error(), req);
  Validation v;
  const auto after = CursorParam(req, "after", v);
  const auto before = CursorParam(req, "before", v);
  int limit = 50;
  if (auto text = req.Query("limit")) {
    auto n = internal::ParseId(*text);
    if (!n || *n > 200) v.Add("limit", {"harus 1..200", "must be 1..200"});
    if (n) limit = static_cast<int>(std::min<int64_t>(*n, 200));
  }
  if (after && before) v.Add("before", {"tidak bersama after", "not together with after"});
  if (!v.ok()) return Fail(std::move(v).ToError(), req);
  auto list = m.db().Read(
      [&](store::Connection& c) { return db::ListMessages(c, ch->id, after, before, limit); });
  if (!list.ok()) return Fail(list.error(), req);
  json::array items;
  for (const auto& msg : *list) items.push_back(MessageJson(msg));
  json::object out{{"items", std::move(items)}};
  // The next page: older messages below the last one, or newer ones after it.
  if (static_cast<int>(list->size()) == limit) out["next"] = list->back().id;
  return http::JsonResponse(200, out);
}

void PostRoute(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto ch = MemberChannel(m, req, region->code);
  if (!ch.ok()) return reply(Fail(ch.error(), req));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(Fail(body.error(), req));
  Validation v;
  http::JsonFields f(*body, v);
  auto text = f.String("body", true, kMessageMaxChars * 4);
  f.RejectUnknown();
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  if (Status st = ValidateMessageBody(*text); !st.ok()) return reply(Fail(st.error(), req));
  const auto& caller = accounts::CallerOf(req);
  const std::string key = std::to_string(caller.user_id) + ":" + std::to_string(ch->id);
  if (auto d = m.message_limiter().Check(key, NowUtc()); !d.allowed) {
    Response r = Fail(Error(ErrorCode::kRateLimited, {"Terlalu banyak pesan; tunggu sebentar.",
                                                      "Too many messages; wait a moment."}),
                      req);
    r.Header("Retry-After", std::to_string(d.retry_after.count()));
    return reply(std::move(r));
  }
  Message msg{.channel_id = ch->id,
              .author_id = caller.user_id,
              .author_name = caller.name,
              .body = std::move(*text),
              .created_at = FormatUtc(NowUtc())};
  internal::WriteAsync<Message>(
      m.db(), [msg](store::Connection& c) { return db::InsertMessage(c, msg); },
      [&hub = m.hub(), reply = std::move(reply), english = req.english](Result<Message> r) {
        if (!r.ok()) return reply(http::ErrorResponse(r.error(), english));
        hub.Publish(r->channel_id, r->id, std::make_shared<const std::string>(MessageFrame(*r)));
        reply(http::JsonResponse(201, MessageJson(*r)));
      });
}

// Browsers send Origin on WebSocket handshakes and attach cookies whatever the page: refuse a
// cross-site page so it cannot read a member's channels with their cookie.
bool SameOrigin(const Request& req) {
  const std::string_view origin = req.Header("origin");
  if (origin.empty()) return true;  // not a browser
  const size_t scheme = origin.find("://");
  return scheme != std::string_view::npos && origin.substr(scheme + 3) == req.Header("host");
}

void StreamRoute(CommunityModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  if (!http::IsWebSocketUpgrade(req)) {
    Response r = Fail(InvalidArgument({"Alamat ini hanya untuk WebSocket.",
                                       "This address is for WebSocket only."}),
                      req);
    r.status = 426;
    r.Header("Upgrade", "websocket");
    return reply(std::move(r));
  }
  if (!SameOrigin(req)) {
    return reply(
        Fail(Error(ErrorCode::kForbidden, {"Asal halaman tidak diizinkan.", "Origin not allowed."},
                   "origin_not_allowed"),
             req));
  }
  auto ch = MemberChannel(m, req, region->code);
  if (!ch.ok()) return reply(Fail(ch.error(), req));
  Validation v;
  const auto after = CursorParam(req, "after", v);
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  const int64_t channel_id = ch->id;
  auto open = [&m, channel_id, after](std::shared_ptr<http::WebSocketConnection> conn) {
    auto sub = m.hub().Subscribe(channel_id, conn);
    std::vector<std::pair<int64_t, std::shared_ptr<const std::string>>> history;
    if (after) {
      auto list = m.db().Read([&](store::Connection& c) {
        return db::ListMessages(c, channel_id, after, std::nullopt, kCatchUpLimit);
      });
      if (!list.ok()) {
        conn->Close(1011, "penyimpanan tidak tersedia / storage unavailable");
      } else {
        for (const auto& msg : *list) {
          history.emplace_back(msg.id, std::make_shared<const std::string>(MessageFrame(msg)));
        }
      }
    }
    sub->GoLive(history);
    return http::WebSocketCallbacks{
        .on_close = [&m, channel_id, sub] { m.hub().Unsubscribe(channel_id, sub.get()); }};
  };
  if (!http::AcceptWebSocket(reply, std::move(open))) {
    reply(Fail(Internal("websocket upgrade unavailable"), req));
  }
}

}  // namespace

void AddChannelRoutes(http::Router& router, std::shared_ptr<CommunityModule> module) {
  const std::string base = "/api/v1/regions/{region}/channels";
  router.Add(
      {.method = Method::kGet,
       .pattern = base,
       .permission = "channel.read",
       .region_param = "region",
       .handler = http::Sync([module](Request& req) { return ListChannelsRoute(*module, req); }),
       .doc = {.summary = "The caller's channels", .tag = "community"}});
  router.Add(
      {.method = Method::kPost,
       .pattern = base,
       .permission = "community.manage",
       .region_param = "region",
       .body_limit = internal::kBodyLimit,
       .handler = [module](Request& req,
                           Reply reply) { CreateChannelRoute(*module, req, std::move(reply)); },
       .doc = {.summary = "Create a channel (idempotent per kind and kecamatan)",
               .tag = "community",
               .request_content_type = "application/json",
               .responses = {201}}});
  router.Add({.method = Method::kGet,
              .pattern = base + "/{id}/messages",
              .permission = "channel.read",
              .region_param = "region",
              .handler = http::Sync([module](Request& req) { return HistoryRoute(*module, req); }),
              .doc = {.summary = "Message history (?after= catch-up or ?before= paging; limit)",
                      .tag = "community"}});
  router.Add({.method = Method::kPost,
              .pattern = base + "/{id}/messages",
              .permission = "channel.post",
              .region_param = "region",
              .body_limit = 16 * 1024,
              .handler = [module](Request& req,
                                  Reply reply) { PostRoute(*module, req, std::move(reply)); },
              .doc = {.summary = "Post a message (pushed to connected members once durable)",
                      .tag = "community",
                      .request_content_type = "application/json",
                      .responses = {201, 429}}});
  router.Add(
      {.method = Method::kGet,
       .pattern = base + "/{id}/ws",
       .permission = "channel.read",
       .region_param = "region",
       .handler = [module](Request& req,
                           Reply reply) { StreamRoute(*module, req, std::move(reply)); },
       .doc = {.summary = "WebSocket: new messages of the channel (?after= to catch up first)",
               .tag = "community",
               .responses = {101, 426}}});
}

}  // namespace kc::community
