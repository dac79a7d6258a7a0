#include "regions/region_json.h"

#include <boost/json.hpp>
#include <cmath>

namespace kc::regions {
namespace {

boost::json::value RefJson(const std::optional<AreaRef>& ref) {
  if (!ref) return nullptr;
  return boost::json::object{{"code", ref->code}, {"name", ref->name}};
}

}  // namespace

boost::json::object RegionJson(const Region& region) {
  return {{"code", region.code},
          {"slug", region.slug},
          {"name", region.name},
          {"type", RegionTypeName(region.type)},
          {"timezone", TimeZoneName(region.timezone)}};
}

boost::json::object ProfileJson(const RegionProfile& p) {
  boost::json::object o = RegionJson(p.region);
  o["utc_offset_minutes"] = UtcOffsetMinutes(p.region.timezone);
  o["province"] = {{"code", p.province.code}, {"name", p.province.name}};
  o["counts"] = {{"kecamatan", p.kecamatan}, {"kelurahan", p.kelurahan}};
  o["boundaries"] = {{"kecamatan", p.kecamatan_boundaries}, {"kelurahan", p.kelurahan_boundaries}};
  return o;
}

boost::json::object AreaTreeJson(const Region& region, const std::vector<KecamatanNode>& tree) {
  boost::json::array kecamatan;
  for (const auto& node : tree) {
    boost::json::array kelurahan;
    for (const Area& k : node.kelurahan) {
      kelurahan.push_back({{"code", k.code}, {"name", k.name}, {"type", VillageKind(k.code)}});
    }
    kecamatan.push_back({{"code", node.kecamatan.code},
                         {"name", node.kecamatan.name},
                         {"kelurahan", std::move(kelurahan)}});
  }
  return {{"region", {{"code", region.code}, {"name", region.name}}},
          {"kecamatan", std::move(kecamatan)}};
}

boost::json::object OpdJson(const Opd& opd) {
  return {{"id", opd.id},
          {"region_code", opd.region_code},
          {"name", opd.name},
          {"short_name", opd.short_name},
          {"type", OpdTypeName(opd.type)},
          {"active", opd.active},
          {"created_at", opd.created_at},
          {"updated_at", opd.updated_at}};
}

boost::json::object MatchJson(const AreaMatch& m) {
  boost::json::object o{{"kelurahan", RefJson(m.kelurahan)},
                        {"kecamatan", RefJson(m.kecamatan)},
                        {"kabkota", RefJson(m.kabkota)},
                        {"match", MatchKindName(m.match)}};
  if (m.match == MatchKind::kNone) {
    o["distance_m"] = nullptr;
  } else {
    o["distance_m"] = static_cast<int64_t>(std::llround(m.distance_m));  // whole metres
  }
  return o;
}

}  // namespace kc::regions
