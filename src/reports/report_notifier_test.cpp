// Citizen notifications: the texts in both languages, and the notifier thread reading each
// user's language from the accounts tables, skipping disabled and unknown users.
#include "reports/report_notifier.h"

#include <gtest/gtest.h>

#include <mutex>

#include "accounts/account_store.h"
#include "regions/test_fixtures.h"

namespace kc::reports {
namespace {

using accounts::Language;

ReportEvent Event(std::string type, boost::json::object data = {}) {
  return {.type = std::move(type),
          .region_code = "71.71",
          .tracking = "MDO-2026-000042",
          .report_id = 42,
          .occurred_at = "2026-11-26T04:00:00.000Z",
          .data = std::move(data)};
}

TEST(FormatNotification, IndonesianByDefaultEnglishOnRequest) {
  struct Case {
    ReportEvent event;
    std::string id, en;
  };
  const std::vector<Case> cases = {
      {Event(kEventCreated),
       "Laporan Anda MDO-2026-000042 telah diterima. Gunakan nomor ini untuk memantaunya.",
       "Your report MDO-2026-000042 has been received. Use this number to follow it."},
      {Event(kEventStatusChanged, {{"from", "diproses"}, {"to", "selesai"}}),
       "Status laporan MDO-2026-000042 sekarang selesai.",
       "Report MDO-2026-000042 is now resolved."},
      {Event(kEventStatusChanged, {{"to", "ditolak"}, {"reason", "bukan wewenang daerah"}}),
       "Status laporan MDO-2026-000042 sekarang ditolak. Alasan: bukan wewenang daerah",
       "Report MDO-2026-000042 is now rejected. Reason: bukan wewenang daerah"},
      {Event(kEventRated, {{"stars", 4}}), "Laporan MDO-2026-000042 diberi nilai 4 dari 5.",
       "Report MDO-2026-000042 was rated 4 of 5."},
      {Event(kEventMerged, {{"into", "MDO-2026-000007"}}),
       "Laporan MDO-2026-000042 digabung ke laporan MDO-2026-000007; pantau laporan tersebut.",
       "Report MDO-2026-000042 was merged into report MDO-2026-000007, which is followed "
       "instead."},
      {Event(kEventEscalated, {{"clock", "response"}}),
       "Laporan MDO-2026-000042 melewati batas waktu tanggapan dan dieskalasi ke admin daerah.",
       "Report MDO-2026-000042 passed its response deadline and was escalated to the region's "
       "administrator."},
      {Event("report.unknown"), "Ada perubahan pada laporan MDO-2026-000042.",
       "Report MDO-2026-000042 was updated."},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FormatNotification(c.event, Language::kId).text, c.id) << c.event.type;
    EXPECT_EQ(FormatNotification(c.event, Language::kEn).text, c.en) << c.event.type;
  }
  EXPECT_EQ(FormatNotification(Event(kEventCreated), Language::kId).subject,
            "Laporan MDO-2026-000042");
  EXPECT_EQ(FormatNotification(Event(kEventCreated), Language::kEn).subject,
            "Report MDO-2026-000042");
}

struct Sent {
  std::mutex mu;
  std::vector<CitizenMessage> messages;
};

class Recorder final : public CitizenNotifier {
 public:
  explicit Recorder(std::shared_ptr<Sent> sent) : sent_(std::move(sent)) {}
  void Send(const CitizenMessage& m) override {
    std::lock_guard lock(sent_->mu);
    sent_->messages.push_back(m);
  }

 private:
  std::shared_ptr<Sent> sent_;
};

class NotifierTest : public regions::testing::RegionsTest {
 protected:
  int64_t AddUser(const std::string& email, Language lang, bool disabled = false) {
    int64_t id = 0;
    auto st = db_->WriteSync([&](store::Connection& conn) -> Status {
      accounts::User u{.name = "Warga", .email = email, .password_hash = "x", .language = lang};
      KC_ASSIGN_OR_RETURN(id, accounts::db::InsertUser(conn, u, NowUtc()));
      if (disabled)
        return accounts::db::SetStatus(conn, id, accounts::UserStatus::kDisabled, NowUtc());
      return Ok();
    });
    EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().message.en);
    return id;
  }
};

TEST_F(NotifierTest, TellsEachActiveUserInTheirLanguage) {
  const int64_t ana = AddUser("ana@example.id", Language::kId);
  const int64_t ben = AddUser("ben@example.id", Language::kEn);
  const int64_t off = AddUser("off@example.id", Language::kId, true);
  auto sent = std::make_shared<Sent>();
  {
    ReportNotifier notifier(*db_, std::make_unique<Recorder>(sent));
    ReportEvent e = Event(kEventStatusChanged, {{"to", "diproses"}});
    e.notify_user_ids = {ana, ben, off, 9999};
    notifier.Publish(e);
    notifier.Publish(Event(kEventCreated));  // nobody to tell
  }                                          // the destructor sends what was queued
  ASSERT_EQ(sent->messages.size(), 2u);
  EXPECT_EQ(sent->messages[0].user_id, ana);
  EXPECT_EQ(sent->messages[0].email, "ana@example.id");
  EXPECT_EQ(sent->messages[0].text, "Status laporan MDO-2026-000042 sekarang diproses.");
  EXPECT_EQ(sent->messages[1].user_id, ben);
  EXPECT_EQ(sent->messages[1].language, Language::kEn);
  EXPECT_EQ(sent->messages[1].text, "Report MDO-2026-000042 is now in progress.");
}

TEST_F(NotifierTest, FullQueueDropsInsteadOfBlocking) {
  const int64_t ana = AddUser("ana@example.id", Language::kId);
  auto sent = std::make_shared<Sent>();
  std::unique_lock hold(sent->mu);  // the first Send blocks until released
  {
    ReportNotifier notifier(*db_, std::make_unique<Recorder>(sent), /*max_queue=*/2);
    ReportEvent e = Event(kEventCommented);
    e.notify_user_ids = {ana};
    for (int i = 0; i < 10; ++i) notifier.Publish(e);  // returns at once even though Send waits
    hold.unlock();
  }
  // One was being sent (or queued) when the rest arrived; at most 1 + max_queue got through.
  EXPECT_GE(sent->messages.size(), 2u);
  EXPECT_LE(sent->messages.size(), 3u);
}

}  // namespace
}  // namespace kc::reports
