// JSON shapes of users, grants and API keys (declared in user_admin.h).
#include <boost/json.hpp>

#include "accounts/user_admin.h"

namespace kc::accounts {

boost::json::object GrantJson(const StoredGrant& g) {
  boost::json::object o{{"id", g.id}, {"role", ToString(g.grant.role)}};
  o["region_code"] = g.grant.region_code.empty() ? boost::json::value(nullptr)
                                                 : boost::json::value(g.grant.region_code);
  if (!g.grant.scope.opd_id.empty()) o["opd_id"] = g.grant.scope.opd_id;
  if (!g.grant.scope.kecamatan_code.empty()) o["kecamatan_code"] = g.grant.scope.kecamatan_code;
  if (!g.grant.scope.kelurahan_code.empty()) o["kelurahan_code"] = g.grant.scope.kelurahan_code;
  return o;
}

boost::json::object UserJson(const User& u) {
  boost::json::array grants;
  for (const StoredGrant& g : u.grants) grants.push_back(GrantJson(g));
  auto opt = [](const std::string& s) { return s.empty() ? boost::json::value(nullptr) : boost::json::value(s); };
  return {{"id", u.id},
          {"name", u.name},
          {"email", opt(u.email)},
          {"phone", opt(u.phone)},
          {"status", ToString(u.status)},
          {"language", ToString(u.language)},
          {"verified", u.verified},
          {"created_at", FormatUtc(u.created_at)},
          {"grants", std::move(grants)}};
}

boost::json::object ApiKeyJson(const ApiKey& k) {
  return {{"id", k.id},
          {"region_code", k.region_code},
          {"name", k.name},
          {"created_at", FormatUtc(k.created_at)},
          {"last_used_at", k.last_used_at ? boost::json::value(FormatUtc(*k.last_used_at))
                                          : boost::json::value(nullptr)},
          {"revoked", k.revoked}};
}

}  // namespace kc::accounts
