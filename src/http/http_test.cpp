#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/json_body.h"
#include "http/openapi.h"
#include "http/pagination.h"
#include "http/router.h"

namespace kc::http {
namespace {

Route R(Method m, std::string pattern, std::string permission = "public") {
  Route r;
  r.method = m;
  r.pattern = std::move(pattern);
  r.permission = std::move(permission);
  r.handler = Sync([](Request&) { return Response{}; });
  return r;
}

TEST(Router, MatchesLiteralsParamsAndSuffixes) {
  Router router;
  router.Add(R(Method::kGet, "/api/v1/regions/{code}"));
  router.Add(R(Method::kGet, "/api/v1/regions/{code}/boundaries"));
  router.Add(R(Method::kGet, "/api/v1/regions/search"));
  router.Add(R(Method::kGet, "/open311/v2/requests/{id}.json"));
  router.Add(R(Method::kGet, "/open311/v2/requests/{id}.xml"));

  auto m = router.Find(Method::kGet, "/api/v1/regions/71.71/boundaries");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/regions/{code}/boundaries");
  ASSERT_EQ(m.params.size(), 1U);
  EXPECT_EQ(m.params[0].second, "71.71");

  m = router.Find(Method::kGet, "/api/v1/regions/search");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/regions/search");  // literal beats parameter

  m = router.Find(Method::kGet, "/open311/v2/requests/MDO-2026-000123.xml");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/open311/v2/requests/{id}.xml");
  EXPECT_EQ(m.params[0].second, "MDO-2026-000123");

  m = router.Find(Method::kGet, "/api/v1/regions/kota%20manado");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params[0].second, "kota manado");
}

TEST(Router, ReportsNotFoundAndMethodNotAllowed) {
  Router router;
  router.Add(R(Method::kGet, "/api/v1/items"));
  router.Add(R(Method::kPost, "/api/v1/items", "region.manage"));
  auto m = router.Find(Method::kDelete, "/api/v1/items");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allow, "GET, HEAD, POST");
  m = router.Find(Method::kGet, "/api/v1/nothing");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.allow.empty());
  m = router.Find(Method::kHead, "/api/v1/items");
  ASSERT_NE(m.route, nullptr);  // HEAD is served by the GET route
  EXPECT_EQ(m.route->method, Method::kGet);
  // Bad percent escapes and invalid UTF-8 in a parameter never match.
  router.Add(R(Method::kGet, "/api/v1/items/{id}"));
  EXPECT_EQ(router.Find(Method::kGet, "/api/v1/items/%zz").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/api/v1/items/%ff%fe").route, nullptr);
}

TEST(Router, FallbackAnswersOnlyUnmatchedReads) {
  Router router;
  router.Add(R(Method::kPost, "/api/v1/items", "region.manage"));
  router.SetFallback(R(Method::kGet, "/*"));
  EXPECT_NE(router.Find(Method::kGet, "/r/manado").route, nullptr);
  EXPECT_EQ(router.Find(Method::kPost, "/r/manado").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/api/v1/items").allow, "POST");
  EXPECT_EQ(router.routes().size(), 1U);
}

TEST(RouterDeathTest, RefusesRouteWithoutPermission) {
  Router router;
  EXPECT_DEATH(router.Add(R(Method::kGet, "/x", "")), "no permission declared");
  router.Add(R(Method::kGet, "/y"));
  EXPECT_DEATH(router.Add(R(Method::kGet, "/y")), "registered twice");
}

TEST(Form, DecodesPercentAndPlus) {
  auto form = ParseForm("service_code=001&description=Jalan+rusak%2C+dekat+pasar&lat=1.49&empty=&flag");
  ASSERT_TRUE(form.has_value());
  ASSERT_EQ(form->size(), 5U);
  EXPECT_EQ((*form)[1].second, "Jalan rusak, dekat pasar");
  EXPECT_EQ((*form)[3].second, "");
  EXPECT_EQ((*form)[4].first, "flag");
  EXPECT_FALSE(ParseForm("a=%4").has_value());
  EXPECT_FALSE(ParseForm("a=%zz").has_value());
  EXPECT_FALSE(ParseForm("a=%C3%28").has_value());  // invalid UTF-8 after decoding
}

TEST(Utf8, ValidatesStrictly) {
  EXPECT_TRUE(IsValidUtf8("Kelurahan Tikala Ares — ✓ 😀"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xE2\x82"));       // truncated
}

TEST(Language, PicksHighestQualityBetweenIndonesianAndEnglish) {
  EXPECT_TRUE(PrefersEnglish("en"));
  EXPECT_TRUE(PrefersEnglish("en-US,en;q=0.9"));
  EXPECT_FALSE(PrefersEnglish("id-ID,id;q=0.9,en;q=0.8"));
  EXPECT_TRUE(PrefersEnglish("id;q=0.5, en;q=0.8"));
  EXPECT_FALSE(PrefersEnglish(""));
  EXPECT_FALSE(PrefersEnglish("fr"));
}

TEST(ErrorBody, HasCodeMessageAndDetailsInRequestedLanguage) {
  Validation v;
  v.Add("lat", {"harus antara -90 dan 90", "must be between -90 and 90"});
  const Error e = std::move(v).ToError();
  auto id = boost::json::parse(ErrorResponse(e, false).body).as_object();
  auto en = boost::json::parse(ErrorResponse(e, true).body).as_object();
  EXPECT_EQ(ErrorResponse(e, false).status, 400);
  EXPECT_EQ(id["error"].at("code").as_string(), "validation_failed");
  EXPECT_EQ(id["error"].at("details").at(0).at("field").as_string(), "lat");
  EXPECT_EQ(id["error"].at("details").at(0).at("message").as_string(), "harus antara -90 dan 90");
  EXPECT_EQ(en["error"].at("message").as_string(), "The submitted data is not valid.");
}

Request JsonRequest(std::string body, std::string type = "application/json") {
  Request req;
  req.headers.emplace_back("content-type", std::move(type));
  req.body = std::move(body);
  return req;
}

TEST(JsonBody, RejectsWrongTypeBadJsonAndNonObjects) {
  EXPECT_EQ(ParseJsonObject(JsonRequest("{}", "text/plain")).error().code, ErrorCode::kUnsupportedMedia);
  EXPECT_EQ(ParseJsonObject(JsonRequest("")).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseJsonObject(JsonRequest("{\"a\":")).error().Slug(), "invalid_json");
  EXPECT_EQ(ParseJsonObject(JsonRequest("[1]")).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(ParseJsonObject(JsonRequest("{\"a\":\"\xff\"}")).error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(ParseJsonObject(JsonRequest("{\"a\":1}", "application/json; charset=utf-8")).ok());
}

TEST(JsonBody, FieldsCollectEveryProblem) {
  auto obj = boost::json::parse(R"({"name":"","lat":91,"count":2.5,"ok":"yes","extra":1})").as_object();
  Validation v;
  JsonFields f(obj, v);
  EXPECT_FALSE(f.String("name", true, 100).has_value());
  EXPECT_FALSE(f.Number("lat", true, -90, 90).has_value());
  EXPECT_FALSE(f.Integer("count", true, 0, 10).has_value());
  EXPECT_FALSE(f.Bool("ok", true).has_value());
  EXPECT_FALSE(f.String("missing", true, 10).has_value());
  f.RejectUnknown();
  const Error e = std::move(v).ToError();
  ASSERT_EQ(e.details.size(), 6U);
  EXPECT_EQ(e.details[5].field, "extra");
}

TEST(Pagination, CursorRoundTripsAndRejectsForgeries) {
  const std::string token = EncodeCursor("2026-11-26T04:30:44.123Z|42");
  EXPECT_EQ(DecodeCursor(token), "2026-11-26T04:30:44.123Z|42");
  EXPECT_FALSE(DecodeCursor("not a cursor").has_value());
  EXPECT_FALSE(DecodeCursor("YWJj").has_value());  // valid base64 without our prefix
  Request req;
  req.query = "limit=500";
  EXPECT_FALSE(ParsePage(req).ok());
  req.query = "limit=5&cursor=" + token;
  auto page = ParsePage(req);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->limit, 5);
  EXPECT_EQ(page->after, "2026-11-26T04:30:44.123Z|42");
}

TEST(OpenApi, DocumentsEveryApiRouteWithItsPathParameters) {
  Router router;
  router.Add(R(Method::kGet, "/api/v1/regions/{code}"));
  router.Add(R(Method::kPut, "/api/v1/regions/{code}", "region.manage"));
  router.Add(R(Method::kGet, "/open311/v2/requests/{id}.json"));
  auto doc = BuildOpenApi(router, {.title = "t", .version = "1", .description = ""});
  EXPECT_EQ(doc["openapi"].as_string(), "3.1.0");
  const auto& item = doc["paths"].at("/api/v1/regions/{code}").as_object();
  EXPECT_TRUE(item.contains("get"));
  EXPECT_TRUE(item.contains("put"));
  EXPECT_EQ(item.at("get").at("parameters").at(0).at("name").as_string(), "code");
  EXPECT_TRUE(item.at("put").as_object().contains("security"));
  EXPECT_FALSE(item.at("get").as_object().contains("security"));
  EXPECT_TRUE(doc["paths"].as_object().contains("/open311/v2/requests/{id}.json"));
}

}  // namespace
}  // namespace kc::http
