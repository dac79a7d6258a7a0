#include "community/community.h"

#include <array>
#include <chrono>

#include "core/random.h"
#include "http/json_body.h"
#include "http/request.h"

namespace kc::community {
namespace {

using accounts::Role;

bool RegionAdmin(const accounts::Principal& p, std::string_view region) {
  return accounts::Authorize(p, accounts::Permission::kCommunityManage, region).allowed;
}

bool HasGrant(const accounts::Principal& p, Role role, std::string_view region) {
  for (const auto& g : p.grants) {
    if (g.role == role && g.region_code == region) return true;
  }
  return false;
}

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string_view ToString(AgentStatus s) {
  return s == AgentStatus::kActive ? "active" : "inactive";
}

std::optional<AgentStatus> ParseAgentStatus(std::string_view s) {
  if (s == "active") return AgentStatus::kActive;
  if (s == "inactive") return AgentStatus::kInactive;
  return std::nullopt;
}

bool IsValidDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const std::chrono::year_month_day ymd{std::chrono::year(num(0, 4)),
                                        std::chrono::month(static_cast<unsigned>(num(5, 2))),
                                        std::chrono::day(static_cast<unsigned>(num(8, 2)))};
  return ymd.ok() && num(0, 4) >= 2000 && num(0, 4) <= 2100;
}

std::string NewReferralCode() {
  std::string code;
  uint64_t bits = FastRandom64();
  for (size_t i = 0; i < kReferralCodeLength; ++i) {
    code += kReferralAlphabet[bits % kReferralAlphabet.size()];
    bits /= kReferralAlphabet.size();
  }
  return code;
}

std::optional<std::string> NormalizeReferralCode(std::string_view text) {
  if (text.size() > 32) return std::nullopt;
  std::string code;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (kReferralAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    code += c;
  }
  if (code.size() != kReferralCodeLength) return std::nullopt;
  return code;
}

std::string ShareLink(std::string_view base_url, std::string_view region_slug,
                      std::string_view code) {
  return std::string(base_url) + "/r/" + std::string(region_slug) + "?ref=" + std::string(code);
}

std::string WhatsAppLink(std::string_view region_name, std::string_view share_link) {
  const std::string text = "Laporkan masalah kota dan ikuti informasi " + std::string(region_name) +
                           " lewat aplikasi kota cerdas: " + std::string(share_link);
  return "https://wa.me/?text=" + PercentEncode(text);
}

bool IsKimRole(std::string_view role) {
  return role == "ketua" || role == "sekretaris" || role == "bendahara" || role == "anggota";
}

bool IsKimActivityKind(std::string_view kind) {
  return kind == "sosialisasi" || kind == "pelatihan" || kind == "diskusi" || kind == "liputan" ||
         kind == "lainnya";
}

std::string_view ToString(Audience a) {
  switch (a) {
    case Audience::kAll:
      return "all";
    case Audience::kKecamatan:
      return "kecamatan";
    case Audience::kAgents:
      return "agents";
    case Audience::kKim:
      return "kim";
  }
  return "all";
}

std::optional<Audience> ParseAudience(std::string_view s) {
  for (Audience a : {Audience::kAll, Audience::kKecamatan, Audience::kAgents, Audience::kKim}) {
    if (ToString(a) == s) return a;
  }
  return std::nullopt;
}

bool InAudience(const accounts::Principal& p, const Announcement& a) {
  if (a.audience == Audience::kAll) return true;
  if (p.IsAnonymous()) return false;
  if (RegionAdmin(p, a.region_code)) return true;
  for (const auto& g : p.grants) {
    if (g.region_code != a.region_code) continue;
    const bool agent = g.role == Role::kAgent;
    const bool kim = g.role == Role::kKimMember;
    switch (a.audience) {
      case Audience::kAgents:
        if (agent) return true;
        break;
      case Audience::kKim:
        if (kim) return true;
        break;
      case Audience::kKecamatan: {
        const std::string& k = *a.kecamatan_code;
        if (agent && g.scope.kecamatan_code == k) return true;
        if (kim && g.scope.kelurahan_code.starts_with(k + ".")) return true;
        break;
      }
      case Audience::kAll:
        return true;
    }
  }
  return false;
}

std::string_view ToString(ChannelKind k) {
  switch (k) {
    case ChannelKind::kKecamatanAgents:
      return "kecamatan_agents";
    case ChannelKind::kAgents:
      return "agents";
    case ChannelKind::kKim:
      return "kim";
    case ChannelKind::kDiskominfo:
      return "diskominfo";
  }
  return "agents";
}

std::optional<ChannelKind> ParseChannelKind(std::string_view s) {
  for (ChannelKind k : {ChannelKind::kKecamatanAgents, ChannelKind::kAgents, ChannelKind::kKim,
                        ChannelKind::kDiskominfo}) {
    if (ToString(k) == s) return k;
  }
  return std::nullopt;
}

std::string ChannelSlug(ChannelKind kind, std::string_view kecamatan_code) {
  switch (kind) {
    case ChannelKind::kKecamatanAgents:
      return "agen-" + std::string(kecamatan_code);
    case ChannelKind::kAgents:
      return "agen";
    case ChannelKind::kKim:
      return "kim";
    case ChannelKind::kDiskominfo:
      return "diskominfo";
  }
  return "agen";
}

bool IsChannelMember(const accounts::Principal& p, const Channel& c) {
  if (p.IsAnonymous()) return false;
  if (RegionAdmin(p, c.region_code)) return true;
  switch (c.kind) {
    case ChannelKind::kDiskominfo:
      return false;
    case ChannelKind::kAgents:
      return HasGrant(p, Role::kAgent, c.region_code);
    case ChannelKind::kKim:
      return HasGrant(p, Role::kKimMember, c.region_code);
    case ChannelKind::kKecamatanAgents:
      for (const auto& g : p.grants) {
        if (g.role == Role::kAgent && g.region_code == c.region_code &&
            g.scope.kecamatan_code == c.kecamatan_code) {
          return true;
        }
      }
      return false;
  }
  return false;
}

Status ValidateMessageBody(std::string_view body) {
  const auto bad = [](Text why) {
    return InvalidArgument({"Pesan tidak sah.", "Invalid message."}).With("body", std::move(why));
  };
  if (!http::IsValidUtf8(body)) return bad({"harus UTF-8 yang sah", "must be valid UTF-8"});
  const size_t n = http::Utf8Length(body);
  if (n == 0 || body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return bad({"tidak boleh kosong", "must not be empty"});
  }
  if (n > kMessageMaxChars) {
    return bad({"paling banyak 2000 karakter", "at most 2000 characters"});
  }
  for (unsigned char c : body) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      return bad({"mengandung karakter kendali", "contains control characters"});
    }
  }
  return Ok();
}

}  // namespace kc::community
