// HTTP adapters for evaluation rounds (national) and a region's evaluation results.
#include <boost/json.hpp>

#include "http/json_body.h"
#include "http/response.h"
#include "masterplan/evaluation_service.h"
#include "masterplan/masterplan_module.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;

constexpr size_t kBodyLimit = 16 * 1024;
const Text kNoRound{"Putaran evaluasi tidak ditemukan.", "No such evaluation round."};

json::object ComponentsJson(const Components& c) {
  json::object o;
  for (size_t i = 0; i < kComponentCount; ++i) o[ComponentKeys()[i]] = c.hundredths[i] / 100.0;
  return o;
}

json::object RoundJson(const EvaluationRound& r) {
  json::object w;
  for (size_t i = 0; i < kComponentCount; ++i) w[ComponentKeys()[i]] = r.weights.percent[i];
  return {{"id", r.id}, {"year", r.year}, {"round", r.round}, {"weights", std::move(w)}};
}

json::object ScoreJson(const EvaluationScore& e) {
  return {{"components", ComponentsJson(e.components)}, {"index", e.index / 100.0},
          {"index_text", FormatHundredths(e.index)}};
}

json::object ResultJson(const EvaluationResult& r) {
  json::object dims;
  for (const EvaluationScore& e : r.dimensions) dims[e.dimension] = ScoreJson(e);
  return {{"round", RoundJson(r.round)}, {"total", r.total ? json::value(ScoreJson(*r.total)) : nullptr},
          {"dimensions", std::move(dims)},
          {"improvement", r.improvement ? json::value(*r.improvement / 100.0) : nullptr},
          {"evaluated_by", r.evaluated_by}, {"evaluated_at", r.evaluated_at}};
}

// Five components from {"baseline": 3.6, ...}; errors "<prefix><component>".
Components ReadComponents(const json::value* value, const std::string& prefix, Validation& v) {
  Components c;
  if (value == nullptr || !value->is_object()) {
    v.Add(prefix.substr(0, prefix.size() - 1), {"harus objek lima komponen", "must be an object of five components"});
    return c;
  }
  for (size_t i = 0; i < kComponentCount; ++i) {
    const json::value* x = value->as_object().if_contains(ComponentKeys()[i]);
    std::optional<int> h = x && x->is_number() ? ScoreToHundredths(x->to_number<double>()) : std::nullopt;
    if (!h) {
      v.Add(prefix + std::string(ComponentKeys()[i]),
            {"harus angka 1 sampai 5, paling banyak dua desimal", "must be a number 1 to 5 with at most two decimals"});
    }
    c.hundredths[i] = h.value_or(0);
  }
  for (const auto& kv : value->as_object()) {
    if (std::find(ComponentKeys().begin(), ComponentKeys().end(), kv.key()) == ComponentKeys().end()) {
      v.Add(prefix + std::string(kv.key()), {"kolom tidak dikenal", "unknown field"});
    }
  }
  return c;
}

Weights ReadWeights(const json::value* value, Validation& v) {
  Weights w;
  if (value == nullptr || !value->is_object()) {
    v.Add("weights", {"harus objek bobot persen per komponen", "must be an object of percent per component"});
    return w;
  }
  for (size_t i = 0; i < kComponentCount; ++i) {
    const json::value* x = value->as_object().if_contains(ComponentKeys()[i]);
    if (x == nullptr || !x->is_int64()) {
      v.Add("weights." + std::string(ComponentKeys()[i]), {"harus persen bulat", "must be a whole percent"});
      continue;
    }
    w.percent[i] = static_cast<int>(std::clamp<int64_t>(x->as_int64(), -1, 101));
  }
  return w;
}

void CreateRoundRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(http::ErrorResponse(body.error(), req.english));
  Validation v;
  EvaluationRound r;
  {
    Validation fields_v;
    json::object scalars;
    for (const char* k : {"year", "round"}) {
      if (auto* x = body->if_contains(k)) scalars[k] = *x;
    }
    http::JsonFields f(scalars, fields_v);
    r.year = static_cast<int>(f.Integer("year", true, 2000, 2100).value_or(0));
    r.round = static_cast<int>(f.Integer("round", true, 1, 2).value_or(0));
    for (auto& d : std::move(fields_v).ToError().details) v.Add(std::move(d.field), std::move(d.message));
  }
  {
    Validation wv;  // weights: their shape first, then their sum (one error per problem)
    r.weights = ReadWeights(body->if_contains("weights"), wv);
    if (wv.ok()) ValidateWeights(r.weights, wv);
    for (auto& d : std::move(wv).ToError().details) v.Add(std::move(d.field), std::move(d.message));
  }
  if (!v.ok()) return reply(http::ErrorResponse(std::move(v).ToError(), req.english));
  const bool english = req.english;
  WriteContext wc = internal::ContextOf(req, "");
  RunWrite<EvaluationRound>(ctx.db, [wc, r](store::Connection& c) { return CreateRound(c, wc, r); },
                            [reply = std::move(reply), english](Result<EvaluationRound> res) {
                              reply(res.ok() ? http::JsonResponse(201, RoundJson(*res))
                                             : http::ErrorResponse(res.error(), english));
                            });
}

void SetWeightsRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto id = internal::IdParam(req, "round", kNoRound);
  if (!id.ok()) return reply(http::ErrorResponse(id.error(), req.english));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(http::ErrorResponse(body.error(), req.english));
  Validation v;
  json::value as_value(*body);
  Weights w = ReadWeights(&as_value, v);
  if (!v.ok()) return reply(http::ErrorResponse(std::move(v).ToError(), req.english));
  const bool english = req.english;
  WriteContext wc = internal::ContextOf(req, "");
  RunWrite<EvaluationRound>(ctx.db, [wc, w, id = *id](store::Connection& c) { return SetRoundWeights(c, wc, id, w); },
                            [reply = std::move(reply), english](Result<EvaluationRound> res) {
                              reply(res.ok() ? http::JsonResponse(200, RoundJson(*res))
                                             : http::ErrorResponse(res.error(), english));
                            });
}

void SetEvaluationRoute(RouteContext& ctx, Request& req, Reply reply) {
  auto id = internal::IdParam(req, "round", kNoRound);
  if (!id.ok()) return reply(http::ErrorResponse(id.error(), req.english));
  auto body = http::ParseJsonObject(req);
  if (!body.ok()) return reply(http::ErrorResponse(body.error(), req.english));
  Validation v;
  for (const auto& kv : *body) {
    if (kv.key() != "total" && kv.key() != "dimensions") v.Add(std::string(kv.key()), {"kolom tidak dikenal", "unknown field"});
  }
  Components total = ReadComponents(body->if_contains("total"), "total.", v);
  std::map<std::string, Components> dims;
  if (const json::value* d = body->if_contains("dimensions")) {
    if (!d->is_object()) v.Add("dimensions", {"harus objek per dimensi", "must be an object per dimension"});
    else for (const auto& kv : d->as_object()) {
      const std::string key(kv.key());
      dims[key] = ReadComponents(&kv.value(), "dimensions." + key + ".", v);
    }
  }
  if (!v.ok()) return reply(http::ErrorResponse(std::move(v).ToError(), req.english));
  internal::Write<EvaluationResult>(
      ctx, req, std::move(reply), 200,
      [id = *id, total, dims](store::Connection& c, const WriteContext& wc) { return SetEvaluation(c, wc, id, total, dims); },
      [](const EvaluationResult& r, bool) -> json::value { return ResultJson(r); });
}

Response HistoryRoute(RouteContext& ctx, const Request& req) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return http::ErrorResponse(region.error(), req.english);
  auto h = ctx.db.Read([&](store::Connection& c) { return EvaluationHistory(c, *region); });
  if (!h.ok()) return http::ErrorResponse(h.error(), req.english);
  json::array items;
  for (const EvaluationResult& r : *h) items.push_back(ResultJson(r));
  return http::JsonResponse(200, {{"items", std::move(items)}});
}

}  // namespace

void AddEvaluationRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  const std::string tag = "evaluation";
  router.Add({.method = Method::kGet, .pattern = "/api/v1/evaluation-rounds", .permission = "public",
              .handler = http::Sync([ctx](Request& req) {
                auto rounds = ctx->db.Read([](store::Connection& c) { return ListRounds(c); });
                if (!rounds.ok()) return http::ErrorResponse(rounds.error(), req.english);
                json::array items;
                for (const EvaluationRound& r : *rounds) items.push_back(RoundJson(r));
                return http::JsonResponse(200, {{"items", std::move(items)}});
              }),
              .doc = {.summary = "Evaluation rounds with their component weights", .tag = tag}});
  router.Add({.method = Method::kPost, .pattern = "/api/v1/evaluation-rounds", .permission = "national.manage",
              .body_limit = kBodyLimit,
              .handler = [ctx](Request& req, Reply reply) { CreateRoundRoute(*ctx, req, std::move(reply)); },
              .doc = {.summary = "Open an evaluation round (year, Tahap 1/2, weights)", .tag = tag,
                      .request_content_type = "application/json", .responses = {201, 400, 409}}});
  router.Add({.method = Method::kPut, .pattern = "/api/v1/evaluation-rounds/{round}/weights",
              .permission = "national.manage", .body_limit = kBodyLimit,
              .handler = [ctx](Request& req, Reply reply) { SetWeightsRoute(*ctx, req, std::move(reply)); },
              .doc = {.summary = "Change a round's weights (every index is recomputed)", .tag = tag,
                      .request_content_type = "application/json", .responses = {200, 400, 404}}});
  router.Add({.method = Method::kPut, .pattern = "/api/v1/regions/{region}/evaluations/{round}",
              .permission = "national.manage", .body_limit = kBodyLimit,
              .handler = [ctx](Request& req, Reply reply) { SetEvaluationRoute(*ctx, req, std::move(reply)); },
              .doc = {.summary = "Enter a region's component scores (total and per dimension)", .tag = tag,
                      .request_content_type = "application/json", .responses = {200, 400, 404}}});
  router.Add({.method = Method::kGet, .pattern = "/api/v1/regions/{region}/evaluations",
              .permission = "masterplan.read", .region_param = "region",
              .handler = http::Sync([ctx](Request& req) { return HistoryRoute(*ctx, req); }),
              .doc = {.summary = "The region's evaluation index per round with the improvement",
                      .tag = tag, .responses = {200, 404}}});
}

}  // namespace kc::masterplan
