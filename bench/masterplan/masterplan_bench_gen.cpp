// Generates the national-summary benchmark database: `masterplan_bench_gen DB [REGIONS]
// [PROGRAMS] [PERIODS]` (defaults 500, 200, 12). Every region gets a masterplan with one
// version, four Bimtek stages (0-4 completed), 54 readiness scores, 18 maturity levels, six
// quick wins, PROGRAMS programs with three budget lines and a KPI, PERIODS monthly progress
// reports per program (current rows and history) and two evaluation rounds. Rows go in with
// prepared statements, one transaction per region on the writer; the summary rows are then
// computed by the module's own RefreshAllSummaries, as the server's writes would.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/time.h"
#include "masterplan/summary.h"
#include "store/database.h"

namespace {

using kc::Status;
using kc::store::Connection;

constexpr const char* kNow = "2026-11-26T00:00:00.000Z";

struct Sizes {
  int regions = 500, programs = 200, periods = 12;
};

std::string RegionCode(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d.%02d", 11 + i / 20, 1 + i % 20);
  return buf;
}

Status Exec(Connection& c, const std::string& sql) { return c.Exec(sql); }

Status Reference(Connection& c, const Sizes& n) {
  KC_ASSIGN_OR_RETURN(auto area,
                      c.Prepare("INSERT OR IGNORE INTO areas VALUES (?1, ?2, ?3, ?4, 1)"));
  KC_ASSIGN_OR_RETURN(auto region,
                      c.Prepare("INSERT INTO regions VALUES (?1, ?2, ?3, ?4, 'WITA', ?5)"));
  KC_RETURN_IF_ERROR(
      Exec(c, "INSERT INTO evaluation_rounds VALUES (1, 2025, 1, 10, 20, 30, 20, 20, '" +
                  std::string(kNow) + "'), (2, 2025, 2, 10, 20, 30, 20, 20, '" + kNow + "')"));
  for (int i = 0; i < n.regions; ++i) {
    const std::string code = RegionCode(i), province = code.substr(0, 2);
    KC_RETURN_IF_ERROR(area.Bind(1, province)
                           .Bind(2, "provinsi")
                           .Bind(3, nullptr)
                           .Bind(4, "Provinsi " + province)
                           .Run());
    KC_RETURN_IF_ERROR(
        area.Bind(1, code).Bind(2, "kabkota").Bind(3, province).Bind(4, "Kota Uji " + code).Run());
    KC_RETURN_IF_ERROR(region.Bind(1, code)
                           .Bind(2, "uji-" + std::to_string(i))
                           .Bind(3, "Kota Uji " + code)
                           .Bind(4, "kota")
                           .Bind(5, kNow)
                           .Run());
  }
  return kc::Ok();
}

// One region's masterplan and everything under it; `i` varies stage, status and figures.
Status Region(Connection& c, int i, const Sizes& n) {
  const std::string code = RegionCode(i);
  const int64_t plan = i + 1, version = i + 1, opd = static_cast<int64_t>(i) * 10 + 1;
  KC_RETURN_IF_ERROR(
      Exec(c,
           "INSERT INTO opds (id, region_code, name, short_name, type, created_at, updated_at)"
           " VALUES (" +
               std::to_string(opd) + ", '" + code +
               "', 'Diskominfo', 'Diskominfo',"
               " 'dinas', 'x', 'x')"));
  KC_RETURN_IF_ERROR(Exec(
      c,
      "INSERT INTO masterplans VALUES (" + std::to_string(plan) + ", '" + code +
          "', 2025, 2034, '" + kNow +
          "');"
          "INSERT INTO masterplan_versions (id, masterplan_id, number, status, title, created_at,"
          " updated_at) VALUES (" +
          std::to_string(version) + ", " + std::to_string(plan) + ", 1, 'draft', 'Masterplan', '" +
          kNow + "', '" + kNow + "')"));
  KC_ASSIGN_OR_RETURN(auto stage,
                      c.Prepare("INSERT INTO bimtek_stages (masterplan_id, stage, completed_at)"
                                " VALUES (?1, ?2, ?3)"));
  for (int s = 1; s <= 4; ++s) {
    const bool done = s <= i % 5;
    KC_RETURN_IF_ERROR(stage.Bind(1, plan)
                           .Bind(2, s)
                           .Bind(3, done ? std::optional<std::string>(kNow) : std::nullopt)
                           .Run());
  }
  KC_ASSIGN_OR_RETURN(auto score,
                      c.Prepare("INSERT INTO readiness_scores VALUES (?1, ?2, ?3, ?4, ?5, 'uji')"));
  KC_ASSIGN_OR_RETURN(auto level,
                      c.Prepare("INSERT INTO maturity_levels VALUES (?1, ?2, ?3, ?4, 'uji')"));
  for (int d = 0; d < 6; ++d) {
    for (int a = 0; a < 9; ++a) {
      KC_RETURN_IF_ERROR(score.Bind(1, version)
                             .Bind(2, "d" + std::to_string(d))
                             .Bind(3, "a" + std::to_string(a / 3))
                             .Bind(4, "s" + std::to_string(a))
                             .Bind(5, 1 + (i + d + a) % 5)
                             .Run());
    }
    for (int e = 0; e < 3; ++e) {
      KC_RETURN_IF_ERROR(level.Bind(1, version)
                             .Bind(2, "d" + std::to_string(d))
                             .Bind(3, "e" + std::to_string(e))
                             .Bind(4, 1 + (i + d * e) % 5)
                             .Run());
    }
  }
  KC_ASSIGN_OR_RETURN(auto qw,
                      c.Prepare("INSERT INTO quick_wins (version_id, no, dimension, name, state,"
                                " progress) VALUES (?1, ?2, 'd', 'Quick win', 'final', ?3)"));
  for (int q = 1; q <= 6; ++q)
    KC_RETURN_IF_ERROR(qw.Bind(1, version).Bind(2, q).Bind(3, (i * q) % 101).Run());
  KC_ASSIGN_OR_RETURN(
      auto program,
      c.Prepare(
          "INSERT INTO programs (version_id, no, dimension, element, name, owner_opd_id, horizon, "
          "start_year,"
          " end_year, status, budget, kpis) VALUES (?1, ?2, 'governance', 'layanan_publik', ?3, "
          "?4, 'menengah',"
          " 2025, 2027, 'ongoing', ?5, "
          "'[{\"name\":\"KPI\",\"unit\":\"%\",\"baseline\":0,\"targets\":{\"2027\":100}}]')"));
  KC_ASSIGN_OR_RETURN(auto cur, c.Prepare("INSERT INTO program_progress VALUES (?1, ?2, ?3, ?4, "
                                          "?5, 1, ?6, ?7, ?8, '[]', 'Laporan kemajuan uji.', '',"
                                          " 'bench', ?9)"));
  KC_ASSIGN_OR_RETURN(
      auto hist,
      c.Prepare(
          "INSERT INTO program_progress_history (masterplan_id, program_no, period, revision, "
          "owner_opd_id,"
          " realisation, budget_realised, kpi_actuals, narrative, evidence_url, submitted_by, "
          "submitted_at)"
          " VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, '[]', 'Laporan kemajuan uji.', '', 'bench', ?7)"));
  for (int p = 1; p <= n.programs; ++p) {
    const int64_t amount = 100'000'000LL * (1 + (i + p) % 9);
    const std::string budget =
        "[{\"year\":2025,\"source\":\"APBD\",\"amount\":" + std::to_string(amount) +
        "},{\"year\":2026,\"source\":\"APBD\",\"amount\":" + std::to_string(amount) +
        "},{\"year\":2027,\"source\":\"DAK\",\"amount\":" + std::to_string(amount / 2) + "}]";
    KC_RETURN_IF_ERROR(program.Bind(1, version)
                           .Bind(2, p)
                           .Bind(3, "Program " + std::to_string(p))
                           .Bind(4, opd)
                           .Bind(5, budget)
                           .Run());
    for (int m = 1; m <= n.periods; ++m) {
      char period[16], start[24], end[24];
      std::snprintf(period, sizeof period, "2025-%02d", m);
      std::snprintf(start, sizeof start, "2025-%02d-01", m);
      std::snprintf(end, sizeof end, "2025-%02d-28", m);
      const int realisation = std::min(100, m * (5 + (i + p) % 4));
      const int64_t spent = amount / 12;
      KC_RETURN_IF_ERROR(cur.Bind(1, plan)
                             .Bind(2, p)
                             .Bind(3, period)
                             .Bind(4, start)
                             .Bind(5, end)
                             .Bind(6, opd)
                             .Bind(7, realisation)
                             .Bind(8, spent)
                             .Bind(9, kNow)
                             .Run());
      KC_RETURN_IF_ERROR(hist.Bind(1, plan)
                             .Bind(2, p)
                             .Bind(3, period)
                             .Bind(4, opd)
                             .Bind(5, realisation)
                             .Bind(6, spent)
                             .Bind(7, kNow)
                             .Run());
    }
  }
  KC_ASSIGN_OR_RETURN(
      auto eval, c.Prepare("INSERT INTO evaluations VALUES (?1, ?2, '', 300, 300, 300, 300, 300,"
                           " ?3, 'bench', ?4)"));
  for (int r = 1; r <= 2; ++r) {
    KC_RETURN_IF_ERROR(
        eval.Bind(1, r).Bind(2, code).Bind(3, 250 + (i * r) % 200).Bind(4, kNow).Run());
  }
  static constexpr const char* kStatus[] = {"draft", "in_review", "approved", "published"};
  return Exec(c, "UPDATE masterplan_versions SET status = '" + std::string(kStatus[i % 4]) +
                     "' WHERE id = " + std::to_string(version));
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB [REGIONS] [PROGRAMS] [PERIODS]\n", argv[0]);
    return 2;
  }
  Sizes n;
  if (argc > 2) n.regions = std::atoi(argv[2]);
  if (argc > 3) n.programs = std::atoi(argv[3]);
  if (argc > 4) n.periods = std::min(12, std::atoi(argv[4]));
  auto db = kc::store::Database::Open({.path = argv[1]}, kc::store::EmbeddedMigrations());
  if (!db.ok()) {
    std::fprintf(stderr, "open: %s\n", db.error().message.en.c_str());
    return 1;
  }
  const auto t0 = std::chrono::steady_clock::now();
  Status st = (*db)->WriteSync([&](Connection& c) { return Reference(c, n); });
  for (int i = 0; st.ok() && i < n.regions; ++i) {
    st = (*db)->WriteSync([&](Connection& c) { return Region(c, i, n); });
  }
  const double load = Seconds(t0);
  const auto t1 = std::chrono::steady_clock::now();
  if (st.ok())
    st = (*db)->WriteSync(
        [](Connection& c) { return kc::masterplan::RefreshAllSummaries(c, kNow); });
  if (!st.ok()) {
    std::fprintf(stderr, "generate: %s\n", st.error().message.en.c_str());
    return 1;
  }
  const double refresh = Seconds(t1);
  std::printf("generated_rows_progress: %lld rows\n",
              static_cast<long long>(n.regions) * n.programs * n.periods);
  std::printf("generate_load: %.1f s\n", load);
  std::printf("summary_refresh_all: %.1f s\n", refresh);
  std::printf("summary_refresh_per_region: %.2f ms\n", refresh * 1000 / n.regions);
  return 0;
}
