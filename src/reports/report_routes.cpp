// HTTP adapter for report submission: POST /api/v1/regions/{region}/reports, as JSON or as
// multipart/form-data with the same JSON object in a part named "report" and 0..5 image parts
// named "photo". Anonymous citizens may submit (route permission "public"); a signed-in caller
// becomes the reporter. Photos are processed and stored as files on the photo service's pool
// before the report's write, which inserts their rows; the reply is sent from the store's
// completion, i.e. after the commit is durable, and a refused report leaves no photo file behind.
// An Idempotency-Key header makes retries safe: a replay answers with the first answer.
// ?ref=CODE (or "ref" in the JSON) attributes the report to an agent's referral (community);
// anonymous and signed-in submitters are rate limited (submit_limits.h), API keys are not.
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "accounts/auth_service.h"
#include "accounts/caller.h"
#include "accounts/contact.h"
#include "community/community_store.h"
#include "http/json_body.h"
#include "http/multipart.h"
#include "reports/photo_form.h"
#include "reports/reports_module.h"
#include "reports/route_util.h"
#include "reports/submit_limits.h"

namespace kc::reports {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

// FNV-1a 64: a stable fingerprint of the request content for idempotency (not a security hash:
// the key's scope already ties it to the caller). For multipart, the parts' contents count, not
// the framing, so a retry with a new boundary is the same request.
std::string Fingerprint(std::initializer_list<std::string_view> pieces,
                        const std::vector<std::string_view>& more = {}) {
  uint64_t h = 14695981039346656037ull;
  bool first = true;
  auto add = [&h, &first](std::string_view piece) {
    if (!first) {  // separator: ("ab","c") differs from ("a","bc"); one piece hashes as before
      h ^= 0xff;
      h *= 1099511628211ull;
    }
    first = false;
    for (unsigned char c : piece) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  for (auto p : pieces) add(p);
  for (auto p : more) add(p);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// The Idempotency-Key header: 1..200 printable ASCII characters, or absent.
Result<std::optional<std::string>> IdempotencyKey(const Request& req) {
  const std::string_view key = req.Header("idempotency-key");
  if (key.empty()) return std::optional<std::string>();
  const bool printable = std::all_of(key.begin(), key.end(), [](char c) { return c > 32 && c < 127; });
  if (key.size() > kIdempotencyKeyMaxBytes || !printable) {
    return InvalidArgument({"Idempotency-Key harus 1..200 karakter ASCII yang terlihat.",
                            "Idempotency-Key must be 1..200 visible ASCII characters."})
        .With("Idempotency-Key", {"tidak sah", "invalid"});
  }
  return std::optional<std::string>(std::string(key));
}

// Whose key it is: the signed-in user, the API key, or the anonymous client's address.
std::string KeyScope(const Request& req) {
  const auto& caller = accounts::CallerOf(req);
  if (caller.IsUser()) return "user:" + std::to_string(caller.user_id);
  if (caller.kind == accounts::CallerKind::kApiKey) return "apikey:" + std::to_string(caller.api_key_id);
  return "anon:" + req.remote_address;
}

// The optional "contact" object of an anonymous (or any) reporter.
void ParseContact(const json::object& body, Validation& v, Reporter& reporter) {
  const auto* contact = body.if_contains("contact");
  if (contact == nullptr || contact->is_null()) return;
  if (!contact->is_object()) return v.Add("contact", {"harus berupa objek", "must be an object"});
  Validation inner;
  http::JsonFields f(contact->as_object(), inner);
  reporter.name = f.String("name", false, kContactNameMaxChars);
  auto email = f.String("email", false, accounts::kMaxEmailBytes);
  auto phone = f.String("phone", false, 40);
  f.RejectUnknown();
  if (email && !email->empty()) {
    auto normal = accounts::NormalizeEmail(*email);
    if (normal.ok()) {
      reporter.email = *normal;
    } else {
      inner.Add("email", normal.error().message);
    }
  }
  if (phone && !phone->empty()) {
    auto normal = accounts::NormalizePhone(*phone);
    if (normal.ok()) {
      reporter.phone = *normal;
    } else {
      inner.Add("phone", normal.error().message);
    }
  }
  if (!inner.ok()) {
    for (auto& d : std::move(inner).ToError().details) v.Add("contact." + d.field, std::move(d.message));
  }
}

// A report filed through an agent's referral link (?ref=CODE or "ref" in the body) counts for
// the agent (community module); an unknown code attributes nothing and refuses nothing.
void AttributeToAgent(SubmitInput& in, std::string code) {
  in.after_insert = [region = in.region.code, code = std::move(code)](store::Connection& conn,
                                                                      const Report& r) -> Status {
    KC_RETURN_IF_ERROR(community::db::AttributeReport(conn, region, r.id, code));
    return Ok();
  };
}

// Reads the JSON body into `in` (everything except region, reporter identity and key).
Status ParseSubmission(const Request& req, SubmitInput& in) {
  KC_ASSIGN_OR_RETURN(auto body, http::ParseJsonObject(req));
  Validation v;
  // attributes and contact are objects read below; the rest are checked field by field.
  json::object scalars = body;
  scalars.erase("attributes");
  scalars.erase("contact");
  http::JsonFields f(scalars, v);
  auto category = f.String("category", true, 40);
  auto description = f.String("description", true, kDescriptionMaxChars, kDescriptionMinChars);
  auto lat = f.Number("lat", true, -90, 90);
  auto lon = f.Number("lon", true, -180, 180);
  in.address = f.String("address", false, kAddressMaxChars);
  in.kelurahan_code = f.String("kelurahan_code", false, 20);
  in.is_public = f.Bool("public", false).value_or(true);
  if (auto ref = f.String("ref", false, 20); ref && !ref->empty()) AttributeToAgent(in, *ref);
  if (const auto* attrs = body.if_contains("attributes"); attrs && !attrs->is_null()) {
    if (attrs->is_object()) {
      in.attributes = attrs->as_object();
    } else {
      v.Add("attributes", {"harus berupa objek", "must be an object"});
    }
  }
  ParseContact(body, v, in.reporter);
  f.RejectUnknown();
  if (!v.ok()) return std::move(v).ToError();
  in.category_code = std::move(*category);
  in.description = std::move(*description);
  in.lat = *lat;
  in.lon = *lon;
  if (in.address && in.address->empty()) in.address.reset();
  return Ok();
}

Response Created(std::string body, bool replayed) {
  Response r{.status = 201, .body = std::move(body)};
  if (replayed) r.Header("Idempotency-Replayed", "true");
  return r;
}

// The JSON object of a multipart submission: its "report" part, read as a JSON body.
Status ParseFormSubmission(const PhotoForm& form, SubmitInput& in) {
  const auto part = form.fields.find("report");
  if (part == form.fields.end()) {
    return InvalidArgument({"Bagian \"report\" (objek JSON laporan) wajib ada.",
                            "The \"report\" part (the report's JSON object) is required."})
        .With("report", {"wajib diisi", "is required"});
  }
  Request json_req;
  json_req.headers = {{"content-type", "application/json"}};
  json_req.body = std::string(part->second);
  return ParseSubmission(json_req, in);
}

// Stores the report (its photos already stored as files) and replies after the commit; then
// unpins the photos, removing their files when the report was refused.
void Store(ReportsModule& m, std::shared_ptr<PhotoService> photos, SubmitInput in, OpdNames opds,
           bool english, Reply reply) {
  in.render_answer = [opds](const Report& r) {
    return json::serialize(ReportJson(r, opds, ReportView::kPrivate));
  };
  std::vector<ReportPhoto> stored = in.media.photos;
  m.service().Submit(std::move(in), [reply, english, opds = std::move(opds), photos,
                                     stored = std::move(stored)](Result<SubmitOutcome> out) {
    photos->Settle(stored, out.ok() && !out->replayed);
    if (!out.ok()) return reply(http::ErrorResponse(out.error(), english));
    std::string body = out->answer.empty()
                           ? json::serialize(ReportJson(out->report, opds, ReportView::kPrivate))
                           : std::move(out->answer);
    reply(Created(std::move(body), out->replayed));
  });
}

// 429 with Retry-After.
Response Limited(const Error& e, const Request& req) {
  Response r = Fail(e, req);
  r.Header("Retry-After", std::to_string(std::max(1L, accounts::RetryAfterSeconds(e))));
  return r;
}

void SubmitReport(ReportsModule& m, const std::shared_ptr<PhotoService>& photos,
                  SubmitLimits& limits, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto key = IdempotencyKey(req);
  if (!key.ok()) return reply(Fail(key.error(), req));
  std::optional<PhotoForm> form;
  if (http::IsMultipartFormData(req.Header("content-type"))) {
    auto read = ReadPhotoForm(req, "photo", 0, kMaxPhotosPerUpload, {"report"});
    if (!read.ok()) return reply(Fail(read.error(), req));
    form = std::move(*read);
  } else if (req.body.size() > internal::kReportBodyLimit) {  // the route allows photo bodies
    return reply(Fail(Error(ErrorCode::kPayloadTooLarge,
                            {"Isi JSON laporan terlalu besar (maks. 64 KB).",
                             "The report's JSON body is too large (max 64 KB)."}), req));
  }
  SubmitInput in{.region = *region, .channel = Channel::kApi, .idempotency_key = *key,
                 .idempotency_scope = KeyScope(req)};
  if (form) {
    const auto report = form->fields.find("report");
    in.request_hash = Fingerprint(
        {report == form->fields.end() ? std::string_view() : report->second}, form->photos);
  } else {
    in.request_hash = Fingerprint({req.body});
  }
  if (in.idempotency_key) {  // fast path for a replay; the write checks again under the lock
    auto first = m.store().FindIdempotent(region->code, in.idempotency_scope, *in.idempotency_key);
    if (!first.ok()) return reply(Fail(first.error(), req));
    if (*first && (*first)->request_hash == in.request_hash) {
      return reply(Created((*first)->answer, true));
    }
  }
  if (Status allowed = limits.Check(req); !allowed.ok()) return reply(Limited(allowed.error(), req));
  Status parsed = form ? ParseFormSubmission(*form, in) : ParseSubmission(req, in);
  if (!parsed.ok()) return reply(Fail(parsed.error(), req));
  if (auto ref = req.Query("ref"); ref && !ref->empty() && !in.after_insert) {
    AttributeToAgent(in, std::string(*ref));
  }
  const auto& caller = accounts::CallerOf(req);
  if (caller.IsUser()) in.reporter.user_id = caller.user_id;
  if (caller.kind == accounts::CallerKind::kApiKey) in.reporter.api_key_id = caller.api_key_id;
  auto opds = m.OpdNamesOf(region->code);
  if (!opds.ok()) return reply(Fail(opds.error(), req));
  if (!form || form->photos.empty()) {
    return Store(m, photos, std::move(in), std::move(*opds), req.english, std::move(reply));
  }
  photos->Prepare(form->body, form->photos, PhotoKind::kReport,
                  [&m, photos, in = std::move(in), opds = std::move(*opds), english = req.english,
                   reply](Result<std::vector<ReportPhoto>> stored) mutable {
                    if (!stored.ok()) return reply(http::ErrorResponse(stored.error(), english));
                    in.media.photos = std::move(*stored);
                    Store(m, photos, std::move(in), std::move(opds), english, std::move(reply));
                  });
}

}  // namespace

void AddReportRoutes(http::Router& router, std::shared_ptr<ReportsModule> module) {
  auto photos = PhotoServiceFor(module);
  auto limits = std::make_shared<SubmitLimits>();
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/regions/{region}/reports",
              .permission = "public",
              .body_limit = kPhotoBodyLimit,  // JSON bodies are held to 64 KB by the handler
              .handler = [module, photos, limits](Request& req, Reply reply) {
                SubmitReport(*module, photos, *limits, req, std::move(reply));
              },
              .doc = {.summary = "Submit a citizen report (anonymous or signed in; "
                                 "Idempotency-Key header supported). JSON, or multipart/form-data "
                                 "with the JSON in a \"report\" part and 0..5 \"photo\" files "
                                 "(JPEG/PNG/WebP, 10 MB each)",
                      .tag = "reports", .request_content_type = "application/json",
                      .responses = {201, 400, 404, 409, 413, 415, 429, 503}}});
  AddReportReadRoutes(router, module);
  AddPhotoRoutes(router, module, photos);
}

}  // namespace kc::reports
