// The program matrix of a masterplan as CSV or XLSX (GET .../programs/export?format=csv|xlsx) and
// its import from CSV (POST .../programs/import, program_import.h). Columns are Indonesian, one
// program per row; budget lines and KPIs are packed in one cell each
// ("2026:APBD:1500000000; 2027:APBD:900000000", "Nama KPI|satuan|baseline|2026=80/2027=90").
#include <boost/json.hpp>
#include <map>

#include "http/response.h"
#include "masterplan/masterplan_module.h"
#include "masterplan/program_import.h"
#include "masterplan/program_json.h"
#include "masterplan/table_export.h"

namespace kc::masterplan {
namespace {

using http::Method;
using http::Request;
using http::Response;

const Text kNoPlan{"Masterplan tidak ditemukan di region ini.",
                   "No such masterplan in this region."};

Response Fail(const Error& e, const Request& req) { return http::ErrorResponse(e, req.english); }

std::string Num(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

std::string BudgetCell(const Program& p) {
  std::string out;
  for (const BudgetLine& b : p.budget) {
    if (!out.empty()) out += "; ";
    out += std::to_string(b.year) + ":" + b.source + ":" + std::to_string(b.amount);
  }
  return out;
}

std::string KpiCell(const Program& p) {
  std::string out;
  for (const Kpi& k : p.kpis) {
    if (!out.empty()) out += "; ";
    out += k.name + "|" + k.unit + "|" + Num(k.baseline) + "|";
    bool first = true;
    for (const auto& [year, target] : k.targets) {
      out += (first ? "" : "/") + std::to_string(year) + "=" + Num(target);
      first = false;
    }
  }
  return out;
}

Result<std::map<int64_t, std::string>> OpdNames(store::Connection& c, const std::string& region) {
  KC_ASSIGN_OR_RETURN(auto s, c.Prepare("SELECT id, short_name FROM opds WHERE region_code = ?1"));
  s.Bind(1, region);
  std::map<int64_t, std::string> out;
  while (true) {
    KC_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out[s.Int(0)] = s.String(1);
  }
  return out;
}

CsvTable Matrix(const ProgramList& l, const std::map<int64_t, std::string>& opds) {
  CsvTable t(ProgramColumns(), {true, false, false, false, false, true, false, false, false, true,
                                true, false, false, false, false, true, false});
  for (const Program& p : l.programs) {
    std::string supporting;
    for (int64_t id : p.supporting_opd_ids)
      supporting += (supporting.empty() ? "" : ";") + std::to_string(id);
    int64_t total = 0;
    for (const BudgetLine& b : p.budget) total += b.amount;
    const auto owner = opds.find(p.owner_opd_id);
    t.Add({std::to_string(p.no), p.dimension, p.element, p.name, p.description,
           std::to_string(p.owner_opd_id), owner == opds.end() ? "" : owner->second, supporting,
           std::string(ToString(p.horizon)), std::to_string(p.start_year),
           std::to_string(p.end_year), p.location_code.value_or(""), p.references,
           std::string(ToString(p.status)), BudgetCell(p), std::to_string(total), KpiCell(p)});
  }
  return t;
}

Response ExportRoute(RouteContext& ctx, const Request& req) {
  auto region = internal::RegionCode(ctx, req);
  if (!region.ok()) return Fail(region.error(), req);
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return Fail(id.error(), req);
  const std::string format = req.Query("format").value_or("csv");
  if (format != "csv" && format != "xlsx") {
    Validation v;
    v.Add("format", {"harus csv atau xlsx", "must be csv or xlsx"});
    return Fail(std::move(v).ToError(), req);
  }
  auto table = ctx.db.Read([&](store::Connection& c) -> Result<CsvTable> {
    KC_ASSIGN_OR_RETURN(ProgramList l, GetPrograms(c, *region, *id));
    KC_ASSIGN_OR_RETURN(auto opds, OpdNames(c, *region));
    return Matrix(l, opds);
  });
  if (!table.ok()) return Fail(table.error(), req);
  const std::string name = "program-masterplan-" + *region + "-" + std::to_string(*id);
  if (format == "csv") return CsvResponse(table->Csv(), name + ".csv");
  auto bytes = table->Xlsx("Program");
  return bytes.ok() ? XlsxResponse(std::move(bytes).value(), name + ".xlsx")
                    : Fail(bytes.error(), req);
}

// All rows or none: parse and validate every row first, then one write saves them all.
void ImportRoute(RouteContext& ctx, Request& req, http::Reply reply) {
  auto id = internal::IdParam(req, "id", kNoPlan);
  if (!id.ok()) return reply(Fail(id.error(), req));
  Validation v;
  std::vector<ImportRow> rows = ParseProgramCsv(req.body, v);
  if (v.ok() && rows.empty()) v.Add("rows", {"tidak ada baris program", "no program rows"});
  if (!v.ok()) return reply(Fail(std::move(v).ToError(), req));
  internal::Write<ProgramList>(
      ctx, req, std::move(reply), 200,
      [plan = *id, rows = std::move(rows)](store::Connection& c, const WriteContext& wc) {
        return ImportPrograms(c, wc, plan, rows);
      },
      [](const ProgramList& l, bool) -> boost::json::value { return ProgramListJson(l); });
}

}  // namespace

void AddProgramExportRoutes(http::Router& router, std::shared_ptr<RouteContext> ctx) {
  router.Add(
      {.method = Method::kGet,
       .pattern = "/api/v1/regions/{region}/masterplans/{id}/programs/export",
       .permission = "masterplan.read",
       .region_param = "region",
       .handler = http::Sync([ctx](Request& req) { return ExportRoute(*ctx, req); }),
       .doc = {.summary = "The program matrix of the latest version as CSV or XLSX (?format=)",
               .tag = "masterplan",
               .responses = {200, 400, 404}}});
  router.Add(
      {.method = Method::kPost,
       .pattern = "/api/v1/regions/{region}/masterplans/{id}/programs/import",
       .permission = "masterplan.edit",
       .region_param = "region",
       .body_limit = 2 * 1024 * 1024,
       .handler = [ctx](Request& req,
                        http::Reply reply) { ImportRoute(*ctx, req, std::move(reply)); },
       .doc = {.summary = "Import the program matrix from CSV (export columns; all rows or none)",
               .tag = "masterplan",
               .request_content_type = "text/csv",
               .responses = {200, 400, 404, 409}}});
}

}  // namespace kc::masterplan
