#include "reports/report_service.h"

#include <boost/json.hpp>

#include "reports/report_workflow.h"
#include "reports/routing.h"

namespace kc::reports {

namespace {

// kEventCreated: public facts only (no description, contact or point: the report may be
// private); the reporter, if signed in, is told.
ReportEvent CreatedEvent(const Report& r) {
  ReportEvent e{.type = kEventCreated, .region_code = r.region_code, .tracking = r.tracking,
                .report_id = r.id, .occurred_at = r.created_at};
  e.data = {{"category", r.category_code},
            {"status", StatusName(r.status)},
            {"kecamatan_code", r.kecamatan_code ? boost::json::value(*r.kecamatan_code) : nullptr},
            {"kelurahan_code", r.kelurahan_code ? boost::json::value(*r.kelurahan_code) : nullptr},
            {"opd_id", r.opd_id ? boost::json::value(*r.opd_id) : nullptr},
            {"public", r.is_public}};
  if (r.reporter_user_id) e.notify_user_ids.push_back(*r.reporter_user_id);
  return e;
}

}  // namespace

Error ReportNotFound() {
  return Error(ErrorCode::kNotFound,
               {"Laporan tidak ditemukan.", "No such report."}, "report_not_found");
}

Result<Category> ReportService::FindCategory(const regions::Region& region, std::string_view code) {
  KC_ASSIGN_OR_RETURN(auto found, store_.FindCategory(region.code, code));
  if (!found || !found->active) {
    return Error(ErrorCode::kNotFound, {"Kategori tidak ditemukan.", "No such category."},
                 "category_not_found");
  }
  return std::move(*found);
}

Result<Report> ReportService::FindReport(const regions::Region& region, std::string_view tracking) {
  if (!LooksLikeTracking(tracking)) return ReportNotFound();
  KC_ASSIGN_OR_RETURN(auto found, store_.FindReport(region.code, tracking));
  if (!found) return ReportNotFound();
  return std::move(*found);
}

Result<std::string> ReportService::TrackingPrefixFor(const regions::Region& region) {
  KC_ASSIGN_OR_RETURN(auto configured, store_.TrackingPrefix(region.code));
  return configured ? *configured : DefaultTrackingPrefix(region.slug);
}

Status ReportService::ResolveArea(const SubmitInput& in, Report& r, Validation& v) {
  auto match = regions_.Locate(in.region.code, in.lat, in.lon);
  if (!match.ok()) return std::move(match).error();  // outside_region, or lat/lon details
  r.area_match = std::string(regions::MatchKindName(match->match));
  if (match->kecamatan) r.kecamatan_code = match->kecamatan->code;
  if (match->kelurahan) r.kelurahan_code = match->kelurahan->code;
  if (!in.kelurahan_code || match->match == regions::MatchKind::kInside) return Ok();
  // No boundary contains the point: the reporter's chosen kelurahan decides, if it is the
  // region's.
  KC_ASSIGN_OR_RETURN(auto area, regions_.store().FindArea(*in.kelurahan_code));
  if (!area || area->level != regions::AreaLevel::kKelurahan ||
      !area->code.starts_with(in.region.code + ".")) {
    v.Add("kelurahan_code", {"bukan kelurahan/desa di region ini",
                             "is not a kelurahan/desa of this region"});
    return Ok();
  }
  r.kelurahan_code = area->code;
  r.kecamatan_code = area->parent_code;
  r.area_match = "chosen";
  return Ok();
}

void ReportService::Submit(SubmitInput in, SubmitDone done) {
  Validation v;
  if (!InIndonesia(in.lat, in.lon)) {
    v.Add("lat", {"titik berada di luar wilayah Indonesia", "the point is outside Indonesia"});
    v.Add("lon", {"titik berada di luar wilayah Indonesia", "the point is outside Indonesia"});
    return done(std::move(v).ToError());
  }
  auto category = store_.FindCategory(in.region.code, in.category_code);
  if (!category.ok()) return done(std::move(category).error());
  Report r{.region_code = in.region.code,
           .category_code = in.category_code,
           .description = std::move(in.description),
           .lat = in.lat,
           .lon = in.lon,
           .address = std::move(in.address),
           .is_public = in.is_public,
           .reporter_user_id = in.reporter.user_id,
           .reporter_api_key = in.reporter.api_key_id,
           .contact_name = in.reporter.name,
           .contact_email = in.reporter.email,
           .contact_phone = in.reporter.phone,
           .channel = in.channel,
           .media = std::move(in.media)};
  if (!*category || !(*category)->active) {
    v.Add("category", {"kategori tidak dikenal di region ini", "unknown category in this region"});
  } else {
    r.attributes = boost::json::serialize(ValidateAttributeValues(**category, in.attributes, v));
  }
  if (Status st = ResolveArea(in, r, v); !st.ok()) return done(std::move(st).error());
  if (!v.ok()) return done(std::move(v).ToError());

  auto rules = store_.ListRules(in.region.code, std::string_view(in.category_code));
  if (!rules.ok()) return done(std::move(rules).error());
  r.opd_id = PickOpd(*rules, in.category_code, r.kelurahan_code.value_or(""),
                     r.kecamatan_code.value_or(""), (*category)->default_opd_id)
                 .opd_id;
  auto prefix = TrackingPrefixFor(in.region);
  if (!prefix.ok()) return done(std::move(prefix).error());
  const TimePoint now = NowUtc();
  r.created_at = FormatUtc(now);
  const auto sla = ComputeSla(now, (*category)->sla_response_hours, (*category)->sla_resolve_days,
                              {.utc_offset_minutes = regions::UtcOffsetMinutes(in.region.timezone)});
  r.response_due = FormatUtc(sla.response_due);
  r.resolve_due = FormatUtc(sla.resolve_due);
  NewReport row{.report = std::move(r),
                .tracking_prefix = std::move(*prefix),
                .tracking_year = LocalYear(now, regions::UtcOffsetMinutes(in.region.timezone)),
                .idempotency_key = std::move(in.idempotency_key),
                .idempotency_scope = std::move(in.idempotency_scope),
                .request_hash = std::move(in.request_hash),
                .render_answer = std::move(in.render_answer),
                .after_insert = std::move(in.after_insert)};
  if (events_ == nullptr) return store_.InsertReport(std::move(row), std::move(done));
  store_.InsertReport(std::move(row), [events = events_, done = std::move(done)](
                                          Result<SubmitOutcome> out) {
    if (out.ok() && !out->replayed) events->Publish(CreatedEvent(out->report));
    done(std::move(out));
  });
}

}  // namespace kc::reports
