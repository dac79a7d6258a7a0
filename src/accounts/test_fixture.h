// Fixture for the accounts unit tests: a temp database with the fixture hierarchy
// (regions/test_fixtures.h), regions 71.71 (with "Dinas PUPR") and 71.74, and an AccountsModule
// with a settable clock and a notifier that remembers the codes it was asked to send.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>

#include "accounts/account_store.h"
#include "accounts/accounts_module.h"
#include "regions/region_service.h"
#include "regions/test_fixtures.h"

namespace kc::accounts::testing {

class CapturingNotifier final : public Notifier {
 public:
  void SendCode(const std::string& contact, CodePurpose purpose, const std::string& code,
                Language) override {
    std::lock_guard lock(mu_);
    codes_[contact + "|" + std::string(ToString(purpose))] = code;
  }
  std::string Code(const std::string& contact, CodePurpose purpose) {
    std::lock_guard lock(mu_);
    return codes_[contact + "|" + std::string(ToString(purpose))];
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::string> codes_;
};

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = regions::testing::TempDir("accounts");
    auto db = store::Database::Open({.path = (dir_ / "kc.db").string()}, store::EmbeddedMigrations());
    ASSERT_TRUE(db.ok()) << db.error().message.en;
    db_ = std::move(db).value();
    regions::SqliteRegionStore rs(*db_);
    regions::testing::WriteAreaCsvs(dir_);
    regions::RegionService service(rs);
    ASSERT_TRUE(service.ImportAreas(dir_).ok());
    ASSERT_TRUE(service.AddRegion({.code = "71.71"}).ok());
    ASSERT_TRUE(service.AddRegion({.code = "71.74"}).ok());
    auto opd = regions::InsertOpdSync(rs, {.region_code = "71.71", .name = "Dinas Pekerjaan Umum",
                                           .short_name = "Dinas PUPR"});
    ASSERT_TRUE(opd.ok());
    pupr_id_ = std::to_string(opd->id);
    MakeModule();
  }
  void TearDown() override {
    module_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  void MakeModule() {
    auto notifier = std::make_unique<CapturingNotifier>();
    notifier_ = notifier.get();
    ModuleOptions o;
    o.clock = [this] { return FromMillis(now_ms_.load()); };
    o.notifier = std::move(notifier);
    o.hash_threads = 2;
    auto m = AccountsModule::Create(*db_, std::move(o));
    ASSERT_TRUE(m.ok()) << m.error().message.en;
    module_ = *m;
  }
  void Advance(std::chrono::milliseconds d) { now_ms_ += d.count(); }
  // Waits until every write queued so far is committed (the writer is FIFO).
  void Flush() { ASSERT_TRUE(db_->WriteSync([](store::Connection&) { return Ok(); }).ok()); }

  // A verified user with `grant` (if any), created as the CLI would.
  User MakeUser(const std::string& email, std::optional<Grant> grant,
                const std::string& password = "Rahasia-Kuat-2026") {
    auto u = Await<User>([&](Done<User> done) {
      module_->admin().CreateUser(AdminActor::Cli(),
                                  {.name = "T " + email, .email = email, .password = password, .grant = grant},
                                  "", std::move(done));
    });
    EXPECT_TRUE(u.ok()) << (u.ok() ? "" : u.error().message.en);
    return u.ok() ? *u : User{};
  }
  Result<LoginOutput> Login(const std::string& login, const std::string& password,
                            const std::string& ip = "10.0.0.1") {
    return Await<LoginOutput>([&](Done<LoginOutput> done) {
      module_->auth().Login({.login = login, .password = password, .ip = ip, .user_agent = "test"},
                            std::move(done));
    });
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Database> db_;
  std::shared_ptr<AccountsModule> module_;
  CapturingNotifier* notifier_ = nullptr;
  std::atomic<int64_t> now_ms_{ToMillis(NowUtc())};
  std::string pupr_id_;
};

}  // namespace kc::accounts::testing
