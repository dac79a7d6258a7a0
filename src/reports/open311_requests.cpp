// Open311 GeoReport v2 service requests: POST requests.{json,xml} (form-encoded, api_key
// required) and GET requests.{json,xml} with service_request_id / service_code / start_date /
// end_date / status, the spec's 90-day default window and 1000-request cap. A POST is answered
// after its commit is durable.
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <set>

#include "accounts/caller.h"
#include "accounts/contact.h"
#include "http/json_body.h"
#include "reports/open311_internal.h"
#include "reports/route_util.h"

namespace kc::reports::open311 {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;

constexpr int kMaxRequests = 1000;        // the spec's cap on one GET requests answer
constexpr auto kDefaultWindow = std::chrono::hours(24 * 90);  // the spec's default window
constexpr size_t kMaxIds = 100;           // service_request_id values in one GET

const std::set<std::string, std::less<>> kPostFields = {
    "api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string", "address_id",
    "email", "device_id", "account_id", "first_name", "last_name", "phone", "description",
    "media_url"};

std::vector<std::string> SplitCommas(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(',', start), text.size());
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::optional<double> ParseCoordinate(const std::string& text) {
  char* end = nullptr;
  const double d = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

// "attribute[code]" or "attribute[code][]" -> code; nullopt for other names.
std::optional<std::string> AttributeName(std::string_view name, bool& multi) {
  if (!name.starts_with("attribute[")) return std::nullopt;
  multi = name.ends_with("[]");
  std::string_view rest = name.substr(10, name.size() - 10 - (multi ? 2 : 0));
  if (rest.empty() || rest.back() != ']') return std::nullopt;
  return std::string(rest.substr(0, rest.size() - 1));
}

void Text(const std::string& name, const std::string& value, size_t max, Validation& v,
          std::optional<std::string>& out) {
  if (http::Utf8Length(value) > max) {
    v.Add(name, {"terlalu panjang (maks. " + std::to_string(max) + ")",
                 "too long (max " + std::to_string(max) + ")"});
    return;
  }
  if (!value.empty()) out = value;
}

// Reads the form into `in`; returns the jurisdiction_id given, if any.
Result<std::optional<std::string>> ParsePost(const Request& req, SubmitInput& in) {
  auto form = http::ParseForm(req.body);
  if (!form) {
    return InvalidArgument({"Isi formulir tidak sah (percent-encoding atau UTF-8).",
                            "The form body is malformed (percent-encoding or UTF-8)."});
  }
  Validation v;
  std::map<std::string, std::string> f;
  for (auto& [name, value] : *form) {
    bool multi = false;
    if (auto code = AttributeName(name, multi)) {
      json::value& slot = in.attributes[*code];
      if (multi) {
        if (!slot.is_array()) slot = json::array();
        slot.as_array().emplace_back(value);
      } else {
        slot = json::string(value);
      }
    } else if (!kPostFields.contains(name)) {
      v.Add(name, {"kolom tidak dikenal", "unknown field"});
    } else {
      f[name] = value;
    }
  }
  if (f["service_code"].empty()) v.Add("service_code", {"wajib diisi", "is required"});
  in.category_code = f["service_code"];
  for (auto [name, max] : {std::pair{"lat", 90.0}, std::pair{"long", 180.0}}) {
    auto c = ParseCoordinate(f[name]);
    if (!c || std::abs(*c) > max) {
      v.Add(name, {"wajib berupa angka dalam ±" + std::to_string(static_cast<int>(max)) +
                       " (alamat tanpa koordinat tidak didukung)",
                   "must be a number within ±" + std::to_string(static_cast<int>(max)) +
                       " (addresses without coordinates are not supported)"});
    } else {
      (std::string(name) == "lat" ? in.lat : in.lon) = *c;
    }
  }
  std::optional<std::string> description, first, last, email, phone, media;
  Text("description", f["description"], kDescriptionMaxChars, v, description);
  in.description = description.value_or("");
  Text("address_string", f["address_string"], kAddressMaxChars, v, in.address);
  Text("first_name", f["first_name"], kContactNameMaxChars / 2, v, first);
  Text("last_name", f["last_name"], kContactNameMaxChars / 2, v, last);
  Text("media_url", f["media_url"], 2000, v, media);  // photos come with the media step
  if (first || last) in.reporter.name = first.value_or("") + (first && last ? " " : "") + last.value_or("");
  if (!f["email"].empty()) {
    auto e = accounts::NormalizeEmail(f["email"]);
    e.ok() ? void(in.reporter.email = *e) : v.Add("email", e.error().message);
  }
  if (!f["phone"].empty()) {
    auto p = accounts::NormalizePhone(f["phone"]);
    p.ok() ? void(in.reporter.phone = *p) : v.Add("phone", p.error().message);
  }
  if (!v.ok()) return std::move(v).ToError();
  if (f["jurisdiction_id"].empty()) return std::optional<std::string>();
  return std::optional<std::string>(f["jurisdiction_id"]);
}

Error BadApiKey() {
  return Error(ErrorCode::kForbidden, {"api_key tidak ada atau tidak sah untuk jurisdiction ini.",
                                       "api_key is missing or not valid for this jurisdiction."});
}

void PostRequest(ReportsModule& m, Request& req, Reply reply, Format format) {
  const bool english = req.english;
  auto fail = [&](const Error& e) { reply(ErrorDocument(format, e, english)); };
  const auto& caller = accounts::CallerOf(req);
  if (caller.kind != accounts::CallerKind::kApiKey) return fail(BadApiKey());
  if (!req.Header("content-type").starts_with("application/x-www-form-urlencoded")) {
    return fail(Error(ErrorCode::kUnsupportedMedia,
                      {"Content-Type harus application/x-www-form-urlencoded.",
                       "Content-Type must be application/x-www-form-urlencoded."}));
  }
  SubmitInput in{.channel = Channel::kOpen311};
  auto jurisdiction = ParsePost(req, in);
  if (!jurisdiction.ok()) return fail(jurisdiction.error());
  auto region = Jurisdiction(m, req, *jurisdiction);
  if (!region.ok()) return fail(region.error());
  if (region->code != caller.api_key_region) return fail(BadApiKey());
  in.region = *region;
  in.reporter.api_key_id = caller.api_key_id;
  m.service().Submit(std::move(in), [reply, format, english](Result<SubmitOutcome> out) {
    if (!out.ok()) return reply(ErrorDocument(format, out.error(), english));
    json::array body;
    body.push_back({{"service_request_id", out->report.tracking},
                    {"service_notice", ""},
                    {"account_id", nullptr}});
    reply(Document(format, 201, "service_requests", body));
  });
}

// The list query of GET requests; `ids` set when service_request_id was given.
Result<ReportFilter> ParseList(const Request& req, const regions::Region& region,
                               std::vector<std::string>& ids) {
  Validation v;
  if (auto id = req.Query("service_request_id"); id && !id->empty()) {
    ids = SplitCommas(*id);
    if (ids.size() > kMaxIds) v.Add("service_request_id", {"maks. 100 id", "at most 100 ids"});
  }
  ReportFilter f{.region_code = region.code, .public_only = true, .limit = kMaxRequests};
  if (auto codes = req.Query("service_code")) f.category_codes = SplitCommas(*codes);
  if (auto status = req.Query("status")) {
    for (const auto& s : SplitCommas(*status)) {
      if (s == "open") {
        f.statuses.insert(f.statuses.end(), {ReportStatus::kDiterima, ReportStatus::kDiverifikasi,
                                             ReportStatus::kDiproses});
      } else if (s == "closed") {
        f.statuses.insert(f.statuses.end(), {ReportStatus::kSelesai, ReportStatus::kDitolak,
                                             ReportStatus::kDuplikat});
      } else {
        v.Add("status", {"harus open atau closed", "must be open or closed"});
      }
    }
  }
  std::optional<TimePoint> start, end;
  for (auto [name, slot] : {std::pair{"start_date", &start}, std::pair{"end_date", &end}}) {
    auto text = req.Query(name);
    if (!text || text->empty()) continue;
    *slot = ParseTimestamp(*text);
    if (!*slot) v.Add(name, {"harus berupa waktu ISO 8601", "must be an ISO 8601 date-time"});
  }
  if (!v.ok()) return std::move(v).ToError();
  if (!end) end = start ? *start + kDefaultWindow : NowUtc();
  if (!start) start = *end - kDefaultWindow;
  if (*end - *start > kDefaultWindow || *end < *start) {
    return InvalidArgument({"Rentang start_date..end_date harus 0..90 hari.",
                            "The start_date..end_date range must span 0..90 days."})
        .With("start_date", {"rentang tidak sah", "invalid range"});
  }
  f.from = FormatUtc(*start);
  f.to = FormatUtc(*end);
  return f;
}

Response ListRequests(ReportsModule& m, const Request& req, Format format) {
  auto region = Jurisdiction(m, req, req.Query("jurisdiction_id"));
  if (!region.ok()) return ErrorDocument(format, region.error(), req.english);
  std::vector<std::string> ids;
  auto filter = ParseList(req, *region, ids);
  if (!filter.ok()) return ErrorDocument(format, filter.error(), req.english);
  std::vector<Report> reports;
  if (!ids.empty()) {  // the spec: other parameters are ignored when ids are given
    for (const auto& id : ids) {
      auto r = m.service().FindReport(*region, id);
      if (r.ok() && r->is_public) reports.push_back(std::move(*r));
    }
  } else {
    auto list = m.store().ListReports(*filter);
    if (!list.ok()) return ErrorDocument(format, list.error(), req.english);
    reports = std::move(*list);
    if (reports.size() > static_cast<size_t>(kMaxRequests)) reports.resize(kMaxRequests);
  }
  auto categories = Categories(m, *region);
  if (!categories.ok()) return ErrorDocument(format, categories.error(), req.english);
  auto opds = m.OpdNamesOf(region->code);
  if (!opds.ok()) return ErrorDocument(format, opds.error(), req.english);
  json::array out;
  for (const auto& r : reports) out.push_back(RequestJson(r, *categories, *opds, *region, req.english));
  return Document(format, 200, "service_requests", out);
}

}  // namespace

void AddRequestRoutes(http::Router& router, const std::shared_ptr<ReportsModule>& module) {
  for (Format format : {Format::kJson, Format::kXml}) {
    const std::string ext = format == Format::kJson ? ".json" : ".xml";
    router.Add({.method = Method::kPost,
                .pattern = "/open311/v2/requests" + ext,
                .permission = "public",  // api_key checked here, so refusals use Open311 errors
                .body_limit = internal::kReportBodyLimit,
                .handler = [module, format](Request& req, Reply reply) {
                  PostRequest(*module, req, std::move(reply), format);
                },
                .doc = {.summary = "Open311: create a service request (api_key required)",
                        .tag = "open311",
                        .request_content_type = "application/x-www-form-urlencoded",
                        .responses = {201, 400, 403, 404, 413, 415}}});
    router.Add({.method = Method::kGet,
                .pattern = "/open311/v2/requests" + ext,
                .permission = "public",
                .handler = http::Sync([module, format](Request& req) {
                  return ListRequests(*module, req, format);
                }),
                .doc = {.summary = "Open311: service requests (90-day default window, max 1000)",
                        .tag = "open311",
                        .params = {{.name = "jurisdiction_id"}, {.name = "service_request_id"},
                                   {.name = "service_code"}, {.name = "start_date"},
                                   {.name = "end_date"}, {.name = "status"}},
                        .responses = {200, 400, 404}}});
  }
}

}  // namespace kc::reports::open311
