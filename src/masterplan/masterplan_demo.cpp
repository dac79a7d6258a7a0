// The Manado demo masterplan (RunDemo in masterplan_module.h): Masterplan Smart City Kota
// Manado 2025-2034 in Bimtek stage III. Stages I and II are completed through the same service
// functions and gates as the API (readiness scored with justifications, SWOT, vision draft,
// maturity, directions, Buku 1, quick-win ideas); stage III has its programs and selected quick
// wins, two of them already final (agreed early, running since January); one evaluation round
// and one progress period. One write: all of it or nothing.
#include <iostream>
#include <map>

#include "core/time.h"
#include "masterplan/evaluation_service.h"
#include "masterplan/masterplan_demo_data.h"
#include "masterplan/masterplan_module.h"
#include "masterplan/masterplan_store.h"
#include "masterplan/progress_service.h"
#include "masterplan/quick_win_progress_service.h"
#include "masterplan/readiness_service.h"
#include "masterplan/reference.h"

namespace kc::masterplan {
namespace {

constexpr std::string_view kRegion = "71.71";
constexpr int kStart = 2025, kEnd = 2034;
constexpr std::string_view kPeriod = "2026-Q1";
constexpr std::string_view kQuickWinMilestones =
    "Persiapan dan rancangan\nUji coba terbatas\nPeluncuran ke warga";
constexpr std::string_view kFacilitator = "Konsultan Gerakan Menuju 100 Smart City, Komdigi";

using Opds = std::map<std::string, int64_t, std::less<>>;

// The quick wins the Wali Kota agreed ahead of stage IV (final, with their dates): they count in
// the national summary's quick-win progress; the others stay selected.
struct EarlyFinal {
  std::string_view name, start_date, end_date;
};
constexpr EarlyFinal kEarlyFinal[] = {
    {"Pengaduan warga satu pintu", "2026-01-05", "2026-12-20"},
    {"QRIS retribusi di Pasar Bersehati", "2026-02-02", "2026-07-31"},
};

Result<Opds> LoadOpds(store::Connection& c) {
  KC_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT short_name, id FROM opds WHERE region_code = ?1"));
  s.Bind(1, kRegion);
  Opds out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out[s.String(0)] = s.Int(1);
  }
  return out;
}

// The status of a use case whose value the demo does not need.
template <class T>
Status Done(Result<T> r) {
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

std::string Fill(std::string_view tmpl, std::string_view area) {
  std::string s(tmpl);
  if (auto at = s.find("{}"); at != std::string::npos) s.replace(at, 2, area);
  return s;
}

// Dates, place, participants (all present) and documents of a stage.
Status HoldStage(store::Connection& c, const WriteContext& ctx, int64_t plan, int stage,
                 std::string start, std::string end, const Opds& opds) {
  KC_RETURN_IF_ERROR(
      UpdateStage(c, ctx, plan, stage,
                  {start, end, std::string("Ruang Serbaguna Kantor Wali Kota Manado"),
                   std::string(kFacilitator)}));
  const std::pair<const char*, const char*> people[] = {
      {"Diskominfo", "Kepala Dinas Komunikasi dan Informatika"},
      {"Bappeda", "Kepala Bappeda"},
      {"Dinas PUPR", "Sekretaris Dinas PUPR"},
      {"Dinkes", "Kepala Bidang Pelayanan Kesehatan"},
      {"DLH", "Kepala Bidang Pengelolaan Sampah"},
      {"Dishub", "Kepala Bidang Lalu Lintas"}};
  for (const auto& [opd, role] : people) {
    auto it = opds.find(opd);
    Participant p{.name = std::string(role) + " (" + opd + ")", .role = role};
    if (it != opds.end()) p.opd_id = it->second;
    KC_ASSIGN_OR_RETURN(Stage s, AddParticipant(c, ctx, plan, stage, p));
    KC_RETURN_IF_ERROR(SetAttendance(c, ctx, plan, stage, s.participants.back().id, true));
  }
  return Ok();
}

Status Record(store::Connection& c, const WriteContext& ctx, int64_t plan, int stage,
              const char* key, const char* title, const char* ref) {
  return Done(RecordOutput(c, ctx, plan, stage, {key, title, ref}));
}

Status StageOne(store::Connection& c, const WriteContext& ctx, int64_t plan, const Opds& opds) {
  KC_RETURN_IF_ERROR(HoldStage(c, ctx, plan, 1, "2025-06-17", "2025-06-18", opds));
  std::vector<ReadinessScore> scores;
  for (const demo::DimensionText& d : demo::kDimensions) {
    size_t i = 0;
    for (const ReadinessAspect& a : ReadinessAspects()) {
      for (const auto& sub : a.sub_aspects) {
        scores.push_back({std::string(d.key), std::string(a.aspect.key), std::string(sub.key),
                          d.readiness[i], Fill(demo::kJustifications[i], d.area)});
        ++i;
      }
    }
    const SwotKind kinds[] = {SwotKind::kStrength, SwotKind::kWeakness, SwotKind::kOpportunity,
                              SwotKind::kThreat};
    for (size_t k = 0; k < 4; ++k) {
      KC_RETURN_IF_ERROR(
          AddSwot(c, ctx, plan, {0, std::string(d.key), kinds[k], std::string(d.swot[k])}));
    }
  }
  KC_RETURN_IF_ERROR(SetScores(c, ctx, plan, scores));
  KC_RETURN_IF_ERROR(Record(c, ctx, plan, 1, "vision_draft", "Draf Visi dan Misi Manado Smart City",
                            "Notulen Bimtek I, 18 Juni 2025"));
  return Done(CompleteStage(c, ctx, plan, 1));
}

Status StageTwo(store::Connection& c, const WriteContext& ctx, int64_t plan, const Opds& opds) {
  KC_RETURN_IF_ERROR(HoldStage(c, ctx, plan, 2, "2025-08-12", "2025-08-13", opds));
  for (const demo::DimensionText& d : demo::kDimensions) {
    const Dimension* dim = FindDimension(d.key);
    for (size_t e = 0; e < 3; ++e) {
      KC_RETURN_IF_ERROR(SetMaturity(c, ctx, plan,
                                     {std::string(d.key), std::string(dim->elements[e].key),
                                      d.maturity[e], std::string(d.evidence[e])}));
    }
    KC_RETURN_IF_ERROR(
        SetDirection(c, ctx, plan,
                     {std::string(d.key), std::string(d.vision), std::string(d.mission),
                      std::string(d.focus), std::string(d.goals), std::string(d.targets),
                      std::string(d.problems), std::string(d.strategies)}));
  }
  for (const demo::DemoQuickWin& q : demo::kQuickWins) {
    KC_RETURN_IF_ERROR(SaveQuickWin(c, ctx, plan,
                                    {.dimension = std::string(q.dimension),
                                     .name = std::string(q.name),
                                     .description = std::string(q.description)}));
  }
  KC_RETURN_IF_ERROR(Record(c, ctx, plan, 2, "buku1", "Buku 1 Analisis Strategis Kota Manado",
                            "BUKU-1-MANADO-2025.pdf"));
  return Done(CompleteStage(c, ctx, plan, 2));
}

// Stage III in progress: programs and the quick wins selected with their reasons, the early
// ones final.
Status StageThree(store::Connection& c, const WriteContext& ctx, int64_t plan, const Opds& opds) {
  KC_RETURN_IF_ERROR(HoldStage(c, ctx, plan, 3, "2025-10-14", "2025-10-15", opds));
  for (const demo::DemoProgram& d : demo::kPrograms) {
    Program p{.dimension = std::string(d.dimension),
              .element = std::string(d.element),
              .name = std::string(d.name),
              .description = std::string(d.description),
              .owner_opd_id = opds.at(std::string(d.owner)),
              .horizon = HorizonFromString(d.horizon).value_or(Horizon::kMenengah),
              .start_year = d.start_year,
              .end_year = d.end_year,
              .references = "RPJMD Kota Manado 2025-2029; Renstra " + std::string(d.owner),
              .status = d.progress >= 0 ? ProgramStatus::kOngoing : ProgramStatus::kPlanned};
    if (!d.supporting.empty()) p.supporting_opd_ids.push_back(opds.at(std::string(d.supporting)));
    Kpi kpi{std::string(d.kpi_name), std::string(d.kpi_unit), d.kpi_baseline, {}};
    for (int y = d.start_year; y <= d.end_year; ++y) {
      p.budget.push_back({y, "APBD", d.budget_per_year});
      const double share =
          static_cast<double>(y - d.start_year + 1) / (d.end_year - d.start_year + 1);
      kpi.targets[y] = d.kpi_baseline + (d.kpi_target - d.kpi_baseline) * share;
    }
    p.kpis.push_back(std::move(kpi));
    KC_RETURN_IF_ERROR(SaveProgram(c, ctx, plan, p));
  }
  KC_ASSIGN_OR_RETURN(ProgramList l, GetPrograms(c, kRegion, plan));
  for (QuickWin q : l.quick_wins) {
    for (const demo::DemoQuickWin& d : demo::kQuickWins) {
      if (d.name != q.name) continue;
      q.state = QuickWinState::kSelected;
      q.reason = std::string(d.reason);
      q.owner_opd_id = opds.at(std::string(d.owner));
      q.budget = d.budget;
      q.milestones = std::string(kQuickWinMilestones);
      for (const EarlyFinal& f : kEarlyFinal) {
        if (f.name != d.name) continue;
        q.state = QuickWinState::kFinal;
        q.start_date = std::string(f.start_date);
        q.end_date = std::string(f.end_date);
      }
      KC_RETURN_IF_ERROR(SaveQuickWin(c, ctx, plan, q));
    }
  }
  return Ok();
}

// Team, the 2025 Tahap II evaluation round and the first progress period.
Status TeamEvaluationProgress(store::Connection& c, const WriteContext& ctx, int64_t plan,
                              const Opds& opds) {
  const std::tuple<TeamBody, const char*, const char*, const char*> team[] = {
      {TeamBody::kDewan, "Wali Kota Manado", "Ketua", ""},
      {TeamBody::kDewan, "Sekretaris Daerah Kota Manado", "Wakil Ketua", ""},
      {TeamBody::kTimPelaksana, "Kepala Diskominfo Kota Manado", "Ketua", "Diskominfo"},
      {TeamBody::kTimPelaksana, "Kepala Bappeda Kota Manado", "Sekretaris", "Bappeda"},
      {TeamBody::kForum, "Perwakilan Agen Smart City Manado", "Anggota", ""}};
  for (const auto& [body, name, role, opd] : team) {
    TeamMember m{.body = body, .name = name, .role = role};
    if (*opd != '\0') m.opd_id = opds.at(opd);
    KC_RETURN_IF_ERROR(AddTeamMember(c, ctx, plan, m));
  }
  KC_ASSIGN_OR_RETURN(auto rounds, ListRounds(c));
  int64_t round_id = 0;
  for (const EvaluationRound& r : rounds) {
    if (r.year == 2025 && r.round == 2) round_id = r.id;
  }
  if (round_id == 0) {
    KC_ASSIGN_OR_RETURN(auto r,
                        CreateRound(c, ctx, {.year = 2025, .round = 2, .weights = kWeights2022}));
    round_id = r.id;
  }
  KC_RETURN_IF_ERROR(SetEvaluation(c, ctx, round_id, {{310, 285, 240, 300, 275}}, {}));
  for (size_t i = 0; i < demo::kPrograms.size(); ++i) {
    const demo::DemoProgram& d = demo::kPrograms[i];
    if (d.progress < 0) continue;
    ProgressReport r{
        .program_no = static_cast<int>(i + 1),
        .period = std::string(kPeriod),
        .realisation = d.progress,
        .budget_realised = d.budget_per_year * d.progress / 400,
        .kpi_actuals = {{std::string(d.kpi_name),
                         d.kpi_baseline + (d.kpi_target - d.kpi_baseline) * d.progress / 400.0}},
        .narrative = "Triwulan I: " + std::string(d.description) +
                     " Pekerjaan berjalan sesuai rencana kerja.",
        .evidence_url = "https://manadokota.go.id/smartcity/laporan/2026-q1"};
    KC_RETURN_IF_ERROR(SubmitProgress(c, ctx, plan, r, {}));
  }
  return Ok();
}

// The region admin's checks of the demo period: two program reports checked, one returned
// with a note, the rest still "diajukan" (not checked yet); and the first quick-win reports.
Status ChecksAndQuickWinProgress(store::Connection& c, const WriteContext& ctx, int64_t plan) {
  const CheckRequest checked{.revision = 1, .state = CheckState::kChecked};
  KC_RETURN_IF_ERROR(CheckProgress(c, ctx, plan, 1, std::string(kPeriod), checked));
  KC_RETURN_IF_ERROR(CheckProgress(c, ctx, plan, 3, std::string(kPeriod), checked));
  KC_RETURN_IF_ERROR(CheckProgress(
      c, ctx, plan, 2, std::string(kPeriod),
      {.revision = 1,
       .state = CheckState::kReturned,
       .note = "Lampirkan daftar dataset yang sudah terbit di portal sebagai bukti."}));
  // Quick wins 1, 3 (both final) and 4 report; 1 is checked, the others wait.
  const std::pair<int, int> reports[] = {{1, 60}, {3, 40}, {4, 25}};
  for (const auto& [no, percent] : reports) {
    const demo::DemoQuickWin& d = demo::kQuickWins[static_cast<size_t>(no - 1)];
    QuickWinReport r{.quick_win_no = no,
                     .period = std::string(kPeriod),
                     .realisation = percent,
                     .budget_realised = d.budget * percent / 200,
                     .milestones_done = {"Persiapan dan rancangan"},
                     .narrative = "Triwulan I: " + std::string(d.description) +
                                  " Persiapan selesai, uji coba dimulai.",
                     .evidence_url = "https://manadokota.go.id/smartcity/quick-win/2026-q1"};
    if (percent >= 40) r.milestones_done.emplace_back("Uji coba terbatas");
    KC_RETURN_IF_ERROR(SubmitQuickWinProgress(c, ctx, plan, r, {}));
  }
  KC_RETURN_IF_ERROR(CheckQuickWinProgress(c, ctx, plan, 1, std::string(kPeriod), checked));
  return Ok();
}

}  // namespace

Status RunDemo(store::Database& db, std::ostream& out) {
  const WriteContext ctx{accounts::Actor::Cli(), std::string(kRegion), FormatUtc(NowUtc())};
  auto created = RunWriteSync<bool>(db, [&](store::Connection& c) -> Result<bool> {
    KC_ASSIGN_OR_RETURN(auto plans, ListPlans(c, kRegion));
    for (const Masterplan& m : plans) {
      if (m.start_year == kStart) return false;  // already there: the demo is idempotent
    }
    KC_ASSIGN_OR_RETURN(Opds opds, LoadOpds(c));
    for (const auto& p : demo::kPrograms) {
      if (!opds.contains(p.owner) || (!p.supporting.empty() && !opds.contains(p.supporting)))
        return false;
    }
    KC_ASSIGN_OR_RETURN(
        PlanDetail d,
        CreatePlan(c, ctx, {kStart, kEnd, "Masterplan Smart City Kota Manado 2025-2034"}));
    const int64_t plan = d.plan.id;
    KC_RETURN_IF_ERROR(
        EditVersion(c, ctx, plan,
                    {std::nullopt, std::string("Masterplan Smart City Kota Manado disusun bersama "
                                               "OPD, camat dan lurah dalam Bimtek Gerakan Menuju "
                                               "100 Smart City. Arah besarnya: Manado kota pesisir "
                                               "yang melayani cepat, terbuka dan berbasis data, "
                                               "dengan warga yang cakap digital.")}));
    KC_RETURN_IF_ERROR(StageOne(c, ctx, plan, opds));
    KC_RETURN_IF_ERROR(StageTwo(c, ctx, plan, opds));
    KC_RETURN_IF_ERROR(StageThree(c, ctx, plan, opds));
    KC_RETURN_IF_ERROR(TeamEvaluationProgress(c, ctx, plan, opds));
    KC_RETURN_IF_ERROR(ChecksAndQuickWinProgress(c, ctx, plan));
    return true;
  });
  if (!created.ok()) return std::move(created).error();
  out << (*created ? "masterplan demo: Manado 2025-2034 pada Bimtek tahap III\n"
                   : "masterplan demo: sudah ada atau OPD demo belum ada, dilewati\n");
  return Ok();
}

}  // namespace kc::masterplan
