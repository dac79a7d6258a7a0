// The community module's long-lived parts, shared by its route groups: storage, the regions
// module (area checks), the channel hub and the message rate limiter. One instance per server,
// made by RegisterRoutes; the routes keep it alive.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "accounts/rate_limit.h"
#include "community/channel_hub.h"
#include "http/router.h"
#include "regions/regions_module.h"
#include "store/database.h"

namespace kc::community {

class CommunityModule {
 public:
  // Borrows `db` (must outlive the module) and shares the regions module.
  CommunityModule(store::Database& db, std::shared_ptr<regions::RegionsModule> regions);

  store::Database& db() { return db_; }
  regions::RegionsModule& regions() { return *regions_; }
  ChannelHub& hub() { return hub_; }
  // Per user and channel: a burst of 10 messages, then one every 2 seconds (flood control).
  accounts::RateLimiter& message_limiter() { return message_limiter_; }

  // The region by code or slug. Errors: kNotFound "region_not_found".
  Result<regions::Region> FindRegion(std::string_view code_or_slug);
  // Checks that `code` is an area of `level` inside `region_code`; adds a field error to `v`
  // otherwise. Storage errors are returned.
  Status CheckArea(std::string_view region_code, std::string_view code, regions::AreaLevel level,
                   std::string_view field, Validation& v);
  // The base of share links: KOTACERDAS_PUBLIC_URL when set (e.g. "https://manado.kotacerdas.id"),
  // else https:// and the request's Host header.
  std::string PublicBaseUrl(std::string_view host_header) const;

 private:
  store::Database& db_;
  std::shared_ptr<regions::RegionsModule> regions_;
  ChannelHub hub_;
  accounts::RateLimiter message_limiter_;
  std::string public_url_;
};

// Creates the module (with the shared regions module) and registers its routes. Called once at
// start. Errors: the regions module's.
Status RegisterRoutes(http::Router& router, store::Database& db);

// Route groups, one per file.
void AddAgentRoutes(http::Router& router, std::shared_ptr<CommunityModule> module);
void AddReferralRoutes(http::Router& router, std::shared_ptr<CommunityModule> module);
void AddKimRoutes(http::Router& router, std::shared_ptr<CommunityModule> module);
void AddAnnouncementRoutes(http::Router& router, std::shared_ptr<CommunityModule> module);
void AddChannelRoutes(http::Router& router, std::shared_ptr<CommunityModule> module);

// Demo data for Manado (71.71): agents with referral codes in a few kecamatan, a Bimtek
// session, one KIM group with members and an activity, two announcements and the channels.
// Idempotent; does nothing when the demo region is absent.
Status RunDemo(store::Database& db, std::ostream& out);

}  // namespace kc::community
