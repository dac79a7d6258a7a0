#include "http/openapi.h"

#include <boost/json.hpp>

namespace kc::http {

namespace json = boost::json;

std::vector<std::string> PathParams(std::string_view pattern) {
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = pattern.find('{', pos)) != std::string_view::npos) {
    const size_t close = pattern.find('}', pos);
    out.emplace_back(pattern.substr(pos + 1, close - pos - 1));
    pos = close;
  }
  return out;
}

namespace {

bool Documented(std::string_view pattern) {
  for (std::string_view prefix : {"/api/v1", "/open311/v2", "/healthz", "/readyz", "/metrics"}) {
    if (pattern.starts_with(prefix)) return true;
  }
  return false;
}

std::string OperationId(const Route& r) {
  std::string id(MethodName(r.method));
  for (auto& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool upper = true;
  for (char c : r.pattern) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      id.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
      upper = false;
    } else {
      upper = true;
    }
  }
  return id;
}

const char* StatusText(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    default: return "Response";
  }
}

json::object ErrorRef(const char* description) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

json::object Operation(const Route& r) {
  json::object op{{"operationId", OperationId(r)},
                  {"summary", r.doc.summary.empty() ? r.pattern : r.doc.summary},
                  {"x-permission", r.permission}};
  if (!r.doc.tag.empty()) op["tags"] = json::array{json::string(r.doc.tag)};
  json::array params;
  for (const auto& name : PathParams(r.pattern)) {
    params.push_back({{"name", name}, {"in", "path"}, {"required", true},
                      {"schema", {{"type", "string"}}}});
  }
  for (const auto& p : r.doc.params) {
    json::object param{{"name", p.name}, {"in", p.in}, {"required", p.required},
                       {"schema", {{"type", p.type}}}};
    if (!p.description.empty()) param["description"] = p.description;
    params.push_back(std::move(param));
  }
  if (!params.empty()) op["parameters"] = std::move(params);
  if (!r.doc.request_content_type.empty()) {
    op["requestBody"] = {{"required", true},
                         {"content", {{r.doc.request_content_type, {{"schema", {{"type", "object"}}}}}}}};
  }
  json::object responses;
  for (int status : r.doc.responses) {
    responses[std::to_string(status)] = {{"description", StatusText(status)}};
  }
  responses["400"] = ErrorRef("Invalid request");
  if (r.permission != "public") {
    responses["401"] = ErrorRef("Not signed in");
    responses["403"] = ErrorRef("Not allowed");
  }
  responses["404"] = ErrorRef("Not found");
  if (!r.doc.request_content_type.empty()) {
    responses["413"] = ErrorRef("Body too large");
    responses["415"] = ErrorRef("Unsupported content type");
  }
  responses["500"] = ErrorRef("Server error");
  op["responses"] = std::move(responses);
  if (r.permission != "public") {
    op["security"] = json::array{json::object{{"bearer", json::array{}}},
                                 json::object{{"cookie", json::array{}}}};
  }
  return op;
}

json::object Components() {
  json::object detail{{"type", "object"},
                      {"required", json::array{"field", "message"}},
                      {"properties", {{"field", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}};
  json::object inner{{"type", "object"},
                     {"required", json::array{"code", "message"}},
                     {"properties", {{"code", {{"type", "string"}}},
                                     {"message", {{"type", "string"}}},
                                     {"details", {{"type", "array"}, {"items", detail}}}}}};
  return {{"schemas",
           {{"Error", {{"type", "object"}, {"required", json::array{"error"}},
                       {"properties", {{"error", inner}}}}}}},
          {"securitySchemes",
           {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
            {"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "kc_session"}}}}}};
}

}  // namespace

json::object BuildOpenApi(const Router& router, const ApiInfo& info) {
  json::object paths;
  for (const auto& route : router.routes()) {
    if (!Documented(route->pattern)) continue;
    std::string method(MethodName(route->method));
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto& entry = paths[route->pattern];
    if (!entry.is_object()) entry.emplace_object();
    entry.as_object()[method] = Operation(*route);
  }
  json::object doc{{"openapi", "3.1.0"},
                   {"info", {{"title", info.title}, {"version", info.version},
                             {"description", info.description}}},
                   {"servers", json::array{json::object{{"url", "/"}}}},
                   {"paths", std::move(paths)},
                   {"components", Components()}};
  return doc;
}

}  // namespace kc::http
