// HTTP adapter for report submission: POST /api/v1/regions/{region}/reports (JSON, no photos
// yet). Anonymous citizens may submit (route permission "public"); a signed-in caller becomes the
// reporter. The reply is sent from the store's completion, i.e. after the commit is durable.
// An Idempotency-Key header makes retries safe: a replay answers with the first answer.
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "accounts/caller.h"
#include "accounts/contact.h"
#include "http/json_body.h"
#include "reports/reports_module.h"
#include "reports/route_util.h"

namespace kc::reports {
namespace {

namespace json = boost::json;
using http::Method;
using http::Reply;
using http::Request;
using http::Response;
using internal::Fail;

// FNV-1a 64: a stable fingerprint of the request body for idempotency (not a security hash:
// the key's scope already ties it to the caller).
std::string Fingerprint(std::string_view body) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ull;
  }
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

void SubmitReport(ReportsModule& m, Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto key = IdempotencyKey(req);
  if (!key.ok()) return reply(Fail(key.error(), req));
  SubmitInput in{.region = *region, .channel = Channel::kApi, .idempotency_key = *key,
                 .idempotency_scope = KeyScope(req), .request_hash = Fingerprint(req.body)};
  if (in.idempotency_key) {  // fast path for a replay; the write checks again under the lock
    auto first = m.store().FindIdempotent(region->code, in.idempotency_scope, *in.idempotency_key);
    if (!first.ok()) return reply(Fail(first.error(), req));
    if (*first && (*first)->request_hash == in.request_hash) {
      return reply(Created((*first)->answer, true));
    }
  }
  if (Status st = ParseSubmission(req, in); !st.ok()) return reply(Fail(st.error(), req));
  const auto& caller = accounts::CallerOf(req);
  if (caller.IsUser()) in.reporter.user_id = caller.user_id;
  if (caller.kind == accounts::CallerKind::kApiKey) in.reporter.api_key_id = caller.api_key_id;
  auto opds = m.OpdNamesOf(region->code);
  if (!opds.ok()) return reply(Fail(opds.error(), req));
  in.render_answer = [opds = *opds](const Report& r) {
    return json::serialize(ReportJson(r, opds, ReportView::kPrivate));
  };
  m.service().Submit(std::move(in), [reply, english = req.english, opds = std::move(*opds)](
                                        Result<SubmitOutcome> out) {
    if (!out.ok()) return reply(http::ErrorResponse(out.error(), english));
    std::string body = out->answer.empty()
                           ? json::serialize(ReportJson(out->report, opds, ReportView::kPrivate))
                           : std::move(out->answer);
    reply(Created(std::move(body), out->replayed));
  });
}

}  // namespace

void AddReportRoutes(http::Router& router, std::shared_ptr<ReportsModule> module) {
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/regions/{region}/reports",
              .permission = "public",
              .body_limit = internal::kReportBodyLimit,
              .handler = [module](Request& req, Reply reply) {
                SubmitReport(*module, req, std::move(reply));
              },
              .doc = {.summary = "Submit a citizen report (anonymous or signed in; "
                                 "Idempotency-Key header supported)",
                      .tag = "reports", .request_content_type = "application/json",
                      .responses = {201, 400, 404, 409, 413, 415}}});
  AddReportReadRoutes(router, module);
}

}  // namespace kc::reports
