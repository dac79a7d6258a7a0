#include "community/community_json.h"

#include <algorithm>
#include <boost/json.hpp>

namespace kc::community {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& s) {
  return s ? json::value(*s) : json::value(nullptr);
}
json::value Opt(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object CountsJson(const AdoptionCounts& c) {
  return {{"signups", c.signups}, {"reports", c.reports}, {"active_reporters", c.active_reporters}};
}

}  // namespace

json::object AgentJson(const Agent& a, std::string_view base_url, std::string_view region_slug,
                       std::string_view region_name) {
  const std::string share = ShareLink(base_url, region_slug, a.referral_code);
  return {{"id", a.id},
          {"region", a.region_code},
          {"kecamatan_code", a.kecamatan_code},
          {"kelurahan_code", Opt(a.kelurahan_code)},
          {"name", a.name},
          {"phone", a.phone},
          {"email", a.email},
          {"user_id", Opt(a.user_id)},
          {"status", ToString(a.status)},
          {"joined_on", a.joined_on},
          {"target_signups", a.target_signups},
          {"referral_code", a.referral_code},
          {"share_link", share},
          {"whatsapp_link", WhatsAppLink(region_name, share)},
          {"qr_svg", "/api/v1/regions/" + std::string(region_slug) + "/agents/" +
                         std::to_string(a.id) + "/qr.svg"},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

json::object TrainingJson(const Training& t) {
  json::array attendance;
  for (const auto& a : t.attendance)
    attendance.push_back({{"agent_id", a.agent_id}, {"attended", a.attended}});
  return {{"id", t.id},
          {"held_on", t.held_on},
          {"topic", t.topic},
          {"place", t.place},
          {"attendance", std::move(attendance)}};
}

json::object KimGroupJson(const KimGroup& g, bool with_contact) {
  json::object o{
      {"id", g.id},       {"region", g.region_code},       {"kelurahan_code", g.kelurahan_code},
      {"name", g.name},   {"sk_number", g.sk_number},      {"sk_date", Opt(g.sk_date)},
      {"chair", g.chair}, {"member_count", g.member_count}};
  if (with_contact) o["contact"] = g.contact;
  return o;
}

json::object KimMemberJson(const KimMember& m, bool with_contact) {
  json::object o{{"id", m.id}, {"group_id", m.group_id}, {"name", m.name}, {"role", m.role}};
  if (with_contact) {
    o["phone"] = m.phone;
    o["user_id"] = Opt(m.user_id);
  }
  return o;
}

json::object KimActivityJson(const KimActivity& a) {
  return {{"id", a.id},           {"group_id", a.group_id},
          {"held_on", a.held_on}, {"title", a.title},
          {"kind", a.kind},       {"attendees", a.attendees},
          {"notes", a.notes},     {"created_at", a.created_at}};
}

json::object KimInfoJson(const KimInfo& i) {
  return {{"id", i.id},
          {"group_id", i.group_id},
          {"title", i.title},
          {"body", i.body},
          {"published_at", i.published_at}};
}

json::object AnnouncementJson(const Announcement& a) {
  return {{"id", a.id},
          {"region", a.region_code},
          {"title", a.title},
          {"body", a.body},
          {"audience", ToString(a.audience)},
          {"kecamatan_code", Opt(a.kecamatan_code)},
          {"pinned", a.pinned},
          {"publish_at", a.publish_at},
          {"expires_at", Opt(a.expires_at)},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

json::object ChannelJson(const Channel& c) {
  return {{"id", c.id},
          {"slug", c.slug},
          {"kind", ToString(c.kind)},
          {"kecamatan_code", Opt(c.kecamatan_code)},
          {"name", c.name}};
}

json::object MessageJson(const Message& m) {
  return {{"id", m.id},
          {"channel_id", m.channel_id},
          {"author_id", m.author_id},
          {"author_name", m.author_name},
          {"body", m.body},
          {"created_at", m.created_at}};
}

std::string MessageFrame(const Message& m) {
  return json::serialize(json::object{{"type", "message"}, {"message", MessageJson(m)}});
}

json::object AdoptionJson(const Adoption& a, std::string_view from, std::string_view to) {
  std::vector<const AgentAdoption*> ranked;
  for (const auto& x : a.agents) ranked.push_back(&x);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto* l, const auto* r) {
    return l->counts.signups > r->counts.signups;
  });
  json::array agents;
  int rank = 0;
  for (const auto* x : ranked) {
    json::object o{{"rank", ++rank},
                   {"agent_id", x->agent_id},
                   {"name", x->name},
                   {"kecamatan_code", x->kecamatan_code},
                   {"status", ToString(x->status)},
                   {"target_signups", x->target_signups}};
    for (auto& [k, v] : CountsJson(x->counts)) o[k] = v;
    agents.push_back(std::move(o));
  }
  json::array kecamatan;
  for (const auto& k : a.kecamatan) {
    json::object o{{"kecamatan_code", k.code}, {"agents", k.agents}};
    for (auto& [key, v] : CountsJson(k.counts)) o[key] = v;
    kecamatan.push_back(std::move(o));
  }
  json::array weeks;
  for (const auto& w : a.weeks) {
    json::object o{{"week_start", w.week_start}};
    for (auto& [key, v] : CountsJson(w.counts)) o[key] = v;
    weeks.push_back(std::move(o));
  }
  return {{"from", from},
          {"to", to},
          {"total", CountsJson(a.total)},
          {"agents", std::move(agents)},
          {"kecamatan", std::move(kecamatan)},
          {"weeks", std::move(weeks)}};
}

}  // namespace kc::community
