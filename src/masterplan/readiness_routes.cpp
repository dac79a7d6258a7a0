// HTTP adapters for readiness scores, SWOT, maturity levels and dimension directions.
#include <boost/json.hpp>

#include "http/json_body.h"
#include "http/response.h"
#include "masterplan/masterplan_json.h"
#include "masterplan/masterplan_module.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;

constexpr size_t kBodyLimit = 256 * 1024;  // 54 scores with justifications, or long directions
constexpr size_t kMaxScoresPerRequest = 54;  // one full readiness table
const Text kNoPlan{"Masterplan tidak ditemukan di region ini.", "No such masterplan in this region."};

using AnalysisOp = std::function<Result<Analysis>(store::Connection&, const WriteContext&)>;

json::value Render(const Analysis& a, bool) { return AnalysisJson(a); }

Response Fail(const Error& e, const Request& req) { return http::ErrorResponse(e, req.english); }

Response GetAnalysisRoute(RouteContext& ctx, const Request& req, bool published) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return Fail(id.error(), req);
  auto a = ctx.db.Read([&](store::Connection& c) { return GetAnalysis(c, *region, *id, published); });
  return a.ok() ? http::JsonResponse(200, AnalysisJson(*a)) : Fail(a.error(), req);
}

// Parses the JSON body, lets `build` read its fields and make the operation, then runs it.
// `typed_fields`: the body's fields are read with JsonFields (unknown ones refused by it).
void Run(RouteContext& ctx, Request& req, Reply reply, bool has_body, bool typed_fields,
         const std::function<std::optional<AnalysisOp>(int64_t, const json::object&, http::JsonFields&,
                                                       Validation&)>& build) {
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return reply(Fail(id.error(), req));
  json::object object;
  if (has_body) {
    auto parsed = http::ParseJsonObject(req);
    if (!parsed.ok()) return reply(Fail(parsed.error(), req));
    object = std::move(parsed).value();
  }
  Validation v;
  http::JsonFields f(object, v);
  auto op = build(*id, object, f, v);
  if (has_body && typed_fields) f.RejectUnknown();
  if (!v.ok() || !op) return reply(Fail(std::move(v).ToError(), req));
  internal::Write<Analysis>(ctx, req, std::move(reply), 200, std::move(*op), Render);
}

// One element of "scores"; errors are prefixed "scores[i].".
std::optional<ReadinessScore> ParseScore(const json::value& value, size_t i, Validation& v) {
  const std::string prefix = "scores[" + std::to_string(i) + "]";
  if (!value.is_object()) {
    v.Add(prefix, {"harus objek", "must be an object"});
    return std::nullopt;
  }
  Validation inner;
  http::JsonFields f(value.as_object(), inner);
  ReadinessScore s;
  s.dimension = f.String("dimension", true, 40).value_or("");
  s.aspect = f.String("aspect", true, 40).value_or("");
  s.sub_aspect = f.String("sub_aspect", true, 40).value_or("");
  s.score = static_cast<int>(f.Integer("score", true, kMinScore, kMaxScore).value_or(0));
  s.justification = f.String("justification", true, kJustificationMaxChars, 3).value_or("");
  f.RejectUnknown();
  if (inner.ok()) return s;
  for (auto& d : std::move(inner).ToError().details) v.Add(prefix + "." + d.field, std::move(d.message));
  return std::nullopt;
}

void SetScoresRoute(RouteContext& ctx, Request& req, Reply reply) {
  Run(ctx, req, std::move(reply), true, /*typed_fields=*/false,
      [](int64_t id, const json::object& body, http::JsonFields&, Validation& v) -> std::optional<AnalysisOp> {
        for (const auto& kv : body) {
          if (kv.key() != "scores") v.Add(std::string(kv.key()), {"kolom tidak dikenal", "unknown field"});
        }
        const json::value* list = body.if_contains("scores");
        std::vector<ReadinessScore> scores;
        if (list == nullptr || !list->is_array() || list->as_array().empty() ||
            list->as_array().size() > kMaxScoresPerRequest) {
          v.Add("scores", {"harus daftar berisi 1 sampai 54 nilai", "must be a list of 1 to 54 scores"});
        } else {
          for (size_t i = 0; i < list->as_array().size(); ++i) {
            if (auto s = ParseScore(list->as_array()[i], i, v)) scores.push_back(std::move(*s));
          }
        }
        if (!v.ok()) return std::nullopt;
        return [id, scores](store::Connection& c, const WriteContext& wc) { return SetScores(c, wc, id, scores); };
      });
}

void AddSwotRoute(RouteContext& ctx, Request& req, Reply reply) {
  Run(ctx, req, std::move(reply), true, true,
      [](int64_t id, const json::object&, http::JsonFields& f, Validation& v) -> std::optional<AnalysisOp> {
        SwotItem item;
        item.dimension = f.String("dimension", true, 40).value_or("");
        if (auto kind = f.String("kind", true, 20)) {
          if (auto k = SwotKindFromString(*kind)) item.kind = *k;
          else v.Add("kind", {"harus strength, weakness, opportunity atau threat",
                              "must be strength, weakness, opportunity or threat"});
        }
        item.text = f.String("text", true, 1000, 3).value_or("");
        return [id, item](store::Connection& c, const WriteContext& wc) { return AddSwot(c, wc, id, item); };
      });
}

void RemoveSwotRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto no = internal::IdParam(req, "no", {"Butir SWOT tidak ditemukan.", "No such SWOT item."});
  if (!no.ok() || *no > INT32_MAX) return reply(Fail(Error(ErrorCode::kNotFound, {"Butir SWOT tidak ditemukan.", "No such SWOT item."}), req));
  Run(ctx, req, std::move(reply), false, false,
      [no = static_cast<int>(*no)](int64_t id, const json::object&, http::JsonFields&, Validation&) -> std::optional<AnalysisOp> {
        return [id, no](store::Connection& c, const WriteContext& wc) { return RemoveSwot(c, wc, id, no); };
      });
}

void SetMaturityRoute(RouteContext& ctx, Request& req, Reply reply) {
  MaturityLevel m{.dimension = std::string(req.Param("dimension")), .element = std::string(req.Param("element"))};
  Run(ctx, req, std::move(reply), true, true,
      [m](int64_t id, const json::object&, http::JsonFields& f, Validation&) mutable -> std::optional<AnalysisOp> {
        m.level = static_cast<int>(f.Integer("level", true, kMinScore, kMaxScore).value_or(0));
        m.evidence = f.String("evidence", true, kJustificationMaxChars, 3).value_or("");
        return [id, m](store::Connection& c, const WriteContext& wc) { return SetMaturity(c, wc, id, m); };
      });
}

void SetDirectionRoute(RouteContext& ctx, Request& req, Reply reply) {
  DimensionDirection d{.dimension = std::string(req.Param("dimension"))};
  Run(ctx, req, std::move(reply), true, true,
      [d](int64_t id, const json::object&, http::JsonFields& f, Validation&) mutable -> std::optional<AnalysisOp> {
        for (auto [name, field] : {std::pair{"vision", &d.vision}, std::pair{"mission", &d.mission},
                                   std::pair{"focus", &d.focus}, std::pair{"goals", &d.goals},
                                   std::pair{"targets", &d.targets}, std::pair{"problems", &d.problems},
                                   std::pair{"strategies", &d.strategies}}) {
          *field = f.String(name, false, 5000).value_or("");
        }
        return [id, d](store::Connection& c, const WriteContext& wc) { return SetDirection(c, wc, id, d); };
      });
}

http::Handler Async(std::shared_ptr<RouteContext> ctx, void (*fn)(RouteContext&, Request&, Reply)) {
  return [ctx, fn](Request& req, Reply reply) { fn(*ctx, req, std::move(reply)); };
}

}  // namespace

void AddReadinessRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  const std::string plan = "/api/v1/regions/{region}/masterplans/{id}";
  const std::string tag = "masterplan";
  router.Add({.method = Method::kGet, .pattern = plan + "/analysis", .permission = "masterplan.read",
              .region_param = "region",
              .handler = http::Sync([ctx](Request& req) { return GetAnalysisRoute(*ctx, req, false); }),
              .doc = {.summary = "Readiness scores and averages, SWOT, maturity, directions (latest version)",
                      .tag = tag, .responses = {200, 404}}});
  router.Add({.method = Method::kGet, .pattern = plan + "/published/analysis", .permission = "public",
              .handler = http::Sync([ctx](Request& req) { return GetAnalysisRoute(*ctx, req, true); }),
              .doc = {.summary = "The analysis of the published version (public)", .tag = tag,
                      .responses = {200, 404}}});
  auto add = [&](Method m, std::string pattern, void (*fn)(RouteContext&, Request&, Reply),
                 std::string summary, bool body) {
    router.Add({.method = m, .pattern = std::move(pattern), .permission = "masterplan.edit",
                .region_param = "region", .body_limit = kBodyLimit, .handler = Async(ctx, fn),
                .doc = {.summary = std::move(summary), .tag = tag,
                        .request_content_type = body ? "application/json" : "",
                        .responses = {200, 400, 404, 409}}});
  };
  add(Method::kPut, plan + "/readiness", SetScoresRoute,
      "Set readiness scores 1-5 with justification (dimension x aspect x sub-aspect)", true);
  add(Method::kPost, plan + "/swot", AddSwotRoute, "Add a SWOT item to a dimension", true);
  add(Method::kDelete, plan + "/swot/{no}", RemoveSwotRoute, "Remove a SWOT item", false);
  add(Method::kPut, plan + "/maturity/{dimension}/{element}", SetMaturityRoute,
      "Set the maturity level 1-5 of an element with evidence", true);
  add(Method::kPut, plan + "/directions/{dimension}", SetDirectionRoute,
      "Set vision, mission, focus, goals, targets, problems and strategies of a dimension", true);
}

}  // namespace kc::masterplan
