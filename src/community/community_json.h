// JSON views of the community types for the API. Contact details of agents and KIM members are
// only in the `private` views (region admins); public views carry names and roles.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "community/adoption.h"
#include "community/community.h"

namespace kc::community {

// The agent with its referral links (share, WhatsApp, QR) built from `base_url` and the slug.
boost::json::object AgentJson(const Agent& a, std::string_view base_url,
                              std::string_view region_slug, std::string_view region_name);
boost::json::object TrainingJson(const Training& t);
boost::json::object KimGroupJson(const KimGroup& g, bool with_contact);
boost::json::object KimMemberJson(const KimMember& m, bool with_contact);
boost::json::object KimActivityJson(const KimActivity& a);
boost::json::object KimInfoJson(const KimInfo& i);
boost::json::object AnnouncementJson(const Announcement& a);
boost::json::object ChannelJson(const Channel& c);
boost::json::object MessageJson(const Message& m);
// {"type":"message","message":{...}}: what a WebSocket client receives.
std::string MessageFrame(const Message& m);
// {"from","to","total","agents":[ranked by signups],"kecamatan":[...],"weeks":[...]}.
boost::json::object AdoptionJson(const Adoption& a, std::string_view from, std::string_view to);

}  // namespace kc::community
