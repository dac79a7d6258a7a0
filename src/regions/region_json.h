// JSON shapes of the regions API, shared by its route files.
#pragma once

#include <boost/json/object.hpp>

#include "regions/area_lookup.h"
#include "regions/opd.h"
#include "regions/region_service.h"

namespace kc::regions {

// {code, slug, name, type, timezone}
boost::json::object RegionJson(const Region& region);
// RegionJson plus utc_offset_minutes, province {code, name}, counts {kecamatan, kelurahan},
// boundaries {kecamatan: bool, kelurahan: bool}.
boost::json::object ProfileJson(const RegionProfile& profile);
// {region: {code, name}, kecamatan: [{code, name, kelurahan: [{code, name, type}]}]}
boost::json::object AreaTreeJson(const Region& region, const std::vector<KecamatanNode>& tree);
// {id, region_code, name, short_name, type, active, created_at, updated_at}
boost::json::object OpdJson(const Opd& opd);
// {kelurahan: {code, name}|null, kecamatan: ..., kabkota: ..., match, distance_m (whole metres;
// null when match is none)}
boost::json::object MatchJson(const AreaMatch& match);

}  // namespace kc::regions
