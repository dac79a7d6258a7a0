// Review comments and item history on a real (temporary) SQLite database: who may comment,
// request changes, read and resolve; bad input stores nothing; every comment and resolution is
// audited with its item, next to the item's edits.
#include "masterplan/comment_service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "accounts/audit.h"
#include "masterplan/readiness_service.h"
#include "store/database.h"

namespace kc::masterplan {
namespace {

namespace fs = std::filesystem;

const CommentAuthor kConsultant{7, "user:7", "Konsultan", "consultant"};
const CommentAuthor kOfficer1{8, "user:8", "Petugas OPD 1", "opd_officer"};
const CommentAuthor kOfficer2{9, "user:9", "Petugas OPD 2", "opd_officer"};
const CommentRights kReviewer{
    .read = true, .edit = true, .review = true, .opd = [](int64_t) { return true; }};
CommentRights Officer(int64_t opd) {
  return {.opd = [opd](int64_t o) { return o == opd; }};
}

class MasterplanComments : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kc-comments-" + std::to_string(::getpid()) + "-" +
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
                         " ('71.71','kabkota','71','Kota Manado',1);"
                         "INSERT INTO regions VALUES ('71.71','manado','Kota Manado','kota','WITA',"
                         "'2026-01-01T00:00:00.000Z');"
                         "INSERT INTO opds (id, region_code, name, short_name, type, created_at, "
                         "updated_at)"
                         " VALUES (1,'71.71','Diskominfo','Diskominfo','dinas','x','x'),"
                         " (2,'71.71','Dinas PUPR','PUPR','dinas','x','x');");
                   })
                    .ok());
    auto plan = Write<PlanDetail>([](store::Connection& c, const WriteContext& ctx) {
      return CreatePlan(c, ctx, {2025, 2034, "Masterplan Smart City Kota Manado"});
    });
    ASSERT_TRUE(plan.ok()) << plan.error().message.en;
    plan_ = plan->plan.id;
    for (int64_t owner : {1, 2}) ASSERT_TRUE(SaveProgram(ProgramOf(owner)).ok());
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  static Program ProgramOf(int64_t owner, int no = 0) {
    return {.no = no,
            .dimension = "governance",
            .element = "layanan_publik",
            .name = "Program OPD " + std::to_string(owner),
            .owner_opd_id = owner,
            .start_year = 2026,
            .end_year = 2027};
  }
  template <class T>
  Result<T> Write(std::function<Result<T>(store::Connection&, const WriteContext&)> fn,
                  int64_t user = 7) {
    const WriteContext ctx{accounts::Actor::User(user), "71.71", "2026-11-26T01:02:03.000Z"};
    return RunWriteSync<T>(*db_, [&](store::Connection& c) { return fn(c, ctx); });
  }
  Result<Program> SaveProgram(const Program& p) {
    return Write<Program>([&](store::Connection& c, const WriteContext& ctx) {
      return masterplan::SaveProgram(c, ctx, plan_, p);
    });
  }
  Result<Comment> Add(const std::string& item, const std::string& body,
                      bool request_changes = false, const CommentAuthor& author = kConsultant,
                      const CommentRights& rights = kReviewer) {
    return Write<Comment>(
        [&](store::Connection& c, const WriteContext& ctx) {
          return AddComment(c, ctx, plan_, {item, body, request_changes}, author, rights);
        },
        author.user_id);
  }
  Result<Comment> Resolve(int64_t id, const CommentAuthor& by, const CommentRights& rights) {
    return Write<Comment>(
        [&](store::Connection& c, const WriteContext& ctx) {
          return ResolveComment(c, ctx, plan_, id, by, rights);
        },
        by.user_id);
  }
  Result<CommentList> List(CommentFilter f = {}, const CommentRights& rights = kReviewer) {
    return db_->Read(
        [&](store::Connection& c) { return ListComments(c, "71.71", plan_, f, rights); });
  }
  Result<ItemHistory> History(const std::string& item) {
    return db_->Read([&](store::Connection& c) { return GetItemHistory(c, "71.71", plan_, item); });
  }
  size_t AuditCount() {
    auto r = db_->Read([](store::Connection& c) {
      return accounts::QueryAudit(c, {.region_code = "71.71", .limit = 1000});
    });
    return r.ok() ? r->size() : 9999;
  }

  fs::path dir_;
  std::unique_ptr<store::Database> db_;
  int64_t plan_ = 0;
};

TEST_F(MasterplanComments, ConsultantRequestsChangesOnAnyItemAndThePlanCountsThem) {
  auto c = Add("program:2", "  Target KPI belum terukur; mohon tambahkan baseline.\n", true);
  ASSERT_TRUE(c.ok()) << c.error().message.en;
  EXPECT_EQ(c->body, "Target KPI belum terukur; mohon tambahkan baseline.");  // trimmed
  EXPECT_EQ(c->version, 1);
  EXPECT_EQ(c->created_at, "2026-11-26T01:02:03.000Z");
  for (const char* item : {"plan", "stage:3", "readiness:governance"})
    EXPECT_TRUE(Add(item, "Catatan.").ok()) << item;
  auto list = List();
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->comments.size(), 4u);
  EXPECT_EQ(list->comments.front().item, "program:2");  // oldest first
  EXPECT_EQ(list->open_requests, 1);
  auto plan = db_->Read([&](store::Connection& conn) { return GetPlan(conn, "71.71", plan_); });
  EXPECT_EQ(plan->open_requests, 1);
}

TEST_F(MasterplanComments, BadInputNamesTheFieldAndStoresNothing) {
  const size_t audits = AuditCount();
  auto blank = Add("program:1", " \n\t ");
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(blank.error().details.at(0).field, "body");
  EXPECT_EQ(Add("program:1", std::string(kCommentMaxChars + 1, 'a')).error().details.at(0).field,
            "body");
  EXPECT_TRUE(Add("program:1", " " + std::string(kCommentMaxChars, 'a') + " ")
                  .ok());  // limit after trimming
  auto malformed = Add("program:satu", "Catatan.");
  EXPECT_EQ(malformed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(malformed.error().details.at(0).field, "item");
  for (const char* missing : {"program:9", "quick_win:1"}) {
    auto absent = Add(missing, "Catatan.");
    ASSERT_FALSE(absent.ok());
    EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(absent.error().slug, "item_not_found");
    EXPECT_EQ(absent.error().details.at(0).field, "item");
  }
  EXPECT_EQ(List()->comments.size(), 1u);
  EXPECT_EQ(AuditCount(), audits + 1);
}

TEST_F(MasterplanComments, OfficersCommentOnTheirOwnProgramsOnlyAndNeverRequestChanges) {
  ASSERT_TRUE(Add("program:1", "Mohon jadwal pelaksanaan.", true).ok());
  EXPECT_TRUE(Add("program:1", "Jadwal sudah kami lengkapi.", false, kOfficer1, Officer(1)).ok());
  EXPECT_EQ(Add("program:2", "Bukan program kami.", false, kOfficer1, Officer(1)).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(Add("plan", "Komentar umum.", false, kOfficer1, Officer(1)).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(Add("program:1", "Minta ubah.", true, kOfficer1, Officer(1)).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(Add("program:1", "Tanpa hak.", false, kOfficer1, CommentRights{}).error().code,
            ErrorCode::kForbidden);
  ASSERT_TRUE(Add("program:2", "Untuk PUPR.", true).ok());
  // Officers read the comments on their programs, and count only those open requests.
  auto mine = List({}, Officer(1));
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->comments.size(), 2u);
  EXPECT_EQ(mine->comments[1].author.name, "Petugas OPD 1");
  EXPECT_EQ(mine->open_requests, 1);
  EXPECT_EQ(List({.item = "program:2"}, Officer(1)).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(List({.item = "program:x"}).error().details.at(0).field, "item");
  EXPECT_EQ(List()->open_requests, 2);
}

TEST_F(MasterplanComments, CommentsAreAllowedWhileTheVersionIsLockedForEdits) {
  ASSERT_TRUE(Write<PlanDetail>([&](store::Connection& c, const WriteContext& ctx) {
                return ApplyTransition(c, ctx, plan_, Transition::kSubmit, "");
              }).ok());
  auto c = Add("program:1", "Perlu rincian anggaran per tahun.", true);
  ASSERT_TRUE(c.ok()) << c.error().message.en;  // in review: locked for edits, open for review
  EXPECT_EQ(List()->open_requests, 1);
}

TEST_F(MasterplanComments, ResolvedByEditorsOrTheAuthorOnceAndAgainIsUnchanged) {
  auto request = Add("program:1", "Lengkapi KPI.", true);
  auto reply = Add("program:1", "Sudah kami lengkapi.", false, kOfficer1, Officer(1));
  ASSERT_TRUE(request.ok() && reply.ok());
  EXPECT_EQ(Resolve(request->id, kOfficer1, Officer(1)).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Resolve(999, kConsultant, kReviewer).error().code, ErrorCode::kNotFound);
  auto own = Resolve(reply->id, kOfficer1, Officer(1));
  ASSERT_TRUE(own.ok()) << own.error().message.en;
  EXPECT_TRUE(own->resolved());
  const size_t audits = AuditCount();
  auto done = Resolve(request->id, kConsultant, kReviewer);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->resolved_at, "2026-11-26T01:02:03.000Z");
  EXPECT_EQ(done->resolved_by->name, "Konsultan");
  auto again = Resolve(request->id, kConsultant, kReviewer);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->resolved_by->name, "Konsultan");
  EXPECT_EQ(AuditCount(), audits + 1);  // the repeat audits nothing
  EXPECT_EQ(List()->open_requests, 0);
  EXPECT_TRUE(List({.open_only = true})->comments.empty());
  EXPECT_EQ(List({.item = "program:1"})->comments.size(), 2u);
}

TEST_F(MasterplanComments, HistoryOfAnItemHasItsEditsCommentsAndResolutions) {
  auto c = Add("program:1", "Lengkapi deskripsi.", true);
  ASSERT_TRUE(c.ok());
  Program p = ProgramOf(1, 1);
  p.description = "Layanan daring terpadu.";
  ASSERT_TRUE(SaveProgram(p).ok());
  ASSERT_TRUE(Resolve(c->id, kConsultant, kReviewer).ok());
  ASSERT_TRUE(
      Write<Analysis>([&](store::Connection& conn, const WriteContext& ctx) {
        return AddSwot(
            conn, ctx, plan_,
            {.dimension = "economy", .kind = SwotKind::kThreat, .text = "Daya beli menurun"});
      }).ok());
  auto h = History("program:1");
  ASSERT_TRUE(h.ok()) << h.error().message.en;
  std::vector<std::string> actions;
  for (const ItemEvent& e : h->events) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"program.save", "comment.add", "program.save",
                                               "comment.resolve"}));
  EXPECT_EQ(h->events[1].actor_label, "user:7");
  EXPECT_EQ(h->events[1].changes.at("body").as_string(), "Lengkapi deskripsi.");
  EXPECT_FALSE(h->events[1].changes.as_object().contains("items"));
  EXPECT_FALSE(h->truncated);
  EXPECT_EQ(History("program:2")->events.size(), 1u);
  EXPECT_EQ(History("readiness:economy")->events.size(), 1u);
  EXPECT_EQ(History("plan")->events.front().action, "masterplan.create");
  EXPECT_EQ(History("program:01").error().details.at(0).field, "item");
}

}  // namespace
}  // namespace kc::masterplan
