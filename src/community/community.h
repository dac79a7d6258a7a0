// The community module's types and pure rules: Agen Smart City roster with Bimtek attendance,
// referral codes and links, KIM groups (Permenkominfo 08/2010), announcements (pengumuman) and
// channel membership. Storage is in community_store.h, the HTTP adapters in *_routes.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/roles.h"
#include "core/result.h"

namespace kc::community {

inline constexpr size_t kNameMaxChars = 120;
inline constexpr size_t kTitleMaxChars = 200;
inline constexpr size_t kBodyMaxChars = 5000;
inline constexpr size_t kMessageMaxChars = 2000;  // one channel message

// ---- Agents -------------------------------------------------------------------------------

enum class AgentStatus { kActive, kInactive };
std::string_view ToString(AgentStatus s);  // "active", "inactive"
std::optional<AgentStatus> ParseAgentStatus(std::string_view s);

struct Agent {
  int64_t id = 0;
  std::string region_code;
  std::string kecamatan_code;
  std::optional<std::string> kelurahan_code;
  std::string name, phone, email;
  std::optional<int64_t> user_id;  // the agent's account, when it has one
  AgentStatus status = AgentStatus::kActive;
  std::string joined_on;  // YYYY-MM-DD
  std::string referral_code;
  int64_t target_signups = 0;  // 0: no target set
  std::string created_at, updated_at;
};

// A Bimtek session for agents and who attended it.
struct Attendance {
  int64_t agent_id = 0;
  bool attended = false;
};
struct Training {
  int64_t id = 0;
  std::string region_code;
  std::string held_on;  // YYYY-MM-DD
  std::string topic, place;
  std::vector<Attendance> attendance;
};

// True for a real calendar date written YYYY-MM-DD.
bool IsValidDate(std::string_view s);

// ---- Referral codes -----------------------------------------------------------------------

// Codes use digits and capitals without the look-alikes 0/O, 1/I/L: read aloud or copied from
// a poster they survive. Six characters give 31^6 (~8.9e8) codes per region.
inline constexpr std::string_view kReferralAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr size_t kReferralCodeLength = 6;

// A random code (FastRandom64; codes need uniqueness, not secrecy: they are printed on posters).
std::string NewReferralCode();
// Upper-cases and drops spaces and '-'; nullopt unless the result is a well-formed code.
std::optional<std::string> NormalizeReferralCode(std::string_view text);
// "https://host/r/manado?ref=CODE" (base_url without a trailing '/').
std::string ShareLink(std::string_view base_url, std::string_view region_slug,
                      std::string_view code);
// A https://wa.me/ link whose text invites to the app through `share_link`.
std::string WhatsAppLink(std::string_view region_name, std::string_view share_link);

// ---- KIM ----------------------------------------------------------------------------------

struct KimGroup {
  int64_t id = 0;
  std::string region_code;
  std::string kelurahan_code;
  std::string name;
  std::string sk_number;               // Surat Keputusan of the lurah/kepala desa
  std::optional<std::string> sk_date;  // YYYY-MM-DD
  std::string chair, contact;
  int64_t member_count = 0;  // filled by lists
  std::string created_at, updated_at;
};

// ketua, sekretaris, bendahara, anggota.
bool IsKimRole(std::string_view role);
struct KimMember {
  int64_t id = 0;
  int64_t group_id = 0;
  std::string name, role, phone;
  std::optional<int64_t> user_id;
  std::string created_at;
};

// sosialisasi, pelatihan, diskusi, liputan, lainnya.
bool IsKimActivityKind(std::string_view kind);
struct KimActivity {
  int64_t id = 0;
  int64_t group_id = 0;
  std::string held_on, title, kind;
  int64_t attendees = 0;
  std::string notes;
  std::string created_at;
};

// A piece of local information a KIM published (kim.publish).
struct KimInfo {
  int64_t id = 0;
  int64_t group_id = 0;
  std::string title, body, published_at;
};

// ---- Announcements ------------------------------------------------------------------------

enum class Audience { kAll, kKecamatan, kAgents, kKim };
std::string_view ToString(Audience a);  // "all", "kecamatan", "agents", "kim"
std::optional<Audience> ParseAudience(std::string_view s);

struct Announcement {
  int64_t id = 0;
  std::string region_code;
  std::string title, body;
  Audience audience = Audience::kAll;
  std::optional<std::string> kecamatan_code;  // set exactly when audience is kKecamatan
  bool pinned = false;
  std::string publish_at;                 // UTC; hidden before
  std::optional<std::string> expires_at;  // UTC; hidden from then on
  std::string created_at, updated_at;
};

// Whether `principal` is in the announcement's audience: everyone for kAll (anonymous too);
// kKecamatan: agents of that kecamatan and KIM members of a kelurahan inside it; kAgents:
// agents of the region; kKim: KIM members of the region. Region admins and national admins
// (community.manage) see every announcement of the region.
bool InAudience(const accounts::Principal& principal, const Announcement& a);

// ---- Channels -----------------------------------------------------------------------------

enum class ChannelKind { kKecamatanAgents, kAgents, kKim, kDiskominfo };
std::string_view ToString(ChannelKind k);  // "kecamatan_agents", "agents", "kim", "diskominfo"
std::optional<ChannelKind> ParseChannelKind(std::string_view s);

struct Channel {
  int64_t id = 0;
  std::string region_code;
  std::string slug;  // "agen-71.71.01", "agen", "kim", "diskominfo"
  ChannelKind kind = ChannelKind::kAgents;
  std::optional<std::string> kecamatan_code;  // set exactly for kKecamatanAgents
  std::string name;
  std::string created_at;
};

// The slug of a channel of `kind` (kecamatan only for kKecamatanAgents).
std::string ChannelSlug(ChannelKind kind, std::string_view kecamatan_code);

// Membership follows grants: region admins and national admins belong to every channel of the
// region; an agent to "agents" and to the kecamatan channel of its kecamatan; a KIM member to
// "kim"; "diskominfo" is for region admins only.
bool IsChannelMember(const accounts::Principal& principal, const Channel& channel);

struct Message {
  int64_t id = 0;
  int64_t channel_id = 0;
  int64_t author_id = 0;
  std::string author_name, body, created_at;
};

// Checks a message body: 1..kMessageMaxChars characters of valid UTF-8 without control
// characters other than newline and tab. The text is stored as written and escaped where it
// is shown (JSON here, HTML in the web app).
Status ValidateMessageBody(std::string_view body);

}  // namespace kc::community
