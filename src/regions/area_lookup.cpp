#include "regions/area_lookup.h"

#include <spdlog/spdlog.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include "geo/area_index.h"
#include "geo/wkb.h"

namespace kc::regions {

// One immutable generation of the indexes. Levels: 0 kab/kota, 1 kecamatan, 2 kelurahan.
struct AreaLookup::Snapshot {
  struct Level {
    std::optional<geo::AreaIndex> all;
    std::unordered_map<std::string, geo::AreaIndex> by_kabkota;
  };
  int64_t version = -1;
  std::array<Level, 3> levels;
  std::unordered_map<std::string, std::string> names;  // code -> hierarchy (or boundary) name
  size_t areas = 0;
};

namespace {

constexpr std::array<AreaLevel, 3> kLevels = {AreaLevel::kKabKota, AreaLevel::kKecamatan,
                                              AreaLevel::kKelurahan};

int64_t SteadyMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Decodes one level's boundaries and builds its global index and one per region (tenant). Only
// tenants get their own index: building one for each of the 514 kab/kota of a nationwide layer
// would double the start-up time for regions nobody asks about.
Status BuildLevel(const std::vector<BoundaryRecord>& records,
                  const std::unordered_set<std::string>& tenants, std::optional<geo::AreaIndex>& all,
                  std::unordered_map<std::string, geo::AreaIndex>& by_kabkota) {
  if (records.empty()) return Ok();
  std::vector<std::unique_ptr<geos::geom::Geometry>> geometries;
  std::vector<geo::AreaInput> inputs;
  std::unordered_map<std::string, std::vector<geo::AreaInput>> groups;
  geometries.reserve(records.size());
  for (const BoundaryRecord& r : records) {
    auto g = geo::DecodeWkb(r.wkb);
    if (!g.ok()) return Internal("stored boundary " + r.code + " cannot be decoded");
    geometries.push_back(std::move(g).value());
    const geo::AreaInput input{.code = r.code, .geometry = geometries.back().get()};
    inputs.push_back(input);
    std::string kabkota = AncestorCode(r.code, AreaLevel::kKabKota);
    if (tenants.contains(kabkota)) groups[std::move(kabkota)].push_back(input);
  }
  auto index = geo::AreaIndex::Build(inputs);
  if (!index.ok()) return Internal("boundary index: " + index.error().message.en);
  all.emplace(std::move(index).value());
  for (auto& [kabkota, group] : groups) {
    auto regional = geo::AreaIndex::Build(group);
    if (!regional.ok()) return Internal("boundary index " + kabkota);
    by_kabkota.emplace(kabkota, std::move(regional).value());
  }
  return Ok();
}

// Adds the hierarchy names of the kecamatan and kab/kota above every named code: a kelurahan
// match implies them even where their own level has no polygon.
Status AddParentNames(RegionStore& store, std::unordered_map<std::string, std::string>& names) {
  std::vector<std::string> missing;
  for (const auto& [code, name] : names) {
    for (std::string p = ParentCode(code); LevelOfCode(p) > AreaLevel::kProvinsi; p = ParentCode(p)) {
      if (!names.contains(p)) missing.push_back(p);
    }
  }
  for (const std::string& code : missing) {
    if (names.contains(code)) continue;
    KC_ASSIGN_OR_RETURN(auto area, store.FindArea(code));
    names[code] = area ? area->name : std::string();
  }
  return Ok();
}

Error OutsideRegion(std::string_view region, double tolerance_m) {
  const std::string code(region);
  const std::string tol = std::to_string(static_cast<long>(tolerance_m));
  return Error(ErrorCode::kInvalidArgument,
               {"Lokasi berada di luar wilayah region " + code + " (lebih dari " + tol +
                    " m dari batas terdekat).",
                "The location is outside region " + code + " (more than " + tol +
                    " m from its nearest boundary)."},
               "outside_region");
}

// Asks `index` (may be null) for the area containing the point (tolerance 0) or the nearest one
// within `tolerance_m`. On success sets `code`, and for a nearest match the match kind and
// distance of `m`.
bool Try(const geo::AreaIndex* index, double lon, double lat, double tolerance_m, std::string& code,
         AreaMatch& m) {
  if (index == nullptr) return false;
  if (tolerance_m <= 0) {
    auto c = index->Locate(lon, lat);
    if (c) code = std::string(*c);
    return c.has_value();
  }
  auto near = index->Nearest(lon, lat, tolerance_m);
  if (!near) return false;
  code = std::string(near->code);
  if (near->distance_m > 0) {
    m.match = MatchKind::kNearest;
    m.distance_m = near->distance_m;
  }
  return true;
}

}  // namespace

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kInside: return "inside";
    case MatchKind::kNearest: return "nearest";
    case MatchKind::kNone: return "none";
  }
  return "none";
}

Result<LookupConfig> LookupConfig::FromEnv() {
  LookupConfig config;
  const char* raw = std::getenv("KOTACERDAS_COASTAL_TOLERANCE_M");
  if (raw == nullptr || *raw == '\0') return config;
  char* end = nullptr;
  const double v = std::strtod(raw, &end);
  if (*end != '\0' || !std::isfinite(v) || v < 0 || v > 50000) {
    return InvalidArgument({"KOTACERDAS_COASTAL_TOLERANCE_M harus angka 0 sampai 50000 (meter).",
                            "KOTACERDAS_COASTAL_TOLERANCE_M must be a number from 0 to 50000 (metres)."});
  }
  config.coastal_tolerance_m = v;
  return config;
}

Status ValidateLatLon(double lat, double lon) {
  Validation v;
  if (!std::isfinite(lat) || lat < -90 || lat > 90) {
    v.Add("lat", {"harus angka antara -90 dan 90", "must be a number between -90 and 90"});
  }
  if (!std::isfinite(lon) || lon < -180 || lon > 180) {
    v.Add("lon", {"harus angka antara -180 dan 180", "must be a number between -180 and 180"});
  }
  if (v.ok()) return Ok();
  return std::move(v).ToError();
}

AreaLookup::AreaLookup(RegionStore& store, LookupConfig config)
    : store_(store), config_(config), snapshot_(std::make_shared<const Snapshot>()) {}

AreaLookup::~AreaLookup() = default;

Status AreaLookup::Reload() {
  std::lock_guard lock(reload_mu_);
  auto snap = std::make_shared<Snapshot>();
  // Read the version first: an import that lands while we load is seen by the next check.
  KC_ASSIGN_OR_RETURN(snap->version, store_.BoundaryVersion());
  KC_ASSIGN_OR_RETURN(auto regions, store_.ListRegions());
  std::unordered_set<std::string> tenants;
  for (const Region& r : regions) tenants.insert(r.code);
  for (size_t i = 0; i < kLevels.size(); ++i) {
    KC_ASSIGN_OR_RETURN(auto records, store_.LoadBoundaries(kLevels[i], ""));
    snap->areas += records.size();
    for (const auto& r : records) snap->names[r.code] = r.name;
    auto& level = snap->levels[i];
    KC_RETURN_IF_ERROR(BuildLevel(records, tenants, level.all, level.by_kabkota));
  }
  KC_RETURN_IF_ERROR(AddParentNames(store_, snap->names));
  snapshot_.store(std::move(snap));
  return Ok();
}

void AreaLookup::MaybeRefresh() {
  const int64_t now = SteadyMillis();
  int64_t due = next_check_ms_.load();
  if (now < due || !next_check_ms_.compare_exchange_strong(due, now + config_.refresh_interval_ms)) {
    return;
  }
  auto version = store_.BoundaryVersion();
  if (!version.ok() || *version == snapshot_.load()->version) return;
  if (Status st = Reload(); !st.ok()) {
    spdlog::error("boundary index reload failed: {}", st.error().message.en);
  }
}

size_t AreaLookup::size() const { return snapshot_.load()->areas; }

Result<AreaMatch> AreaLookup::Locate(std::string_view region_code, double lat, double lon) {
  KC_RETURN_IF_ERROR(ValidateLatLon(lat, lon));
  MaybeRefresh();
  const std::shared_ptr<const Snapshot> snap = snapshot_.load();
  std::array<const geo::AreaIndex*, 3> idx{};
  for (size_t i = 0; i < idx.size(); ++i) {
    const auto& level = snap->levels[i];
    if (region_code.empty()) {
      idx[i] = level.all ? &*level.all : nullptr;
    } else if (auto it = level.by_kabkota.find(std::string(region_code)); it != level.by_kabkota.end()) {
      idx[i] = &it->second;
    }
  }
  // codes[i]: the code found at level i (0 kab/kota, 1 kecamatan, 2 kelurahan). The kelurahan
  // layer is the detailed one, so it is asked first, for "inside" and then for "nearest"; the
  // coarse kecamatan and kab/kota polygons answer only when it cannot.
  std::array<std::string, 3> codes;
  AreaMatch m;
  m.match = MatchKind::kInside;
  if (!Try(idx[2], lon, lat, 0, codes[2], m) &&
      !Try(idx[2], lon, lat, config_.coastal_tolerance_m, codes[2], m) &&
      !Try(idx[1], lon, lat, 0, codes[1], m) && !Try(idx[0], lon, lat, 0, codes[0], m) &&
      !Try(idx[1], lon, lat, config_.coastal_tolerance_m, codes[1], m) &&
      !Try(idx[0], lon, lat, config_.coastal_tolerance_m, codes[0], m)) {
    const bool no_boundaries = idx[0] == nullptr && idx[1] == nullptr && idx[2] == nullptr;
    if (!region_code.empty() && !no_boundaries) {
      return OutsideRegion(region_code, config_.coastal_tolerance_m);
    }
    m.match = MatchKind::kNone;
    if (!region_code.empty()) codes[0] = std::string(region_code);
  }
  for (size_t i = 2; i-- > 0;) {
    if (codes[i].empty() && !codes[i + 1].empty()) codes[i] = ParentCode(codes[i + 1]);
  }
  std::array<std::optional<AreaRef>*, 3> out = {&m.kabkota, &m.kecamatan, &m.kelurahan};
  for (size_t i = 0; i < 3; ++i) {
    if (codes[i].empty()) continue;
    auto it = snap->names.find(codes[i]);
    if (it != snap->names.end()) {
      *out[i] = AreaRef{codes[i], it->second};
    } else {  // a region without boundaries: not in the snapshot, ask the hierarchy
      auto area = store_.FindArea(codes[i]);
      *out[i] = AreaRef{codes[i], area.ok() && *area ? (*area)->name : std::string()};
    }
  }
  return m;
}

}  // namespace kc::regions
