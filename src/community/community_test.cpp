// Pure rules of the community module: referral codes and links, dates, audiences, channel
// membership, message bodies and QR codes.
#include "community/community.h"

#include <gtest/gtest.h>

#include <set>

#include "community/qr_svg.h"

namespace kc::community {
namespace {

using accounts::Grant;
using accounts::Principal;
using accounts::Role;

TEST(ReferralCode, UsesTheUnambiguousAlphabetAndRarelyRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    const std::string code = NewReferralCode();
    ASSERT_EQ(code.size(), kReferralCodeLength);
    for (char c : code) EXPECT_NE(kReferralAlphabet.find(c), std::string_view::npos) << code;
    seen.insert(code);
  }
  EXPECT_GT(seen.size(), 1990u);
}

TEST(ReferralCode, NormalizesWhatPeopleType) {
  EXPECT_EQ(NormalizeReferralCode("ab3-k7m"), "AB3K7M");
  EXPECT_EQ(NormalizeReferralCode(" AB3 K7M "), "AB3K7M");
  EXPECT_EQ(NormalizeReferralCode("AB0K7M"), std::nullopt);  // 0 is not in the alphabet
  EXPECT_EQ(NormalizeReferralCode("ABIK7M"), std::nullopt);  // nor I
  EXPECT_EQ(NormalizeReferralCode("AB3K7"), std::nullopt);
  EXPECT_EQ(NormalizeReferralCode("AB3K7MM"), std::nullopt);
  EXPECT_EQ(NormalizeReferralCode("<script>"), std::nullopt);
}

TEST(ReferralCode, BuildsShareAndWhatsAppLinks) {
  EXPECT_EQ(ShareLink("https://kota.id", "manado", "AB3K7M"),
            "https://kota.id/r/manado?ref=AB3K7M");
  const std::string wa = WhatsAppLink("Kota Manado", "https://kota.id/r/manado?ref=AB3K7M");
  EXPECT_TRUE(wa.starts_with("https://wa.me/?text=")) << wa;
  EXPECT_NE(wa.find("https%3A%2F%2Fkota.id%2Fr%2Fmanado%3Fref%3DAB3K7M"), std::string::npos) << wa;
  EXPECT_EQ(wa.find(' '), std::string::npos);
}

TEST(Dates, AcceptsOnlyRealCalendarDays) {
  EXPECT_TRUE(IsValidDate("2026-02-28"));
  EXPECT_TRUE(IsValidDate("2028-02-29"));
  EXPECT_FALSE(IsValidDate("2026-02-29"));
  EXPECT_FALSE(IsValidDate("2026-13-01"));
  EXPECT_FALSE(IsValidDate("2026-1-01"));
  EXPECT_FALSE(IsValidDate("26-01-01xx"));
}

Principal Who(std::vector<Grant> grants) { return {.user_id = "7", .grants = std::move(grants)}; }

TEST(Announcements, AudienceRules) {
  const Grant admin{Role::kRegionAdmin, "71.71", {}};
  const Grant agent01{Role::kAgent, "71.71", {.kecamatan_code = "71.71.01"}};
  const Grant agent02{Role::kAgent, "71.71", {.kecamatan_code = "71.71.02"}};
  const Grant kim01{Role::kKimMember, "71.71", {.kelurahan_code = "71.71.01.1001"}};
  const Grant other_agent{Role::kAgent, "71.74", {.kecamatan_code = "71.74.01"}};
  const Grant citizen{Role::kCitizen, "71.71", {}};
  Announcement a{.region_code = "71.71"};
  struct Case {
    Audience audience;
    std::optional<std::string> kecamatan;
    Grant grant;
    bool sees;
  };
  const Case cases[] = {
      {Audience::kAll, {}, citizen, true},
      {Audience::kAgents, {}, agent01, true},
      {Audience::kAgents, {}, kim01, false},
      {Audience::kAgents, {}, citizen, false},
      {Audience::kAgents, {}, other_agent, false},
      {Audience::kAgents, {}, admin, true},
      {Audience::kKim, {}, kim01, true},
      {Audience::kKim, {}, agent01, false},
      {Audience::kKecamatan, "71.71.01", agent01, true},
      {Audience::kKecamatan, "71.71.01", agent02, false},
      {Audience::kKecamatan, "71.71.01", kim01, true},
      {Audience::kKecamatan, "71.71.02", kim01, false},
      {Audience::kKecamatan, "71.71.02", admin, true},
  };
  for (const auto& c : cases) {
    a.audience = c.audience;
    a.kecamatan_code = c.kecamatan;
    EXPECT_EQ(InAudience(Who({c.grant}), a), c.sees)
        << ToString(c.audience) << " " << c.kecamatan.value_or("") << " "
        << accounts::ToString(c.grant.role);
  }
  a.audience = Audience::kAll;
  EXPECT_TRUE(InAudience(Principal::Anonymous(), a));
  a.audience = Audience::kAgents;
  EXPECT_FALSE(InAudience(Principal::Anonymous(), a));
}

TEST(Channels, MembershipFollowsGrants) {
  const Channel kec01{.region_code = "71.71",
                      .slug = "agen-71.71.01",
                      .kind = ChannelKind::kKecamatanAgents,
                      .kecamatan_code = "71.71.01"};
  const Channel agents{.region_code = "71.71", .slug = "agen", .kind = ChannelKind::kAgents};
  const Channel kim{.region_code = "71.71", .slug = "kim", .kind = ChannelKind::kKim};
  const Channel staff{
      .region_code = "71.71", .slug = "diskominfo", .kind = ChannelKind::kDiskominfo};
  const auto agent01 = Who({{Role::kAgent, "71.71", {.kecamatan_code = "71.71.01"}}});
  const auto agent02 = Who({{Role::kAgent, "71.71", {.kecamatan_code = "71.71.02"}}});
  const auto kim01 = Who({{Role::kKimMember, "71.71", {.kelurahan_code = "71.71.01.1001"}}});
  const auto admin = Who({{Role::kRegionAdmin, "71.71", {}}});
  const auto other_admin = Who({{Role::kRegionAdmin, "71.74", {}}});
  EXPECT_TRUE(IsChannelMember(agent01, kec01));
  EXPECT_FALSE(IsChannelMember(agent02, kec01));
  EXPECT_FALSE(
      IsChannelMember(kim01, kec01));  // kim.publish scope does not make a KIM member an agent
  EXPECT_TRUE(IsChannelMember(agent02, agents));
  EXPECT_FALSE(IsChannelMember(kim01, agents));
  EXPECT_TRUE(IsChannelMember(kim01, kim));
  EXPECT_FALSE(IsChannelMember(agent01, staff));
  EXPECT_TRUE(IsChannelMember(admin, staff));
  EXPECT_TRUE(IsChannelMember(admin, kec01));
  EXPECT_FALSE(IsChannelMember(other_admin, agents));
  EXPECT_FALSE(IsChannelMember(Principal::Anonymous(), agents));
  EXPECT_EQ(ChannelSlug(ChannelKind::kKecamatanAgents, "71.71.01"), "agen-71.71.01");
}

TEST(Messages, BodyRules) {
  EXPECT_TRUE(ValidateMessageBody("Rapat agen besok jam 9 <b>penting</b>").ok());
  EXPECT_TRUE(ValidateMessageBody("baris satu\nbaris dua").ok());
  EXPECT_FALSE(ValidateMessageBody("").ok());
  EXPECT_FALSE(ValidateMessageBody("  \n ").ok());
  EXPECT_FALSE(ValidateMessageBody(std::string(2001, 'a')).ok());
  EXPECT_TRUE(ValidateMessageBody(std::string(2000, 'a')).ok());
  EXPECT_FALSE(ValidateMessageBody("bel\x07").ok());
  EXPECT_FALSE(ValidateMessageBody("\xff\xfe").ok());
}

TEST(Qr, SvgOfALink) {
  auto svg = QrSvg("https://kota.id/r/manado?ref=AB3K7M");
  ASSERT_TRUE(svg.ok()) << svg.error().message.en;
  EXPECT_TRUE(svg->starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")) << *svg;
  // Version 3 (29 modules) fits this link at level M: 29 + 2 * 4 quiet modules.
  EXPECT_NE(svg->find("viewBox=\"0 0 37 37\""), std::string::npos) << svg->substr(0, 200);
  // The top-left finder pattern starts at the quiet zone's corner.
  EXPECT_NE(svg->find("M4 4h1v1h-1z"), std::string::npos);
  EXPECT_EQ(*svg, *QrSvg("https://kota.id/r/manado?ref=AB3K7M"));  // deterministic
  EXPECT_FALSE(QrSvg("").ok());
  EXPECT_EQ(QrSvg(std::string(5000, 'x')).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace kc::community
