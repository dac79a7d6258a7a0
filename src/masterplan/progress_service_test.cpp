// Progress reports, the officer rule for programs and the national summary row on a real
// (temporary) SQLite database: validation stores nothing, resubmissions keep a history, the
// summary row follows every write and the national read filters and sorts.
#include "masterplan/progress_service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "accounts/audit.h"
#include "masterplan/evaluation_service.h"
#include "masterplan/quick_win_progress_service.h"
#include "masterplan/summary.h"
#include "masterplan/summary_table.h"
#include "store/database.h"

namespace kc::masterplan {
namespace {

namespace fs = std::filesystem;

class ProgressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kc-progress-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto db =
        store::Database::Open({.path = (dir_ / "kc.db").string()}, store::EmbeddedMigrations());
    ASSERT_TRUE(db.ok()) << db.error().message.en;
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->WriteSync([](store::Connection& c) {
                     return c.Exec(
                         "INSERT INTO areas VALUES ('71','provinsi',NULL,'Sulawesi Utara',1),"
                         " ('61','provinsi',NULL,'Kalimantan Barat',1),"
                         " ('71.71','kabkota','71','Kota Manado',1), ('61.72','kabkota','61','Kota "
                         "Singkawang',1);"
                         "INSERT INTO regions VALUES ('71.71','manado','Kota "
                         "Manado','kota','WITA','2026-01-01T00:00:00.000Z'),"
                         " ('61.72','singkawang','Kota "
                         "Singkawang','kota','WIB','2026-01-01T00:00:00.000Z');"
                         "INSERT INTO opds (id, region_code, name, short_name, type, created_at, "
                         "updated_at) VALUES"
                         " (1,'71.71','Diskominfo','Diskominfo','dinas','x','x'), "
                         "(2,'71.71','Dinkes','Dinkes','dinas','x','x');");
                   })
                    .ok());
    auto plan = Write<PlanDetail>([](store::Connection& c, const WriteContext& ctx) {
      return CreatePlan(c, ctx, {2025, 2034, "Masterplan Smart City Kota Manado"});
    });
    ASSERT_TRUE(plan.ok()) << plan.error().message.en;
    plan_ = plan->plan.id;
    for (int64_t owner : {1, 2}) {
      ASSERT_TRUE(
          Save(Program{.dimension = "governance",
                       .element = "layanan_publik",
                       .name = "Program OPD " + std::to_string(owner),
                       .owner_opd_id = owner,
                       .start_year = 2026,
                       .end_year = 2027,
                       .budget = {{2026, "APBD", 1'000'000'000}, {2027, "APBD", 500'000'000}},
                       .kpis = {{"Layanan daring", "layanan", 10, {{2027, 80}}}}})
              .ok());
    }
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  template <class T>
  Result<T> Write(std::function<Result<T>(store::Connection&, const WriteContext&)> fn) {
    const WriteContext ctx{accounts::Actor::User(7), "71.71", "2026-11-26T00:00:00.000Z"};
    return RunWriteSync<T>(*db_, [&](store::Connection& c) { return fn(c, ctx); });
  }
  Result<Program> Save(Program p, OpdCheck check = {}) {
    return Write<Program>([&](store::Connection& c, const WriteContext& ctx) {
      return SaveProgram(c, ctx, plan_, p, check);
    });
  }
  Result<ProgressReport> Submit(int no, const char* period, int realisation, int64_t budget,
                                OpdCheck check = {}) {
    ProgressReport r{.program_no = no,
                     .period = period,
                     .realisation = realisation,
                     .budget_realised = budget,
                     .narrative = "Pekerjaan berjalan sesuai rencana."};
    return Write<ProgressReport>([&](store::Connection& c, const WriteContext& ctx) {
      return SubmitProgress(c, ctx, plan_, r, check);
    });
  }
  Result<ProgressReport> Check(int no, const char* period, CheckRequest c) {
    return Write<ProgressReport>([&](store::Connection& conn, const WriteContext& ctx) {
      return CheckProgress(conn, ctx, plan_, no, period, c);
    });
  }
  ProgressReport Current(int no, const std::string& period) {
    auto p = db_->Read(
        [&](store::Connection& c) { return GetProgramProgress(c, "71.71", plan_, no, {}); });
    EXPECT_TRUE(p.ok());
    for (const ProgressReport& r : p->periods) {
      if (r.period == period) return r;
    }
    ADD_FAILURE() << "no report " << no << " " << period;
    return {};
  }
  std::vector<accounts::AuditRecord> Audit(const std::string& action) {
    auto r = db_->Read([&](store::Connection& c) {
      return accounts::QueryAudit(c, {.region_code = "71.71", .action = action, .limit = 100});
    });
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::vector<accounts::AuditRecord>{};
  }
  Result<QuickWin> SaveQw(QuickWin q) {
    return Write<QuickWin>([&](store::Connection& c, const WriteContext& ctx) {
      return SaveQuickWin(c, ctx, plan_, q);
    });
  }
  Result<QuickWinReport> SubmitQw(QuickWinReport r, OpdCheck check = {}) {
    if (r.narrative.empty()) r.narrative = "Uji coba berjalan di dua kelurahan.";
    return Write<QuickWinReport>([&](store::Connection& c, const WriteContext& ctx) {
      return SubmitQuickWinProgress(c, ctx, plan_, r, check);
    });
  }
  RegionSummary Row(const std::string& region) {
    auto rows = db_->Read([](store::Connection& c) { return NationalSummary(c, {}); });
    EXPECT_TRUE(rows.ok());
    for (const RegionSummary& r : *rows) {
      if (r.region_code == region) return r;
    }
    ADD_FAILURE() << "no row for " << region;
    return {};
  }

  fs::path dir_;
  std::unique_ptr<store::Database> db_;
  int64_t plan_ = 0;
};

const OpdCheck kOnlyOpd1 = [](int64_t opd) { return opd == 1; };

TEST_F(ProgressTest, OfficerEditsOnlyOwnOpdsProgramsAndCannotHandThemOver) {
  Program mine{.no = 1,
               .dimension = "governance",
               .element = "layanan_publik",
               .name = "Program baru",
               .owner_opd_id = 1,
               .horizon = Horizon::kPendek,
               .start_year = 2026,
               .end_year = 2026};
  EXPECT_TRUE(Save(mine, kOnlyOpd1).ok());
  Program theirs = mine;
  theirs.no = 2;
  theirs.owner_opd_id = 2;
  auto refused = Save(theirs, kOnlyOpd1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  mine.owner_opd_id = 2;  // handing its own program to another OPD
  auto handed = Save(mine, kOnlyOpd1);
  ASSERT_FALSE(handed.ok());
  EXPECT_EQ(handed.error().details.at(0).field, "owner_opd_id");
  mine.no = 0;  // officers do not create programs
  EXPECT_EQ(Save(mine, kOnlyOpd1).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(Save(theirs).ok());  // masterplan.edit: any OPD
}

TEST_F(ProgressTest, SubmissionsKeepHistoryAndOwnerRuleAndStoreNothingOnError) {
  EXPECT_EQ(Submit(2, "2026-Q1", 10, 0, kOnlyOpd1).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Submit(9, "2026-Q1", 10, 0).error().code, ErrorCode::kNotFound);
  auto bad = Submit(1, "2026-Q1", 150, -1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().details.size(), 2u);
  auto first = Submit(1, "2026-Q1", 20, 100'000'000, kOnlyOpd1);
  ASSERT_TRUE(first.ok()) << first.error().message.en;
  EXPECT_EQ(first->revision, 1);
  auto second = Submit(1, "2026-Q1", 25, 120'000'000, kOnlyOpd1);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->revision, 2);
  auto monthly = Submit(1, "2026-05", 30, 0);  // quarters and months do not mix in one program
  ASSERT_FALSE(monthly.ok());
  EXPECT_EQ(monthly.error().details.at(0).field, "period");
  auto p =
      db_->Read([&](store::Connection& c) { return GetProgramProgress(c, "71.71", plan_, 1, {}); });
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->periods.size(), 1u);
  EXPECT_EQ(p->periods[0].realisation, 25);
  ASSERT_EQ(p->history.size(), 2u);
  EXPECT_EQ(p->history[0].realisation, 20);
  auto period =
      db_->Read([&](store::Connection& c) { return GetPeriod(c, "71.71", plan_, "2026-Q1"); });
  ASSERT_TRUE(period.ok());
  ASSERT_EQ(period->size(), 2u);
  EXPECT_TRUE((*period)[0].report.has_value());
  EXPECT_FALSE((*period)[1].report.has_value());  // missing: visible as such
}

// Semesters and years are periods like quarters: reported, read back in the period view, and
// one program keeps one kind of the four.
TEST_F(ProgressTest, SemestersAndYears) {
  auto semester = Submit(2, "2026-S1", 35, 40'000'000);
  ASSERT_TRUE(semester.ok()) << semester.error().message.en;
  EXPECT_EQ(semester->revision, 1);
  ASSERT_TRUE(Submit(1, "2026-Q1", 20, 0).ok());
  for (const char* other : {"2026-Q2", "2026", "2026-05"}) {
    auto mixed = Submit(2, other, 40, 0);
    ASSERT_FALSE(mixed.ok()) << other;
    EXPECT_EQ(mixed.error().details.at(0).field, "period");
    EXPECT_EQ(mixed.error().details.at(0).message.id, "program ini dilaporkan per semester");
  }
  auto yearly = Submit(1, "2026", 40, 0);
  ASSERT_FALSE(yearly.ok());
  EXPECT_EQ(yearly.error().details.at(0).message.en, "this program reports quarterly");
  auto period =
      db_->Read([&](store::Connection& c) { return GetPeriod(c, "71.71", plan_, "2026-S1"); });
  ASSERT_TRUE(period.ok());
  ASSERT_EQ(period->size(), 2u);
  EXPECT_FALSE((*period)[0].report.has_value());  // program 1 reports quarterly
  ASSERT_TRUE((*period)[1].report.has_value());
  EXPECT_EQ((*period)[1].report->realisation, 35);
  auto malformed =
      db_->Read([&](store::Connection& c) { return GetPeriod(c, "71.71", plan_, "2026-S3"); });
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.error().details.at(0).message.id, PeriodFormatMessage().id);
}

TEST_F(ProgressTest, SummaryRowFollowsEveryWrite) {
  RegionSummary r = Row("71.71");
  ASSERT_TRUE(r.has_plan);
  EXPECT_EQ(r.programs, 2);
  EXPECT_EQ(r.budget_planned, 3'000'000'000);
  EXPECT_EQ(r.stage, 1);
  EXPECT_EQ(r.version_status, "draft");
  EXPECT_FALSE(r.readiness_avg.has_value());
  ASSERT_TRUE(Submit(1, "2026-Q1", 20, 100'000'000).ok());
  ASSERT_TRUE(Submit(1, "2026-Q2", 45, 150'000'000).ok());
  ASSERT_TRUE(Submit(2, "2026-Q1", 30, 50'000'000).ok());
  r = Row("71.71");
  EXPECT_EQ(r.budget_realised, 300'000'000);
  EXPECT_EQ(r.progress, 3750);  // (45 + 30) / 2 programs = 37,50 %
  EXPECT_EQ(r.latest_period, "2026-Q2");
  auto round = Write<EvaluationRound>([](store::Connection& c, const WriteContext& ctx) {
    return CreateRound(c, ctx, {.year = 2025, .round = 2, .weights = kWeights2022});
  });
  ASSERT_TRUE(round.ok());
  ASSERT_TRUE(Write<EvaluationResult>([&](store::Connection& c, const WriteContext& ctx) {
                return SetEvaluation(c, ctx, round->id, {{384, 318, 353, 363, 335}}, {});
              }).ok());
  EXPECT_EQ(Row("71.71").eval_index, 348);
  EXPECT_FALSE(Row("61.72").has_plan);  // listed, without a plan
}

TEST_F(ProgressTest, NationalReadFiltersAndSorts) {
  auto read = [&](NationalQuery q) {
    std::vector<std::string> codes;
    auto rows = db_->Read([&](store::Connection& c) { return NationalSummary(c, q); });
    EXPECT_TRUE(rows.ok());
    for (const RegionSummary& r : *rows) codes.push_back(r.region_code);
    return codes;
  };
  EXPECT_EQ(read({}), (std::vector<std::string>{"71.71", "61.72"}));  // by name: Manado, Singkawang
  EXPECT_EQ(read({.sort = "region", .descending = true}),
            (std::vector<std::string>{"61.72", "71.71"}));
  EXPECT_EQ(read({.province = "71"}), std::vector<std::string>{"71.71"});
  EXPECT_EQ(read({.stage = 0}), std::vector<std::string>{"61.72"});
  EXPECT_EQ(read({.stage = 1}), std::vector<std::string>{"71.71"});
  EXPECT_EQ(read({.sort = "programs", .descending = true}),
            (std::vector<std::string>{"71.71", "61.72"}));
  EXPECT_EQ(read({.sort = "programs"}),
            (std::vector<std::string>{"71.71", "61.72"}));  // empty last
  EXPECT_TRUE(IsSummarySortKey("progress"));
  EXPECT_FALSE(IsSummarySortKey("r.code; DROP TABLE regions"));
}

TEST_F(ProgressTest, CheckMarksTheCurrentRevisionAndAResubmissionResetsIt) {
  ASSERT_TRUE(Submit(1, "2026-Q1", 20, 100'000'000).ok());
  EXPECT_EQ(Current(1, "2026-Q1").check.state, CheckState::kSubmitted);

  auto checked = Check(1, "2026-Q1", {.revision = 1, .state = CheckState::kChecked});
  ASSERT_TRUE(checked.ok()) << checked.error().message.en;
  EXPECT_EQ(checked->check.state, CheckState::kChecked);
  ProgressReport stored = Current(1, "2026-Q1");
  EXPECT_EQ(stored.check.state, CheckState::kChecked);
  EXPECT_EQ(stored.check.by, "user:7");
  EXPECT_EQ(stored.check.at, "2026-11-26T00:00:00.000Z");
  auto audit = Audit("program.progress.check");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].entry.after.at("items"), (boost::json::array{"program:1"}));
  EXPECT_EQ(audit[0].entry.after.at("state").as_string(), "diperiksa");

  // Refused, nothing changed: a stale revision, a blank return note, the submitted state, no
  // report for the period, a malformed period.
  auto stale = Check(1, "2026-Q1", {.revision = 2, .state = CheckState::kReturned, .note = "x"});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(stale.error().slug, "stale_revision");
  auto blank = Check(1, "2026-Q1", {.revision = 1, .state = CheckState::kReturned, .note = " \n"});
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(blank.error().details.at(0).field, "note");
  auto back = Check(1, "2026-Q1", {.revision = 1, .state = CheckState::kSubmitted});
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().details.at(0).field, "state");
  EXPECT_EQ(Check(1, "2026-Q2", {.revision = 1}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Check(1, "2026-Q7", {.revision = 1}).error().details.at(0).field, "period");
  EXPECT_EQ(Current(1, "2026-Q1").check.state, CheckState::kChecked);
  EXPECT_EQ(Audit("program.progress.check").size(), 1u);

  // Returned with a note; the owner resubmits: revision 2, "diajukan" again, note cleared;
  // a check of revision 1 is now stale.
  auto returned =
      Check(1, "2026-Q1", {.revision = 1, .state = CheckState::kReturned, .note = "Bukti kurang."});
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(Current(1, "2026-Q1").check.note, "Bukti kurang.");
  EXPECT_EQ(Current(1, "2026-Q1").check.state, CheckState::kReturned);
  auto again = Submit(1, "2026-Q1", 25, 100'000'000, kOnlyOpd1);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->revision, 2);
  stored = Current(1, "2026-Q1");
  EXPECT_EQ(stored.revision, 2);
  EXPECT_EQ(stored.check.state, CheckState::kSubmitted);
  EXPECT_EQ(stored.check.note, "");
  EXPECT_EQ(stored.check.by, "");
  EXPECT_EQ(Check(1, "2026-Q1", {.revision = 1}).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(Check(1, "2026-Q1", {.revision = 2}).ok());
  auto period =
      db_->Read([&](store::Connection& c) { return GetPeriod(c, "71.71", plan_, "2026-Q1"); });
  ASSERT_TRUE(period.ok());
  EXPECT_EQ((*period)[0].report->check.state, CheckState::kChecked);
}

TEST_F(ProgressTest, QuickWinReportsByTheOwnerOpdDriveTheSummary) {
  QuickWin q{.dimension = "governance",
             .name = "Pengaduan satu pintu",
             .state = QuickWinState::kFinal,
             .reason = "Cepat terasa oleh warga.",
             .owner_opd_id = 1,
             .start_date = "2026-01-01",
             .end_date = "2026-12-31",
             .milestones = "Rancangan\n  Uji coba \n\nPeluncuran"};
  auto mine = SaveQw(q);
  ASSERT_TRUE(mine.ok()) << mine.error().message.en;
  q.name = "Milik Dinkes";
  q.owner_opd_id = 2;
  auto theirs = SaveQw(q);
  ASSERT_TRUE(theirs.ok());
  QuickWin idea{.dimension = "living", .name = "Ide saja"};
  auto candidate = SaveQw(idea);
  ASSERT_TRUE(candidate.ok());
  EXPECT_EQ(MilestoneLines(q), (std::vector<std::string>{"Rancangan", "Uji coba", "Peluncuran"}));
  EXPECT_EQ(Row("71.71").quick_wins_final, 2);
  EXPECT_EQ(Row("71.71").quick_win_progress, 0);

  // The officer of OPD 1 reports on its own quick win only; candidates do not report.
  auto refused = SubmitQw({.quick_win_no = theirs->no, .period = "2026-Q1"}, kOnlyOpd1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  auto idea_report = SubmitQw({.quick_win_no = candidate->no, .period = "2026-Q1"});
  ASSERT_FALSE(idea_report.ok());
  EXPECT_EQ(idea_report.error().details.at(0).field, "quick_win");
  auto bad = SubmitQw({.quick_win_no = mine->no,
                       .period = "2027-Q1",
                       .realisation = 120,
                       .milestones_done = {"Uji coba", "Terbang", "Uji coba"}},
                      kOnlyOpd1);
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields;
  for (const auto& d : bad.error().details) fields.push_back(d.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"period", "realisation", "milestones_done[1]",
                                              "milestones_done[2]"}));
  EXPECT_EQ(SubmitQw({.quick_win_no = 99, .period = "2026-Q1"}).error().code, ErrorCode::kNotFound);
  auto nothing = db_->Read(
      [&](store::Connection& c) { return GetQuickWinProgress(c, "71.71", plan_, mine->no, {}); });
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->history.empty());
  EXPECT_TRUE(Audit("quick_win.progress").empty());

  auto first = SubmitQw({.quick_win_no = mine->no,
                         .period = "2026-Q1",
                         .realisation = 40,
                         .budget_realised = 10'000'000,
                         .milestones_done = {"Rancangan"}},
                        kOnlyOpd1);
  ASSERT_TRUE(first.ok()) << first.error().message.en;
  EXPECT_EQ(first->revision, 1);
  EXPECT_EQ(first->owner_opd_id, 1);
  EXPECT_EQ(Row("71.71").quick_win_progress, 20);  // (40 + 0) / 2 final quick wins
  auto second = SubmitQw({.quick_win_no = mine->no, .period = "2026-Q2", .realisation = 70});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(Row("71.71").quick_win_progress, 35);  // the latest period counts
  EXPECT_EQ(SubmitQw({.quick_win_no = mine->no, .period = "2026-05", .realisation = 75})
                .error()
                .details.at(0)
                .field,
            "period");  // quarters and months do not mix

  // Checked like program reports; a resubmission is revision 2 in "diajukan".
  auto returned = Write<QuickWinReport>([&](store::Connection& c, const WriteContext& ctx) {
    return CheckQuickWinProgress(c, ctx, plan_, mine->no, "2026-Q1",
                                 {.revision = 1, .state = CheckState::kReturned, .note = "Foto?"});
  });
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(returned->check.state, CheckState::kReturned);
  auto resubmitted =
      SubmitQw({.quick_win_no = mine->no, .period = "2026-Q1", .realisation = 45}, kOnlyOpd1);
  ASSERT_TRUE(resubmitted.ok());
  EXPECT_EQ(resubmitted->revision, 2);
  auto progress = db_->Read([&](store::Connection& c) {
    return GetQuickWinProgress(c, "71.71", plan_, mine->no, kOnlyOpd1);
  });
  ASSERT_TRUE(progress.ok());
  ASSERT_EQ(progress->periods.size(), 2u);
  EXPECT_EQ(progress->periods[0].revision, 2);
  EXPECT_EQ(progress->periods[0].check.state, CheckState::kSubmitted);
  EXPECT_EQ(progress->history.size(), 3u);
  EXPECT_EQ(progress->history[0].milestones_done, std::vector<std::string>{"Rancangan"});
  auto audit = Audit("quick_win.progress");
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[0].entry.after.at("items"),
            (boost::json::array{"quick_win:" + std::to_string(mine->no)}));
  EXPECT_EQ(Audit("quick_win.progress.check").size(), 1u);

  auto period = db_->Read(
      [&](store::Connection& c) { return GetQuickWinPeriod(c, "71.71", plan_, "2026-Q2"); });
  ASSERT_TRUE(period.ok());
  ASSERT_EQ(period->size(), 2u);  // the candidate is not listed
  EXPECT_TRUE((*period)[0].report.has_value());
  EXPECT_FALSE((*period)[1].report.has_value());  // missing
}

TEST_F(ProgressTest, NationalTableHasOneRowPerRegionWithQuickWins) {
  ASSERT_TRUE(Submit(1, "2026-Q1", 20, 100'000'000).ok());
  auto rows = db_->Read([](store::Connection& c) { return NationalSummary(c, {}); });
  ASSERT_TRUE(rows.ok());
  const CsvTable t = NationalSummaryTable(*rows);
  ASSERT_EQ(t.header().size(), 17u);
  EXPECT_EQ(t.header()[0], "kode");
  EXPECT_EQ(t.header()[16], "kemajuan_quick_win_persen");
  ASSERT_EQ(t.rows().size(), 2u);
  EXPECT_EQ(t.rows()[0][0], "71.71");
  EXPECT_EQ(t.rows()[0][1], "Kota Manado");
  EXPECT_EQ(t.rows()[0][12], "100000000");
  EXPECT_EQ(t.rows()[0][13], "10.00");  // (20 + 0) / 2 programs
  EXPECT_EQ(t.rows()[0][14], "2026-Q1");
  EXPECT_EQ(t.rows()[1][0], "61.72");
  EXPECT_EQ(t.rows()[1][6], "");  // no plan, no readiness
  auto xlsx = t.Xlsx("Masterplan nasional");
  ASSERT_TRUE(xlsx.ok());
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
  EXPECT_NE(t.Csv().find("71.71,Kota Manado,Sulawesi Utara,1,0,draft"), std::string::npos);
}

}  // namespace
}  // namespace kc::masterplan
