// HTTP adapters for photo files and resolution photos:
//   GET /media/{file}: the stored JPEGs, public (the name is the SHA-256 of content we encoded,
//     so it cannot be guessed) and immutable: cached for a year, ETag = the hash.
//   POST /api/v1/regions/{region}/reports/{tracking}/photos: 1..5 "photo" files of the officer
//     who resolved the report (kind "resolution"); report.handle for the report's OPD, or a
//     region admin. Answered after the rows' commit is durable.
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "accounts/caller.h"
#include "accounts/roles.h"
#include "reports/photo_form.h"
#include "reports/photo_service.h"
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

Error MediaNotFound() {
  return Error(ErrorCode::kNotFound, {"Berkas media tidak ditemukan.", "No such media file."},
               "media_not_found");
}

Response ServeMedia(PhotoService& photos, const Request& req) {
  const std::string_view name = req.Param("file");
  auto parsed = ParseMediaName(name);
  if (!parsed) return Fail(MediaNotFound(), req);
  const std::string etag = "\"" + parsed->sha256 + (parsed->thumb ? "_t" : "") + "\"";
  const std::filesystem::path path = photos.files().PathOf(parsed->sha256, parsed->thumb);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(MediaNotFound(), req);
  Response r{.status = 200, .content_type = "image/jpeg"};
  r.Header("Cache-Control", "public, max-age=31536000, immutable");
  r.Header("ETag", etag);
  r.Header("X-Content-Type-Options", "nosniff");
  if (req.Header("if-none-match") == etag) {
    r.status = 304;
    return r;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  r.body = std::move(bytes).str();
  return r;
}

// Who may add resolution photos: report.handle scoped to the report's OPD. A report routed to
// no OPD is scoped to an OPD id no grant carries, so only region-wide roles pass.
Status MayResolve(const Request& req, const Report& r) {
  const std::string opd = r.opd_id ? std::to_string(*r.opd_id) : "-";
  return accounts::Require(accounts::PrincipalOf(req), accounts::Permission::kReportHandle,
                           r.region_code, {.opd_id = opd});
}

void AddResolutionPhotos(ReportsModule& m, const std::shared_ptr<PhotoService>& photos,
                         Request& req, Reply reply) {
  auto region = m.FindRegion(req.Param("region"));
  if (!region.ok()) return reply(Fail(region.error(), req));
  auto report = m.service().FindReport(*region, req.Param("tracking"));
  if (!report.ok()) return reply(Fail(report.error(), req));
  if (Status st = MayResolve(req, *report); !st.ok()) return reply(Fail(st.error(), req));
  auto form = ReadPhotoForm(req, "photo", 1, kMaxPhotosPerUpload, {});
  if (!form.ok()) return reply(Fail(form.error(), req));
  const bool english = req.english;
  auto store = [&m, photos, region = region->code, id = report->id, tracking = report->tracking,
                english, reply](Result<std::vector<ReportPhoto>> stored) {
    if (!stored.ok()) return reply(http::ErrorResponse(stored.error(), english));
    m.store().AddPhotos(
        region, id, *stored,
        [photos, added = *stored, tracking, english, reply](Result<std::vector<ReportPhoto>> all) {
          photos->Settle(added, all.ok());
          if (!all.ok()) return reply(http::ErrorResponse(all.error(), english));
          reply(http::JsonResponse(
              201, json::object{{"tracking", tracking}, {"photos", PhotosJson(*all)}}));
        });
  };
  photos->Prepare(form->body, form->photos, PhotoKind::kResolution, std::move(store));
}

}  // namespace

void AddPhotoRoutes(http::Router& router, std::shared_ptr<ReportsModule> module,
                    std::shared_ptr<PhotoService> photos) {
  router.Add({.method = Method::kGet,
              .pattern = "/media/{file}",
              .permission = "public",
              .handler = http::Sync([photos](Request& req) { return ServeMedia(*photos, req); }),
              .doc = {.summary = "A report photo (<sha256>.jpg) or its thumbnail (<sha256>_t.jpg); "
                                 "immutable",
                      .tag = "reports",
                      .responses = {200, 304, 404}}});
  router.Add({.method = Method::kPost,
              .pattern = "/api/v1/regions/{region}/reports/{tracking}/photos",
              .permission = "report.handle",
              .region_param = "region",
              .body_limit = kPhotoBodyLimit,
              .handler =
                  [module, photos](Request& req, Reply reply) {
                    AddResolutionPhotos(*module, photos, req, std::move(reply));
                  },
              .doc = {.summary = "Add 1..5 resolution photos to a report (multipart \"photo\" "
                                 "files; the report's OPD officer or a region admin)",
                      .tag = "reports",
                      .request_content_type = "multipart/form-data",
                      .responses = {201, 400, 401, 403, 404, 413, 415, 503}}});
}

}  // namespace kc::reports
