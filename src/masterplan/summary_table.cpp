// The national summary as a table (summary_table.h).
#include "masterplan/summary_table.h"

#include <cstdio>

namespace kc::masterplan {
namespace {

std::string Hundredths(const std::optional<int>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d.%02d", *v / 100, *v % 100);
  return buf;
}

}  // namespace

CsvTable NationalSummaryTable(const std::vector<RegionSummary>& rows) {
  // Numbers in XLSX: everything but the code, names, status and period.
  CsvTable t({"kode", "daerah", "provinsi", "tahap", "tahap_selesai", "status_versi",
              "rerata_kesiapan", "rerata_kematangan", "indeks_evaluasi", "indeks_sebelumnya",
              "jumlah_program", "anggaran_rencana", "anggaran_realisasi", "kemajuan_persen",
              "periode_terakhir", "quick_win_final", "kemajuan_quick_win_persen"},
             {false, false, false, true, true, false, true, true, true, true, true, true, true,
              true, false, true, true});
  for (const RegionSummary& r : rows) {
    t.Add({r.region_code, r.region_name, r.province_name, std::to_string(r.stage),
           std::to_string(r.stages_completed), r.version_status, Hundredths(r.readiness_avg),
           Hundredths(r.maturity_avg), Hundredths(r.eval_index), Hundredths(r.eval_previous),
           std::to_string(r.programs), std::to_string(r.budget_planned),
           std::to_string(r.budget_realised), Hundredths(r.progress), r.latest_period,
           std::to_string(r.quick_wins_final), std::to_string(r.quick_win_progress)});
  }
  return t;
}

}  // namespace kc::masterplan
