// The workflow rules (transitions, who may make them, working-hour SLA clocks) and the workflow
// service on a temp database: status moves, notes, reassignment, merging, follow/support,
// comments, rating, reopening, escalation and the events published after each commit.
#include <gtest/gtest.h>

#include <mutex>

#include "reports/report_workflow.h"
#include "reports/report_workflow_service.h"
#include "reports/reports_test_fixture.h"

namespace kc::reports {
namespace {

using S = ReportStatus;

TimePoint At(const char* text) { return *ParseTimestamp(text); }

TEST(WorkflowRules, TransitionTable) {
  const WorkflowActor officer{.handles = true};
  const WorkflowActor admin{.handles = true, .moderates = true};
  const WorkflowActor reporter{.is_reporter = true};
  struct Case {
    S from, to;
    WorkflowActor actor;
    bool reason, note;
    std::string slug;  // "" = allowed
  };
  const Case cases[] = {
      {S::kDiterima, S::kDiverifikasi, officer, false, false, ""},
      {S::kDiterima, S::kDiproses, officer, false, false, ""},
      {S::kDiverifikasi, S::kDiproses, officer, false, false, ""},
      {S::kDiproses, S::kSelesai, officer, false, true, ""},
      {S::kDiproses, S::kSelesai, officer, false, false, "validation_failed"},
      {S::kDiterima, S::kSelesai, officer, false, true, "transition_not_allowed"},
      {S::kDiterima, S::kDitolak, officer, true, false, "forbidden"},
      {S::kDiterima, S::kDitolak, admin, true, false, ""},
      {S::kDiterima, S::kDitolak, admin, false, false, "validation_failed"},
      {S::kDiterima, S::kDuplikat, admin, true, false, "transition_not_allowed"},
      {S::kDiproses, S::kDiproses, officer, false, false, "status_unchanged"},
      {S::kSelesai, S::kDiproses, reporter, true, false, ""},
      {S::kSelesai, S::kDiproses, reporter, false, false, "validation_failed"},
      {S::kSelesai, S::kDiproses, officer, true, false, "forbidden"},
      {S::kDitolak, S::kDiverifikasi, admin, true, false, ""},
      {S::kDitolak, S::kDiverifikasi, reporter, true, false, "forbidden"},
      {S::kDiterima, S::kDiverifikasi, reporter, false, false, "forbidden"},
      {S::kDuplikat, S::kDiproses, admin, true, false, "transition_not_allowed"},
  };
  for (const auto& c : cases) {
    const Status st = CheckTransition({c.from, c.to, c.reason, c.note}, c.actor, true);
    const std::string label = std::string(StatusName(c.from)) + "->" + std::string(StatusName(c.to));
    if (c.slug.empty()) {
      EXPECT_TRUE(st.ok()) << label << ": " << st.error().message.en;
    } else {
      ASSERT_FALSE(st.ok()) << label;
      EXPECT_EQ(st.error().Slug(), c.slug) << label;
    }
  }
  const Status late = CheckTransition({S::kSelesai, S::kDiproses, true, false}, reporter, false);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().Slug(), "reopen_window_closed");
}

TEST(WorkflowRules, WorkingHoursSkipNightsAndWeekends) {
  const WorkingHours wita{.utc_offset_minutes = 480};
  // Thursday 2026-11-26 10:00 WITA (02:00 UTC) + 8 working hours = Friday 10:00 WITA.
  EXPECT_EQ(FormatUtc(AddWorkingHours(At("2026-11-26T02:00:00Z"), 8, wita)),
            "2026-11-27T02:00:00.000Z");
  // Friday 15:00 WITA + 2 h = Monday 09:00 WITA.
  EXPECT_EQ(FormatUtc(AddWorkingHours(At("2026-11-27T07:00:00Z"), 2, wita)),
            "2026-11-30T01:00:00.000Z");
  // Saturday night: the clock starts Monday 08:00; + 1 h = 09:00 WITA.
  EXPECT_EQ(FormatUtc(AddWorkingHours(At("2026-11-28T14:00:00Z"), 1, wita)),
            "2026-11-30T01:00:00.000Z");
  // Ending exactly at closing time stays on that day.
  EXPECT_EQ(FormatUtc(AddWorkingHours(At("2026-11-26T00:00:00Z"), 8, wita)),
            "2026-11-26T08:00:00.000Z");
  // Before opening (06:30 WITA): starts at 08:00; seconds are kept inside working hours.
  EXPECT_EQ(FormatUtc(AddWorkingHours(At("2026-11-25T22:30:00Z"), 1, wita)),
            "2026-11-26T01:00:00.000Z");
  EXPECT_EQ(FormatUtc(AddWorkingHours(At("2026-11-26T02:00:30.250Z"), 1, wita)),
            "2026-11-26T03:00:30.250Z");
  // WIT (UTC+9) shifts the same local hours.
  const WorkingHours wit{.utc_offset_minutes = 540};
  EXPECT_EQ(FormatUtc(AddWorkingHours(At("2026-11-26T01:00:00Z"), 1, wit)),
            "2026-11-26T02:00:00.000Z");
  const auto sla = ComputeSla(At("2026-11-26T02:00:00Z"), 24, 5, wita);
  EXPECT_EQ(FormatUtc(sla.response_due), "2026-12-01T02:00:00.000Z");  // 3 working days
  EXPECT_EQ(FormatUtc(sla.resolve_due), "2026-12-03T02:00:00.000Z");   // 5 working days
}

// Collects published events.
class Recorder : public ReportEventSink {
 public:
  void Publish(const ReportEvent& e) override {
    std::lock_guard lock(mu_);
    events.push_back(e);
  }
  std::vector<ReportEvent> Take() {
    std::lock_guard lock(mu_);
    return std::exchange(events, {});
  }

 private:
  std::mutex mu_;
  std::vector<ReportEvent> events;
};

class WorkflowTest : public testing::ReportsTest {
 protected:
  void SetUp() override {
    ReportsTest::SetUp();
    store_wf_ = std::make_unique<WorkflowStore>(*db_);
    service_ = std::make_unique<WorkflowService>(*store_wf_, &events_);
    auto first = Submit(Input());  // routed to Satpol PP
    ASSERT_TRUE(first.ok());
    tracking_ = first->report.tracking;
  }
  void TearDown() override {
    service_.reset();
    store_wf_.reset();
    ReportsTest::TearDown();
  }

  Who Officer(const std::string& opd_short) {
    return {.principal = {.user_id = "21",
                          .grants = {{accounts::Role::kOpdOfficer, "71.71",
                                      {.opd_id = std::to_string(Opd(opd_short))}}}},
            .user_id = 21, .name = "Petugas " + opd_short, .audit = accounts::Actor::User(21)};
  }
  Who Admin() {
    return {.principal = {.user_id = "2", .grants = {{accounts::Role::kRegionAdmin, "71.71", {}}}},
            .user_id = 2, .name = "Admin Manado", .audit = accounts::Actor::User(2)};
  }
  Who Citizen(int64_t id) {
    return {.principal = {.user_id = std::to_string(id), .grants = {}}, .user_id = id,
            .name = "Warga " + std::to_string(id), .audit = accounts::Actor::User(id)};
  }

  template <class F>
  Result<Mutated> Call(F&& f) {
    std::promise<Result<Mutated>> p;
    f([&p](Result<Mutated> r) { p.set_value(std::move(r)); });
    return p.get_future().get();
  }
  Result<Mutated> Move(S to, Who who, std::optional<std::string> reason = {},
                       std::optional<std::string> note = {}) {
    return Call([&](MutatedDone d) {
      service_->ChangeStatus("71.71", tracking_, to, reason, note, true, who, std::move(d));
    });
  }
  std::string Slug(const Result<Mutated>& r) { return r.ok() ? "" : std::string(r.error().Slug()); }

  Recorder events_;
  std::unique_ptr<WorkflowStore> store_wf_;
  std::unique_ptr<WorkflowService> service_;
  std::string tracking_;
};

TEST_F(WorkflowTest, OfficerWorksReportToResolution) {
  EXPECT_EQ(Slug(Move(S::kDiverifikasi, Officer("DLH"))), "forbidden");  // not their OPD
  auto verified = Move(S::kDiverifikasi, Officer("Satpol PP"));
  ASSERT_TRUE(verified.ok()) << verified.error().message.en;
  EXPECT_EQ(verified->report.report.status, S::kDiverifikasi);
  EXPECT_TRUE(verified->report.wf.responded_at.has_value());
  ASSERT_TRUE(Move(S::kDiproses, Officer("Satpol PP")).ok());
  EXPECT_EQ(Slug(Move(S::kSelesai, Officer("Satpol PP"))), "validation_failed");  // no note
  auto done = Move(S::kSelesai, Officer("Satpol PP"), {}, "Sampah sudah diangkut.");
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(done->report.wf.resolved_at.has_value());
  auto events = events_.Take();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[2].type, kEventStatusChanged);
  EXPECT_EQ(events[2].data.at("to").as_string(), "selesai");
  EXPECT_EQ(events[2].data.at("note").as_string(), "Sampah sudah diangkut.");
  auto timeline = store_wf_->Timeline(done->report.report.id, false);
  ASSERT_TRUE(timeline.ok());
  ASSERT_EQ(timeline->size(), 4u);  // three moves and the public note
  EXPECT_EQ((*timeline)[3].kind, "note");
}

TEST_F(WorkflowTest, InternalNotesStayInternal) {
  auto internal = Call([&](MutatedDone d) {
    service_->AddNote("71.71", tracking_, "Perlu truk tambahan.", false, Officer("Satpol PP"),
                      std::move(d));
  });
  ASSERT_TRUE(internal.ok());
  EXPECT_TRUE(events_.Take().empty());  // internal notes tell nobody
  auto outsider = Call([&](MutatedDone d) {
    service_->AddNote("71.71", tracking_, "x", true, Citizen(50), std::move(d));
  });
  EXPECT_EQ(Slug(outsider), "forbidden");
  const int64_t id = internal->report.report.id;
  EXPECT_EQ(store_wf_->Timeline(id, false)->size(), 0u);
  EXPECT_EQ(store_wf_->Timeline(id, true)->size(), 1u);
}

TEST_F(WorkflowTest, ReassignAndRejectNeedTheRegionAdmin) {
  auto by_officer = Call([&](MutatedDone d) {
    service_->Assign("71.71", tracking_, Opd("DLH"), "salah OPD", Officer("Satpol PP"), std::move(d));
  });
  EXPECT_EQ(Slug(by_officer), "forbidden");
  auto bad_opd = Call([&](MutatedDone d) {
    service_->Assign("71.71", tracking_, 999999, "salah OPD", Admin(), std::move(d));
  });
  EXPECT_EQ(Slug(bad_opd), "validation_failed");
  auto moved = Call([&](MutatedDone d) {
    service_->Assign("71.71", tracking_, Opd("DLH"), "urusan kebersihan", Admin(), std::move(d));
  });
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->report.report.opd_id, Opd("DLH"));
  // Now DLH handles it and Satpol PP no longer may.
  EXPECT_EQ(Slug(Move(S::kDiverifikasi, Officer("Satpol PP"))), "forbidden");
  EXPECT_EQ(Slug(Move(S::kDitolak, Admin())), "validation_failed");  // reason required
  ASSERT_TRUE(Move(S::kDitolak, Admin(), "Bukan wewenang pemerintah kota.").ok());
  auto again = Call([&](MutatedDone d) {
    service_->Assign("71.71", tracking_, Opd("BPBD"), "x", Admin(), std::move(d));
  });
  EXPECT_EQ(Slug(again), "report_closed");
}

TEST_F(WorkflowTest, MergeCarriesFollowersAndSupport) {
  auto other = Submit(Input(1.4201, 124.8201));
  ASSERT_TRUE(other.ok());
  const std::string dup = other->report.tracking;
  auto support = Call([&](MutatedDone d) {
    service_->Support("71.71", dup, true, Citizen(77), std::move(d));
  });
  ASSERT_TRUE(support.ok());
  EXPECT_EQ(support->result.answer.at("supporters").as_int64(), 1);
  auto merged = Call([&](MutatedDone d) {
    service_->Merge("71.71", dup, tracking_, "Lokasi sama", Admin(), std::move(d));
  });
  ASSERT_TRUE(merged.ok()) << merged.error().message.en;
  EXPECT_EQ(merged->report.report.status, S::kDuplikat);
  EXPECT_EQ(merged->report.merged_into_tracking, tracking_);
  auto target = store_wf_->Find("71.71", tracking_);
  EXPECT_EQ((*target)->wf.supporters, 1);
  EXPECT_TRUE(*store_wf_->IsFollowing((*target)->report.id, 77));
  auto self = Call([&](MutatedDone d) {
    service_->Merge("71.71", tracking_, tracking_, "", Admin(), std::move(d));
  });
  EXPECT_EQ(Slug(self), "validation_failed");
  auto support_dup = Call([&](MutatedDone d) {
    service_->Support("71.71", dup, true, Citizen(78), std::move(d));
  });
  EXPECT_EQ(Slug(support_dup), "report_merged");
}

TEST_F(WorkflowTest, SupportIsCountedOncePerCitizen) {
  for (int i = 0; i < 2; ++i) {
    auto r = Call([&](MutatedDone d) { service_->Support("71.71", tracking_, true, Citizen(5), std::move(d)); });
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->result.answer.at("supporters").as_int64(), 1);
  }
  auto off = Call([&](MutatedDone d) { service_->Support("71.71", tracking_, false, Citizen(5), std::move(d)); });
  EXPECT_EQ(off->result.answer.at("supporters").as_int64(), 0);
  auto anonymous = Call([&](MutatedDone d) { service_->Support("71.71", tracking_, true, Who{}, std::move(d)); });
  EXPECT_EQ(Slug(anonymous), "unauthenticated");
}

TEST_F(WorkflowTest, CommentsWaitForModeration) {
  auto c = Call([&](MutatedDone d) { service_->Comment("71.71", tracking_, "Sudah seminggu!", Citizen(9), std::move(d)); });
  ASSERT_TRUE(c.ok());
  const int64_t id = c->result.answer.at("comment").at("id").as_int64();
  EXPECT_EQ(c->result.answer.at("comment").at("status").as_string(), "pending");
  const int64_t report = c->report.report.id;
  EXPECT_TRUE(store_wf_->Comments(report, 0, false)->empty());  // the public sees nothing yet
  EXPECT_EQ(store_wf_->Comments(report, 9, false)->size(), 1u);  // its author does
  auto by_citizen = Call([&](MutatedDone d) { service_->ModerateComment("71.71", tracking_, id, true, Citizen(9), std::move(d)); });
  EXPECT_EQ(Slug(by_citizen), "forbidden");
  ASSERT_TRUE(Call([&](MutatedDone d) { service_->ModerateComment("71.71", tracking_, id, true, Admin(), std::move(d)); }).ok());
  EXPECT_EQ(store_wf_->Comments(report, 0, false)->size(), 1u);
  auto missing = Call([&](MutatedDone d) { service_->ModerateComment("71.71", tracking_, id + 100, false, Admin(), std::move(d)); });
  EXPECT_EQ(Slug(missing), "not_found");
}

TEST_F(WorkflowTest, ReporterRatesAndReopens) {
  auto in = Input();
  in.reporter.user_id = 40;
  auto mine = Submit(std::move(in));
  ASSERT_TRUE(mine.ok());
  tracking_ = mine->report.tracking;
  auto rate_early = Call([&](MutatedDone d) { service_->Rate("71.71", tracking_, 5, {}, Citizen(40), std::move(d)); });
  EXPECT_EQ(Slug(rate_early), "not_resolved");
  ASSERT_TRUE(Move(S::kDiproses, Officer("Satpol PP")).ok());
  ASSERT_TRUE(Move(S::kSelesai, Officer("Satpol PP"), {}, "Selesai diangkut").ok());
  auto stranger = Call([&](MutatedDone d) { service_->Rate("71.71", tracking_, 1, {}, Citizen(41), std::move(d)); });
  EXPECT_EQ(Slug(stranger), "forbidden");
  auto rated = Call([&](MutatedDone d) { service_->Rate("71.71", tracking_, 2, "Masih ada sisa", Citizen(40), std::move(d)); });
  ASSERT_TRUE(rated.ok());
  EXPECT_EQ(rated->report.wf.rating, 2);
  events_.Take();
  auto reopened = Call([&](MutatedDone d) { service_->Reopen("71.71", tracking_, "Sampah menumpuk lagi", Citizen(40), std::move(d)); });
  ASSERT_TRUE(reopened.ok()) << reopened.error().message.en;
  EXPECT_EQ(reopened->report.report.status, S::kDiproses);
  EXPECT_FALSE(reopened->report.wf.resolved_at.has_value());
  auto events = events_.Take();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, kEventReopened);
  EXPECT_EQ(events[0].notify_user_ids, std::vector<int64_t>{40});
}

TEST_F(WorkflowTest, OverdueClocksEscalateOnceToRegionAdmins) {
  // Deadlines in the past for the first report; the second has none.
  ASSERT_TRUE(db_->WriteSync([&](store::Connection& conn) -> Status {
    KC_ASSIGN_OR_RETURN(auto st, conn.Prepare(
        "UPDATE reports SET response_due = '2026-01-01T00:00:00.000Z', "
        "resolve_due = '2026-01-02T00:00:00.000Z' WHERE tracking = ?1"));
    return st.Bind(1, tracking_).Run();
  }).ok());
  ASSERT_TRUE(Submit(Input()).ok());
  auto n = service_->EscalateOverdue(NowUtc(), 100);
  ASSERT_TRUE(n.ok()) << n.error().message.en;
  EXPECT_EQ(*n, 2);  // the response and the resolve clock
  EXPECT_EQ(*service_->EscalateOverdue(NowUtc(), 100), 0);
  auto events = events_.Take();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, kEventEscalated);
  auto found = store_wf_->Find("71.71", tracking_);
  EXPECT_TRUE((*found)->wf.escalated_response_at.has_value());
  EXPECT_EQ(store_wf_->Timeline((*found)->report.id, false)->size(), 0u);  // internal entries
  EXPECT_EQ(store_wf_->Timeline((*found)->report.id, true)->size(), 2u);
}

}  // namespace
}  // namespace kc::reports
