// Point -> {kelurahan, kecamatan, kab/kota}: the lookup the reports module uses to route a report
// by its location, and the API GET /api/v1/geo/lookup.
//
// The stored boundaries are loaded into immutable snapshots of geo::AreaIndex (one per level over
// all of Indonesia, and one per level per region (tenant) for region-bound lookups). Lookups read the current
// snapshot through an atomic shared_ptr, so any number of threads may call Locate while Reload
// swaps in a rebuilt snapshot; the old one lives until its last reader drops it.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "regions/region_store.h"

namespace kc::regions {

struct LookupConfig {
  // How far outside every polygon of a region a point may be and still map to the nearest area
  // (Manado lies on a bay: reports come from piers, boats and reclaimed land). Metres.
  double coastal_tolerance_m = 500.0;
  // How often Locate checks the store for boundary imports made by another process.
  int64_t refresh_interval_ms = 5000;

  // The defaults, with KOTACERDAS_COASTAL_TOLERANCE_M (0..50000 metres) overriding the tolerance.
  // Errors: kInvalidArgument when the variable is set but not a number in range.
  static Result<LookupConfig> FromEnv();
};

struct AreaRef {
  std::string code;
  std::string name;
};

enum class MatchKind {
  kInside,   // a polygon contains the point
  kNearest,  // no polygon does; the nearest area within the tolerance answers
  kNone,     // no boundaries to decide with (no region given and nothing near, or a region
             // without boundaries: then only kabkota is set and the reporter picks the kelurahan)
};

struct AreaMatch {
  std::optional<AreaRef> kelurahan;
  std::optional<AreaRef> kecamatan;
  std::optional<AreaRef> kabkota;
  MatchKind match = MatchKind::kNone;
  double distance_m = 0;  // 0 when inside
};

std::string_view MatchKindName(MatchKind kind);  // "inside", "nearest", "none"

class AreaLookup {
 public:
  // Borrows `store`, which must outlive this object. Starts empty: call Reload.
  AreaLookup(RegionStore& store, LookupConfig config);
  ~AreaLookup();
  AreaLookup(const AreaLookup&) = delete;
  AreaLookup& operator=(const AreaLookup&) = delete;

  // Loads every stored boundary, builds the indexes and swaps them in. Serialised with other
  // reloads; lookups continue on the previous snapshot meanwhile. Errors: storage errors, or
  // kInternal if a stored geometry cannot be decoded or indexed (the old snapshot stays).
  Status Reload();

  // Which areas contain the point (WGS84 degrees). With a region (kab/kota code, e.g. "71.71";
  // empty for any region), only that region's areas answer. Rules:
  // - The kelurahan layer is the detailed one and answers first: the kelurahan containing the
  //   point, else the nearest kelurahan within coastal_tolerance_m (match kNearest). Its parent
  //   codes give kecamatan and kab/kota (the layers do not nest exactly; this keeps the answer
  //   consistent).
  // - Else the kecamatan polygon containing the point, else the kab/kota polygon; else the
  //   nearest kecamatan, then kab/kota, within the tolerance (kNearest). Higher levels always
  //   follow from the code prefix.
  // Errors: kInvalidArgument (field errors "lat"/"lon") for non-finite or out-of-range input;
  // kInvalidArgument slug "outside_region" when a region is given, has boundaries, and the point
  // is farther than the tolerance from all of them. A region without any boundaries gives
  // kabkota = the region and match kNone; so does a kab/kota code that is not a region (callers
  // resolve the region first). Regions added while running are indexed at the next refresh. Thread-safe. Every refresh_interval_ms, one caller also checks the store
  // for a newer boundary version and reloads (on that caller's thread).
  Result<AreaMatch> Locate(std::string_view region_code, double lat, double lon);

  // Areas indexed in the current snapshot (all levels).
  size_t size() const;
  const LookupConfig& config() const { return config_; }

 private:
  struct Snapshot;
  void MaybeRefresh();

  RegionStore& store_;
  const LookupConfig config_;
  std::atomic<std::shared_ptr<const Snapshot>> snapshot_;
  std::mutex reload_mu_;                      // serialises Reload
  std::atomic<int64_t> next_check_ms_{0};     // steady-clock time of the next version check
};

// Validates lat/lon as Locate does (field errors for "lat" and "lon").
Status ValidateLatLon(double lat, double lon);

}  // namespace kc::regions
