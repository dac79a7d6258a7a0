#include "reports/report_json.h"

#include <boost/json.hpp>

namespace kc::reports {
namespace {

namespace json = boost::json;

template <class T>
json::value Opt(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value OpdRef(std::optional<int64_t> id, const OpdNames& opds) {
  if (!id) return nullptr;
  const auto it = opds.find(*id);
  return json::object{{"id", *id}, {"name", it == opds.end() ? "" : it->second}};
}

}  // namespace

json::array PhotosJson(const std::vector<ReportPhoto>& photos) {
  json::array out;
  for (const auto& p : photos) {
    out.push_back({{"url", PhotoUrl(p.sha256)},
                   {"thumb_url", ThumbUrl(p.sha256)},
                   {"width", p.width},
                   {"height", p.height},
                   {"kind", PhotoKindName(p.kind)}});
  }
  return out;
}

json::object CategoryJson(const Category& c, bool english) {
  json::array keywords;
  for (const auto& k : c.keywords) keywords.emplace_back(k);
  return {{"code", c.code},
          {"name", c.Name(english)},
          {"name_id", c.name_id},
          {"name_en", c.name_en},
          {"group", c.group},
          {"description", c.description},
          {"keywords", std::move(keywords)},
          {"default_opd_id", Opt(c.default_opd_id)},
          {"sla", {{"response_hours", c.sla_response_hours}, {"resolve_days", c.sla_resolve_days}}},
          {"attributes", AttributesToJson(c.attributes)},
          {"active", c.active}};
}

json::object RuleJson(const RoutingRule& r, const OpdNames& opds) {
  return {{"id", r.id},
          {"category", r.category_code},
          {"area_code", r.area_code.empty() ? json::value(nullptr) : json::value(r.area_code)},
          {"opd", OpdRef(r.opd_id, opds)},
          {"created_at", r.created_at}};
}

json::object ReportJson(const Report& r, const OpdNames& opds, ReportView view) {
  boost::system::error_code ec;
  json::value attributes = json::parse(r.attributes, ec);
  if (ec || !attributes.is_object()) attributes = json::object();
  json::object out{{"tracking", r.tracking},
                   {"category", r.category_code},
                   {"status", StatusName(r.status)},
                   {"closed", IsClosed(r.status)},
                   {"description", r.description},
                   {"lat", r.lat},
                   {"lon", r.lon},
                   {"address", Opt(r.address)},
                   {"kecamatan_code", Opt(r.kecamatan_code)},
                   {"kelurahan_code", Opt(r.kelurahan_code)},
                   {"area_match", r.area_match},
                   {"opd", OpdRef(r.opd_id, opds)},
                   {"attributes", std::move(attributes)},
                   {"public", r.is_public},
                   {"photos", PhotosJson(r.media.photos)},
                   {"created_at", r.created_at},
                   {"updated_at", r.updated_at}};
  if (view == ReportView::kPrivate) {
    out["reporter"] = {{"user_id", Opt(r.reporter_user_id)},
                       {"api_key_id", Opt(r.reporter_api_key)},
                       {"channel", ChannelName(r.channel)},
                       {"contact", {{"name", Opt(r.contact_name)},
                                    {"email", Opt(r.contact_email)},
                                    {"phone", Opt(r.contact_phone)}}}};
  }
  return out;
}

}  // namespace kc::reports
