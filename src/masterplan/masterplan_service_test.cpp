// The service on a real (temporary) SQLite database: create, overlap, edit, versions frozen
// after publication, team validation, the Bimtek walk through every gate, nothing half-stored.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "accounts/audit.h"
#include "masterplan/masterplan_service.h"
#include "masterplan/masterplan_store.h"
#include "masterplan/program_service.h"
#include "masterplan/readiness_service.h"
#include "masterplan/reference.h"
#include "store/database.h"

namespace kc::masterplan {
namespace {

namespace fs = std::filesystem;

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kc-masterplan-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto db = store::Database::Open({.path = (dir_ / "kc.db").string()}, store::EmbeddedMigrations());
    ASSERT_TRUE(db.ok()) << db.error().message.en;
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->WriteSync([](store::Connection& c) {
      return c.Exec(
          "INSERT INTO areas VALUES ('71','provinsi',NULL,'Sulawesi Utara',1),"
          " ('71.71','kabkota','71','Kota Manado',1), ('71.74','kabkota','71','Kota Kotamobagu',1),"
          " ('71.71.01','kecamatan','71.71','Bunaken',1), ('71.74.01','kecamatan','71.74','Kotamobagu Barat',1);"
          "INSERT INTO regions VALUES ('71.71','manado','Kota Manado','kota','WITA','2026-01-01T00:00:00.000Z'),"
          " ('71.74','kotamobagu','Kota Kotamobagu','kota','WITA','2026-01-01T00:00:00.000Z');"
          "INSERT INTO opds (id, region_code, name, short_name, type, created_at, updated_at) VALUES"
          " (1,'71.71','Bappeda','Bappeda','badan','x','x'), (2,'71.74','Bappeda','Bappeda','badan','x','x');");
    }).ok());
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  WriteContext Ctx() { return {accounts::Actor::User(7), "71.71", "2026-11-26T00:00:00.000Z"}; }

  template <class T>
  Result<T> Write(std::function<Result<T>(store::Connection&, const WriteContext&)> fn) {
    const WriteContext ctx = Ctx();
    return RunWriteSync<T>(*db_, [&](store::Connection& c) { return fn(c, ctx); });
  }
  Result<PlanDetail> Create(int start = 2025, int end = 2034) {
    return Write<PlanDetail>([&](store::Connection& c, const WriteContext& ctx) {
      return CreatePlan(c, ctx, {start, end, "Masterplan Smart City Kota Manado"});
    });
  }
  Result<PlanDetail> Move(int64_t id, Transition t) {
    return Write<PlanDetail>([&](store::Connection& c, const WriteContext& ctx) {
      return ApplyTransition(c, ctx, id, t, "");
    });
  }
  size_t AuditCount() {
    auto r = db_->Read([](store::Connection& c) {
      return accounts::QueryAudit(c, {.region_code = "71.71", .limit = 1000});
    });
    return r.ok() ? r->size() : 9999;
  }
  // Makes stage `n` ready for its gate.
  void Prepare(int64_t id, int n) {
    ASSERT_TRUE(Write<Stage>([&](store::Connection& c, const WriteContext& ctx) {
      return UpdateStage(c, ctx, id, n, {"2023-07-31", "2023-08-01", "Aula Diskominfo", "Konsultan"});
    }).ok());
    ASSERT_TRUE(Write<Stage>([&](store::Connection& c, const WriteContext& ctx) {
      return AddParticipant(c, ctx, id, n, {.name = "Kepala Bappeda", .opd_id = 1, .area_code = "71.71.01",
                                           .attended = true});
    }).ok());
    if (n == 1) FillReadiness(id, 4);
    if (n >= 2) AdvanceQuickWins(id, n);
    for (const StageOutput& o : FindStage(n)->outputs) {
      if (o.data) continue;
      ASSERT_TRUE(Write<Stage>([&](store::Connection& c, const WriteContext& ctx) {
        return RecordOutput(c, ctx, id, n, {.output = std::string(o.key), .title = "Dokumen", .reference = "x.pdf"});
      }).ok());
    }
  }
  // Scores every sub-aspect `score` and gives every dimension its four SWOT items.
  void FillReadiness(int64_t id, int score) {
    std::vector<ReadinessScore> scores;
    for (const Dimension& d : Dimensions()) {
      for (const ReadinessAspect& a : ReadinessAspects()) {
        for (const Named& sub : a.sub_aspects) {
          scores.push_back({std::string(d.key), std::string(a.aspect.key), std::string(sub.key), score, "cukup"});
        }
      }
    }
    ASSERT_TRUE(Write<Analysis>([&](store::Connection& c, const WriteContext& ctx) {
      return SetScores(c, ctx, id, scores);
    }).ok());
    for (const Dimension& d : Dimensions()) {
      for (SwotKind k : {SwotKind::kStrength, SwotKind::kWeakness, SwotKind::kOpportunity, SwotKind::kThreat}) {
        ASSERT_TRUE(Write<Analysis>([&](store::Connection& c, const WriteContext& ctx) {
          return AddSwot(c, ctx, id, {.dimension = std::string(d.key), .kind = k, .text = "butir SWOT"});
        }).ok());
      }
    }
  }
  // Stage II: a candidate per dimension; III: selected with a reason; IV: final with owner and dates.
  void AdvanceQuickWins(int64_t id, int n) {
    int no = 0;
    for (const Dimension& d : Dimensions()) {
      ++no;
      QuickWin q{.no = n == 2 ? 0 : no, .dimension = std::string(d.key), .name = "Quick win " + std::string(d.key)};
      if (n >= 3) {
        q.state = n == 3 ? QuickWinState::kSelected : QuickWinState::kFinal;
        q.reason = "dampak langsung bagi warga";
      }
      if (n == 4) {
        q.owner_opd_id = 1;
        q.start_date = "2024-01-15";
        q.end_date = "2024-12-15";
      }
      auto r = Write<QuickWin>([&](store::Connection& c, const WriteContext& ctx) { return SaveQuickWin(c, ctx, id, q); });
      ASSERT_TRUE(r.ok()) << r.error().message.en;
    }
  }
  Result<Stage> Complete(int64_t id, int n) {
    return Write<Stage>([&](store::Connection& c, const WriteContext& ctx) { return CompleteStage(c, ctx, id, n); });
  }

  fs::path dir_;
  std::unique_ptr<store::Database> db_;
};

TEST_F(ServiceTest, CreateValidatesAndRefusesOverlap) {
  auto none = db_->Read([&](store::Connection& c) { return GetCurrentPlan(c, "71.71", 2026); });
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().Slug(), "plan_not_found");
  auto plan = Create();
  ASSERT_TRUE(plan.ok()) << plan.error().message.en;
  auto unpublished =
      db_->Read([&](store::Connection& c) { return ListPublishedPlans(c, "71.71"); });
  ASSERT_TRUE(unpublished.ok());
  EXPECT_TRUE(unpublished->empty());
  EXPECT_EQ(plan->plan.latest.status, VersionStatus::kDraft);
  EXPECT_EQ(plan->stages.size(), 4u);
  auto overlap = Create(2030, 2039);
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().Slug(), "period_overlap");
  auto bad = Create(2030, 2020);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().details.at(0).field, "end_year");
  EXPECT_TRUE(Create(2035, 2044).ok());
}

TEST_F(ServiceTest, TeamRefusesAnotherRegionsOpdAndStoresNothing) {
  auto plan = Create();
  ASSERT_TRUE(plan.ok());
  const size_t audits = AuditCount();
  auto r = Write<PlanDetail>([&](store::Connection& c, const WriteContext& ctx) {
    return AddTeamMember(c, ctx, plan->plan.id, {.name = "Ketua", .role = "Ketua", .opd_id = 2});
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.at(0).field, "opd_id");
  EXPECT_EQ(AuditCount(), audits);
  auto ok = Write<PlanDetail>([&](store::Connection& c, const WriteContext& ctx) {
    return AddTeamMember(c, ctx, plan->plan.id, {.body = TeamBody::kDewan, .name = "Wali Kota", .role = "Ketua"});
  });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->team.size(), 1u);
  EXPECT_EQ(AuditCount(), audits + 1);
}

TEST_F(ServiceTest, GateRefusesThenWalksAllStagesAndPublishFreezes) {
  auto plan = Create();
  ASSERT_TRUE(plan.ok());
  const int64_t id = plan->plan.id;
  auto early = Complete(id, 1);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().Slug(), "stage_gate");
  auto skip = Complete(id, 2);
  ASSERT_FALSE(skip.ok());
  EXPECT_EQ(skip.error().details.at(0).field, "previous_stage");

  for (int n = 1; n <= 4; ++n) {
    Prepare(id, n);
    if (n == 4) {  // the plan goes through review while the last stage is still open
      ASSERT_TRUE(Move(id, Transition::kSubmit).ok());
      ASSERT_TRUE(Move(id, Transition::kApprove).ok());
      auto publish = Move(id, Transition::kPublish);
      ASSERT_FALSE(publish.ok());
      EXPECT_EQ(publish.error().Slug(), "stages_incomplete");
      ASSERT_EQ(publish.error().details.size(), 1u);
      EXPECT_EQ(publish.error().details[0].field, "bimtek.IV");
    }
    auto done = Complete(id, n);
    ASSERT_TRUE(done.ok()) << n << " " << (done.ok() ? "" : done.error().message.en);
    EXPECT_TRUE(done->completed());
  }
  auto again = Write<Stage>([&](store::Connection& c, const WriteContext& ctx) {
    return UpdateStage(c, ctx, id, 1, {.place = "Hotel"});
  });
  EXPECT_EQ(again.error().Slug(), "stage_completed");

  auto published = Move(id, Transition::kPublish);
  ASSERT_TRUE(published.ok()) << published.error().message.en;
  EXPECT_EQ(published->plan.latest.status, VersionStatus::kPublished);

  // Editing now opens version 2; version 1 stays as published.
  auto edited = Write<PlanDetail>([&](store::Connection& c, const WriteContext& ctx) {
    return EditVersion(c, ctx, id, {.summary = "Revisi 2026"});
  });
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->plan.latest.number, 2);
  EXPECT_EQ(edited->plan.latest.status, VersionStatus::kDraft);
  ASSERT_TRUE(edited->plan.published.has_value());
  EXPECT_EQ(edited->plan.published->number, 1);
  EXPECT_EQ(edited->plan.published->summary, "");
  // Version 2 carries the content of version 1 (scores, SWOT); the published one keeps its own.
  auto v2 = db_->Read([&](store::Connection& c) { return GetAnalysis(c, "71.71", id); });
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->summary.scored, 54);
  EXPECT_EQ(v2->swot.size(), 24u);
  // The public list keeps showing version 1 under the draft; the current plan says published.
  auto listed = db_->Read([&](store::Connection& c) { return ListPublishedPlans(c, "71.71"); });
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  ASSERT_TRUE(listed->at(0).published.has_value());
  EXPECT_EQ(listed->at(0).published->number, 1);
  EXPECT_EQ(listed->at(0).published->status, VersionStatus::kPublished);
  EXPECT_EQ(listed->at(0).latest.number, 2);
  auto current = db_->Read([&](store::Connection& c) { return GetCurrentPlan(c, "71.71", 2026); });
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->id, id);
  EXPECT_EQ(current->latest.status, VersionStatus::kDraft);
  EXPECT_TRUE(current->published.has_value());
  ASSERT_TRUE(Write<Analysis>([&](store::Connection& c, const WriteContext& ctx) {
    return SetScores(c, ctx, id, {{"governance", "struktur", "sdm", 1, "turun"}});
  }).ok());
  auto v1 = db_->Read([&](store::Connection& c) { return GetAnalysis(c, "71.71", id, true); });
  ASSERT_TRUE(v1.ok());
  EXPECT_EQ(v1->version, 1);
  EXPECT_DOUBLE_EQ(v1->summary.overall.Rounded(), 4.0);

  // The schema itself refuses changes to the published version.
  Status direct = db_->WriteSync([&](store::Connection& c) {
    return c.Exec("UPDATE masterplan_versions SET title = 'x' WHERE number = 1");
  });
  EXPECT_FALSE(direct.ok());
}

TEST_F(ServiceTest, ProgramsAreCheckedAgainstThePlanAndRegion) {
  auto plan = Create();
  ASSERT_TRUE(plan.ok());
  const int64_t id = plan->plan.id;
  Program p{.dimension = "environment", .element = "pengelolaan_sampah_limbah", .name = "Bank Sampah Digital",
            .owner_opd_id = 2,  // Kotamobagu's OPD
            .horizon = Horizon::kMenengah, .start_year = 2033, .end_year = 2036,
            .location_code = "71.74.01"};
  p.budget = {{2033, "APBD", -1}};
  const size_t audits = AuditCount();
  auto bad = Write<Program>([&](store::Connection& c, const WriteContext& ctx) { return SaveProgram(c, ctx, id, p); });
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields;
  for (const auto& d : bad.error().details) fields.push_back(d.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"end_year", "budget[0].amount", "owner_opd_id", "location_code"}));
  EXPECT_EQ(AuditCount(), audits);
  p.owner_opd_id = 1;
  p.end_year = 2034;
  p.location_code = "71.71.01";
  p.budget = {{2033, "APBD", 500'000'000}, {2034, "CSR", 250'000'000}};
  p.kpis = {{"Timbulan sampah terkelola", "%", 45, {{2033, 60}, {2034, 75}}}};
  auto ok = Write<Program>([&](store::Connection& c, const WriteContext& ctx) { return SaveProgram(c, ctx, id, p); });
  ASSERT_TRUE(ok.ok()) << ok.error().message.en;
  EXPECT_EQ(ok->no, 1);
  auto list = db_->Read([&](store::Connection& c) { return GetPrograms(c, "71.71", id); });
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->programs.size(), 1u);
  EXPECT_EQ(list->programs[0].budget.size(), 2u);
  EXPECT_EQ(list->programs[0].budget[1].amount, 250'000'000);
  EXPECT_DOUBLE_EQ(list->programs[0].kpis[0].targets.at(2034), 75);
  Program missing = p;
  missing.no = 9;
  auto nine = Write<Program>([&](store::Connection& c, const WriteContext& ctx) { return SaveProgram(c, ctx, id, missing); });
  EXPECT_EQ(nine.error().Slug(), "program_not_found");
}

TEST_F(ServiceTest, LockedWhileInReviewAndBadInputs) {
  auto plan = Create();
  ASSERT_TRUE(plan.ok());
  const int64_t id = plan->plan.id;
  ASSERT_TRUE(Move(id, Transition::kSubmit).ok());
  auto locked = Write<PlanDetail>([&](store::Connection& c, const WriteContext& ctx) {
    return EditVersion(c, ctx, id, {.title = "Judul baru"});
  });
  EXPECT_EQ(locked.error().Slug(), "version_locked");
  ASSERT_TRUE(Move(id, Transition::kRequestChanges).ok());
  EXPECT_TRUE(Write<PlanDetail>([&](store::Connection& c, const WriteContext& ctx) {
    return EditVersion(c, ctx, id, {.title = "Judul baru"});
  }).ok());

  auto bad_date = Write<Stage>([&](store::Connection& c, const WriteContext& ctx) {
    return UpdateStage(c, ctx, id, 1, {.start_date = "2023-02-30", .end_date = "31/07/2023"});
  });
  ASSERT_FALSE(bad_date.ok());
  EXPECT_EQ(bad_date.error().details.size(), 2u);
  auto reversed = Write<Stage>([&](store::Connection& c, const WriteContext& ctx) {
    return UpdateStage(c, ctx, id, 1, {.start_date = "2023-08-02", .end_date = "2023-08-01"});
  });
  EXPECT_EQ(reversed.error().details.at(0).field, "end_date");
  auto wrong_output = Write<Stage>([&](store::Connection& c, const WriteContext& ctx) {
    return RecordOutput(c, ctx, id, 1, {.output = "buku2", .title = "Buku 2", .reference = "b.pdf"});
  });
  EXPECT_EQ(wrong_output.error().details.at(0).field, "output");
  auto other_area = Write<Stage>([&](store::Connection& c, const WriteContext& ctx) {
    return AddParticipant(c, ctx, id, 1, {.name = "Camat", .area_code = "71.74.01"});
  });
  EXPECT_EQ(other_area.error().details.at(0).field, "area_code");
  auto bad_scores = Write<Analysis>([&](store::Connection& c, const WriteContext& ctx) {
    return SetScores(c, ctx, id, {{"governance", "struktur", "sdm", 4, "baik"},
                                  {"economy", "struktur", "sdm", 9, "baik"}});
  });
  ASSERT_FALSE(bad_scores.ok());
  EXPECT_EQ(bad_scores.error().details.at(0).field, "scores[1].score");
  auto none = db_->Read([&](store::Connection& c) { return GetAnalysis(c, "71.71", id); });
  EXPECT_EQ(none->summary.scored, 0);  // the valid first score was not stored either
  auto record_data = Write<Stage>([&](store::Connection& c, const WriteContext& ctx) {
    return RecordOutput(c, ctx, id, 1, {.output = "swot", .title = "SWOT", .reference = "s.pdf"});
  });
  EXPECT_EQ(record_data.error().details.at(0).field, "output");
  auto other_region = db_->Read([&](store::Connection& c) { return GetPlan(c, "71.74", id); });
  EXPECT_EQ(other_region.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace kc::masterplan
