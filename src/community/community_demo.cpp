// Demo data of the community module for Kota Manado (71.71): the seed's "Agen Smart City Manado
// Cerdas" (five agents per kecamatan), one Bimtek session, one KIM group with members, an
// activity and an information item, two announcements and the channels. Idempotent: each part
// is skipped when the region already has data of its kind.
#include <array>

#include "community/community_module.h"
#include "community/community_store.h"
#include "regions/area.h"

namespace kc::community {
namespace {

constexpr std::string_view kRegion = "71.71";
constexpr int kAgentsPerKecamatan = 5;
constexpr std::array<std::string_view, 10> kFirstNames = {
    "Reinhard", "Grace", "Stevano", "Meilany", "Jeffry",
    "Christy",  "Rivo",  "Natalia", "Frangky", "Olivia"};
constexpr std::array<std::string_view, 6> kFamilyNames = {"Wowor",   "Sumual",     "Rondonuwu",
                                                          "Lumenta", "Pangemanan", "Tumbelaka"};

// The id of a demo account (accounts demo) by email, if it exists.
Result<std::optional<int64_t>> DemoUser(store::Connection& c, std::string_view email) {
  KC_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT id FROM users WHERE email = ?1"));
  s.Bind(1, email);
  KC_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? std::optional<int64_t>(s.Int(0)) : std::nullopt;
}

Status DemoAgents(store::Connection& c, const std::vector<regions::Area>& kecamatan,
                  std::string_view home, std::ostream& out) {
  KC_ASSIGN_OR_RETURN(auto existing, db::ListAgents(c, kRegion));
  if (!existing.empty()) return Ok();
  KC_ASSIGN_OR_RETURN(auto agent_user, DemoUser(c, "agen@demo.kotacerdas.id"));
  const std::string now = FormatUtc(NowUtc());
  Training t{.region_code = std::string(kRegion),
             .held_on = "2026-03-14",
             .topic = "Bimtek Agen Smart City Manado Cerdas",
             .place = "Kantor Diskominfo Manado"};
  KC_ASSIGN_OR_RETURN(t.id, db::InsertTraining(c, t, now));
  size_t n = 0;
  for (const auto& k : kecamatan) {
    for (int i = 0; i < kAgentsPerKecamatan; ++i, ++n) {
      Agent a{.region_code = std::string(kRegion),
              .kecamatan_code = k.code,
              .name = std::string(kFirstNames[n % kFirstNames.size()]) + " " +
                      std::string(kFamilyNames[(n / kFirstNames.size() + n) % kFamilyNames.size()]),
              .phone = "+62812" + std::to_string(4300000 + n),
              .status = AgentStatus::kActive,
              .joined_on = "2026-03-14",
              .referral_code = NewReferralCode(),
              .target_signups = 50,
              .created_at = now,
              .updated_at = now};
      // The accounts demo's agent signs in as the first agent of its kecamatan (Bunaken).
      if (i == 0 && k.code == home && agent_user) a.user_id = agent_user;
      KC_ASSIGN_OR_RETURN(a.id, db::InsertAgent(c, a));
      KC_RETURN_IF_ERROR(db::SetAttendance(c, t.id, {{a.id, i != 4}}));
      KC_RETURN_IF_ERROR(
          db::EnsureChannel(c, {.region_code = std::string(kRegion),
                                .slug = ChannelSlug(ChannelKind::kKecamatanAgents, k.code),
                                .kind = ChannelKind::kKecamatanAgents,
                                .kecamatan_code = k.code,
                                .name = "Agen Kecamatan " + k.name,
                                .created_at = now}));
    }
  }
  out << "agen demo / demo agents: " << n << " di " << kecamatan.size() << " kecamatan\n";
  return Ok();
}

Status DemoKim(store::Connection& c, const std::vector<regions::Area>& kelurahan,
               std::ostream& out) {
  KC_ASSIGN_OR_RETURN(auto groups, db::ListKimGroups(c, kRegion));
  if (!groups.empty() || kelurahan.empty()) return Ok();
  const std::string now = FormatUtc(NowUtc());
  KimGroup g{.region_code = std::string(kRegion),
             .kelurahan_code = kelurahan.front().code,
             .name = "KIM " + kelurahan.front().name + " Cerdas",
             .sk_number = "188.45/KEL/12/2026",
             .sk_date = "2026-02-02",
             .chair = "Yuliana Mamesah",
             .contact = "+6281243001234",
             .created_at = now,
             .updated_at = now};
  KC_ASSIGN_OR_RETURN(g.id, db::InsertKimGroup(c, g));
  KC_ASSIGN_OR_RETURN(auto kim_user, DemoUser(c, "kim@demo.kotacerdas.id"));
  const std::array<std::pair<const char*, const char*>, 3> members = {
      {{"Yuliana Mamesah", "ketua"},
       {"Hendra Rumondor", "sekretaris"},
       {"Anggota KIM (demo)", "anggota"}}};
  for (const auto& [name, role] : members) {
    KimMember m{.group_id = g.id, .name = name, .role = role, .created_at = now};
    if (std::string_view(role) == "anggota") m.user_id = kim_user;
    KC_RETURN_IF_ERROR(db::InsertKimMember(c, m));
  }
  KC_RETURN_IF_ERROR(
      db::InsertKimActivity(c,
                            {.group_id = g.id,
                             .held_on = "2026-04-20",
                             .title = "Sosialisasi aplikasi pengaduan warga",
                             .kind = "sosialisasi",
                             .attendees = 42,
                             .notes = "Balai kelurahan; 30 warga mendaftar di tempat.",
                             .created_at = now},
                            kim_user));
  KC_RETURN_IF_ERROR(db::InsertKimInfo(
      c,
      {.group_id = g.id,
       .title = "Jadwal posyandu bulan ini",
       .body = "Posyandu balita setiap Sabtu pertama, pukul 08.00 WITA di balai kelurahan.",
       .published_at = now},
      kim_user));
  out << "KIM demo dibuat / demo KIM group created: " << g.name << "\n";
  return Ok();
}

Status DemoAnnouncements(store::Connection& c, std::ostream& out) {
  const std::string now = FormatUtc(NowUtc());
  KC_ASSIGN_OR_RETURN(auto existing, db::ListAnnouncements(c, kRegion, now, true));
  if (!existing.empty()) return Ok();
  KC_RETURN_IF_ERROR(
      db::InsertAnnouncement(c,
                             {.region_code = std::string(kRegion),
                              .title = "Laporkan jalan rusak lewat aplikasi",
                              .body = "Warga Manado dapat melaporkan jalan rusak, banjir dan "
                                      "sampah lewat aplikasi kota cerdas.",
                              .audience = Audience::kAll,
                              .pinned = true,
                              .publish_at = now,
                              .created_at = now,
                              .updated_at = now},
                             std::nullopt));
  KC_RETURN_IF_ERROR(db::InsertAnnouncement(
      c,
      {.region_code = std::string(kRegion),
       .title = "Bimtek lanjutan Agen Smart City",
       .body =
           "Seluruh agen diundang ke Bimtek lanjutan di Kantor Diskominfo, Senin pukul 09.00 WITA.",
       .audience = Audience::kAgents,
       .publish_at = now,
       .created_at = now,
       .updated_at = now},
      std::nullopt));
  out << "pengumuman demo / demo announcements: 2\n";
  return Ok();
}

Status DemoChannels(store::Connection& c) {
  const std::string now = FormatUtc(NowUtc());
  const std::array<std::tuple<ChannelKind, const char*>, 3> channels = {
      {{ChannelKind::kAgents, "Semua Agen Smart City"},
       {ChannelKind::kKim, "KIM Kota Manado"},
       {ChannelKind::kDiskominfo, "Diskominfo Manado"}}};
  for (const auto& [kind, name] : channels) {
    KC_RETURN_IF_ERROR(db::EnsureChannel(c, {.region_code = std::string(kRegion),
                                             .slug = ChannelSlug(kind, ""),
                                             .kind = kind,
                                             .name = name,
                                             .created_at = now}));
  }
  return Ok();
}

}  // namespace

Status RunDemo(store::Database& db, std::ostream& out) {
  KC_ASSIGN_OR_RETURN(auto regions, regions::GetModule(db));
  KC_ASSIGN_OR_RETURN(auto region, regions->store().FindRegion(kRegion));
  if (!region) return Ok();
  KC_ASSIGN_OR_RETURN(auto areas, regions->store().AreasUnder(kRegion));
  std::vector<regions::Area> kecamatan, kelurahan;
  for (auto& a : areas) {
    if (a.level == regions::AreaLevel::kKecamatan) kecamatan.push_back(a);
  }
  // The KIM group sits in the first kelurahan of Bunaken (where the accounts demo puts its KIM
  // member), else of the first kecamatan.
  std::string home = kecamatan.empty() ? "" : kecamatan.front().code;
  for (const auto& k : kecamatan) {
    if (k.name == "Bunaken") home = k.code;
  }
  for (auto& a : areas) {
    if (a.level == regions::AreaLevel::kKelurahan && a.parent_code == home) kelurahan.push_back(a);
  }
  return db.WriteSync([&](store::Connection& c) -> Status {
    KC_RETURN_IF_ERROR(DemoChannels(c));
    KC_RETURN_IF_ERROR(DemoAgents(c, kecamatan, home, out));
    KC_RETURN_IF_ERROR(DemoKim(c, kelurahan, out));
    return DemoAnnouncements(c, out);
  });
}

}  // namespace kc::community
