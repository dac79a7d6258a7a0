// Citizen reports: the stored report, its statuses, the tracking number and the list filter.
// Pure types and rules; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "reports/photo_ref.h"

namespace kc::reports {

// The workflow states (Qlue colours: diterima red, diverifikasi/diproses yellow, selesai green).
enum class ReportStatus { kDiterima, kDiverifikasi, kDiproses, kSelesai, kDitolak, kDuplikat };

// "diterima", "diverifikasi", "diproses", "selesai", "ditolak", "duplikat".
std::string_view StatusName(ReportStatus status);
std::optional<ReportStatus> ParseStatus(std::string_view name);
// Open311's two states: selesai, ditolak and duplikat are "closed", the rest "open".
bool IsClosed(ReportStatus status);

// How a report came in.
enum class Channel { kApi, kOpen311 };
std::string_view ChannelName(Channel channel);

struct Report {
  int64_t id = 0;
  std::string region_code;
  std::string tracking;  // "MDO-2026-000123"
  std::string category_code;
  ReportStatus status = ReportStatus::kDiterima;
  std::string description;
  double lat = 0;
  double lon = 0;
  std::optional<std::string> address;
  std::optional<std::string> kecamatan_code;
  std::optional<std::string> kelurahan_code;
  std::string area_match;  // "inside", "nearest", "chosen" (the reporter's kelurahan), "none"
  std::optional<int64_t> opd_id;
  std::string attributes = "{}";  // JSON object of validated values
  bool is_public = true;
  // Personal data: never in public views.
  std::optional<int64_t> reporter_user_id;
  std::optional<int64_t> reporter_api_key;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_email;
  std::optional<std::string> contact_phone;
  Channel channel = Channel::kApi;
  std::string created_at;  // UTC ISO-8601 with milliseconds
  std::string updated_at;
  // SLA deadlines (UTC), set when the report is filed (report_workflow.h: ComputeSla).
  std::optional<std::string> response_due;
  std::optional<std::string> resolve_due;
  ReportMedia media;  // photos and Open311 media_url (photo_ref.h)
};

// Limits, in Unicode code points.
inline constexpr size_t kDescriptionMinChars = 10;
inline constexpr size_t kDescriptionMaxChars = 4000;
inline constexpr size_t kAddressMaxChars = 300;
inline constexpr size_t kContactNameMaxChars = 100;
inline constexpr size_t kIdempotencyKeyMaxBytes = 200;
inline constexpr size_t kSearchTextMaxChars = 100;

// "MDO-2026-000123": prefix, local year, sequence (at least six digits).
std::string FormatTracking(std::string_view prefix, int year, int64_t sequence);
// True for something FormatTracking could have produced.
bool LooksLikeTracking(std::string_view text);
// The default prefix of a region without one configured: the slug's first letter and its next
// two consonants, upper case ("manado" -> "MND", "bitung" -> "BTN"); "RPT" for an empty slug.
std::string DefaultTrackingPrefix(std::string_view slug);
// The calendar year of `t` at `utc_offset_minutes` east of UTC.
int LocalYear(TimePoint t, int utc_offset_minutes);
// "2026-11-26T12:30:44+08:00": `t` at the offset, seconds precision (Open311 datetimes).
std::string FormatLocal(TimePoint t, int utc_offset_minutes);

// Inside Indonesia's territory, generously (6.5N..11.5S, 94E..141.5E), for the first check of a
// point before the region's own boundaries decide.
bool InIndonesia(double lat, double lon);

// A list query. Every set field narrows the result; ordered by id, newest first.
// What a map marker needs of a report (the lean map feed).
struct ReportPoint {
  int64_t id = 0;
  std::string tracking;
  double lat = 0, lon = 0;
  std::string status;
  std::string category_code;
};

struct ReportFilter {
  std::string region_code;
  std::vector<ReportStatus> statuses;  // any of
  std::optional<std::string> category_code;
  std::vector<std::string> category_codes;  // any of (Open311 service_code lists)
  std::optional<int64_t> opd_id;
  std::optional<std::string> kecamatan_code;
  std::optional<std::string> kelurahan_code;
  std::optional<std::string> from;  // created_at >= (UTC text)
  std::optional<std::string> to;    // created_at < (UTC text)
  struct BBox {
    double min_lon, min_lat, max_lon, max_lat;
  };
  std::optional<BBox> bbox;
  std::optional<std::string> text;  // substring of the description, letter case ignored (ASCII)
  bool public_only = true;          // only reports with is_public
  std::optional<int64_t> before_id;  // cursor: reports with a smaller id
  int limit = 20;
};

}  // namespace kc::reports
