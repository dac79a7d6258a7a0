#include "http/router.h"

#include <cstdio>
#include <cstdlib>
#include <map>

namespace kc::http {

// A trie over path segments. A segment is a literal, or a parameter "{name}" optionally
// followed by a literal suffix ("{id}.json"). Literals win over parameters.
struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  struct ParamChild {
    std::string name;
    std::string suffix;
    std::unique_ptr<Node> node;
  };
  std::vector<ParamChild> params;  // longer suffixes first
  std::vector<const Route*> routes;  // routes ending here, one per method
};

namespace {

[[noreturn]] void Fail(const std::string& pattern, const char* why) {
  std::fprintf(stderr, "invalid route %s: %s\n", pattern.c_str(), why);
  std::abort();
}

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 1;  // skip the leading '/'
  while (i <= path.size()) {
    const size_t slash = path.find('/', i);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    out.push_back(path.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

bool DecodePath(std::string_view s, std::string& out) {
  out.clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size()) return false;
    auto hex = [](char c) {
      return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
    };
    const int hi = hex(s[i + 1]);
    const int lo = hex(s[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return IsValidUtf8(out);
}

}  // namespace

Handler Sync(std::function<Response(Request&)> fn) {
  return [fn = std::move(fn)](Request& req, Reply reply) { reply(fn(req)); };
}

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

void Router::Add(Route route) {
  if (route.permission.empty()) Fail(route.pattern, "no permission declared");
  if (route.pattern.empty() || route.pattern[0] != '/') Fail(route.pattern, "must start with /");
  if (!route.handler) Fail(route.pattern, "no handler");
  Node* node = root_.get();
  for (std::string_view seg : Split(route.pattern)) {
    if (!seg.empty() && seg[0] == '{') {
      const size_t close = seg.find('}');
      if (close == std::string_view::npos || close == 1) Fail(route.pattern, "bad parameter");
      std::string name(seg.substr(1, close - 1));
      std::string suffix(seg.substr(close + 1));
      Node::ParamChild* child = nullptr;
      for (auto& p : node->params) {
        if (p.suffix == suffix) child = &p;
      }
      if (child == nullptr) {
        node->params.push_back({name, suffix, std::make_unique<Node>()});
        std::stable_sort(node->params.begin(), node->params.end(),
                         [](const auto& a, const auto& b) { return a.suffix.size() > b.suffix.size(); });
        for (auto& p : node->params) {
          if (p.suffix == suffix) child = &p;
        }
      } else if (child->name != name) {
        Fail(route.pattern, "parameter name differs from an earlier route at the same position");
      }
      node = child->node.get();
    } else {
      auto& next = node->literals[std::string(seg)];
      if (!next) next = std::make_unique<Node>();
      node = next.get();
    }
  }
  for (const Route* r : node->routes) {
    if (r->method == route.method) Fail(route.pattern, "registered twice");
  }
  routes_.push_back(std::make_unique<Route>(std::move(route)));
  node->routes.push_back(routes_.back().get());
}

// Depth-first: literal first, then parameters; backtracks so "/a/{x}/c" and "/a/b/d" coexist.
const Router::Node* Router::Walk(const Node* node, const std::vector<std::string_view>& segments,
                                 size_t i, std::vector<std::pair<std::string, std::string>>& params) {
  if (i == segments.size()) return node->routes.empty() ? nullptr : node;
  const std::string_view seg = segments[i];
  if (auto it = node->literals.find(seg); it != node->literals.end()) {
    if (const Node* n = Walk(it->second.get(), segments, i + 1, params)) return n;
  }
  std::string decoded;
  for (const auto& p : node->params) {
    if (seg.size() <= p.suffix.size() || !seg.ends_with(p.suffix)) continue;
    if (!DecodePath(seg.substr(0, seg.size() - p.suffix.size()), decoded)) continue;
    params.emplace_back(p.name, std::move(decoded));
    if (const Node* n = Walk(p.node.get(), segments, i + 1, params)) return n;
    params.pop_back();
  }
  return nullptr;
}

Router::Match Router::Find(Method method, std::string_view path) const {
  Match match;
  if (path.empty() || path[0] != '/') return match;
  const auto segments = Split(path);
  std::vector<std::pair<std::string, std::string>> params;
  const Node* found = Walk(root_.get(), segments, 0, params);
  if (found == nullptr) {
    if (fallback_ && (method == Method::kGet || method == Method::kHead)) match.route = fallback_.get();
    return match;
  }
  const Method want = method == Method::kHead ? Method::kGet : method;
  for (const Route* r : found->routes) {
    if (r->method == want) {
      match.route = r;
      match.params = std::move(params);
      return match;
    }
  }
  for (const Route* r : found->routes) {
    if (!match.allow.empty()) match.allow += ", ";
    match.allow += MethodName(r->method);
    if (r->method == Method::kGet) match.allow += ", HEAD";
  }
  return match;
}

}  // namespace kc::http
