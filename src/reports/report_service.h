// The reports service: validates a submission against the region's categories and geography,
// routes it to an OPD and stores it durably; answers category and report reads. Routes (JSON API
// and Open311) are thin adapters over it. Thread-safe: holds only references.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "regions/regions_module.h"
#include "reports/report_events.h"
#include "reports/report_store.h"

namespace kc::reports {

// Who submits. All optional: an anonymous citizen may leave a contact (kept private).
struct Reporter {
  std::optional<int64_t> user_id;
  std::optional<int64_t> api_key_id;
  std::optional<std::string> name;
  std::optional<std::string> email;  // normalised (accounts/contact.h)
  std::optional<std::string> phone;  // E.164
};

// A submission whose fields are already well-formed (types, lengths, UTF-8: the route checked).
struct SubmitInput {
  regions::Region region;
  std::string category_code;
  std::string description;
  double lat = 0;
  double lon = 0;
  std::optional<std::string> address;
  std::optional<std::string> kelurahan_code;  // the reporter's choice, used when the point
                                              // does not lie inside a kelurahan boundary
  boost::json::object attributes;
  bool is_public = true;
  Reporter reporter;
  Channel channel = Channel::kApi;
  std::optional<std::string> idempotency_key;
  std::string idempotency_scope;
  std::string request_hash;
  std::function<std::string(const Report&)> render_answer;
  // See NewReport::after_insert.
  std::function<Status(store::Connection&, const Report&)> after_insert;
  ReportMedia media;  // photos already stored as files (photo_service.h), inserted with the report
};

class ReportService {
 public:
  ReportService(ReportStore& store, regions::RegionsModule& regions)
      : store_(store), regions_(regions) {}

  // Checks the submission and stores it; `done` runs on the store's completion thread after the
  // commit (or at once, on this thread, for a refused submission). Errors, all bilingual:
  //   kInvalidArgument "validation_failed" with details for "category" (unknown or inactive),
  //     "attributes.<code>", "kelurahan_code" (not in the region), "lat"/"lon" (outside
  //     Indonesia); kInvalidArgument "outside_region" when the point is farther than the coastal
  //     tolerance from the region's boundaries; kConflict "idempotency_key_reused"; storage.
  // A replayed idempotency key answers with the first outcome (replayed = true).
  void Submit(SubmitInput input, SubmitDone done);

  // The region's active categories (Open311 services).
  Result<std::vector<Category>> Categories(const regions::Region& region) {
    return store_.ListCategories(region.code, false);
  }
  // Errors: kNotFound "category_not_found".
  Result<Category> FindCategory(const regions::Region& region, std::string_view code);

  // Errors: kNotFound "report_not_found".
  Result<Report> FindReport(const regions::Region& region, std::string_view tracking);

  // The region's tracking prefix (configured, else DefaultTrackingPrefix of its slug).
  Result<std::string> TrackingPrefixFor(const regions::Region& region);

  ReportStore& store() { return store_; }
  regions::RegionsModule& regions() { return regions_; }

  // Where Submit publishes kEventCreated (on the store's completion thread, after the commit; not
  // for an idempotent replay). Null: nowhere. Set once at start, before the first Submit.
  void set_events(ReportEventSink* events) { events_ = events; }

 private:
  // Fills kecamatan/kelurahan/area_match of `r` from the point or the chosen kelurahan.
  Status ResolveArea(const SubmitInput& in, Report& r, Validation& v);

  ReportStore& store_;
  regions::RegionsModule& regions_;
  ReportEventSink* events_ = nullptr;
};

// The kNotFound error for an unknown tracking number.
Error ReportNotFound();

}  // namespace kc::reports
