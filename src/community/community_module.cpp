#include "community/community_module.h"

#include <cstdlib>

#include "regions/area.h"

namespace kc::community {

CommunityModule::CommunityModule(store::Database& db,
                                 std::shared_ptr<regions::RegionsModule> regions)
    : db_(db),
      regions_(std::move(regions)),
      message_limiter_({.burst = 10, .interval = std::chrono::milliseconds(2000)}) {
  if (const char* url = std::getenv("KOTACERDAS_PUBLIC_URL"); url != nullptr && *url != '\0') {
    public_url_ = url;
    while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
  }
}

Result<regions::Region> CommunityModule::FindRegion(std::string_view code_or_slug) {
  return regions_->service().FindRegion(code_or_slug);
}

Status CommunityModule::CheckArea(std::string_view region_code, std::string_view code,
                                  regions::AreaLevel level, std::string_view field, Validation& v) {
  KC_ASSIGN_OR_RETURN(auto area, regions_->store().FindArea(code));
  if (!area || area->level != level ||
      regions::AncestorCode(code, regions::AreaLevel::kKabKota) != region_code) {
    const bool kec = level == regions::AreaLevel::kKecamatan;
    v.Add(std::string(field),
          {kec ? "bukan kecamatan di wilayah ini" : "bukan kelurahan/desa di wilayah ini",
           kec ? "not a kecamatan of this region" : "not a kelurahan/desa of this region"});
  }
  return Ok();
}

std::string CommunityModule::PublicBaseUrl(std::string_view host_header) const {
  if (!public_url_.empty()) return public_url_;
  const bool sane = !host_header.empty() && host_header.size() <= 255 &&
                    host_header.find_first_not_of(
                        "abcdefghijklmnopqrstuvwxyz"
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == std::string_view::npos;
  return "https://" + std::string(sane ? host_header : "localhost");
}

Status RegisterRoutes(http::Router& router, store::Database& db) {
  KC_ASSIGN_OR_RETURN(auto regions, regions::GetModule(db));
  auto module = std::make_shared<CommunityModule>(db, std::move(regions));
  AddAgentRoutes(router, module);
  AddReferralRoutes(router, module);
  AddKimRoutes(router, module);
  AddAnnouncementRoutes(router, module);
  AddChannelRoutes(router, module);
  return Ok();
}

}  // namespace kc::community
