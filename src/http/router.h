// Routes with path parameters. Every route declares the permission it needs (a name from
// accounts/roles.h, or "public"); the router refuses a route without one, and the
// authorisation matrix test walks routes() to check each declaration.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace kc::http {

// Sends the response. Call exactly once, from any thread.
using Reply = std::function<void(Response)>;
// Handles a request; may reply later from another thread (e.g. after a durable write).
using Handler = std::function<void(Request&, Reply)>;

// Adapts a synchronous handler.
Handler Sync(std::function<Response(Request&)> fn);

inline constexpr size_t kDefaultBodyLimit = 1 << 20;  // 1 MiB unless a route says otherwise

struct ParamDoc {
  std::string name;
  std::string in = "query";  // "query" or "path"
  std::string description;
  bool required = false;
  std::string type = "string";  // JSON Schema type
};

// What the OpenAPI document says about a route.
struct RouteDoc {
  std::string summary;
  std::string tag;
  std::vector<ParamDoc> params;  // query parameters; path parameters are derived
  std::string request_content_type;  // e.g. "application/json"; empty: no body
  std::vector<int> responses = {200};  // status codes besides the error ones
};

struct Route {
  Method method = Method::kGet;
  std::string pattern;     // "/api/v1/regions/{code}/boundaries"; a segment may be "{id}.json"
  std::string permission;  // "public" or a permission name; required
  std::string region_param;  // path parameter naming the region the route touches, if any
  size_t body_limit = kDefaultBodyLimit;
  Handler handler;
  RouteDoc doc;
};

// Decides whether a request may reach its route; may set Request::principal. Returns an error
// response to refuse. Installed by the accounts module.
using Guard = std::function<std::optional<Response>(Request&, const Route&)>;

class Router {
 public:
  Router();
  ~Router();

  // Registers a route. Aborts at start-up (a programming error) when the permission is empty,
  // the pattern is malformed or the same method and pattern are registered twice.
  void Add(Route route);

  struct Match {
    const Route* route = nullptr;  // null: no route for this method (see allow)
    std::vector<std::pair<std::string, std::string>> params;
    std::string allow;  // for 405: the methods the path does accept, e.g. "GET, POST"
  };
  // Finds the route for a decoded-able path. route == nullptr and allow empty means 404.
  Match Find(Method method, std::string_view path) const;

  // Answers GET/HEAD requests that match no route (the web app's files and client routes).
  // Not listed in routes().
  void SetFallback(Route route) { fallback_ = std::make_unique<Route>(std::move(route)); }

  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }
  void set_guard(Guard guard) { guard_ = std::move(guard); }
  const Guard& guard() const { return guard_; }

 private:
  struct Node;
  static const Node* Walk(const Node* node, const std::vector<std::string_view>& segments,
                          size_t i, std::vector<std::pair<std::string, std::string>>& params);
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;
  std::unique_ptr<Route> fallback_;
  Guard guard_;
};

}  // namespace kc::http
