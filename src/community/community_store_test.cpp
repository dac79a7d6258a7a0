// The community store on a temp SQLite database with the regions fixtures: agents and codes,
// first-touch referrals, report attribution, adoption events, KIM, announcements, messages.
#include "community/community_store.h"

#include <gtest/gtest.h>

#include "regions/test_fixtures.h"

namespace kc::community {
namespace {

class CommunityStoreTest : public regions::testing::RegionsTest {
 protected:
  void SetUp() override {
    RegionsTest::SetUp();
    regions::RegionService service(*store_);
    ASSERT_TRUE(service.AddRegion({.code = "71.71", .timezone = "WITA"}).ok());
    ASSERT_TRUE(service.AddRegion({.code = "71.74", .timezone = "WITA"}).ok());
    for (int id : {100, 101, 102}) {
      Exec(
          "INSERT INTO users (id, name, email, password_hash, status, created_at, updated_at)"
          " VALUES (" +
          std::to_string(id) + ", 'Warga', 'w" + std::to_string(id) +
          "@x.id', 'x', 'active', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
    }
  }

  void Exec(const std::string& sql) {
    ASSERT_TRUE(db_->WriteSync([&](store::Connection& c) { return c.Exec(sql); }).ok()) << sql;
  }

  void Report(int64_t id, std::optional<int64_t> user, const std::string& at) {
    Exec(
        "INSERT INTO reports (id, region_code, tracking, category_code, status, description, lat,"
        " lon, area_match, reporter_user_id, channel, created_at, updated_at) VALUES (" +
        std::to_string(id) + ", '71.71', 'MDO-" + std::to_string(id) +
        "', 'x', 'diterima', 'd', 1.4, 124.8, 'inside', " +
        (user ? std::to_string(*user) : "NULL") + ", 'api', '" + at + "', '" + at + "')");
  }

  template <class F>
  auto Write(F fn) {
    using R = decltype(fn(std::declval<store::Connection&>()));
    std::optional<R> out;
    Status st = db_->WriteSync([&](store::Connection& c) -> Status {
      out.emplace(fn(c));
      return out->ok() ? Ok() : Status(out->error());
    });
    (void)st;
    return std::move(*out);
  }

  Agent NewAgent(const std::string& code, const std::string& kecamatan = "71.71.01") {
    return {.region_code = "71.71",
            .kecamatan_code = kecamatan,
            .name = "Agen " + code,
            .status = AgentStatus::kActive,
            .joined_on = "2026-03-14",
            .referral_code = code,
            .created_at = "2026-03-14T00:00:00.000Z",
            .updated_at = "2026-03-14T00:00:00.000Z"};
  }
};

TEST_F(CommunityStoreTest, AgentsAndCodesArePerRegion) {
  auto id = Write([&](store::Connection& c) { return db::InsertAgent(c, NewAgent("AB3K7M")); });
  ASSERT_TRUE(id.ok()) << id.error().message.en;
  auto dup = Write(
      [&](store::Connection& c) { return db::InsertAgent(c, NewAgent("AB3K7M", "71.71.02")); });
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  Agent other = NewAgent("AB3K7M");
  other.region_code = "71.74";
  other.kecamatan_code = "71.74.01";
  EXPECT_TRUE(Write([&](store::Connection& c) { return db::InsertAgent(c, other); }).ok());
  auto found =
      db_->Read([&](store::Connection& c) { return db::FindAgentByCode(c, "71.71", "AB3K7M"); });
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->id, *id);
  auto list =
      db_->Read([&](store::Connection& c) { return db::ListAgents(c, "71.71", "71.71.02"); });
  EXPECT_TRUE(list->empty());
}

TEST_F(CommunityStoreTest, FirstReferralWinsAndReportsAreAttributed) {
  auto a = *Write([&](store::Connection& c) { return db::InsertAgent(c, NewAgent("AAAAAA")); });
  auto b = *Write([&](store::Connection& c) { return db::InsertAgent(c, NewAgent("BBBBBB")); });
  auto first = Write([&](store::Connection& c) -> Result<bool> {
    KC_RETURN_IF_ERROR(db::InsertReferral(c, "71.71", 100, a, "2026-11-16T00:00:00.000Z"));
    return true;
  });
  ASSERT_TRUE(first.ok());
  auto second = Write([&](store::Connection& c) -> Result<bool> {
    KC_RETURN_IF_ERROR(db::InsertReferral(c, "71.71", 100, b, "2026-11-17T00:00:00.000Z"));
    return true;
  });
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().slug, "already_attributed");
  EXPECT_EQ(*db_->Read([](store::Connection& c) { return db::ReferralOf(c, "71.71", 100); }), a);

  Report(1, 100, "2026-11-15T00:00:00.000Z");  // before the referral: not counted
  Report(2, 100, "2026-11-18T00:00:00.000Z");  // referred user's report: agent a
  Report(3, std::nullopt, "2026-11-18T01:00:00.000Z");
  Report(4, 100, "2026-11-19T00:00:00.000Z");
  // Explicit attribution: report 3 via ?ref=bbbbbb (any spelling), report 4 too (explicit wins
  // over the referral); unknown codes attribute nothing and are no error.
  EXPECT_EQ(
      *Write([](store::Connection& c) { return db::AttributeReport(c, "71.71", 3, "bbb-bbb"); }),
      b);
  EXPECT_EQ(
      *Write([](store::Connection& c) { return db::AttributeReport(c, "71.71", 4, "BBBBBB"); }), b);
  EXPECT_EQ(
      *Write([](store::Connection& c) { return db::AttributeReport(c, "71.71", 4, "AAAAAA"); }),
      std::nullopt);  // attributed once
  EXPECT_EQ(
      *Write([](store::Connection& c) { return db::AttributeReport(c, "71.71", 2, "ZZZZZZ"); }),
      std::nullopt);
  EXPECT_EQ(*Write([](store::Connection& c) { return db::AttributeReport(c, "71.71", 2, "x"); }),
            std::nullopt);

  auto events = db_->Read([](store::Connection& c) {
    return db::LoadReportEvents(c, "71.71", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z");
  });
  ASSERT_TRUE(events.ok()) << events.error().message.en;
  std::map<int64_t, int64_t> by_report;
  for (const auto& e : *events) by_report[e.report_id] = e.agent_id;
  EXPECT_EQ(by_report, (std::map<int64_t, int64_t>{{2, a}, {3, b}, {4, b}}));
  auto signups = db_->Read([](store::Connection& c) {
    return db::LoadSignups(c, "71.71", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z");
  });
  ASSERT_EQ(signups->size(), 1u);
  EXPECT_EQ((*signups)[0].user_id, 100);
}

TEST_F(CommunityStoreTest, InactiveAgentsAttributeNothing) {
  Agent x = NewAgent("CCCCCC");
  x.status = AgentStatus::kInactive;
  ASSERT_TRUE(Write([&](store::Connection& c) { return db::InsertAgent(c, x); }).ok());
  Report(7, 101, "2026-11-18T00:00:00.000Z");
  EXPECT_EQ(
      *Write([](store::Connection& c) { return db::AttributeReport(c, "71.71", 7, "CCCCCC"); }),
      std::nullopt);
}

TEST_F(CommunityStoreTest, MessagesPageByCursor) {
  auto ch = Write([](store::Connection& c) {
    return db::EnsureChannel(c, {.region_code = "71.71",
                                 .slug = "agen",
                                 .kind = ChannelKind::kAgents,
                                 .name = "Agen",
                                 .created_at = "2026-11-01T00:00:00.000Z"});
  });
  ASSERT_TRUE(ch.ok()) << ch.error().message.en;
  auto again = Write([](store::Connection& c) {
    return db::EnsureChannel(c, {.region_code = "71.71",
                                 .slug = "agen",
                                 .kind = ChannelKind::kAgents,
                                 .name = "Other",
                                 .created_at = "2026-11-02T00:00:00.000Z"});
  });
  EXPECT_EQ(again->id, ch->id);
  EXPECT_EQ(again->name, "Agen");
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    auto m = Write([&](store::Connection& c) {
      return db::InsertMessage(c, {.channel_id = ch->id,
                                   .author_id = 100,
                                   .author_name = "W",
                                   .body = "m" + std::to_string(i),
                                   .created_at = "2026-11-01T00:00:00.000Z"});
    });
    ids.push_back(m->id);
  }
  auto after = db_->Read(
      [&](store::Connection& c) { return db::ListMessages(c, ch->id, ids[1], std::nullopt, 2); });
  ASSERT_EQ(after->size(), 2u);
  EXPECT_EQ((*after)[0].body, "m2");
  EXPECT_EQ((*after)[1].body, "m3");
  auto newest = db_->Read([&](store::Connection& c) {
    return db::ListMessages(c, ch->id, std::nullopt, std::nullopt, 2);
  });
  EXPECT_EQ((*newest)[0].body, "m4");
  auto before = db_->Read(
      [&](store::Connection& c) { return db::ListMessages(c, ch->id, std::nullopt, ids[1], 10); });
  ASSERT_EQ(before->size(), 1u);
  EXPECT_EQ((*before)[0].body, "m0");
}

TEST_F(CommunityStoreTest, AnnouncementsHideUnpublishedAndExpired) {
  auto add = [&](const std::string& title, const std::string& publish,
                 std::optional<std::string> expires, bool pinned) {
    Announcement a{.region_code = "71.71",
                   .title = title,
                   .body = "b",
                   .pinned = pinned,
                   .publish_at = publish,
                   .expires_at = expires,
                   .created_at = publish,
                   .updated_at = publish};
    return *Write([&](store::Connection& c) { return db::InsertAnnouncement(c, a, std::nullopt); });
  };
  add("old", "2026-11-01T00:00:00.000Z", std::nullopt, false);
  add("pinned", "2026-10-01T00:00:00.000Z", std::nullopt, true);
  add("expired", "2026-10-01T00:00:00.000Z", "2026-11-10T00:00:00.000Z", true);
  add("future", "2026-12-01T00:00:00.000Z", std::nullopt, false);
  auto list = db_->Read([](store::Connection& c) {
    return db::ListAnnouncements(c, "71.71", "2026-11-20T00:00:00.000Z", false);
  });
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].title, "pinned");
  EXPECT_EQ((*list)[1].title, "old");
  auto all = db_->Read([](store::Connection& c) {
    return db::ListAnnouncements(c, "71.71", "2026-11-20T00:00:00.000Z", true);
  });
  EXPECT_EQ(all->size(), 4u);
}

TEST_F(CommunityStoreTest, KimGroupsWithMembers) {
  KimGroup g{.region_code = "71.71",
             .kelurahan_code = "71.71.01.1001",
             .name = "KIM Molas",
             .created_at = "2026-11-01T00:00:00.000Z",
             .updated_at = "2026-11-01T00:00:00.000Z"};
  auto id = Write([&](store::Connection& c) { return db::InsertKimGroup(c, g); });
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(Write([&](store::Connection& c) { return db::InsertKimGroup(c, g); }).error().code,
            ErrorCode::kConflict);  // same name in the region
  for (const char* role : {"anggota", "ketua"}) {
    ASSERT_TRUE(Write([&](store::Connection& c) {
                  return db::InsertKimMember(c, {.group_id = *id,
                                                 .name = role,
                                                 .role = role,
                                                 .created_at = "2026-11-01T00:00:00.000Z"});
                }).ok());
  }
  auto members = db_->Read([&](store::Connection& c) { return db::ListKimMembers(c, *id); });
  EXPECT_EQ((*members)[0].role, "ketua");
  auto groups = db_->Read([](store::Connection& c) { return db::ListKimGroups(c, "71.71"); });
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ((*groups)[0].member_count, 2);
  EXPECT_TRUE(
      db_->Read([](store::Connection& c) { return db::ListKimGroups(c, "71.74"); })->empty());
}

}  // namespace
}  // namespace kc::community
