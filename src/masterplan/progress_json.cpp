// JSON for progress reports (progress_json.h).
#include "masterplan/progress_json.h"

#include <algorithm>

#include "http/json_body.h"

namespace kc::masterplan {

namespace json = boost::json;

void AddCheckJson(json::object& o, const ReportCheck& c) {
  const bool checked = c.state != CheckState::kSubmitted;
  o["check_state"] = ToString(c.state);
  o["checked_by"] = checked ? json::value(c.by) : json::value(nullptr);
  o["checked_at"] = checked ? json::value(c.at) : json::value(nullptr);
  o["check_note"] = c.note;
}

json::object ReportJson(const ProgressReport& r) {
  json::array kpis;
  for (const KpiActual& k : r.kpi_actuals) kpis.push_back({{"name", k.name}, {"value", k.value}});
  json::object o{{"program_no", r.program_no},     {"period", r.period},
                 {"revision", r.revision},         {"owner_opd_id", r.owner_opd_id},
                 {"realisation", r.realisation},   {"budget_realised", r.budget_realised},
                 {"kpi_actuals", std::move(kpis)}, {"narrative", r.narrative},
                 {"evidence_url", r.evidence_url}, {"submitted_by", r.submitted_by},
                 {"submitted_at", r.submitted_at}};
  AddCheckJson(o, r.check);
  return o;
}

json::object QuickWinReportJson(const QuickWinReport& r) {
  json::array done;
  for (const std::string& m : r.milestones_done) done.emplace_back(m);
  json::object o{{"quick_win_no", r.quick_win_no},
                 {"period", r.period},
                 {"revision", r.revision},
                 {"owner_opd_id", r.owner_opd_id},
                 {"realisation", r.realisation},
                 {"budget_realised", r.budget_realised},
                 {"milestones_done", std::move(done)},
                 {"narrative", r.narrative},
                 {"evidence_url", r.evidence_url},
                 {"submitted_by", r.submitted_by},
                 {"submitted_at", r.submitted_at}};
  AddCheckJson(o, r.check);
  return o;
}

std::optional<CheckRequest> ReadCheckRequest(const json::object& body, Validation& v) {
  http::JsonFields f(body, v);
  CheckRequest c;
  const auto revision = f.Integer("revision", true, 1, INT32_MAX);
  const auto state = f.String("state", true, 20);
  c.note = f.String("note", false, kCheckNoteMaxChars).value_or("");
  f.RejectUnknown();
  std::optional<CheckState> parsed;
  if (state) {
    parsed = CheckStateFromString(*state);
    if (!parsed || *parsed == CheckState::kSubmitted) {
      v.Add("state", {"harus diperiksa atau dikembalikan", "must be diperiksa or dikembalikan"});
    }
  }
  if (!revision || !parsed || *parsed == CheckState::kSubmitted) return std::nullopt;
  c.revision = static_cast<int>(*revision);
  c.state = *parsed;
  ValidateCheck(c, v);
  if (!v.ok()) return std::nullopt;
  return c;
}

std::optional<QuickWinReport> ReadQuickWinReport(const json::object& body, Validation& v) {
  http::JsonFields f(body, v);
  QuickWinReport r;
  r.realisation = static_cast<int>(f.Integer("realisation", true, 0, 100).value_or(0));
  r.budget_realised = f.Integer("budget_realised", true, 0, kMaxBudgetRupiah).value_or(0);
  r.narrative = f.String("narrative", true, kNarrativeMaxChars, kNarrativeMinChars).value_or("");
  r.evidence_url = f.String("evidence_url", false, kEvidenceUrlMaxChars).value_or("");
  if (const json::value* list = body.if_contains("milestones_done")) {
    if (!list->is_array()) {
      v.Add("milestones_done", {"harus daftar teks", "must be a list of texts"});
    } else {
      for (size_t i = 0; i < list->as_array().size(); ++i) {
        const json::value& m = list->as_array()[i];
        if (!m.is_string()) {
          v.Add("milestones_done[" + std::to_string(i) + "]", {"harus teks", "must be text"});
          continue;
        }
        r.milestones_done.emplace_back(m.as_string());
      }
    }
  }
  for (const auto& kv : body) {
    static constexpr std::string_view kKnown[] = {"realisation", "budget_realised", "narrative",
                                                  "evidence_url", "milestones_done"};
    if (std::find(std::begin(kKnown), std::end(kKnown), kv.key()) == std::end(kKnown)) {
      v.Add(std::string(kv.key()), {"kolom tidak dikenal", "unknown field"});
    }
  }
  if (!v.ok()) return std::nullopt;
  return r;
}

}  // namespace kc::masterplan
