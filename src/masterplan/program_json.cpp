// JSON of programs and quick wins: reading request bodies (with field-named errors) and views.
#include "masterplan/program_json.h"

#include <boost/json.hpp>
#include <cmath>
#include <set>

#include "http/json_body.h"

namespace kc::masterplan {
namespace {

namespace json = boost::json;

json::value Opt(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }

// A JSON number that is a whole value in [min, max]; nullopt otherwise.
std::optional<int64_t> WholeNumber(const json::value& v, double min, double max) {
  if (!v.is_number()) return std::nullopt;
  const double d = v.to_number<double>();
  if (!std::isfinite(d) || std::floor(d) != d || d < min || d > max) return std::nullopt;
  return static_cast<int64_t>(d);
}

void ReadBudget(const json::value* list, Program& p, Validation& v) {
  if (list == nullptr) return;
  if (!list->is_array()) return v.Add("budget", {"harus daftar", "must be a list"});
  for (size_t i = 0; i < list->as_array().size(); ++i) {
    const std::string f = "budget[" + std::to_string(i) + "].";
    const json::value& item = list->as_array()[i];
    if (!item.is_object()) {
      v.Add("budget[" + std::to_string(i) + "]", {"harus objek", "must be an object"});
      continue;
    }
    const json::object& o = item.as_object();
    BudgetLine b;
    const json::value* year = o.if_contains("year");
    const json::value* source = o.if_contains("source");
    const json::value* amount = o.if_contains("amount");
    if (auto y = year ? WholeNumber(*year, 1900, 2200) : std::nullopt) b.year = static_cast<int>(*y);
    else v.Add(f + "year", {"harus tahun (angka)", "must be a year (number)"});
    if (source && source->is_string()) b.source = std::string(source->as_string());
    else v.Add(f + "source", {"wajib diisi (APBD, APBN, DAK, KPBU, CSR, swasta)", "required (APBD, APBN, DAK, KPBU, CSR, swasta)"});
    if (amount == nullptr || !amount->is_number()) {
      v.Add(f + "amount", {"harus angka rupiah", "must be a number of rupiah"});
    } else if (auto a = WholeNumber(*amount, -1e18, 1e18)) {
      b.amount = *a;  // range and sign are checked by ValidateProgram
    } else {
      v.Add(f + "amount", {"harus rupiah bulat", "must be whole rupiah"});
    }
    for (const auto& kv : o) {
      if (kv.key() != "year" && kv.key() != "source" && kv.key() != "amount") {
        v.Add(f + std::string(kv.key()), {"kolom tidak dikenal", "unknown field"});
      }
    }
    p.budget.push_back(std::move(b));
  }
}

void ReadKpis(const json::value* list, Program& p, Validation& v) {
  if (list == nullptr) return;
  if (!list->is_array()) return v.Add("kpis", {"harus daftar", "must be a list"});
  for (size_t i = 0; i < list->as_array().size(); ++i) {
    const std::string f = "kpis[" + std::to_string(i) + "].";
    const json::value& item = list->as_array()[i];
    if (!item.is_object()) {
      v.Add("kpis[" + std::to_string(i) + "]", {"harus objek", "must be an object"});
      continue;
    }
    const json::object& o = item.as_object();
    Kpi k;
    if (auto* n = o.if_contains("name"); n && n->is_string()) k.name = std::string(n->as_string());
    if (auto* u = o.if_contains("unit"); u && u->is_string()) k.unit = std::string(u->as_string());
    if (auto* b = o.if_contains("baseline"); b && b->is_number()) k.baseline = b->to_number<double>();
    else v.Add(f + "baseline", {"harus angka", "must be a number"});
    const json::value* targets = o.if_contains("targets");
    if (targets == nullptr || !targets->is_object()) {
      v.Add(f + "targets", {"harus objek tahun -> target, mis. {\"2026\": 80}", "must map years to targets, e.g. {\"2026\": 80}"});
    } else {
      for (const auto& t : targets->as_object()) {
        const std::string key(t.key());
        int year = 0;
        const bool year_ok = key.size() == 4 && std::all_of(key.begin(), key.end(), ::isdigit);
        if (year_ok) year = std::stoi(key);
        if (!year_ok || !t.value().is_number()) {
          v.Add(f + "targets." + key, {"tahun 4 angka dengan target angka", "a 4-digit year with a numeric target"});
          continue;
        }
        k.targets[year] = t.value().to_number<double>();
      }
    }
    p.kpis.push_back(std::move(k));
  }
}

}  // namespace

std::optional<Program> ReadProgram(const json::object& body, Validation& v) {
  static const std::set<std::string, std::less<>> kKnown = {
      "dimension", "element", "name", "description", "owner_opd_id", "supporting_opd_ids", "horizon",
      "start_year", "end_year", "location_code", "references", "status", "budget", "kpis"};
  for (const auto& kv : body) {
    if (!kKnown.contains(kv.key())) v.Add(std::string(kv.key()), {"kolom tidak dikenal", "unknown field"});
  }
  // JsonFields for the scalars; its unknown-field check is replaced by the list above.
  Validation scalars;
  http::JsonFields f(body, scalars);
  Program p;
  p.dimension = f.String("dimension", true, 40).value_or("");
  p.element = f.String("element", true, 60).value_or("");
  p.name = f.String("name", true, 200).value_or("");
  p.description = f.String("description", false, 5000).value_or("");
  p.owner_opd_id = f.Integer("owner_opd_id", true, 1, INT64_MAX).value_or(0);
  if (auto h = f.String("horizon", true, 20)) {
    if (auto x = HorizonFromString(*h)) p.horizon = *x;
    else scalars.Add("horizon", {"harus pendek, menengah atau panjang", "must be pendek, menengah or panjang"});
  }
  p.start_year = static_cast<int>(f.Integer("start_year", true, 1900, 2200).value_or(0));
  p.end_year = static_cast<int>(f.Integer("end_year", true, 1900, 2200).value_or(0));
  p.location_code = f.String("location_code", false, 20);
  p.references = f.String("references", false, 1000).value_or("");
  if (auto s = f.String("status", false, 20)) {
    if (auto x = ProgramStatusFromString(*s)) p.status = *x;
    else scalars.Add("status", {"harus planned, ongoing, done atau cancelled", "must be planned, ongoing, done or cancelled"});
  }
  for (auto& d : std::move(scalars).ToError().details) v.Add(std::move(d.field), std::move(d.message));
  if (const json::value* s = body.if_contains("supporting_opd_ids")) {
    bool ok = s->is_array();
    if (ok) {
      for (const auto& id : s->as_array()) {
        auto n = WholeNumber(id, 1, 9e15);
        ok = ok && n.has_value();
        if (n) p.supporting_opd_ids.push_back(*n);
      }
    }
    if (!ok) v.Add("supporting_opd_ids", {"harus daftar id OPD", "must be a list of OPD ids"});
  }
  ReadBudget(body.if_contains("budget"), p, v);
  ReadKpis(body.if_contains("kpis"), p, v);
  if (!v.ok()) return std::nullopt;
  return p;
}

std::optional<QuickWin> ReadQuickWin(const json::object& body, Validation& v) {
  http::JsonFields f(body, v);
  QuickWin q;
  q.dimension = f.String("dimension", true, 40).value_or("");
  q.name = f.String("name", true, 200).value_or("");
  q.description = f.String("description", false, 5000).value_or("");
  if (auto s = f.String("state", false, 20)) {
    if (auto x = QuickWinStateFromString(*s)) q.state = *x;
    else v.Add("state", {"harus candidate, selected, final atau rejected", "must be candidate, selected, final or rejected"});
  }
  q.reason = f.String("reason", false, 2000).value_or("");
  q.owner_opd_id = f.Integer("owner_opd_id", false, 1, INT64_MAX);
  q.start_date = f.String("start_date", false, 10);
  q.end_date = f.String("end_date", false, 10);
  q.budget = f.Integer("budget", false, INT64_MIN, INT64_MAX).value_or(0);
  q.milestones = f.String("milestones", false, 5000).value_or("");
  q.progress = static_cast<int>(f.Integer("progress", false, -1000, 1000).value_or(0));
  f.RejectUnknown();
  if (!v.ok()) return std::nullopt;
  return q;
}

json::object ProgramJson(const Program& p) {
  json::array supporting, budget, kpis;
  for (int64_t id : p.supporting_opd_ids) supporting.push_back(id);
  int64_t total = 0;
  for (const BudgetLine& b : p.budget) {
    budget.push_back({{"year", b.year}, {"source", b.source}, {"amount", b.amount}});
    total += b.amount;
  }
  for (const Kpi& k : p.kpis) {
    json::object targets;
    for (const auto& [year, t] : k.targets) targets[std::to_string(year)] = t;
    kpis.push_back({{"name", k.name}, {"unit", k.unit}, {"baseline", k.baseline}, {"targets", std::move(targets)}});
  }
  return {{"no", p.no}, {"dimension", p.dimension}, {"element", p.element}, {"name", p.name},
          {"description", p.description}, {"owner_opd_id", p.owner_opd_id},
          {"supporting_opd_ids", std::move(supporting)}, {"horizon", ToString(p.horizon)},
          {"start_year", p.start_year}, {"end_year", p.end_year}, {"location_code", Opt(p.location_code)},
          {"references", p.references}, {"status", ToString(p.status)}, {"budget", std::move(budget)},
          {"budget_total", total}, {"kpis", std::move(kpis)}};
}

json::object QuickWinJson(const QuickWin& q) {
  return {{"no", q.no}, {"dimension", q.dimension}, {"name", q.name}, {"description", q.description},
          {"state", ToString(q.state)}, {"reason", q.reason},
          {"owner_opd_id", q.owner_opd_id ? json::value(*q.owner_opd_id) : json::value(nullptr)},
          {"start_date", Opt(q.start_date)}, {"end_date", Opt(q.end_date)}, {"budget", q.budget},
          {"milestones", q.milestones}, {"progress", q.progress}};
}

json::object ProgramListJson(const ProgramList& l) {
  json::array programs, quick_wins;
  for (const Program& p : l.programs) programs.push_back(ProgramJson(p));
  for (const QuickWin& q : l.quick_wins) quick_wins.push_back(QuickWinJson(q));
  return {{"version", l.version}, {"programs", std::move(programs)}, {"quick_wins", std::move(quick_wins)}};
}

}  // namespace kc::masterplan
