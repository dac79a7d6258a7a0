// Open311 GeoReport v2 service requests: POST requests.{json,xml} (form-encoded, or
// multipart/form-data with an optional "media" image file; api_key required, in the query or
// X-Api-Key header for multipart) and GET requests.{json,xml} with service_request_id /
// service_code / start_date / end_date / status, the spec's 90-day default window and
// 1000-request cap. media_url is a client's own http(s) URL stored as given, or, for a media
// file, the absolute URL of the stored photo; GET answers the first report photo's URL, else the
// client's. A POST is answered after its commit is durable.
#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <set>

#include "accounts/caller.h"
#include "accounts/contact.h"
#include "http/json_body.h"
#include "http/multipart.h"
#include "reports/open311_internal.h"
#include "reports/photo_form.h"
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
constexpr size_t kMaxMediaUrl = 2000;
constexpr size_t kMaxFormParts = 100;     // multipart fields (attributes included) of one POST
constexpr size_t kOpen311BodyLimit = kMaxPhotoBytes + (1 << 20);  // one media file and fields

using FormFields = std::vector<std::pair<std::string, std::string>>;

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

// An http(s) URL with a host and no spaces or control characters (stored and returned as given,
// never fetched).
bool IsHttpUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string lower(url.substr(0, scheme));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view rest = url.substr(scheme + 3);
  const size_t host_end = std::min(rest.find_first_of("/?#"), rest.size());
  return (lower == "http" || lower == "https") && host_end > 0 && rest[0] != '@' &&
         std::none_of(url.begin(), url.end(),
                      [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

// Reads the form fields into `in`; returns the jurisdiction_id given, if any.
Result<std::optional<std::string>> ParsePost(const FormFields& form, SubmitInput& in) {
  Validation v;
  std::map<std::string, std::string> f;
  for (auto& [name, value] : form) {
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
  Text("media_url", f["media_url"], kMaxMediaUrl, v, media);
  if (media && !IsHttpUrl(*media)) {
    v.Add("media_url", {"harus berupa URL http(s)", "must be an http(s) URL"});
  }
  in.media.media_url = media;
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

// The fields and the optional "media" file of a multipart POST. `body` keeps the file's bytes.
Status ReadMultipart(Request& req, FormFields& fields, std::shared_ptr<const std::string>& body,
                     std::vector<std::string_view>& media) {
  KC_ASSIGN_OR_RETURN(std::string boundary, http::MultipartBoundary(req.Header("content-type")));
  body = std::make_shared<const std::string>(std::move(req.body));
  req.body.clear();
  KC_ASSIGN_OR_RETURN(auto parts, http::ParseMultipart(*body, boundary,
                                                       {.max_parts = kMaxFormParts,
                                                        .max_part_bytes = kMaxPhotoBytes}));
  Validation v;
  for (const auto& part : parts) {
    if (part.name == "media") {
      media.push_back(part.body);
    } else if (part.body.size() > kFormFieldMaxBytes || !http::IsValidUtf8(part.body)) {
      v.Add(part.name, {"bukan teks UTF-8 atau terlalu panjang", "not UTF-8 text or too long"});
    } else {
      fields.emplace_back(part.name, std::string(part.body));
    }
  }
  if (media.size() > 1) v.Add("media", {"paling banyak satu berkas", "at most one file"});
  if (!v.ok()) return std::move(v).ToError();
  return Ok();
}

// Reads the body, form-encoded or multipart, into fields (and a media file).
Status ReadPostBody(Request& req, FormFields& fields, std::shared_ptr<const std::string>& body,
                    std::vector<std::string_view>& media) {
  const std::string_view type = req.Header("content-type");
  if (http::IsMultipartFormData(type)) return ReadMultipart(req, fields, body, media);
  if (!type.starts_with("application/x-www-form-urlencoded")) {
    return Error(ErrorCode::kUnsupportedMedia,
                 {"Content-Type harus application/x-www-form-urlencoded atau multipart/form-data.",
                  "Content-Type must be application/x-www-form-urlencoded or multipart/form-data."});
  }
  if (req.body.size() > internal::kReportBodyLimit) {  // the route allows a media file
    return Error(ErrorCode::kPayloadTooLarge, {"Isi formulir terlalu besar (maks. 64 KB).",
                                               "The form body is too large (max 64 KB)."});
  }
  auto form = http::ParseForm(req.body);
  if (!form) {
    return InvalidArgument({"Isi formulir tidak sah (percent-encoding atau UTF-8).",
                            "The form body is malformed (percent-encoding or UTF-8)."});
  }
  fields = std::move(*form);
  return Ok();
}

void Submit(ReportsModule& m, const std::shared_ptr<PhotoService>& photos, SubmitInput in,
            Format format, bool english, Reply reply) {
  std::vector<ReportPhoto> stored = in.media.photos;
  m.service().Submit(std::move(in), [photos, stored = std::move(stored), reply, format,
                                     english](Result<SubmitOutcome> out) {
    photos->Settle(stored, out.ok() && !out->replayed);
    if (!out.ok()) return reply(ErrorDocument(format, out.error(), english));
    json::array body;
    body.push_back({{"service_request_id", out->report.tracking},
                    {"service_notice", ""},
                    {"account_id", nullptr}});
    reply(Document(format, 201, "service_requests", body));
  });
}

void PostRequest(ReportsModule& m, const std::shared_ptr<PhotoService>& photos, Request& req,
                 Reply reply, Format format) {
  const bool english = req.english;
  auto fail = [&](const Error& e) { reply(ErrorDocument(format, e, english)); };
  const auto& caller = accounts::CallerOf(req);
  if (caller.kind != accounts::CallerKind::kApiKey) return fail(BadApiKey());
  FormFields fields;
  std::shared_ptr<const std::string> body;
  std::vector<std::string_view> media;
  if (Status st = ReadPostBody(req, fields, body, media); !st.ok()) return fail(st.error());
  SubmitInput in{.channel = Channel::kOpen311};
  auto jurisdiction = ParsePost(fields, in);
  if (!jurisdiction.ok()) return fail(jurisdiction.error());
  if (!media.empty() && in.media.media_url) {
    return fail(InvalidArgument({"Berikan media_url atau berkas media, bukan keduanya.",
                                 "Give media_url or a media file, not both."})
                    .With("media_url", {"bersama berkas media", "given with a media file"}));
  }
  auto region = Jurisdiction(m, req, *jurisdiction);
  if (!region.ok()) return fail(region.error());
  if (region->code != caller.api_key_region) return fail(BadApiKey());
  in.region = *region;
  in.reporter.api_key_id = caller.api_key_id;
  if (media.empty()) return Submit(m, photos, std::move(in), format, english, std::move(reply));
  photos->Prepare(body, media, PhotoKind::kReport,
                  [&m, photos, in = std::move(in), format, english,
                   reply](Result<std::vector<ReportPhoto>> stored) mutable {
                    if (!stored.ok()) return reply(ErrorDocument(format, stored.error(), english));
                    in.media.photos = std::move(*stored);
                    Submit(m, photos, std::move(in), format, english, std::move(reply));
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
  if (Status st = m.store().LoadMedia(reports); !st.ok()) {
    return ErrorDocument(format, st.error(), req.english);
  }
  const std::string origin = Origin(req);
  json::array out;
  for (const auto& r : reports) {
    json::object request = RequestJson(r, *categories, *opds, *region, req.english);
    request["media_url"] = MediaUrl(r, origin);
    out.push_back(std::move(request));
  }
  return Document(format, 200, "service_requests", out);
}

}  // namespace

// "<scheme>://<host>" of the request (X-Forwarded-Proto from a TLS proxy), or "" without Host.
std::string Origin(const Request& req) {
  const std::string_view host = req.Header("host");
  const bool safe = std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
           c == '[' || c == ']';
  });
  if (host.empty() || !safe) return "";
  return (req.Header("x-forwarded-proto") == "https" ? "https://" : "http://") + std::string(host);
}

// The spec's media_url of a report: its first report photo (absolute), else the client's URL.
json::value MediaUrl(const Report& r, const std::string& origin) {
  for (const auto& p : r.media.photos) {
    if (p.kind == PhotoKind::kReport) return json::value(origin + PhotoUrl(p.sha256));
  }
  return r.media.media_url ? json::value(*r.media.media_url) : json::value(nullptr);
}

void AddRequestRoutes(http::Router& router, const std::shared_ptr<ReportsModule>& module) {
  auto photos = PhotoServiceFor(module);
  for (Format format : {Format::kJson, Format::kXml}) {
    const std::string ext = format == Format::kJson ? ".json" : ".xml";
    router.Add({.method = Method::kPost,
                .pattern = "/open311/v2/requests" + ext,
                .permission = "public",  // api_key checked here, so refusals use Open311 errors
                .body_limit = kOpen311BodyLimit,
                .handler = [module, photos, format](Request& req, Reply reply) {
                  PostRequest(*module, photos, req, std::move(reply), format);
                },
                .doc = {.summary = "Open311: create a service request (api_key required)",
                        .tag = "open311",
                        .request_content_type = "application/x-www-form-urlencoded",
                        .responses = {201, 400, 403, 404, 413, 415, 503}}});
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
