// Session lifecycle with an injected clock: sign-in, sliding idle expiry, absolute expiry,
// logout, revocation, password change and disable; registration and verification codes.
#include <gtest/gtest.h>

#include "accounts/test_fixture.h"

namespace kc::accounts::testing {
namespace {

using namespace std::chrono_literals;

class SessionsTest : public AccountsTest {
 protected:
  std::string Token() {
    auto out = Login("warga@example.id", "Rahasia-Kuat-2026");
    EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error().message.en);
    return out.ok() ? out->session.token : "";
  }
  std::string Slug(const std::string& token) {
    auto r = module_->sessions().AuthenticateSession(token);
    return r.ok() ? "ok" : std::string(r.error().Slug());
  }
  void SetUp() override {
    AccountsTest::SetUp();
    user_ = MakeUser("warga@example.id", Grant{Role::kCitizen, "71.71", {}});
  }
  User user_;
};

TEST_F(SessionsTest, ValidTokenGivesCallerWithGrants) {
  const std::string token = Token();
  auto c = module_->sessions().AuthenticateSession(token);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)->user_id, user_.id);
  EXPECT_EQ((*c)->principal.grants.size(), 1u);
  EXPECT_EQ((*c)->csrf_token, module_->sessions().Csrf(HashToken(token)));
}

TEST_F(SessionsTest, ForgedAndMalformedTokensAreInvalid) {
  EXPECT_EQ(Slug(""), "session_invalid");
  EXPECT_EQ(Slug("garbage"), "session_invalid");
  EXPECT_EQ(Slug(NewToken(kSessionTokenPrefix)), "session_invalid");  // well-formed, unknown
  EXPECT_EQ(Slug(NewToken(kApiKeyPrefix)), "session_invalid");        // wrong kind
}

TEST_F(SessionsTest, IdleExpirySlidesWithUse) {
  const std::string token = Token();
  Advance(6 * 24h);
  EXPECT_EQ(Slug(token), "ok");  // reloads (cache TTL passed) and persists last_seen
  Flush();
  Advance(6 * 24h);
  EXPECT_EQ(Slug(token), "ok");  // 12 days after sign-in, 6 after the last use
  Flush();
  Advance(7 * 24h + 1s);
  EXPECT_EQ(Slug(token), "session_expired");
}

TEST_F(SessionsTest, IdleExpiryWhenUnused) {
  const std::string token = Token();
  Advance(7 * 24h + 1s);
  EXPECT_EQ(Slug(token), "session_expired");
}

TEST_F(SessionsTest, AbsoluteExpiryDespiteUse) {
  const std::string token = Token();
  for (int day = 5; day <= 30; day += 5) {
    Advance(5 * 24h);
    Flush();
    EXPECT_EQ(Slug(token), day < 30 ? "ok" : "session_expired") << "day " << day;
  }
}

TEST_F(SessionsTest, LogoutRevokesAtOnceDespiteCache) {
  const std::string token = Token();
  auto c = module_->sessions().AuthenticateSession(token);
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(AwaitStatus([&](StatusDone d) { module_->auth().Logout(**c, std::move(d)); }).ok());
  EXPECT_EQ(Slug(token), "session_invalid");
}

TEST_F(SessionsTest, ListAndRevokeOtherSession) {
  const std::string a = Token(), b = Token();
  auto ca = module_->sessions().AuthenticateSession(a);
  auto cb = module_->sessions().AuthenticateSession(b);
  ASSERT_TRUE(ca.ok() && cb.ok());
  auto list = module_->auth().ListSessions(**ca);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 2u);
  ASSERT_TRUE(AwaitStatus([&](StatusDone d) {
                module_->auth().RevokeSession(**ca, (*cb)->session_id, std::move(d));
              }).ok());
  EXPECT_EQ(Slug(b), "session_invalid");
  EXPECT_EQ(Slug(a), "ok");
  // Another user's session id is not found (and not revoked).
  MakeUser("lain@example.id", std::nullopt);
  auto other = Login("lain@example.id", "Rahasia-Kuat-2026");
  ASSERT_TRUE(other.ok());
  auto st = AwaitStatus([&](StatusDone d) {
    module_->auth().RevokeSession(**ca, other->session.row.id, std::move(d));
  });
  EXPECT_EQ(st.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Slug(other->session.token), "ok");
}

TEST_F(SessionsTest, PasswordChangeRevokesOtherSessions) {
  const std::string a = Token(), b = Token();
  auto ca = module_->sessions().AuthenticateSession(a);
  ASSERT_TRUE(ca.ok());
  auto wrong = AwaitStatus([&](StatusDone d) {
    module_->auth().ChangePassword(**ca, "salah-sekali-123", "Baru-Kuat-2027", std::move(d));
  });
  EXPECT_EQ(wrong.error().Slug(), "invalid_credentials");
  ASSERT_TRUE(AwaitStatus([&](StatusDone d) {
                module_->auth().ChangePassword(**ca, "Rahasia-Kuat-2026", "Baru-Kuat-2027", std::move(d));
              }).ok());
  EXPECT_EQ(Slug(a), "ok");
  EXPECT_EQ(Slug(b), "session_invalid");
  EXPECT_FALSE(Login("warga@example.id", "Rahasia-Kuat-2026").ok());
  EXPECT_TRUE(Login("warga@example.id", "Baru-Kuat-2027").ok());
}

TEST_F(SessionsTest, DisableEndsSessionsAndSignIn) {
  const std::string token = Token();
  ASSERT_TRUE(AwaitStatus([&](StatusDone d) {
                module_->admin().Disable(AdminActor::Cli(), user_.id, "", std::move(d));
              }).ok());
  EXPECT_EQ(Slug(token), "session_invalid");
  auto r = Login("warga@example.id", "Rahasia-Kuat-2026");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().Slug(), "account_disabled");
}

TEST_F(SessionsTest, GrantChangeIsSeenByTheNextRequest) {
  const std::string token = Token();
  ASSERT_TRUE(module_->sessions().AuthenticateSession(token).ok());  // cached
  ASSERT_TRUE(Await<StoredGrant>([&](Done<StoredGrant> d) {
                module_->admin().AddGrant(AdminActor::Cli(), user_.id,
                                          {Role::kAgent, "71.71", {.kecamatan_code = "71.71.01"}}, "",
                                          std::move(d));
              }).ok());
  auto c = module_->sessions().AuthenticateSession(token);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE((*c)->principal.Has(Role::kAgent));
}

TEST_F(SessionsTest, RegisterVerifyAndLogin) {
  auto id = Await<int64_t>([&](Done<int64_t> d) {
    module_->auth().Register({.name = "Budi", .email = "Budi@Example.ID", .password = "Sandi-Budi-2026",
                              .ip = "10.0.0.9"},
                             std::move(d));
  });
  ASSERT_TRUE(id.ok()) << id.error().message.en;
  auto early = Login("Budi@example.id", "Sandi-Budi-2026");
  EXPECT_EQ(early.error().Slug(), "account_not_verified");
  const std::string code = notifier_->Code("Budi@example.id", CodePurpose::kVerify);
  ASSERT_EQ(code.size(), 6u);
  auto verify = [&](const std::string& c) {
    return AwaitStatus([&](StatusDone d) { module_->auth().Verify("Budi@example.id", c, "10.0.0.9", std::move(d)); });
  };
  const std::string wrong = code == "000000" ? "111111" : "000000";
  EXPECT_EQ(verify(wrong).error().Slug(), "invalid_code");
  EXPECT_TRUE(verify(code).ok());
  EXPECT_EQ(verify(code).error().Slug(), "invalid_code");  // single use
  EXPECT_TRUE(Login("Budi@example.id", "Sandi-Budi-2026").ok());
  // A verified account cannot be registered again.
  auto dup = Await<int64_t>([&](Done<int64_t> d) {
    module_->auth().Register({.name = "X", .email = "budi@example.id", .password = "Sandi-Lain-2026",
                              .ip = "10.0.0.9"},
                             std::move(d));
  });
  EXPECT_EQ(dup.error().Slug(), "account_exists");
}

TEST_F(SessionsTest, CodesExpireAndAreAttemptLimited) {
  auto id = Await<int64_t>([&](Done<int64_t> d) {
    module_->auth().Register({.name = "Sari", .phone = "0812-3456-7890", .password = "Sandi-Sari-2026",
                              .ip = "10.0.0.8"},
                             std::move(d));
  });
  ASSERT_TRUE(id.ok());
  const std::string code = notifier_->Code("+6281234567890", CodePurpose::kVerify);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  for (int i = 0; i < kMaxCodeAttempts; ++i) {
    EXPECT_FALSE(AwaitStatus([&](StatusDone d) { module_->auth().Verify("0812 3456 7890", wrong, "10.0.0.8", std::move(d)); }).ok());
  }
  // The code is retired after the last allowed attempt, even the right one fails now.
  EXPECT_FALSE(AwaitStatus([&](StatusDone d) { module_->auth().Verify("0812 3456 7890", code, "10.0.0.8", std::move(d)); }).ok());

  // Reset codes expire after kCodeTtl.
  MakeUser("reset@example.id", std::nullopt);
  ASSERT_TRUE(AwaitStatus([&](StatusDone d) { module_->auth().RequestReset("reset@example.id", "10.0.0.7", std::move(d)); }).ok());
  const std::string reset = notifier_->Code("reset@example.id", CodePurpose::kReset);
  Advance(kCodeTtl + 1s);
  auto late = AwaitStatus([&](StatusDone d) {
    module_->auth().ConfirmReset("reset@example.id", reset, "Sandi-Reset-2026", "10.0.0.7", std::move(d));
  });
  EXPECT_EQ(late.error().Slug(), "invalid_code");
}

TEST_F(SessionsTest, ResetRevokesEverySession) {
  const std::string token = Token();
  ASSERT_TRUE(AwaitStatus([&](StatusDone d) { module_->auth().RequestReset("warga@example.id", "10.0.0.7", std::move(d)); }).ok());
  const std::string code = notifier_->Code("warga@example.id", CodePurpose::kReset);
  ASSERT_TRUE(AwaitStatus([&](StatusDone d) {
                module_->auth().ConfirmReset("warga@example.id", code, "Sandi-Reset-2026", "10.0.0.7", std::move(d));
              }).ok());
  EXPECT_EQ(Slug(token), "session_invalid");
  EXPECT_TRUE(Login("warga@example.id", "Sandi-Reset-2026").ok());
  // Unknown accounts get the same answer (no enumeration) and no code.
  EXPECT_TRUE(AwaitStatus([&](StatusDone d) { module_->auth().RequestReset("nobody@example.id", "10.0.0.7", std::move(d)); }).ok());
  EXPECT_EQ(notifier_->Code("nobody@example.id", CodePurpose::kReset), "");
}

TEST(SessionCacheTest, StaleLoadIsNotCachedAfterInvalidation) {
  SessionCache cache(std::chrono::seconds(30), 10);
  const uint64_t epoch = cache.epoch();
  cache.EraseUser(7);  // an invalidation while a load was in flight
  auto caller = std::make_shared<Caller>();
  cache.Put("h", {caller, TimePoint::max(), {}, {}, {}}, epoch);
  bool due = false;
  EXPECT_FALSE(cache.Get("h", TimePoint{}, std::chrono::seconds(60), due).has_value());
  cache.Put("h", {caller, TimePoint::max(), {}, {}, {}}, cache.epoch());
  EXPECT_TRUE(cache.Get("h", TimePoint{}, std::chrono::seconds(60), due).has_value());
}

}  // namespace
}  // namespace kc::accounts::testing
